import * as assert from 'node:assert/strict';
import type { ScriptedAnswer } from './support/scriptedInput';
import type { TestingApi } from '../../src/extension';
import type { ExplorerNode } from '../../src/tree/nodes/base';
import { eventually, extensionApi, fake, freshDemo, runWithAnswers, writes } from './support/env';
import { fakeState } from './support/fakeState';

describe('Kubernetes actions', function () {
  this.timeout(120_000);
  let api: TestingApi;
  const label = (n: ExplorerNode) => String(n.toTreeItem().label);
  const run = (command: string, arg: ExplorerNode | undefined, answers: ScriptedAnswer[]) =>
    runWithAnswers(api, `digitalocean.kubernetes.${command}`, arg, answers);
  const prod = async () => (await fakeState()).kubernetesClusters.find((c) => c.name === 'prod-k8s')!;

  async function path(...names: string[]): Promise<ExplorerNode> {
    let node: ExplorerNode | undefined;
    for (const name of ['Acme Demo', 'Acme Web', 'Kubernetes clusters', 'prod-k8s', ...names]) {
      const children: ExplorerNode[] = await api.explorer.getChildren(node);
      node = children.find((n) => label(n) === name || label(n).startsWith(name));
      assert.ok(node, `no ${name}`);
    }
    return node!;
  }

  before(async () => {
    api = await extensionApi();
  });

  beforeEach(() => freshDemo(api, 1500));

  afterEach(() => api.setUserInput(undefined));

  it('scales a node pool; the new node shows as provisioning and settles by itself', async () => {
    const before = await writes();
    const same = await run('scaleNodePool', await path('pool-web'), ['3']);
    assert.match(same.rejections.join(' '), /has 3 already/);
    assert.equal((await run('scaleNodePool', await path('pool-web'), ['0'])).rejections.length, 1);
    assert.equal(await writes(), before);

    await run('scaleNodePool', await path('pool-web'), ['4']);
    const pool = (await prod()).node_pools.find((p) => p.name === 'pool-web')!;
    assert.equal(pool.count, 4);
    assert.match(String((await path()).toTreeItem().description), /6 nodes/);
    const states = async () => (await api.explorer.getChildren(await path('pool-web'))).map((n) => String(n.toTreeItem().description));
    assert.ok((await states()).includes('provisioning'));
    await eventually('the new node to be running without a refresh', async () => (await states()).every((d) => d === ''), 20_000);
  });

  it('asks for the bounds of an autoscaling pool', async () => {
    await run('scaleNodePool', await path('pool-jobs'), ['2', '8']);
    const pool = (await prod()).node_pools.find((p) => p.name === 'pool-jobs')!;
    assert.deepEqual([pool.min_nodes, pool.max_nodes], [2, 8]);
  });

  it('recycles a node after confirmation, and deletes a node pool after its name is typed', async () => {
    const [first] = (await prod()).node_pools[0].nodes;
    const nodeItem = (await api.explorer.getChildren(await path('pool-web'))).find((n) => label(n) === first.name)!;
    await run('recycleNode', nodeItem, ['Cancel']);
    assert.equal((await prod()).node_pools[0].nodes[0].status.state, 'running');
    await run('recycleNode', nodeItem, ['Recycle']);
    assert.equal((await prod()).node_pools[0].nodes[0].status.state, 'provisioning');

    await run('deleteNodePool', await path('pool-jobs'), ['pool-job']);
    assert.equal((await prod()).node_pools.length, 2, 'a mistyped name deletes nothing');
    await run('deleteNodePool', await path('pool-jobs'), ['pool-jobs']);
    assert.deepEqual(
      (await prod()).node_pools.map((p) => p.name),
      ['pool-web'],
    );
    assert.deepEqual((await api.explorer.getChildren(await path())).map(label), ['pool-web']);
  });

  it('adds a node pool through a wizard with Back; bad names and counts are refused before any request', async () => {
    const before = await writes();
    for (const [answers, problem] of [
      [['Pool-Bad'], /Lowercase/],
      [['pool-web'], /already/],
      [['a'.repeat(64)], /At most 63/],
      [['', 's-2vcpu-4gb'], /required/],
      [['pool-gpu', 's-2vcpu-4gb', 'Autoscale', '5-2'], /most/i],
      [['pool-gpu', 's-2vcpu-4gb', 'Autoscale', 'x'], /min-max/],
      [['pool-gpu', 's-2vcpu-4gb', 'Fixed number of nodes', '0'], /Nodes/],
    ] as [string[], RegExp][]) {
      const input = await run('addNodePool', await path(), answers);
      assert.equal(input.rejections.length, 1, `${answers.join(',')}: ${input.rejections.join(' | ')}`);
      assert.match(input.rejections[0], problem);
    }
    assert.equal(await writes(), before, 'nothing was sent for bad input');

    const input = await run('addNodePool', await path(), ['pool-gpu', 's-4vcpu-8gb', '<back>', 's-2vcpu-4gb', 'Autoscale', '2-6']);
    assert.equal(input.rejections.length, 0);
    assert.equal(await writes(), before + 1, 'one request: the create');
    const pool = (await prod()).node_pools.find((p) => p.name === 'pool-gpu')!;
    assert.deepEqual([pool.size, pool.count, pool.auto_scale, pool.min_nodes, pool.max_nodes], ['s-2vcpu-4gb', 2, true, 2, 6]);
    assert.ok(
      (await api.explorer.getChildren(await path())).some((n) => label(n) === 'pool-gpu'),
      'the tree shows the new pool',
    );
  });

  it('adds a fixed-size node pool from the palette, asking which cluster', async () => {
    const input = await run('addNodePool', undefined, ['staging-k8s', 'pool-two', 's-2vcpu-2gb', 'Fixed number of nodes', '2']);
    assert.deepEqual(input.offered[0], ['prod-k8s', 'staging-k8s']);
    const staging = (await fakeState()).kubernetesClusters.find((c) => c.name === 'staging-k8s')!;
    assert.deepEqual(
      staging.node_pools.map((p) => [p.name, p.count]),
      [
        ['pool-default', 2],
        ['pool-two', 2],
      ],
    );
  });

  it('upgrades a cluster to an offered version after confirmation; it shows "upgrading" until done', async () => {
    const declined = await run('upgrade', await path(), ['1.33.2-do.0', 'Cancel']);
    assert.deepEqual(declined.offered[0], ['1.33.2-do.0', '1.34.0-do.0'], 'only newer versions are offered');
    assert.ok(
      declined.asked.some((q) => /Upgrade prod-k8s from 1.33.1-do.0 to 1.33.2-do.0/.test(q)),
      declined.asked.join(' | '),
    );
    assert.equal((await prod()).version, '1.33.1-do.0');

    await fake.call('POST', '/__fake/config', { actionDurationMs: 4000 });
    await run('upgrade', await path(), ['1.34.0-do.0', 'Upgrade']);
    assert.equal((await prod()).status.state, 'upgrading');
    assert.match(String((await path()).toTreeItem().description), /^upgrading/);
    await eventually(
      'the cluster to be running the new version without a refresh',
      async () => /^1\.34\.0-do\.0/.test(String((await path()).toTreeItem().description)),
      20_000,
    );
    assert.equal((await prod()).version, '1.34.0-do.0');
  });
});
