/**
 * CDN endpoints in the real extension host against the fake (through Prism): Purge Cache of
 * everything or of the paths typed (a URL or a query string refused before any request), and
 * Change Cache Lifetime among the five the API takes, the current one preselected.
 */
import * as assert from 'node:assert/strict';
import type { TestingApi } from '../../src/extension';
import { eventually, extensionApi, freshDemo, logShowing, nodeAt, preselected, runWithAnswers, writes } from './support/env';
import { fakeState } from './support/fakeState';
import { REJECT } from './support/scriptedInput';

describe('CDN endpoints: purge and cache lifetime', function () {
  this.timeout(60_000);
  let api: TestingApi;
  const ENDPOINT = 'acme-assets.nyc3.cdn.digitaloceanspaces.com';
  const node = () => nodeAt(api, 'Account-wide', 'CDN endpoints', ENDPOINT);
  const seeded = async () => (await fakeState()).cdnEndpoints.find((e) => e.endpoint === ENDPOINT)!;

  before(async () => {
    api = await extensionApi();
  });
  beforeEach(() => freshDemo(api));
  afterEach(() => api.setUserInput(undefined));

  it('purges everything, or the paths typed once they are paths', async () => {
    const all = await runWithAnswers(api, 'digitalocean.cdn.purge', await node(), ['Everything']);
    assert.equal(all.remaining, 0);
    const id = (await seeded()).id;
    assert.deepEqual((await fakeState()).cdnPurges[id], [['*']]);
    assert.match(all.notices.join('\n'), /The cache of acme-assets\.nyc3\.cdn\.digitaloceanspaces\.com is purged/);

    const before = await writes();
    const some = await runWithAnswers(api, 'digitalocean.cdn.purge', await node(), [
      'Some paths…',
      REJECT('https://acme-assets.nyc3.cdn.digitaloceanspaces.com/site.css'),
      REJECT('site.css?v=2'),
      '/css/*, img/logo.png',
    ]);
    assert.match(some.rejections[0], /not a URL/);
    assert.match(some.rejections[1], /query string/);
    assert.equal(await writes(), before + 1, 'one request: the refused paths sent nothing');
    assert.deepEqual((await fakeState()).cdnPurges[id], [['*'], ['css/*', 'img/logo.png']]);
    await logShowing(api, /CDN acme-assets\.nyc3\.cdn\.digitaloceanspaces\.com: cache purged \(2 paths\)/);
  });

  it('changes the cache lifetime among the five the API takes, the current one preselected', async () => {
    const input = await runWithAnswers(api, 'digitalocean.cdn.setTtl', await node(), ['1 day']);
    assert.deepEqual(input.offered[0], ['1 minute', '10 minutes', '1 hour', '1 day', '1 week']);
    assert.deepEqual(preselected(input, '1 hour'), ['1 hour'], 'the seeded 3600 s');
    assert.equal((await seeded()).ttl, 86400);
    await eventually('the view shows the new lifetime', async () => String((await node()).toTreeItem().description).endsWith('TTL 86400') || undefined);

    const before = await writes();
    await runWithAnswers(api, 'digitalocean.cdn.setTtl', await node(), ['1 day']);
    assert.equal(await writes(), before, 'the same lifetime: nothing sent');
  });
});
