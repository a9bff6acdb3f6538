import * as assert from 'node:assert/strict';
import type { TestingApi } from '../../src/extension';
import type { ExplorerNode } from '../../src/tree/nodes/base';
import { extensionApi, fake, freshDemo, logShowing, runWithAnswers, writes } from './support/env';
import { type FakeState, fakeState } from './support/fakeState';

describe('Delete (every deletable kind)', function () {
  this.timeout(120_000);
  let api: TestingApi;
  const label = (n: ExplorerNode) => String(n.toTreeItem().label);
  const data = () => fakeState();
  const names = async (key: string) =>
    ((await data())[key as keyof FakeState] as { name?: string; spec?: { name: string } }[]).map((x) => x.name ?? x.spec?.name);

  async function path(...names: string[]): Promise<ExplorerNode> {
    let node: ExplorerNode | undefined;
    for (const name of ['Acme Demo', ...names]) {
      const children: ExplorerNode[] = await api.explorer.getChildren(node);
      node = children.find((n) => label(n) === name || label(n).startsWith(name));
      assert.ok(node, `no ${name} (have ${children.map(label).join(', ')})`);
    }
    return node!;
  }

  const del = (node: ExplorerNode, answers: string[]) => runWithAnswers(api, 'digitalocean.resource.delete', node, answers);

  before(async () => {
    api = await extensionApi();
  });

  beforeEach(() => freshDemo(api));

  afterEach(() => api.setUserInput(undefined));

  it('deletes after a confirmation: firewall, certificate, SSH key, snapshot', async () => {
    const firewall = await path('Account-wide', 'Firewalls', 'ssh-bastion-only');
    assert.match(String(firewall.toTreeItem().contextValue), /\.deletable/);
    await del(firewall, ['Cancel']);
    assert.ok((await names('firewalls')).includes('ssh-bastion-only'));
    await del(firewall, ['Delete']);
    assert.ok(!(await names('firewalls')).includes('ssh-bastion-only'));
    assert.ok(!(await api.explorer.getChildren(await path('Account-wide', 'Firewalls'))).map(label).includes('ssh-bastion-only'));

    await del(await path('Account-wide', 'Certificates', 'legacy-custom'), ['Delete']);
    assert.ok(!(await names('certificates')).includes('legacy-custom'));
    await del(await path('Account-wide', 'SSH keys', 'ci-deploy'), ['Delete']);
    assert.ok(!(await names('sshKeys')).includes('ci-deploy'));
    await del(await path('Account-wide', 'Snapshots', 'bastion-2026-09'), ['Delete']);
    assert.ok(!(await names('snapshots')).includes('bastion-2026-09'));
  });

  it('needs the name typed for clusters, apps and domains, and removes them from their project', async () => {
    const before = await writes();
    await del(await path('Staging', 'Kubernetes clusters', 'staging-k8s'), ['staging']);
    assert.equal(await writes(), before, 'a mistyped name deletes nothing');
    await del(await path('Staging', 'Kubernetes clusters', 'staging-k8s'), ['staging-k8s']);
    assert.ok(!(await names('kubernetesClusters')).includes('staging-k8s'));
    assert.ok(!(await api.explorer.getChildren(await path('Staging'))).map(label).includes('Kubernetes clusters'));

    await del(await path('Data Platform', 'Databases', 'logs-opensearch'), ['logs-opensearch']);
    assert.ok(!(await names('databases')).includes('logs-opensearch'));
    await del(await path('Data Platform', 'Apps', 'admin-portal'), ['admin-portal']);
    assert.ok(!(await names('apps')).includes('admin-portal'));
    await del(await path('Staging', 'Domains', 'acme-staging.example'), ['acme-staging.example']);
    assert.ok(!(await names('domains')).includes('acme-staging.example'));
  });

  it('deletes a load balancer with its name typed and a CDN endpoint after a confirmation', async () => {
    const lb = await path('Acme Web', 'Load balancers', 'web-lb');
    const before = await writes();
    await del(lb, ['web']);
    assert.equal(await writes(), before, 'a mistyped name deletes nothing');
    await del(lb, ['web-lb']);
    assert.ok(!(await names('loadBalancers')).includes('web-lb'));
    const endpoint = await path('Account-wide', 'CDN endpoints', 'acme-assets.nyc3.cdn.digitaloceanspaces.com');
    await del(endpoint, ['Cancel']);
    assert.equal((await data()).cdnEndpoints.length, 1, 'a declined confirmation deletes nothing');
    await del(endpoint, ['Delete']);
    assert.deepEqual((await data()).cdnEndpoints, []);
  });

  it('deletes a custom image and an alert policy after a confirmation, and a Functions namespace with its name typed', async () => {
    await del(await path('Account-wide', 'Custom images', 'acme-base-2026-10'), ['Delete']);
    assert.ok(!(await names('images')).includes('acme-base-2026-10'));
    await del(await path('Account-wide', 'Alert policies', 'web CPU high'), ['Delete']);
    assert.ok(!(await data()).alertPolicies.some((p) => p.description === 'web CPU high'));
    const namespace = await path('Account-wide', 'Functions', 'acme-hooks');
    const before = await writes();
    await del(namespace, ['acme']);
    assert.equal(await writes(), before, 'a mistyped name deletes nothing');
    await del(namespace, ['acme-hooks']);
    assert.deepEqual(await names('namespaces'), []);
  });

  it("shows the API's refusal and keeps the resource (a default VPC)", async () => {
    const vpc = (await data()).vpcs.find((v) => v.name === 'default-nyc3') as { id: string };
    await fake.call('POST', '/__fake/log/clear');
    const input = await del(await path('Account-wide', 'VPCs', 'default-nyc3'), ['Delete']);
    assert.equal(input.confirmations.length, 1, 'asked first');
    // the DELETE was sent and refused, and the API's own message reached the user
    const handled = (await fake.log()).handled.filter((h) => h.method === 'DELETE');
    assert.deepEqual(
      handled.map((h) => `${h.path} ${h.status}`),
      [`/v2/vpcs/${vpc.id} 403`],
    );
    await logShowing(api, /default-nyc3.*failed: A default VPC cannot be deleted\. \(HTTP 403/);
    assert.ok((await names('vpcs')).includes('default-nyc3'));
    assert.ok((await api.explorer.getChildren(await path('Account-wide', 'VPCs'))).map(label).includes('default-nyc3'));
  });
});
