import * as assert from 'node:assert/strict';
import type { TestingApi } from '../../src/extension';
import type { ExplorerNode } from '../../src/tree/nodes/base';
import { eventually, extensionApi, freshDemo, logShowing, nodeAt, runWithAnswers, writes } from './support/env';
import { REJECT } from './support/scriptedInput';
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

  it('deletes a tag: confirmed with the count of what carries it, it comes off every resource, which stay', async () => {
    const tags = async () => (await fakeState()).droplets.map((d) => `${d.name}:${d.tags.join(',')}`);
    const production = await nodeAt(api, 'Account-wide', 'Tags', 'production');
    assert.match(String(production.toTreeItem().contextValue), /deletable/);
    const before = await writes();
    const kept = await runWithAnswers(api, 'digitalocean.resource.delete', production, [undefined]);
    assert.equal(await writes(), before, 'nothing sent when the confirmation is dismissed');
    assert.match(kept.confirmations[0].detail, /It comes off the \d+ resources that carry it; they stay as they are/);

    const dropletsBefore = (await fakeState()).droplets.length;
    await runWithAnswers(api, 'digitalocean.resource.delete', production, ['Delete']);
    assert.ok(
      (await tags()).every((t) => !t.split(':')[1].split(',').includes('production')),
      (await tags()).join(' '),
    );
    assert.equal((await fakeState()).droplets.length, dropletsBefore, 'the droplets stay');
    assert.deepEqual(await dropletTags('web-2'), ['web']);
    await eventually('the tag gone from the view', async () =>
      (await api.explorer.getChildren(await nodeAt(api, 'Account-wide', 'Tags'))).some((n) => label(n) === 'production') ? undefined : true,
    );
  });
});

describe('SSH keys', function () {
  this.timeout(60_000);
  let api: TestingApi;
  const label = (n: ExplorerNode) => String(n.toTreeItem().label);

  before(async () => {
    api = await extensionApi();
  });
  beforeEach(() => freshDemo(api));
  afterEach(() => api.setUserInput(undefined));

  it('renames a key after checking the name, keeping its fingerprint', async () => {
    const node = await nodeAt(api, 'Account-wide', 'SSH keys', 'alice-laptop');
    assert.match(String(node.toTreeItem().contextValue), /^resource\.ssh_key\./);
    const before = await writes();
    const refused = await runWithAnswers(api, 'digitalocean.sshKey.rename', node, [REJECT('  '), REJECT('ci-deploy'), REJECT('alice-laptop'), undefined]);
    assert.match(refused.rejections.join('\n'), /A name is required/);
    assert.match(refused.rejections.join('\n'), /The account has a key named ci-deploy already/);
    assert.match(refused.rejections.join('\n'), /That is its name already/);
    assert.equal(await writes(), before, 'nothing sent for a refused name');

    await runWithAnswers(api, 'digitalocean.sshKey.rename', node, ['alice-desktop']);
    const keys = (await fakeState()).sshKeys;
    assert.deepEqual(
      keys.map((k) => [k.name, k.fingerprint]),
      [
        ['alice-desktop', '3b:16:bf:e4:8b:00:8b:b8:59:8c:a9:d3:f0:19:45:fa'],
        ['ci-deploy', '9c:2a:11:d0:7f:3e:aa:19:c4:55:01:be:82:73:6d:0e'],
      ],
    );
    await logShowing(api, /SSH key alice-laptop renamed to alice-desktop/);
    await eventually('the renamed key in the view', async () =>
      (await api.explorer.getChildren(await nodeAt(api, 'Account-wide', 'SSH keys'))).some((n) => label(n) === 'alice-desktop') ? true : undefined,
    );
  });
});
