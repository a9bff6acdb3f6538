/**
 * The container registry's administration in the real extension host against the fake (through
 * Prism): its plan changed (the current one marked, one the account outgrew refused), a tag and an
 * untagged image deleted after a confirmation, garbage collection run until it ends with what it
 * freed, a running one cancelled, the registry deleted with its name typed and created again (the
 * create wizard itself is walked in wizards.test.ts); a name taken elsewhere asked again.
 */
import * as assert from 'node:assert/strict';
import type { TestingApi } from '../../src/extension';
import type { ExplorerNode } from '../../src/tree/nodes/base';
import { extensionApi, freshDemo, logShowing, nodeAt, runWithAnswers, writes } from './support/env';
import { fakeState } from './support/fakeState';
import { REJECT } from './support/scriptedInput';

describe('Container registry: plan, tags, images, garbage collection', function () {
  this.timeout(90_000);
  let api: TestingApi;
  const registry = () => nodeAt(api, 'Account-wide', 'Container registry', 'acme-registry');
  const tagsOf = async (repo: string) => ((await fakeState()).repositoryTags[repo] ?? []).map((t) => t.tag);
  const label = (n: ExplorerNode) => String(n.toTreeItem().label);

  before(async () => {
    api = await extensionApi();
  });
  afterEach(() => api.setUserInput(undefined));

  it('changes the plan after a confirmation, the current one marked, and refuses one the registry outgrew', async () => {
    await freshDemo(api);
    const before = await writes();
    const starter = await runWithAnswers(api, 'digitalocean.registry.changePlan', await registry(), ['Starter']);
    assert.match(starter.notices.join('\n'), /error: .*acme-registry cannot move to Starter: .*not available: OverRepositoryLimit/);
    assert.equal(await writes(), before, 'nothing was sent');
    const input = await runWithAnswers(api, 'digitalocean.registry.changePlan', await registry(), ['Professional', 'Change Plan']);
    assert.equal(input.remaining, 0, input.asked.join(' | '));
    assert.match(String(input.offeredItems[0].find((i) => i.label === 'Basic')?.description), /\$5\/mo .* · now$/);
    assert.match(input.confirmations[0].detail, /\$20\/mo a month from now on \(was \$5\/mo\)/);
    assert.equal((await fakeState()).registry?.subscription?.tier.slug, 'professional');
  });

  it('deletes a tag, collects the garbage it left, and deletes an untagged image by digest', async () => {
    await freshDemo(api);
    const tag = await nodeAt(api, 'Account-wide', 'Container registry', 'acme-registry', 'web', 'v1.4.1');
    await runWithAnswers(api, 'digitalocean.registry.deleteTag', tag, ['Delete']);
    assert.deepEqual(await tagsOf('web'), ['latest', 'v1.4.2']);

    const usedBefore = (await fakeState()).registry!.storage_usage_bytes!;
    const gc = await runWithAnswers(api, 'digitalocean.registry.runGc', await registry(), ['Untagged images and unused layers', 'Run']);
    assert.equal(gc.remaining, 0, gc.asked.join(' | '));
    assert.match(gc.notices.join('\n'), /Garbage collection of acme-registry succeeded: 7 blobs deleted, \S+ \S+ freed/);
    assert.ok((await fakeState()).registry!.storage_usage_bytes! < usedBefore, 'the storage went down');
    await logShowing(api, /garbage collection succeeded/);

    const repoNode = await nodeAt(api, 'Account-wide', 'Container registry', 'acme-registry', 'web');
    await runWithAnswers(api, 'digitalocean.registry.deleteTag', await nodeAt(api, 'Account-wide', 'Container registry', 'acme-registry', 'web', 'v1.4.2'), [
      'Delete',
    ]);
    const manifest = await runWithAnswers(api, 'digitalocean.registry.deleteManifest', repoNode, [undefined]);
    const first = manifest.offeredItems[0][0];
    assert.match(String(first.description), /^untagged · /, 'untagged images come first');
    const del = await runWithAnswers(api, 'digitalocean.registry.deleteManifest', repoNode, [first.label, 'Delete']);
    assert.match(del.confirmations[0].detail, /It is untagged/);
    assert.equal((await fakeState()).repositories.find((r) => r.name === 'web')?.manifest_count, 1);
  });

  it('cancels a running garbage collection after a confirmation, and says when none runs', async () => {
    await freshDemo(api, 60_000);
    const none = await runWithAnswers(api, 'digitalocean.registry.cancelGc', await registry(), []);
    assert.match(none.notices.join('\n'), /No garbage collection of acme-registry is running/);
    await api.model.client(api.store.list()[0]).request('POST', '/v2/registry/acme-registry/garbage-collection', { body: { type: 'unreferenced blobs only' } });
    const refused = await runWithAnswers(api, 'digitalocean.registry.runGc', await registry(), []);
    assert.match(refused.notices.join('\n'), /error: .*A garbage collection of acme-registry is running already \(scanning manifests\)/);
    const cancel = await runWithAnswers(api, 'digitalocean.registry.cancelGc', await registry(), ['Cancel Collection']);
    assert.equal(cancel.remaining, 0, cancel.asked.join(' | '));
    await logShowing(api, /garbage collection \S+ cancelled/);
  });

  it('deletes the registry with its name typed, and creates one again asking for another name when the first is taken', async () => {
    await freshDemo(api);
    const before = await writes();
    await runWithAnswers(api, 'digitalocean.registry.delete', await registry(), ['acme']);
    assert.equal(await writes(), before, 'a mistyped name deletes nothing');
    await runWithAnswers(api, 'digitalocean.registry.delete', await registry(), ['acme-registry']);
    assert.equal((await fakeState()).registry, null);
    const group = await nodeAt(api, 'Account-wide', 'Container registry');
    assert.ok(!(await api.explorer.getChildren(group)).map(label).includes('acme-registry'));
    const input = await runWithAnswers(api, 'digitalocean.registry.create', api.store.list()[0], [
      REJECT('Acme Images'),
      'example',
      'acme-images',
      'Basic',
      'ams3',
      'Create acme-images',
    ]);
    assert.equal(input.remaining, 0, input.asked.join(' | '));
    assert.match(input.notices.join('\n'), /warning: The name example is taken on DigitalOcean: choose another/);
    assert.deepEqual([(await fakeState()).registry?.name, (await fakeState()).registry?.region], ['acme-images', 'ams3']);
  });
});
