import * as assert from 'node:assert/strict';
import type { ScriptedAnswer } from '../../src/commands/userInput';
import type { TestingApi } from '../../src/extension';
import type { ExplorerNode } from '../../src/tree/nodes/base';
import { eventually, extensionApi, fake, freshDemo, runWithAnswers, writes } from './support/env';

type Cluster = { name: string; node_pools: { name: string; count: number; min_nodes?: number; max_nodes?: number; nodes: { id: string; name: string; status: { state: string } }[] }[] };

describe('Kubernetes actions', function () {
  this.timeout(120_000);
  let api: TestingApi;
  const label = (n: ExplorerNode) => String(n.toTreeItem().label);
  const run = (command: string, arg: ExplorerNode | undefined, answers: ScriptedAnswer[]) => runWithAnswers(api, `digitalocean.kubernetes.${command}`, arg, answers);
  const prod = async () => (await fake.call<{ kubernetesClusters: Cluster[] }>('GET', '/__fake/data')).kubernetesClusters.find((c) => c.name === 'prod-k8s')!;

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
    assert.deepEqual((await prod()).node_pools.map((p) => p.name), ['pool-web']);
    assert.deepEqual((await api.explorer.getChildren(await path())).map(label), ['pool-web']);
  });
});
