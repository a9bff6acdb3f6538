/** What the agent tools may hand a model: secrets left out at any depth, text from outside made inert. */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { asResult, DATA_NOTICE, inert, redact } from '../../src/agents/data';

describe('Agent tool data', () => {
  it('leaves out secrets by key at any depth, a URL’s user and password, and SECRET env values', () => {
    const cluster = {
      name: 'main-pg',
      connection: { host: 'db.example', port: 25060, user: 'doadmin', password: 'p4ss', uri: 'postgresql://doadmin:p4ss@db.example:25060/defaultdb' },
      users: [{ name: 'kafka-user', role: 'normal', access_key: '-----BEGIN PRIVATE KEY-----', access_cert: 'cert' }],
      spec: {
        envs: [
          { key: 'DB_PASSWORD', value: 'EV[1:abc]', type: 'SECRET' },
          { key: 'MODE', value: 'prod', type: 'GENERAL' },
        ],
      },
      note: 'see https://admin:hunter2@internal.example/x',
      secret_key: 'sk',
      api_token: 't',
    };
    const out = JSON.stringify(redact(cluster));
    for (const secret of ['p4ss', 'PRIVATE KEY', 'EV[1:abc]', 'hunter2', '"sk"', '"t"']) assert.ok(!out.includes(secret), `${secret} left out: ${out}`);
    assert.deepEqual((redact(cluster) as typeof cluster).spec.envs, [
      { key: 'DB_PASSWORD', type: 'SECRET' },
      { key: 'MODE', value: 'prod', type: 'GENERAL' },
    ]);
    assert.equal((redact(cluster) as typeof cluster).connection.host, 'db.example');
    assert.equal((redact(cluster) as typeof cluster).note, 'see https://internal.example/x');
  });

  it('makes every string inert: no control character or escape sequence survives (1,000 cases)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (s) => {
        const text = asResult({ name: s, [s]: [s] });
        assert.ok(text.startsWith(`${DATA_NOTICE}\n`));
        const data: unknown = JSON.parse(text.slice(DATA_NOTICE.length + 1));
        const strings: string[] = [];
        const walk = (v: unknown): void => {
          if (typeof v === 'string') strings.push(v);
          else if (Array.isArray(v)) v.forEach(walk);
          else if (v && typeof v === 'object')
            for (const [k, x] of Object.entries(v)) {
              strings.push(k);
              walk(x);
            }
        };
        walk(data);
        for (const str of strings) assert.ok(!/[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/.test(str), JSON.stringify(str));
        assert.equal(inert(inert(s)), inert(s), 'inert twice is inert once');
      }),
      { numRuns: 1000 },
    );
  });
});
