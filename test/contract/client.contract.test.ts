/**
 * The client against the fake API through Stoplight Prism (proxy mode, --errors): every request
 * the client sends and every answer the fake gives is checked against DigitalOcean's official
 * OpenAPI spec. A violation turns the answer into a 500 (so the call here fails) and is listed in
 * Prism's log, which the harness fails on.
 */
import * as assert from 'node:assert/strict';
import {
  ALL_KINDS,
  ApiError,
  DigitalOceanClient,
  parseUrn,
  type ResourceKind,
  appDeployments,
  databaseOptions,
  dropletCharts,
  garbageCollections,
  kubernetesOptions,
  kubernetesUpgrades,
  registrySubscription,
} from '../../src/api';
import { databaseCluster } from '../../src/api/resources/database';
import { domain } from '../../src/api/resources/domain';
import { droplet } from '../../src/api/resources/droplet';
import { kubernetesCluster } from '../../src/api/resources/kubernetes';
import { project, projectResource } from '../../src/api/resources/project';
import { registry, registryRepository } from '../../src/api/resources/registry';
import { app } from '../../src/api/resources/app';

const apiUrl = process.env.DO_TEST_API_URL;
const fakeUrl = process.env.DO_TEST_FAKE_URL;

async function control(method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${fakeUrl}${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
  return response.json();
}

describe('Client contract through Prism', function () {
  this.timeout(30_000);
  let client: DigitalOceanClient;

  before(function () {
    if (!apiUrl || !fakeUrl) throw new Error('DO_TEST_API_URL and DO_TEST_FAKE_URL must be set: run through `npm test`');
    client = new DigitalOceanClient({ token: 'dop_v1_' + '0'.repeat(64), baseUrl: apiUrl, perPage: 200, actionPollInterval: 200, maxRetries: 0 });
  });

  beforeEach(() => control('POST', '/__fake/reset'));

  const topLevel = ALL_KINDS.filter((k) => typeof k.path === 'string');
  for (const kind of topLevel) {
    it(`lists ${kind.pluralLabel} (${String(kind.path)})`, async () => {
      const items = await client.listAll(kind as ResourceKind<unknown>, kind.kind === 'image' ? { query: { private: true } } : {});
      assert.ok(items.length > 0, `the demo team has ${kind.pluralLabel}`);
      for (const item of items) {
        assert.ok(kind.idOf(item as never), `every ${kind.label} has an id`);
      }
    });
  }

  it('lists with small pages and follows the pagination links', async () => {
    const small = new DigitalOceanClient({ token: 'dop_v1_' + '1'.repeat(64), baseUrl: apiUrl!, perPage: 2, maxRetries: 0 });
    const all = await small.listAll(droplet);
    const everything = await client.listAll(droplet);
    assert.deepEqual(
      all.map((d) => d.id),
      everything.map((d) => d.id),
    );
    assert.ok(everything.length > 2);
  });

  it('lists the nested kinds of every parent', async () => {
    const clusters = await client.listAll(kubernetesCluster);
    for (const c of clusters) {
      const pools = await client.listAll(
        ALL_KINDS.find((k) => k.kind === 'node_pool')!,
        { parents: [c.id] },
      );
      assert.ok(pools.length > 0);
    }
    for (const db of await client.listAll(databaseCluster)) {
      for (const key of ['database_db', 'database_user', 'connection_pool']) {
        await client.listAll(
          ALL_KINDS.find((k) => k.kind === key)!,
          { parents: [db.id] },
        );
      }
    }
    for (const d of await client.listAll(domain)) {
      const records = await client.listAll(
        ALL_KINDS.find((k) => k.kind === 'domain_record')!,
        { parents: [d.name] },
      );
      assert.ok(records.length > 0);
    }
    const [reg] = await client.listAll(registry);
    const repositories = await client.listAll(registryRepository, { parents: [reg.name] });
    for (const r of repositories) {
      const tags = await client.listAll(
        ALL_KINDS.find((k) => k.kind === 'registry_tag')!,
        { parents: [reg.name, r.name] },
      );
      assert.ok(tags.length > 0);
    }
  });

  it('resolves every project resource URN to a known kind', async () => {
    for (const p of await client.listAll(project)) {
      for (const resource of await client.listAll(projectResource, { parents: [p.id] })) {
        assert.ok(parseUrn(resource.urn).kind, `unknown URN ${resource.urn}`);
      }
    }
  });

  it('gets the account and the balance', async () => {
    const account = await client.account();
    assert.equal(account.status, 'active');
    const balance = await client.balance();
    assert.match(balance.month_to_date_usage, /^\d+\.\d{2}$/);
  });

  it('runs a droplet action to completion and sees the droplet change', async () => {
    const action = await client.act(droplet, '311000002', 'power_off');
    const done = await client.waitForAction(action.id);
    assert.equal(done.status, 'completed');
    assert.equal((await client.get(droplet, '311000002')).status, 'off');
  });

  it('creates a droplet, sees it become active, and deletes it', async () => {
    const created = await client.create(droplet, { name: 'contract-1', region: 'nyc3', size: 's-1vcpu-1gb', image: 'ubuntu-24-04-x64', tags: ['contract'] });
    assert.equal(created.status, 'new');
    const actions = await client.request<{ actions: { id: number }[] }>('GET', `/v2/droplets/${created.id}/actions`);
    await client.waitForAction(actions.actions[0].id);
    assert.equal((await client.get(droplet, String(created.id))).status, 'active');
    await client.remove(droplet, String(created.id));
    await assert.rejects(client.get(droplet, String(created.id)), (e: ApiError) => e.kind === 'not_found');
  });

  it('reports a 422 with the API message for a bad action', async () => {
    await assert.rejects(client.act(droplet, '311000001', 'resize', { size: 's-99vcpu', disk: false }), (e: ApiError) => {
      assert.equal(e.kind, 'validation');
      assert.equal(e.status, 422);
      assert.equal(e.message, 'You specified an invalid size.');
      assert.ok(e.requestId);
      return true;
    });
  });

  it('fetches a kubeconfig as YAML text and cluster credentials', async () => {
    const [cluster] = await client.listAll(kubernetesCluster);
    const yaml = await client.request<string>('GET', `/v2/kubernetes/clusters/${cluster.id}/kubeconfig`, {
      responseType: 'text',
      query: { expiry_seconds: 3600 },
    });
    assert.match(yaml, new RegExp(`name: do-${cluster.region}-${cluster.name}`));
    const credentials = await client.request<{ token: string; server: string }>('GET', `/v2/kubernetes/clusters/${cluster.id}/credentials`);
    assert.equal(credentials.server, cluster.endpoint);
  });

  it('fetches docker credentials for the registry', async () => {
    const creds = await client.request<{ auths: Record<string, { auth: string }> }>('GET', '/v2/registry/docker-credentials', {
      query: { read_write: true, expiry_seconds: 3600 },
    });
    assert.ok(creds.auths['registry.digitalocean.com'].auth);
  });

  it('turns droplet metrics into CPU, memory, disk, load and bandwidth series with points in range', async () => {
    const now = Math.floor(Date.now() / 1000);
    for (const range of ['1h', '7d'] as const) {
      const charts = await dropletCharts(client, '311000001', range, now);
      assert.ok(charts.hasData);
      for (const key of ['cpu', 'memory', 'disk', 'load', 'inbound', 'outbound'] as const) {
        const series = charts[key];
        assert.ok(series.length >= 50, `${range} ${key}: ${series.length} points`);
        assert.ok(
          series.every(([t]) => t >= now - (range === '1h' ? 3600 : 604800) && t <= now),
          `${key} times in range`,
        );
        if (key === 'cpu' || key === 'memory' || key === 'disk')
          assert.ok(
            series.every(([, v]) => v >= 0 && v <= 100),
            `${key} is a percentage: ${JSON.stringify(series.slice(0, 3))}`,
          );
      }
      const cpu = charts.cpu.map(([, v]) => v);
      assert.ok(Math.max(...cpu) - Math.min(...cpu) > 1, 'CPU varies over time');
    }
  });

  it('answers the option lists, upgrades, registry subscription, garbage collections and app deployments', async () => {
    const k8s = await kubernetesOptions(client);
    assert.ok(k8s.versions.length > 0 && k8s.sizes.length > 0);
    const [cluster] = await client.listAll(kubernetesCluster);
    assert.ok((await kubernetesUpgrades(client, cluster.id)).every((v) => v.slug > cluster.version));
    assert.ok((await databaseOptions(client)).pg.layouts.length > 0);
    assert.equal((await registrySubscription(client)).tier.slug, 'basic');
    assert.equal((await garbageCollections(client, 'acme-registry'))[0].status, 'succeeded');
    const [first] = await client.listAll(app);
    const deployments = await appDeployments(client, first.id);
    assert.equal(deployments[0].id, first.active_deployment!.id);
  });
});
