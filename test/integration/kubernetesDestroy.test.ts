/**
 * Destroy a Kubernetes cluster with its associated resources, in the real extension host against
 * the fake (through Prism): what the cluster made (a load balancer sending to its nodes' tag, a
 * volume tagged with it and that volume's snapshot) listed with its cost if kept; a wrong name
 * sends nothing; the chosen ones go with the cluster (the API's selective destroy) and the rest
 * stay; choosing all of them uses the API's destroy of everything associated.
 */
import * as assert from 'node:assert/strict';
import type { TestingApi } from '../../src/extension';
import { eventually, extensionApi, fake, freshDemo, logShowing, nodeAt, runWithAnswers, writes } from './support/env';
import { fakeState } from './support/fakeState';
import { REJECT } from './support/scriptedInput';

describe('Kubernetes: destroy with associated resources', function () {
  this.timeout(60_000);
  let api: TestingApi;
  const clusterId = async (name: string) => (await fakeState()).kubernetesClusters.find((c) => c.name === name)!.id as string;
  const gone = (find: () => Promise<unknown>) => async () =>
    (await find().then(
      () => false,
      () => true,
    )) || undefined;

  before(async () => {
    api = await extensionApi();
  });
  beforeEach(() => freshDemo(api));
  afterEach(() => api.setUserInput(undefined));

  it('lists what prod-k8s made with its cost if kept, and destroys the chosen ones with it after its name is typed', async () => {
    const id = await clusterId('prod-k8s');
    await fake.call('POST', '/__fake/patch', { collection: 'volumes', where: { name: 'web-uploads' }, set: { tags: ['web', `k8s:${id}`] } });
    await fake.call('POST', '/__fake/patch', { collection: 'loadBalancers', where: { name: 'web-lb' }, set: { tag: `k8s:${id}` } });
    const node = await nodeAt(api, 'Acme Web', 'Kubernetes clusters', 'prod-k8s');
    const before = await writes();
    const wrong = await runWithAnswers(api, 'digitalocean.kubernetes.destroyWithAssociated', node, [['Volume web-uploads'], REJECT('staging-k8s'), undefined]);
    assert.deepEqual(wrong.offered[0], ['Load balancer web-lb', 'Volume web-uploads', 'Volume snapshot web-uploads-weekly']);
    assert.equal(await writes(), before, 'a wrong name sends nothing');

    const input = await runWithAnswers(api, 'digitalocean.kubernetes.destroyWithAssociated', node, [['Volume web-uploads'], 'prod-k8s']);
    assert.equal(input.remaining, 0, input.questions.join(' | '));
    const questions = input.questions.join('\n');
    assert.match(questions, /Its 5 node\(s\) and every workload on them are destroyed\./);
    assert.match(questions, /With it: Volume web-uploads\. Kept: Load balancer web-lb, Volume snapshot web-uploads-weekly \(\$13\.89\/mo\)/);
    const sent = (await fake.log()).handled.filter((h) => h.method === 'DELETE' && h.path.includes('/destroy_with_associated_resources/'));
    assert.deepEqual(
      sent.map((h) => h.path),
      [`/v2/kubernetes/clusters/${id}/destroy_with_associated_resources/selective`],
    );
    const state = await fakeState();
    assert.ok(!state.kubernetesClusters.some((c) => c.name === 'prod-k8s'), 'the cluster went');
    assert.ok(!state.volumes.some((v) => v.name === 'web-uploads'), 'the chosen volume went');
    assert.ok(
      state.loadBalancers.some((l) => l.name === 'web-lb'),
      'the load balancer not chosen stays',
    );
    assert.ok(
      state.snapshots.some((s) => s.name === 'web-uploads-weekly'),
      'the volume snapshot not chosen stays',
    );
    assert.match(input.notices.join('\n'), /prod-k8s and 1 associated resource\(s\) are being destroyed/);
    await logShowing(api, /Destroy prod-k8s with 1 associated resource\(s\)/);
    await eventually(
      'prod-k8s gone from the view',
      gone(() => nodeAt(api, 'Acme Web', 'Kubernetes clusters', 'prod-k8s')),
    );
    await eventually(
      'web-uploads gone from the view',
      gone(() => nodeAt(api, 'Acme Web', 'Volumes', 'web-uploads')),
    );
  });

  it('destroys everything the cluster made with the API’s destroy of all associated resources when all are chosen', async () => {
    const id = await clusterId('staging-k8s');
    await fake.call('POST', '/__fake/patch', { collection: 'volumes', where: { name: 'pg-backups' }, set: { tags: [`k8s:${id}`] } });
    const node = await nodeAt(api, 'Staging', 'Kubernetes clusters', 'staging-k8s');
    const input = await runWithAnswers(api, 'digitalocean.kubernetes.destroyWithAssociated', node, [['Volume pg-backups'], 'staging-k8s']);
    assert.equal(input.remaining, 0, input.questions.join(' | '));
    assert.match(input.questions.join('\n'), /With it: Volume pg-backups\. This cannot be undone/);
    const sent = (await fake.log()).handled.filter((h) => h.method === 'DELETE' && h.path.includes('/destroy_with_associated_resources/'));
    assert.deepEqual(
      sent.map((h) => h.path),
      [`/v2/kubernetes/clusters/${id}/destroy_with_associated_resources/dangerous`],
    );
    const state = await fakeState();
    assert.ok(!state.kubernetesClusters.some((c) => c.name === 'staging-k8s'));
    assert.ok(!state.volumes.some((v) => v.name === 'pg-backups'));
    assert.ok(
      state.volumes.some((v) => v.name === 'web-uploads'),
      'what the cluster did not make stays',
    );
  });

  it('asks only for the name when the cluster made nothing else, and says so', async () => {
    const node = await nodeAt(api, 'Staging', 'Kubernetes clusters', 'staging-k8s');
    const input = await runWithAnswers(api, 'digitalocean.kubernetes.destroyWithAssociated', node, ['staging-k8s']);
    assert.equal(input.remaining, 0, input.questions.join(' | '));
    assert.equal(input.offered.length, 0, 'no list to choose from');
    assert.match(input.questions.join('\n'), /Nothing else goes with it\./);
    assert.match(input.notices.join('\n'), /staging-k8s is being destroyed/);
    assert.ok(!(await fakeState()).kubernetesClusters.some((c) => c.name === 'staging-k8s'));
  });
});
