import * as assert from 'node:assert/strict';
import type { TestingApi } from '../../src/extension';
import type { ExplorerNode } from '../../src/tree/nodes/base';
import { extensionApi, freshDemo, runWithAnswers, writes } from './support/env';
import { fakeState } from './support/fakeState';

describe('Tags', function () {
  this.timeout(120_000);
  let api: TestingApi;
  const label = (n: ExplorerNode) => String(n.toTreeItem().label);
  const dropletTags = async (name: string) => (await fakeState()).droplets.find((d) => d.name === name)!.tags;

  async function web2(): Promise<ExplorerNode> {
    let node: ExplorerNode | undefined;
    for (const name of ['Acme Demo', 'Acme Web', 'Droplets', 'web-2']) {
      node = (await api.explorer.getChildren(node)).find((n) => label(n).startsWith(name));
      assert.ok(node, name);
    }
    return node!;
  }

  before(async () => {
    api = await extensionApi();
  });

  beforeEach(() => freshDemo(api));

  afterEach(() => api.setUserInput(undefined));

  it('adds an existing tag, a new one, and removes one', async () => {
    await runWithAnswers(api, 'digitalocean.tags.add', await web2(), ['data']);
    assert.deepEqual(await dropletTags('web-2'), ['web', 'production', 'data']);

    const before = await writes();
    const bad = await runWithAnswers(api, 'digitalocean.tags.add', await web2(), ['New tag…', 'bad tag!']);
    assert.match(bad.rejections.join(' '), /Letters, digits/);
    const dup = await runWithAnswers(api, 'digitalocean.tags.add', await web2(), ['New tag…', 'web']);
    assert.match(dup.rejections.join(' '), /has it already/);
    assert.equal(await writes(), before);

    await runWithAnswers(api, 'digitalocean.tags.add', await web2(), ['New tag…', 'team:payments']);
    assert.deepEqual(await dropletTags('web-2'), ['web', 'production', 'data', 'team:payments']);

    await runWithAnswers(api, 'digitalocean.tags.remove', await web2(), ['production']);
    assert.deepEqual(await dropletTags('web-2'), ['web', 'data', 'team:payments']);
    api.explorer.setFilter('team:payments');
    const [account] = await api.explorer.getChildren();
    const web = (await api.explorer.getChildren(account)).find((n) => label(n) === 'Acme Web')!;
    const droplets = (await api.explorer.getChildren(web)).find((n) => label(n) === 'Droplets')!;
    assert.deepEqual((await api.explorer.getChildren(droplets)).map(label), ['web-2'], 'the tree knows the new tag');
    api.explorer.setFilter(undefined);
  });
});
