import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeDigitalOcean } from '../../src/demo/fakeApi';
import { catalogKinds, dataKeyOf } from '../../src/demo/routes/catalog';

describe('Fake API', () => {
  const request = (method: string, url: string) => ({ method, url, headers: { get: (n: string) => (n === 'authorization' ? 'Bearer t' : null) }, body: '' });

  it('answers 500 with the fault named when a route throws, and keeps serving', () => {
    const fake = new FakeDigitalOcean();
    const original = console.error;
    const printed: unknown[] = [];
    console.error = (...args: unknown[]) => printed.push(args);
    try {
      fake.on('GET', '/v2/boom', () => {
        throw new Error('kaboom');
      });
      const broken = fake.handle(request('GET', '/v2/boom'));
      assert.equal(broken.status, 500);
      assert.match(JSON.parse(broken.body).message, /GET \/v2\/boom: kaboom/);
      assert.equal(printed.length, 1, 'the fault is printed once');
      assert.equal(fake.handle(request('GET', '/v2/account')).status, 200);
    } finally {
      console.error = original;
    }
  });

  it("counts each token's requests per hour until a reset, which starts the budget again", () => {
    const fake = new FakeDigitalOcean({ hourlyLimit: 3 });
    const statuses = () => [1, 2, 3, 4].map(() => fake.handle(request('GET', '/v2/account')).status);
    assert.deepEqual(statuses(), [200, 200, 200, 429]);
    fake.reset();
    const after = fake.handle(request('GET', '/v2/account'));
    assert.equal(after.status, 200);
    assert.equal(after.headers['ratelimit-remaining'], '2');
  });
});

describe('Fake API: creating a Kubernetes cluster', () => {
  const post = (fake: FakeDigitalOcean, body: object) =>
    fake.handle({
      method: 'POST',
      url: '/v2/kubernetes/clusters',
      headers: { get: (n: string) => (n === 'authorization' ? 'Bearer t' : n === 'content-type' ? 'application/json' : null) },
      body: JSON.stringify(body),
    });
  const base = { name: 'raw-k8s', region: 'nyc3', version: '1.34.0-do.0', node_pools: [{ name: 'p', size: 's-2vcpu-2gb', count: 1 }] };

  it('refuses what the API refuses: a size not offered, a VPC of another region, a bad window, no pool, a taken name', () => {
    const fake = new FakeDigitalOcean();
    const ams3 = fake.data.vpcs.find((v) => v.region === 'ams3')!.id;
    const cases: [object, RegExp][] = [
      [{ ...base, node_pools: [{ name: 'p', size: 'nope', count: 1 }] }, /size nope is not available in nyc3/],
      [{ ...base, vpc_uuid: ams3 }, /is not a VPC in nyc3/],
      [{ ...base, maintenance_policy: { day: 'someday', start_time: '04:00' } }, /day someday is invalid/],
      [{ ...base, maintenance_policy: { day: 'any', start_time: '24:00' } }, /start_time 24:00 is not HH:MM/],
      [{ ...base, node_pools: [] }, /at least one node pool/],
      [{ ...base, node_pools: [{ name: 'p', size: 's-2vcpu-2gb', count: 2, auto_scale: true, min_nodes: 3, max_nodes: 4 }] }, /min_nodes ≤ count ≤ max_nodes/],
      [{ ...base, name: 'prod-k8s' }, /already exists/],
      [{ ...base, name: 'Prod_K8s' }, /name must be lowercase/],
      [{ ...base, version: '9.99' }, /version 9.99 is not available/],
    ];
    for (const [body, message] of cases) {
      const answer = post(fake, body);
      assert.equal(answer.status, 422, JSON.stringify(body));
      assert.match(JSON.parse(answer.body).message, message);
    }
    assert.ok(!fake.data.kubernetesClusters.some((c) => c.name === 'raw-k8s'), 'nothing was made');
  });

  it('makes a provisioning cluster in the default project, running after one action duration; "1.33" means its newest patch', () => {
    let now = Date.parse('2026-12-01T00:00:00Z');
    const fake = new FakeDigitalOcean({ actionDurationMs: 1_000, clock: () => now });
    const answer = post(fake, { ...base, version: '1.33' });
    assert.equal(answer.status, 201);
    const made = JSON.parse(answer.body).kubernetes_cluster;
    assert.equal(made.status.state, 'provisioning');
    assert.equal(made.version, '1.33.2-do.0');
    const home = fake.data.projects.find((p) => p.is_default)!;
    assert.ok(fake.data.projectResources[home.id].some((r) => r.urn === `do:kubernetes:${made.id}`));
    now += 1_000;
    fake.handle({ method: 'GET', url: '/v2/account', headers: { get: (n: string) => (n === 'authorization' ? 'Bearer t' : null) }, body: '' });
    const later = fake.data.kubernetesClusters.find((c) => c.id === made.id)!;
    assert.equal(later.status.state, 'running');
    assert.ok(later.node_pools[0].nodes.every((n: { status: { state: string } }) => n.status.state === 'running'));
  });
});

describe('Fake API: creating a database cluster', () => {
  const post = (fake: FakeDigitalOcean, body: object) =>
    fake.handle({
      method: 'POST',
      url: '/v2/databases',
      headers: { get: (n: string) => (n === 'authorization' ? 'Bearer t' : null) },
      body: JSON.stringify(body),
    });
  const base = { name: 'raw-db', engine: 'pg', version: '17', region: 'nyc3', num_nodes: 1, size: 'db-s-1vcpu-1gb' };

  it('refuses what the options do not offer, storage below the size, a VPC elsewhere, an unknown project', () => {
    const fake = new FakeDigitalOcean();
    const ams3 = fake.data.vpcs.find((v) => v.region === 'ams3')!.id;
    const cases: [object, RegExp][] = [
      [{ ...base, engine: 'cassandra' }, /engine cassandra is not supported/],
      [{ ...base, version: '9' }, /version 9 is not available for pg/],
      [{ ...base, engine: 'kafka', version: '3.8', num_nodes: 1 }, /num_nodes 1 is not offered for kafka/],
      [{ ...base, size: 'db-s-64vcpu' }, /size db-s-64vcpu is not offered/],
      [{ ...base, region: 'sgp1' }, /region sgp1 is not available/],
      [{ ...base, storage_size_mib: 5 * 1024 }, /at least 10240/],
      [{ ...base, private_network_uuid: ams3 }, /is not a VPC in nyc3/],
      [{ ...base, project_id: 'nope' }, /project nope does not exist/],
      [{ ...base, name: 'main-pg' }, /already exists/],
      [{ ...base, name: '1db' }, /name must be 3 to 63/],
    ];
    for (const [body, message] of cases) {
      const answer = post(fake, body);
      assert.equal(answer.status, 422, JSON.stringify(body));
      assert.match(JSON.parse(answer.body).message, message);
    }
    assert.ok(!fake.data.databases.some((d) => d.name === 'raw-db'));
  });

  it('makes a "creating" cluster with its admin user, online after one action duration', () => {
    let now = Date.parse('2026-12-01T00:00:00Z');
    const fake = new FakeDigitalOcean({ actionDurationMs: 1_000, clock: () => now });
    const answer = post(fake, base);
    assert.equal(answer.status, 201);
    const made = JSON.parse(answer.body).database;
    assert.equal(made.status, 'creating');
    assert.deepEqual(
      fake.data.databaseUsers[made.id].map((u) => u.name),
      ['doadmin'],
    );
    now += 1_000;
    fake.handle({ method: 'GET', url: '/v2/account', headers: { get: (n: string) => (n === 'authorization' ? 'Bearer t' : null) }, body: '' });
    assert.equal(fake.data.databases.find((d) => d.id === made.id)!.status, 'online');
  });
});

describe('Fake API: firewalls', () => {
  const call = (fake: FakeDigitalOcean, method: string, url: string, body: object) =>
    fake.handle({ method, url, headers: { get: (n: string) => (n === 'authorization' ? 'Bearer t' : null) }, body: JSON.stringify(body) });
  const ssh = { protocol: 'tcp', ports: '22', sources: { addresses: ['0.0.0.0/0'] } };

  it('refuses a bad name, bad ports, a rule with no source or destination, no rule at all, an unknown droplet', () => {
    const fake = new FakeDigitalOcean();
    const cases: [object, RegExp][] = [
      [{ name: '-x', inbound_rules: [ssh] }, /name: At least two characters/],
      [{ name: 'fw', inbound_rules: [{ ...ssh, ports: '0-5' }] }, /inbound rule 1: ports "0-5" is not a port/],
      [{ name: 'fw', inbound_rules: [{ ...ssh, sources: {} }] }, /inbound rule 1: sources is empty/],
      [{ name: 'fw', outbound_rules: [{ protocol: 'udp', ports: '53', destinations: { addresses: [] } }] }, /outbound rule 1: destinations is empty/],
      [{ name: 'fw' }, /at least one inbound or outbound rule/],
      [{ name: 'fw', inbound_rules: [ssh], droplet_ids: [42] }, /droplet 42 does not exist/],
    ];
    for (const [body, message] of cases) {
      const answer = call(fake, 'POST', '/v2/firewalls', body);
      assert.equal(answer.status, 400, JSON.stringify(body));
      assert.match(JSON.parse(answer.body).message, message);
    }
  });

  it('adds and removes droplets and tags once each; an unknown droplet is 404 and changes nothing', () => {
    const fake = new FakeDigitalOcean();
    const fw = fake.data.firewalls.find((f) => f.name === 'ssh-bastion-only')!;
    assert.equal(call(fake, 'POST', `/v2/firewalls/${fw.id}/droplets`, { droplet_ids: [311000003, 311000005] }).status, 204);
    assert.deepEqual(fw.droplet_ids, [311000005, 311000003]);
    assert.equal(call(fake, 'POST', `/v2/firewalls/${fw.id}/droplets`, { droplet_ids: [311000003, 9] }).status, 404);
    assert.deepEqual(fw.droplet_ids, [311000005, 311000003]);
    assert.equal(call(fake, 'POST', `/v2/firewalls/${fw.id}/tags`, { tags: ['web'] }).status, 204);
    assert.equal(call(fake, 'DELETE', `/v2/firewalls/${fw.id}/droplets`, { droplet_ids: [311000005] }).status, 204);
    assert.deepEqual([fw.droplet_ids, fw.tags], [[311000003], ['web']]);
  });
});

describe('Fake API: creating a load balancer', () => {
  const post = (fake: FakeDigitalOcean, body: object) =>
    fake.handle({
      method: 'POST',
      url: '/v2/load_balancers',
      headers: { get: (n: string) => (n === 'authorization' ? 'Bearer t' : null) },
      body: JSON.stringify(body),
    });
  const http = { entry_protocol: 'http', entry_port: 80, target_protocol: 'http', target_port: 80 };
  const base = { name: 'raw-lb', region: 'nyc3', forwarding_rules: [http] };

  it('refuses TLS without a certificate, passthrough to plain HTTP, two rules on a port, droplets of another region, 0 nodes', () => {
    const fake = new FakeDigitalOcean();
    const cases: [object, RegExp][] = [
      [{ ...base, forwarding_rules: [{ ...http, entry_protocol: 'https', entry_port: 443 }] }, /a certificate is required for HTTPS/],
      [
        { ...base, forwarding_rules: [{ ...http, entry_protocol: 'https', entry_port: 443, tls_passthrough: true }] },
        /TLS passthrough needs HTTPS on both sides/,
      ],
      [{ ...base, forwarding_rules: [http, { ...http, target_port: 8080 }] }, /port 80 is used by another rule/],
      [{ ...base, droplet_ids: [311000005] }, /droplet 311000005 is not a droplet in nyc3/],
      [{ ...base, size_unit: 0 }, /size_unit must be between 1 and 100/],
      [{ ...base, forwarding_rules: [] }, /at least one forwarding rule/],
      [{ ...base, name: 'web-lb' }, /already exists/],
    ];
    for (const [body, message] of cases) {
      const answer = post(fake, body);
      assert.equal(answer.status, 422, JSON.stringify(body));
      assert.match(JSON.parse(answer.body).message, message);
    }
  });

  it('by tag, takes the tagged droplets of its region; new without an IP, then active with one', () => {
    let now = Date.parse('2026-12-01T00:00:00Z');
    const fake = new FakeDigitalOcean({ actionDurationMs: 1_000, clock: () => now });
    const made = JSON.parse(post(fake, { ...base, tag: 'web' }).body).load_balancer;
    assert.deepEqual([made.status, made.ip, made.droplet_ids], ['new', '', [311000001, 311000002]]);
    now += 1_000;
    fake.handle({ method: 'GET', url: '/v2/account', headers: { get: (n: string) => (n === 'authorization' ? 'Bearer t' : null) }, body: '' });
    const later = fake.data.loadBalancers.find((l) => l.id === made.id)!;
    assert.equal(later.status, 'active');
    assert.match(later.ip, /^198\.51\.100\.\d+$/);
  });
});

describe('Fake API: SSH keys', () => {
  // the fake's own behaviour, checked here rather than in the connect tests: an uploaded key's
  // fingerprint is the MD5 one the real ssh-keygen prints, as DigitalOcean's is
  it('fingerprints an uploaded key as ssh-keygen -E md5 does (ed25519, rsa, ecdsa)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fake-keys-'));
    try {
      const fake = new FakeDigitalOcean();
      for (const [type, bits] of [
        ['ed25519', []],
        ['rsa', ['-b', '2048']],
        ['ecdsa', ['-b', '256']],
      ] as const) {
        const file = join(dir, `id_${type}`);
        execFileSync('ssh-keygen', ['-q', '-t', type, ...bits, '-N', '', '-C', `test ${type}`, '-f', file]);
        const md5 = execFileSync('ssh-keygen', ['-l', '-E', 'md5', '-f', `${file}.pub`], { encoding: 'utf8' })
          .split(' ')[1]
          .replace(/^MD5:/, '');
        const answer = fake.handle({
          method: 'POST',
          url: '/v2/account/keys',
          headers: { get: (n: string) => (n === 'authorization' ? 'Bearer t' : n === 'content-type' ? 'application/json' : null) },
          body: JSON.stringify({ name: type, public_key: readFileSync(`${file}.pub`, 'utf8') }),
        });
        assert.equal(answer.status, 201, answer.body);
        assert.equal(JSON.parse(answer.body).ssh_key.fingerprint, md5, type);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('Fake API: the catalog', () => {
  const request = (method: string, url: string) => ({ method, url, headers: { get: (n: string) => (n === 'authorization' ? 'Bearer t' : null) }, body: '' });

  it('lists, gets and deletes every top-level kind it keeps, from the descriptors alone', () => {
    const fake = new FakeDigitalOcean();
    assert.deepEqual(
      [dataKeyOf('cdn_endpoint'), dataKeyOf('alert_policy'), dataKeyOf('reserved_ipv6'), dataKeyOf('ssh_key')],
      ['cdnEndpoints', 'alertPolicies', 'reservedIpv6s', 'sshKeys'],
    );
    const kinds = catalogKinds(fake).map((c) => c.kind.kind);
    // the sixteen the catalog listed by hand before, among them
    for (const kind of [
      'droplet',
      'volume',
      'snapshot',
      'kubernetes_cluster',
      'load_balancer',
      'reserved_ip',
      'reserved_ipv6',
      'firewall',
      'vpc',
      'domain',
      'certificate',
      'cdn_endpoint',
      'app',
      'ssh_key',
      'uptime_check',
      'alert_policy',
    ]) {
      assert.ok(kinds.includes(kind), `${kind} is in the catalog: ${kinds.join(', ')}`);
    }
    for (const { kind, path, items } of catalogKinds(fake)) {
      const list = fake.handle(request('GET', `https://api.test${path}?per_page=200`));
      assert.equal(list.status, 200, `GET ${path}`);
      const listed = (JSON.parse(list.body)[kind.collectionKey] as unknown[]).map((x) => kind.idOf(x as never));
      assert.deepEqual(
        items()
          .map((x) => kind.idOf(x as never))
          .filter((x) => !listed.includes(x)),
        [],
        `GET ${path}: every item (a family's own route may add more: images adds the distributions)`,
      );
      const first = items()[0];
      if (!first) continue;
      const id = kind.idOf(first as never);
      const one = fake.handle(request('GET', `https://api.test${path}/${encodeURIComponent(id)}`));
      assert.equal(one.status, 200, `GET ${path}/${id}`);
      assert.equal(kind.idOf(JSON.parse(one.body)[kind.singleKey] as never), id);
    }
    // a delete the descriptor allows removes the item; a default VPC is refused
    const certificates = catalogKinds(fake).find((c) => c.kind.kind === 'certificate')!;
    const id = certificates.kind.idOf(certificates.items()[0] as never);
    assert.equal(fake.handle(request('DELETE', `https://api.test/v2/certificates/${id}`)).status, 204);
    assert.ok(!certificates.items().some((c) => certificates.kind.idOf(c as never) === id));
    const vpc = fake.data.vpcs.find((v) => v.default)!;
    assert.equal(fake.handle(request('DELETE', `https://api.test/v2/vpcs/${vpc.id}`)).status, 403);
    // after a reset the lists are the new data's (not the data the routes were installed with)
    fake.reset();
    const listed = JSON.parse(fake.handle(request('GET', 'https://api.test/v2/certificates')).body).certificates as { id: string }[];
    assert.ok(
      listed.some((c) => c.id === id),
      'the deleted certificate is back after the reset',
    );
  });
});

describe('Fake API: deleting a VPC', () => {
  const call = (fake: FakeDigitalOcean, method: string, url: string, body?: object) =>
    fake.handle({
      method,
      url,
      headers: { get: (n: string) => (n === 'authorization' ? 'Bearer t' : n === 'content-type' ? 'application/json' : null) },
      body: body ? JSON.stringify(body) : '',
    });

  it('refuses while a peering or a NAT gateway uses it, as the API does, and deletes it once they are gone', () => {
    let now = Date.parse('2026-12-01T00:00:00Z');
    const fake = new FakeDigitalOcean({ clock: () => now, actionDurationMs: 1000 });
    const made = call(fake, 'POST', '/v2/vpcs', { name: 'spare', region: 'nyc3' });
    assert.equal(made.status, 201, made.body);
    const spare = JSON.parse(made.body).vpc.id as string;
    const nyc3 = fake.data.vpcs.find((v) => v.name === 'default-nyc3')!.id;
    assert.equal(call(fake, 'POST', '/v2/vpc_peerings', { name: 'spare-link', vpc_ids: [spare, nyc3] }).status, 202);
    const peered = call(fake, 'DELETE', `/v2/vpcs/${spare}`);
    assert.equal(peered.status, 403);
    assert.match(JSON.parse(peered.body).message, /while the VPC peering spare-link uses it/);

    const peering = fake.data.vpcPeerings.find((p) => p.name === 'spare-link')!;
    assert.equal(call(fake, 'DELETE', `/v2/vpc_peerings/${peering.id}`).status, 202);
    const gateway = call(fake, 'POST', '/v2/vpc_nat_gateways', { name: 'spare-nat', type: 'PUBLIC', region: 'nyc3', size: 1, vpcs: [{ vpc_uuid: spare }] });
    assert.equal(gateway.status, 202, gateway.body);
    now += 1500;
    assert.equal(call(fake, 'GET', '/v2/vpc_peerings').status, 200, 'the fake does what is due when asked');
    assert.ok(!fake.data.vpcPeerings.some((p) => p.name === 'spare-link'), 'the peering went after one action');
    const gated = call(fake, 'DELETE', `/v2/vpcs/${spare}`);
    assert.equal(gated.status, 403);
    assert.match(JSON.parse(gated.body).message, /while the NAT gateway spare-nat uses it/);

    const id = JSON.parse(gateway.body).vpc_nat_gateway.id as string;
    assert.equal(call(fake, 'DELETE', `/v2/vpc_nat_gateways/${id}`).status, 202);
    now += 1500;
    assert.equal(call(fake, 'DELETE', `/v2/vpcs/${spare}`).status, 204);
  });
});
