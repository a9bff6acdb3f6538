/**
 * Create Kubernetes Cluster in the real extension host against the fake (through Prism): the
 * happy path with two node pools (one autoscaled), options, maintenance window, tags and a project,
 * waited on until running and then added to a kubeconfig; Back at every step keeping the answers
 * (preselected picks, prefilled boxes); each bad input refused at its step before any request; a
 * declined summary sending nothing; the API's refusal shown with its message and request id.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TestingApi } from '../../src/extension';
import { extensionApi, fake, freshDemo, preselected, runWithAnswers, writes, logShowing } from './support/env';
import { fakeState } from './support/fakeState';
import { ACCEPT, BACK, ScriptedUserInput } from './support/scriptedInput';

describe('Create Kubernetes cluster', function () {
  this.timeout(90_000);
  let api: TestingApi;
  const data = () => fakeState();
  const cluster = async (name: string) => (await data()).kubernetesClusters.find((c) => c.name === name);
  const account = () => api.store.list()[0];

  before(async () => {
    api = await extensionApi();
  });
  beforeEach(() => freshDemo(api));
  afterEach(() => api.setUserInput(undefined));

  it('creates a cluster with two pools, waits until it runs, places it in its project and adds it to a kubeconfig', async () => {
    const kubeconfig = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'do-k8s-create-')), 'config');
    const saved = process.env.KUBECONFIG;
    process.env.KUBECONFIG = kubeconfig;
    try {
      const input = new ScriptedUserInput([
        'web-k8s',
        'ams3',
        '1.33.2-do.0',
        'default-ams3',
        'Add a node pool…',
        ACCEPT,
        's-4vcpu-8gb',
        'Autoscale',
        '1-4',
        'web-k8s-pool-1',
        'Change web-k8s-pool-1…',
        'web',
        's-2vcpu-2gb',
        'Fixed number of nodes',
        '2',
        'Continue with 2 node pools',
        ['High-availability control plane', 'Surge upgrades'],
        'sunday',
        '3:30',
        'web, prod, web',
        'Data Platform',
        'Create web-k8s',
        'Add only',
      ]);
      input.noticeAnswers.push('Add to kubeconfig');
      api.setUserInput(input);
      await vscode.commands.executeCommand('digitalocean.kubernetes.create', account());
      assert.equal(input.remaining, 0, `unused answers; asked: ${input.questions.join(' | ')}`);
      const made = await cluster('web-k8s');
      assert.ok(made, 'the cluster exists at the fake');
      const d = await data();
      assert.equal(made.region, 'ams3');
      assert.equal(made.version, '1.33.2-do.0');
      assert.equal(made.vpc_uuid, d.vpcs.find((v) => v.name === 'default-ams3')?.id);
      assert.deepEqual(
        made.node_pools.map((p) => [p.name, p.size, p.count, p.auto_scale, p.min_nodes, p.max_nodes]),
        [
          ['web', 's-2vcpu-2gb', 2, false, 0, 0],
          ['web-k8s-pool-2', 's-4vcpu-8gb', 1, true, 1, 4],
        ],
      );
      assert.deepEqual([made.ha, made.auto_upgrade, made.surge_upgrade], [true, false, true]);
      assert.deepEqual(made.maintenance_policy, { day: 'sunday', start_time: '03:30', duration: '4h0m0s' });
      assert.deepEqual(made.tags?.slice(2), ['web', 'prod'], 'tags once each');
      assert.equal(made.status.state, 'running', 'waited until it runs');
      const dataPlatform = d.projects.find((p) => p.name === 'Data Platform')!;
      assert.ok(
        d.projectResources[dataPlatform.id].some((r) => r.urn === `do:kubernetes:${made.id}`),
        'placed in the project chosen',
      );
      // the fake lists versions oldest first, as the demo does: "latest" is chosen by version, not by place
      const versions = input.offeredItems.find((items) => items.some((i) => i.label === '1.33.2-do.0'))!;
      assert.deepEqual(
        versions.map((i) => i.label),
        ['1.34.0-do.0', '1.33.2-do.0', '1.33.1-do.0', '1.32.6-do.0', '1.32.5-do.2', '1.31.9-do.1'],
        'newest first',
      );
      assert.deepEqual(
        versions.filter((i) => i.picked).map((i) => i.label),
        ['1.34.0-do.0'],
        'the newest is preselected',
      );
      assert.deepEqual(
        versions.filter((i) => /latest/.test(String(i.description))).map((i) => i.label),
        ['1.34.0-do.0'],
        'and only it is called latest',
      );
      const summary = input.offeredItems.find((items) => items[0]?.label === 'Create web-k8s')![0];
      assert.equal(summary.description, 'ams3 · 1.33.2-do.0 · $84–$228/mo', 'the price: 2 × $18 + 1–4 × $48');
      assert.match(String(summary.detail), /web: 2 × s-2vcpu-2gb · \$36\/mo; web-k8s-pool-2: 1–4 × s-4vcpu-8gb · \$48–\$192\/mo/);
      assert.match(input.notices.join('\n'), /Cluster web-k8s is running in ams3 \(3 nodes\)/);
      assert.match(
        fs.readFileSync(kubeconfig, 'utf8'),
        new RegExp(`server: https://${made.id}\\.k8s\\.ondigitalocean\\.com`),
        'Add to kubeconfig wrote the new cluster',
      );
      assert.equal(api.treeView.selection.length, 1);
      assert.match(String((api.treeView.selection[0] as { toTreeItem(): { label?: unknown } }).toTreeItem().label), /web-k8s/, 'the new cluster is selected');
    } finally {
      if (saved === undefined) delete process.env.KUBECONFIG;
      else process.env.KUBECONFIG = saved;
    }
  });

  it('goes Back through every step with the earlier answers kept', async () => {
    const input = await runWithAnswers(api, 'digitalocean.kubernetes.create', account(), [
      'back-k8s',
      'sfo3',
      '1.32.6-do.0',
      'default-sfo3',
      'Continue with 1 node pool',
      ['Automatic patch upgrades'],
      'friday',
      '22:15',
      'a, b',
      'Acme Web',
      BACK,
      BACK,
      BACK,
      BACK,
      BACK,
      BACK,
      BACK,
      BACK,
      BACK,
      BACK, // summary → project → … → name
      ACCEPT,
      'sfo3',
      '1.32.6-do.0',
      'default-sfo3',
      'back-k8s-pool-1',
      BACK, // the only pool opens for editing at once; Back inside it: the pool list again
      'Continue with 1 node pool',
      ['Automatic patch upgrades'],
      'friday',
      ACCEPT,
      ACCEPT,
      'Acme Web',
      'Create back-k8s',
    ]);
    assert.equal(input.remaining, 0, `asked: ${input.questions.join(' | ')}`);
    const made = await cluster('back-k8s');
    assert.equal(made?.region, 'sfo3');
    assert.equal(made?.version, '1.32.6-do.0');
    assert.deepEqual(made?.maintenance_policy, { day: 'friday', start_time: '22:15', duration: '4h0m0s' });
    assert.deepEqual(made?.tags?.slice(2), ['a', 'b']);
    assert.deepEqual([made?.auto_upgrade, made?.surge_upgrade], [true, false]);
    // on the way back each pick offered the earlier answer preselected
    assert.deepEqual(preselected(input, 'sfo3', 1), ['sfo3'], 'region kept');
    assert.deepEqual(preselected(input, '1.32.6-do.0', 1), ['1.32.6-do.0'], 'version kept');
    assert.deepEqual(preselected(input, 'High-availability control plane', 1), ['Automatic patch upgrades'], 'options kept');
    assert.deepEqual(preselected(input, 'any day', 1), ['friday'], 'day kept');
    assert.deepEqual(preselected(input, 'Acme Web', 1), ['Acme Web'], 'project kept');
  });

  it('refuses each bad input at its step before any request; a declined summary sends nothing', async () => {
    const before = await writes();
    const tries: [unknown[], RegExp][] = [
      [['Web_K8s'], /Lowercase letters, digits and "-"/],
      [['prod-k8s'], /has a cluster named prod-k8s already/],
      [['ok-k8s', 'nyc3', '1.34.0-do.0', 'default-nyc3', 'Add a node pool…', 'ok-k8s-pool-1'], /has a pool named ok-k8s-pool-1 already/],
      [['ok-k8s', 'nyc3', '1.34.0-do.0', 'default-nyc3', 'ok-k8s-pool-1', ACCEPT, 's-1vcpu-2gb', 'Fixed number of nodes', '0'], /Nodes: from 1 to 512/],
      [['ok-k8s', 'nyc3', '1.34.0-do.0', 'default-nyc3', 'ok-k8s-pool-1', ACCEPT, 's-1vcpu-2gb', 'Autoscale', '5-2'], /The most: from 5 to 512/],
      [['ok-k8s', 'nyc3', '1.34.0-do.0', 'default-nyc3', 'Continue with 1 node pool', [], 'any day', '25:00'], /HH:MM/],
      [['ok-k8s', 'nyc3', '1.34.0-do.0', 'default-nyc3', 'Continue with 1 node pool', [], 'any day', ACCEPT, 'bad tag!'], /tags use letters/],
    ];
    for (const [answers, message] of tries) {
      const input = await runWithAnswers(api, 'digitalocean.kubernetes.create', account(), answers as string[]);
      assert.match(input.rejections.join('\n'), message, (answers as string[]).join(' → '));
    }
    const declined = await runWithAnswers(api, 'digitalocean.kubernetes.create', account(), [
      'ok-k8s',
      'nyc3',
      '1.34.0-do.0',
      'default-nyc3',
      'Continue with 1 node pool',
      [],
      'any day',
      ACCEPT,
      '',
      'Acme Web',
      undefined,
    ]);
    assert.deepEqual([declined.remaining, declined.rejections], [0, []], 'the summary was reached and declined');
    assert.equal(await writes(), before, 'nothing was sent');
    assert.equal(await cluster('ok-k8s'), undefined);
  });

  it("shows the API's refusal with its message and request id, and creates nothing", async () => {
    await fake.refuse('POST', '/v2/kubernetes/clusters', {
      status: 422,
      id: 'unprocessable_entity',
      message: 'droplet limit reached: 3 nodes requested, 1 available',
      requestId: 'req-k8s-refused',
    });
    await runWithAnswers(api, 'digitalocean.kubernetes.create', account(), [
      'big-k8s',
      'nyc3',
      '1.34.0-do.0',
      'default-nyc3',
      'Continue with 1 node pool',
      [],
      'any day',
      ACCEPT,
      '',
      'Acme Web',
      'Create big-k8s',
    ]);
    assert.equal(await cluster('big-k8s'), undefined);
    await logShowing(
      api,
      /Create Kubernetes cluster failed: droplet limit reached: 3 nodes requested, 1 available \(HTTP 422 unprocessable_entity, request id req-k8s-refused\)/,
    );
  });
});
