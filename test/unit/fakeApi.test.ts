import * as assert from 'node:assert/strict';
import { FakeDigitalOcean } from '../../src/demo/fakeApi';

describe('Fake API', () => {
  const request = (method: string, url: string) => ({ method, url, headers: { get: (n: string) => (n === 'authorization' ? 'Bearer t' : null) }, body: '' });

  it('answers 500 with the fault named when a route throws, and keeps serving', () => {
    const fake = new FakeDigitalOcean();
    const original = console.error;
    const printed: unknown[] = [];
    console.error = (...args: unknown[]) => printed.push(args);
    try {
      fake.on('GET', '/v2/boom', () => {
        throw new Error('kaboom');
      });
      const broken = fake.handle(request('GET', '/v2/boom'));
      assert.equal(broken.status, 500);
      assert.match(JSON.parse(broken.body).message, /GET \/v2\/boom: kaboom/);
      assert.equal(printed.length, 1, 'the fault is printed once');
      assert.equal(fake.handle(request('GET', '/v2/account')).status, 200);
    } finally {
      console.error = original;
    }
  });
});
