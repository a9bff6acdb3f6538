/**
 * A cluster's settings and a node pool's scale in the real extension host against the fake
 * (through Prism): each setting read fresh, the change shown as before → after and confirmed (a
 * declined one sends nothing), the settings sent whole; the high-availability control plane only
 * offered while it is off; scaling a pool reads it first and sends back its labels, taints and tags
 * (the API's PUT replaces the pool: they would be lost).
 */
import * as assert from 'node:assert/strict';
import type { TestingApi } from '../../src/extension';
import { assertDeclinedQuietly, extensionApi, fake, freshDemo, nodeAt, runWithAnswers, writes } from './support/env';
import { fakeState } from './support/fakeState';
import { REJECT } from './support/scriptedInput';

describe('Kubernetes: cluster settings, pool scale keeps labels', function () {
  this.timeout(60_000);
  let api: TestingApi;
  const cluster = async (name: string) => (await fakeState()).kubernetesClusters.find((c) => c.name === name)!;
  const staging = () => nodeAt(api, 'Staging', 'Kubernetes clusters', 'staging-k8s');

  before(async () => {
    api = await extensionApi();
  });
  beforeEach(() => freshDemo(api));
  afterEach(() => api.setUserInput(undefined));

  it('turns automatic upgrades on after showing the change; a declined change sends nothing', async () => {
    const before = await writes();
    assertDeclinedQuietly(
      await runWithAnswers(api, 'digitalocean.kubernetes.editSettings', await staging(), ['Automatic upgrades', 'On', 'Cancel']),
      /^Change staging-k8s\?$/,
    );
    assert.equal(await writes(), before, 'nothing sent');
    const input = await runWithAnswers(api, 'digitalocean.kubernetes.editSettings', await staging(), ['Automatic upgrades', 'On', 'Change']);
    assert.equal(input.remaining, 0, input.asked.join(' | '));
    assert.equal(input.confirmations[0].detail, 'Automatic upgrades: off → on');
    assert.deepEqual(input.offered[0], ['Automatic upgrades', 'Surge upgrades', 'Maintenance window', 'High-availability control plane', 'Tags']);
    const after = await cluster('staging-k8s');
    assert.equal(after.auto_upgrade, true);
    assert.equal(after.surge_upgrade, true, 'the other settings are sent as they were');
    assert.deepEqual(after.maintenance_policy, { start_time: '04:00', duration: '4h0m0s', day: 'any' });
  });

  it('moves the maintenance window (a checked time) and sets tags, keeping DigitalOcean’s own', async () => {
    const id = (await cluster('staging-k8s')).id;
    const window = await runWithAnswers(api, 'digitalocean.kubernetes.editSettings', await staging(), [
      'Maintenance window',
      'sunday',
      REJECT('25:00'),
      '3:30',
      'Change',
    ]);
    assert.equal(window.confirmations[0].detail, 'Maintenance window: any 04:00 UTC → sunday 03:30 UTC');
    assert.deepEqual((await cluster('staging-k8s')).maintenance_policy, { start_time: '03:30', duration: '4h0m0s', day: 'sunday' });

    await runWithAnswers(api, 'digitalocean.kubernetes.editSettings', await staging(), ['Tags', REJECT('bad tag!'), 'team:web, staging', 'Change']);
    assert.deepEqual((await cluster('staging-k8s')).tags, ['k8s', `k8s:${id}`, 'team:web', 'staging']);
    assert.equal((await cluster('staging-k8s')).maintenance_policy?.day, 'sunday', 'the window moved before stays');
  });

  it('offers the high-availability control plane only while it is off', async () => {
    const prod = await runWithAnswers(api, 'digitalocean.kubernetes.editSettings', await nodeAt(api, 'Acme Web', 'Kubernetes clusters', 'prod-k8s'), [
      undefined,
    ]);
    assert.ok(!prod.offered[0].includes('High-availability control plane'), 'prod-k8s has it already');
    const input = await runWithAnswers(api, 'digitalocean.kubernetes.editSettings', await staging(), ['High-availability control plane', 'Change']);
    assert.match(input.confirmations[0].detail, /it cannot be turned off again/);
    assert.equal((await cluster('staging-k8s')).ha, true);
  });

  it('scales a pool sending back its labels, taints and tags as they are', async () => {
    const prod = await cluster('prod-k8s');
    const pools = structuredClone(prod.node_pools);
    const web = pools.find((p) => p.name === 'pool-web')!;
    web.labels = { tier: 'frontend' };
    web.taints = [{ key: 'dedicated', value: 'web', effect: 'NoSchedule' }];
    web.tags = [...(web.tags ?? []), 'frontend'];
    await fake.call('POST', '/__fake/patch', { collection: 'kubernetesClusters', where: { name: 'prod-k8s' }, set: { node_pools: pools } });
    const node = await nodeAt(api, 'Acme Web', 'Kubernetes clusters', 'prod-k8s', 'pool-web');
    const input = await runWithAnswers(api, 'digitalocean.kubernetes.scaleNodePool', node, ['4']);
    assert.equal(input.remaining, 0, input.asked.join(' | '));
    const after = (await cluster('prod-k8s')).node_pools.find((p) => p.name === 'pool-web')!;
    assert.equal(after.count, 4);
    assert.deepEqual(after.labels, { tier: 'frontend' });
    assert.deepEqual(after.taints, [{ key: 'dedicated', value: 'web', effect: 'NoSchedule' }]);
    assert.ok(after.tags?.includes('frontend'));
    const read = (await fake.log()).handled.filter((h) => h.method === 'GET' && h.path === `/v2/kubernetes/clusters/${prod.id}/node_pools/${web.id}`);
    assert.equal(read.length, 1, 'the pool was read fresh');
  });
});
