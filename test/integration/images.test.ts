/**
 * Custom images in the real extension host against the fake (through Prism): an import whose URL
 * DigitalOcean cannot fetch is reported with the API's reason; Rename or Describe reads the image
 * fresh and sends what changed; Copy to Another Region follows the image's own action until it
 * completes; Show Image History lists its actions newest first.
 */
import * as assert from 'node:assert/strict';
import type { TestingApi } from '../../src/extension';
import { eventually, extensionApi, freshDemo, logShowing, nodeAt, runWithAnswers, writes } from './support/env';
import { fakeState } from './support/fakeState';

describe('Custom images: import, edit, copy, history', function () {
  this.timeout(60_000);
  let api: TestingApi;
  const NAME = 'acme-base-2026-10';
  const node = () => nodeAt(api, 'Account-wide', 'Custom images', NAME);
  const stored = async (name = NAME) => (await fakeState()).images.find((i) => i.name === name);

  before(async () => {
    api = await extensionApi();
  });
  beforeEach(() => freshDemo(api));
  afterEach(() => api.setUserInput(undefined));

  it('renames and describes an image read fresh, saying what changes', async () => {
    const input = await runWithAnswers(api, 'digitalocean.image.edit', await node(), [
      'acme-base-2026-11',
      'Hardened base, November',
      'Debian',
      'Save acme-base-2026-11',
    ]);
    assert.equal(input.remaining, 0, input.asked.join(' | '));
    assert.equal(input.offeredItems.at(-1)![0].description, 'acme-base-2026-10 → acme-base-2026-11 · new description · Ubuntu → Debian');
    const saved = await stored('acme-base-2026-11');
    assert.deepEqual([saved?.description, saved?.distribution], ['Hardened base, November', 'Debian']);
    await logShowing(api, /Image acme-base-2026-10: saved as acme-base-2026-11 \(Debian\)/);
  });

  it("copies an image to another region, following the image's action, and lists it in the history", async () => {
    const before = await writes();
    const copy = await runWithAnswers(api, 'digitalocean.image.transfer', await node(), ['sfo3']);
    assert.equal(copy.remaining, 0, copy.asked.join(' | '));
    assert.ok(!copy.offered[0].includes('nyc3') && !copy.offered[0].includes('ams3'), `regions it is in are not offered: ${copy.offered[0].join(', ')}`);
    assert.equal((await writes()) - before, 1, 'one action');
    assert.deepEqual((await stored())?.regions, ['nyc3', 'ams3', 'sfo3'], 'the command waited for the copy');
    assert.match(copy.notices.join('\n'), /acme-base-2026-10 is in sfo3 now/);
    const history = await runWithAnswers(api, 'digitalocean.image.history', await node(), [undefined]);
    assert.deepEqual(history.offered[0], ['transfer · completed']);
    assert.match(String(history.offeredItems[0][0].description), /^sfo3 · /);
  });

  it("reports an import DigitalOcean could not fetch with the API's reason", async () => {
    const input = await runWithAnswers(api, 'digitalocean.image.create', api.store.list()[0], [
      'https://mirror.invalid/noble-server-cloudimg-amd64.img',
      'noble-server-cloudimg-amd64',
      'nyc3',
      'Ubuntu',
      '',
      'Import noble-server-cloudimg-amd64',
    ]);
    assert.equal(input.remaining, 0, input.asked.join(' | '));
    assert.match(input.notices.join('\n'), /error: .*DigitalOcean could not import noble-server-cloudimg-amd64: could not download mirror\.invalid/);
    await eventually('the failed image in the fake', async () => ((await stored('noble-server-cloudimg-amd64'))?.status === 'deleted' ? true : undefined));
  });
});
