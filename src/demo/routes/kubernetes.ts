/** The fake API's routes: Kubernetes clusters: options, node pools and nodes, kubeconfig and credentials, upgrades. */
import type { FakeCore } from '../core';
import { base64 } from '../core';
import { type Json, SIZES, region, stableUuid } from '../seed';

/** Kubernetes versions the fake offers, oldest first. */
export const K8S_VERSIONS = ['1.31.9-do.1', '1.32.5-do.2', '1.32.6-do.0', '1.33.1-do.0', '1.33.2-do.0', '1.34.0-do.0'];
const versionParts = (v: string) => v.split(/[.-]/).map((x) => Number(x.replace(/^do/, '')) || 0);
export function compareK8s(a: string, b: string): number {
  const [x, y] = [versionParts(a), versionParts(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}
export const minorOf = (v: string) => versionParts(v)[1];

/** A syntactically valid, self-signed demo CA (base64 of a PEM); not used for any real TLS. */
export const DEMO_CA = base64('-----BEGIN CERTIFICATE-----\nMIIBdemoCAnotForRealUse\n-----END CERTIFICATE-----\n');

export function kubeconfigYaml(cluster: Json, token: string, expirySeconds: number): string {
  const name = `do-${cluster.region}-${cluster.name}`;
  return [
    'apiVersion: v1',
    'clusters:',
    '- cluster:',
    `    certificate-authority-data: ${DEMO_CA}`,
    `    server: ${cluster.endpoint}`,
    `  name: ${name}`,
    'contexts:',
    '- context:',
    `    cluster: ${name}`,
    `    user: ${name}-admin`,
    `  name: ${name}`,
    `current-context: ${name}`,
    'kind: Config',
    'preferences: {}',
    'users:',
    `- name: ${name}-admin`,
    '  user:',
    `    token: ${token}`,
    `# expires in ${expirySeconds} seconds`,
    '',
  ].join('\n');
}

export function kubernetesRoutes(api: FakeCore): void {
  // Status messages: what the cluster has been through, from its own fields
  api.on('GET', '/v2/kubernetes/clusters/{id}/status_messages', ([id]) => {
    const cluster = clusterById(id);
    if (!cluster) return api.notFound();
    const messages = [
      { message: `Cluster ${cluster.name} created with Kubernetes ${cluster.version}`, timestamp: cluster.created_at },
      ...(cluster.status.state === 'running' ? [{ message: 'All nodes are ready', timestamp: cluster.updated_at ?? cluster.created_at }] : []),
      ...(cluster.status.message ? [{ message: cluster.status.message, timestamp: api.now() }] : []),
    ];
    return api.json(200, { messages });
  });
  api.on('GET', '/v2/kubernetes/clusters/{id}/user', ([id]) =>
    clusterById(id) ? api.json(200, { kubernetes_cluster_user: { username: api.data.account.email, groups: ['system:masters'] } }) : api.notFound(),
  );
  // Clusterlint: a run finishes after one action's time; its diagnostics are the demo's workloads' faults
  const lintRuns = new Map<string, { cluster: string; requested: number; done: number }>();
  const DIAGNOSTICS = [
    {
      check_name: 'latest-tag',
      severity: 'warning',
      message: 'Avoid using latest tag for container web in Deployment default/web',
      object: { name: 'web', kind: 'Deployment', namespace: 'default' },
    },
    {
      check_name: 'resource-requirements',
      severity: 'warning',
      message: 'Set resource requests and limits for container worker to prevent resource contention',
      object: { name: 'worker', kind: 'Deployment', namespace: 'jobs' },
    },
    {
      check_name: 'unused-config-map',
      severity: 'suggestion',
      message: 'Unused config map "old-settings"',
      object: { name: 'old-settings', kind: 'ConfigMap', namespace: 'default' },
    },
    {
      check_name: 'admission-controller-webhook',
      severity: 'error',
      message:
        'Validating webhook gatekeeper is configured in such a way that it may be problematic during upgrades.\u001b]8;;https://evil.invalid\u0007click\u001b]8;;\u0007',
      object: { name: 'gatekeeper', kind: 'ValidatingWebhookConfiguration', namespace: '' },
    },
  ];
  api.on('POST', '/v2/kubernetes/clusters/{id}/clusterlint', ([id]) => {
    if (!clusterById(id)) return api.notFound();
    const runId = stableUuid(`lint-${id}-${lintRuns.size}-${api.now()}`);
    const requested = Date.parse(api.now());
    lintRuns.set(runId, { cluster: id, requested, done: requested + api.actionDurationMs });
    return api.json(202, { run_id: runId });
  });
  api.on('GET', '/v2/kubernetes/clusters/{id}/clusterlint', ([id], ctx) => {
    if (!clusterById(id)) return api.notFound();
    const wanted = ctx.query.get('run_id');
    const runs = [...lintRuns.entries()].filter(([, r]) => r.cluster === id);
    const found = wanted ? runs.find(([runId]) => runId === wanted) : runs.at(-1);
    if (!found) return api.notFound();
    const [runId, run] = found;
    const iso = (t: number) => new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
    if (Date.parse(api.now()) < run.done) return api.json(200, { run_id: runId, requested_at: iso(run.requested) });
    return api.json(200, { run_id: runId, requested_at: iso(run.requested), completed_at: iso(run.done), diagnostics: DIAGNOSTICS });
  });
  // The registry integration: the clusters named may pull from the account's registry
  const registryClusters = (on: boolean) => (_: string[], ctx: { body: Json }) => {
    const ids = ctx.body?.cluster_uuids;
    if (!Array.isArray(ids) || !ids.length) return api.unprocessable('cluster_uuids must name at least one cluster.');
    const clusters = ids.map((x: unknown) => clusterById(String(x)));
    if (clusters.some((c) => !c)) return api.notFound();
    if (on && !api.data.registry) return api.unprocessable('This account has no container registry.');
    for (const c of clusters) c!.registry_enabled = on;
    return api.noContent();
  };
  // 1-Click apps: the catalogue (droplet and Kubernetes ones), and installs kept per cluster
  const ONE_CLICKS = [
    ['monitoring', 'kubernetes'],
    ['ingress-nginx', 'kubernetes'],
    ['cert-manager', 'kubernetes'],
    ['loki', 'kubernetes'],
    ['wordpress', 'droplet'],
    ['docker', 'droplet'],
  ];
  api.on('GET', '/v2/1-clicks', (_, ctx) => {
    const type = ctx.query.get('type');
    return api.json(200, { '1_clicks': ONE_CLICKS.filter(([, t]) => !type || t === type).map(([slug, t]) => ({ slug, type: t })) });
  });
  api.on('POST', '/v2/1-clicks/kubernetes', (_, ctx) => {
    const cluster = clusterById(String(ctx.body?.cluster_uuid));
    if (!cluster) return api.notFound();
    const slugs = ctx.body?.addon_slugs;
    if (!Array.isArray(slugs) || !slugs.length) return api.error(400, 'bad_request', 'addon_slugs needs at least one 1-Click app.');
    const unknown = slugs.find((x: unknown) => !ONE_CLICKS.some(([slug, t]) => slug === x && t === 'kubernetes'));
    if (unknown !== undefined) return api.error(400, 'bad_request', `${String(unknown)} is not a Kubernetes 1-Click app.`);
    const store = api.data as unknown as { kubernetesOneClicks?: Record<string, string[]> };
    const installed = ((store.kubernetesOneClicks ??= {})[cluster.id] ??= []);
    for (const slug of slugs as string[]) if (!installed.includes(slug)) installed.push(slug);
    return api.json(200, { message: 'Successfully kicked off addon job.' });
  });
  api.on('POST', '/v2/kubernetes/registry', registryClusters(true));
  api.on('DELETE', '/v2/kubernetes/registry', registryClusters(false));
  // The cluster's settings, replaced whole: what is left out goes back to its default
  api.on('PUT', '/v2/kubernetes/clusters/{id}', ([id], ctx) => {
    const cluster = clusterById(id);
    if (!cluster) return api.notFound();
    const body = ctx.body ?? {};
    if (typeof body.name !== 'string' || !/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/.test(body.name)) return api.unprocessable('name is invalid');
    if (body.name !== cluster.name && api.data.kubernetesClusters.some((c) => c.name === body.name))
      return api.unprocessable(`a cluster with the name ${body.name} already exists`);
    const tags = body.tags ?? [];
    if (!Array.isArray(tags) || !tags.every((t: unknown) => typeof t === 'string' && /^[a-zA-Z0-9_:-]{1,255}$/.test(t)))
      return api.unprocessable('tags are invalid');
    const policy = body.maintenance_policy;
    if (policy != null) {
      if (policy.day !== undefined && !['any', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'].includes(policy.day))
        return api.unprocessable('maintenance_policy.day is invalid');
      if (policy.start_time !== undefined && !/^([01]\d|2[0-3]):[0-5]\d$/.test(policy.start_time))
        return api.unprocessable('maintenance_policy.start_time is invalid');
    }
    if (cluster.ha && body.ha === false) return api.unprocessable('high availability cannot be disabled once enabled');
    Object.assign(cluster, {
      name: body.name,
      tags: ['k8s', `k8s:${id}`, ...tags.filter((t: string) => t !== 'k8s' && !t.startsWith('k8s:'))],
      auto_upgrade: body.auto_upgrade ?? false,
      surge_upgrade: body.surge_upgrade ?? false,
      ha: body.ha ?? cluster.ha,
      maintenance_policy: { start_time: policy?.start_time ?? '00:00', duration: '4h0m0s', day: policy?.day ?? 'any' },
      updated_at: api.now(),
    });
    return api.json(202, { kubernetes_cluster: cluster });
  });
  // What a cluster made: volumes tagged k8s:<id> (its volume claims), their snapshots, and load
  // balancers that send to its nodes' tag (its services)
  const associatedWith = (id: string) => {
    const volumes = api.data.volumes.filter((v) => ((v.tags ?? []) as string[]).includes(`k8s:${id}`));
    const ids = volumes.map((v) => v.id);
    return {
      load_balancers: api.data.loadBalancers.filter((l) => l.tag === `k8s:${id}`).map((l) => ({ id: l.id, name: l.name })),
      volumes: volumes.map((v) => ({ id: v.id, name: v.name })),
      volume_snapshots: api.data.snapshots
        .filter((s) => s.resource_type === 'volume' && ids.includes(String(s.resource_id)))
        .map((s) => ({ id: String(s.id), name: s.name })),
    };
  };
  api.on('GET', '/v2/kubernetes/clusters/{id}/destroy_with_associated_resources', ([id]) =>
    clusterById(id) ? api.json(200, associatedWith(id)) : api.notFound(),
  );
  const destroyCluster = (id: string, chosen: Record<'load_balancers' | 'volumes' | 'volume_snapshots', string[]>) => {
    for (const lb of chosen.load_balancers) api.deleteItem(api.data.loadBalancers, lb, (x) => x.id, { urn: (x) => `do:loadbalancer:${x}` });
    for (const v of chosen.volumes) api.deleteItem(api.data.volumes, v, (x) => x.id, { urn: (x) => `do:volume:${x}` });
    for (const s of chosen.volume_snapshots) api.deleteItem(api.data.snapshots, s, (x) => String(x.id));
    return api.deleteItem(api.data.kubernetesClusters, id, (x) => x.id, { urn: (x) => `do:kubernetes:${x}` });
  };
  api.on('DELETE', '/v2/kubernetes/clusters/{id}/destroy_with_associated_resources/selective', ([id], ctx) => {
    if (!clusterById(id)) return api.notFound();
    const mine = associatedWith(id);
    const chosen = { load_balancers: [] as string[], volumes: [] as string[], volume_snapshots: [] as string[] };
    for (const key of ['load_balancers', 'volumes', 'volume_snapshots'] as const) {
      const ids = (ctx.body?.[key] ?? []) as unknown[];
      const stranger = ids.find((x) => !mine[key].some((r) => r.id === String(x)));
      if (stranger !== undefined) return api.unprocessable(`${key}: ${String(stranger)} is not associated with the cluster`);
      chosen[key] = ids.map(String);
    }
    return destroyCluster(id, chosen);
  });
  api.on('DELETE', '/v2/kubernetes/clusters/{id}/destroy_with_associated_resources/dangerous', ([id]) => {
    if (!clusterById(id)) return api.notFound();
    const mine = associatedWith(id);
    return destroyCluster(id, {
      load_balancers: mine.load_balancers.map((r) => r.id),
      volumes: mine.volumes.map((r) => r.id),
      volume_snapshots: mine.volume_snapshots.map((r) => r.id),
    });
  });
  // Kubernetes
  api.on('GET', '/v2/kubernetes/clusters/{id}/node_pools', ([id]) => {
    const cluster = api.data.kubernetesClusters.find((x) => x.id === id);
    return cluster ? api.json(200, { node_pools: cluster.node_pools }) : api.notFound();
  });
  const pool = (id: string, poolId: string) => api.data.kubernetesClusters.find((c) => c.id === id)?.node_pools.find((p: Json) => p.id === poolId);
  const provisioned = (node: Json) =>
    api.startAction('provision_node', 'kubernetes', null, null, () => {
      node.status = { state: 'running' };
      node.updated_at = api.now();
    });
  const newNode = (p: Json, n: number): Json => {
    const id = stableUuid(`node-${p.id}-${n}-${api.nextId++}`);
    const node = {
      id,
      name: `${p.name}-${id.slice(0, 5)}`,
      status: { state: 'provisioning' },
      droplet_id: String(api.nextId++),
      created_at: api.now(),
      updated_at: api.now(),
    };
    provisioned(node);
    return node;
  };
  api.on('GET', '/v2/kubernetes/clusters/{id}/node_pools/{pool}', ([id, poolId]) => {
    const p = pool(id, poolId);
    return p ? api.json(200, { node_pool: p }) : api.notFound();
  });
  api.on('PUT', '/v2/kubernetes/clusters/{id}/node_pools/{pool}', ([id, poolId], ctx) => {
    const p = pool(id, poolId);
    if (!p) return api.notFound();
    const count = ctx.body?.count;
    if (!Number.isInteger(count) || count < 1 || count > 512) return api.unprocessable('count must be between 1 and 512.');
    if (typeof ctx.body?.name === 'string') p.name = ctx.body.name;
    for (const key of ['auto_scale', 'min_nodes', 'max_nodes'] as const) if (ctx.body[key] !== undefined) p[key] = ctx.body[key];
    // a PUT replaces the pool: labels, taints and tags not sent are gone
    p.labels = ctx.body.labels ?? null;
    p.taints = ctx.body.taints ?? [];
    p.tags = ['k8s', `k8s:${id}`, 'k8s:worker', ...((ctx.body.tags ?? []) as string[]).filter((t) => t !== 'k8s' && !t.startsWith('k8s:'))];
    while (p.nodes.length < count) p.nodes.push(newNode(p, p.nodes.length));
    if (p.nodes.length > count) p.nodes.splice(count);
    p.count = count;
    return api.json(202, { node_pool: p });
  });
  api.on('DELETE', '/v2/kubernetes/clusters/{id}/node_pools/{pool}', ([id, poolId]) => {
    const cluster = api.data.kubernetesClusters.find((c) => c.id === id);
    const index = cluster?.node_pools.findIndex((p: Json) => p.id === poolId) ?? -1;
    if (!cluster || index < 0) return api.notFound();
    if (cluster.node_pools.length === 1) return api.unprocessable('A cluster needs at least one node pool.');
    cluster.node_pools.splice(index, 1);
    return api.noContent();
  });
  api.on('DELETE', '/v2/kubernetes/clusters/{id}/node_pools/{pool}/nodes/{node}', ([id, poolId, nodeId], ctx) => {
    const p = pool(id, poolId);
    const node = p?.nodes.find((n: Json) => n.id === nodeId);
    if (!p || !node) return api.notFound();
    if (ctx.query.get('replace') === 'true' || ctx.query.get('replace') === '1') {
      node.status = { state: 'provisioning' };
      provisioned(node);
    } else {
      p.nodes.splice(p.nodes.indexOf(node), 1);
      p.count = p.nodes.length;
    }
    return { status: 202, headers: { 'x-request-id': api.requestId() }, body: '' };
  });

  api.on('GET', '/v2/kubernetes/options', () =>
    api.json(200, {
      options: {
        regions: ['nyc3', 'ams3', 'sfo3', 'fra1'].map((slug) => ({ name: region(slug).name, slug })),
        versions: K8S_VERSIONS.map((v) => ({ slug: v, kubernetes_version: v.split('-')[0], supported_features: ['cluster-autoscaler'] })),
        sizes: SIZES.map((x) => ({ name: x.slug, slug: x.slug })),
      },
    }),
  );
  const clusterById = (id: string) => api.data.kubernetesClusters.find((c) => c.id === id);
  api.on('GET', '/v2/kubernetes/clusters/{id}/upgrades', ([id]) => {
    const c = clusterById(id);
    if (!c) return api.notFound();
    const newer = K8S_VERSIONS.filter((v) => compareK8s(v, c.version) > 0 && minorOf(v) - minorOf(c.version) <= 1);
    return api.json(200, {
      available_upgrade_versions: newer.length ? newer.map((v) => ({ slug: v, kubernetes_version: v.split('-')[0], supported_features: [] })) : null,
    });
  });
  api.on('POST', '/v2/kubernetes/clusters/{id}/upgrade', ([id], ctx) => {
    const c = clusterById(id);
    if (!c) return api.notFound();
    const version = ctx.body?.version;
    if (!K8S_VERSIONS.includes(version) || compareK8s(version, c.version) <= 0 || minorOf(version) - minorOf(c.version) > 1) {
      return api.unprocessable(`${String(version)} is not an available upgrade for this cluster.`);
    }
    if (c.status.state !== 'running') return api.unprocessable(`The cluster is ${c.status.state}.`);
    c.status = { state: 'upgrading', message: `Upgrading to ${version}` };
    api.startAction(
      'upgrade',
      'kubernetes',
      null,
      c.region,
      () => (c.version = version),
      () => {
        c.status = { state: 'running', message: '' };
        c.updated_at = api.now();
      },
    );
    return { status: 202, headers: { 'x-request-id': api.requestId() }, body: '' };
  });
  api.on('POST', '/v2/kubernetes/clusters/{id}/node_pools', ([id], ctx) => {
    const c = clusterById(id);
    if (!c) return api.notFound();
    const { name, size, count, auto_scale: autoScale, min_nodes: min, max_nodes: max, tags } = ctx.body ?? {};
    if (typeof name !== 'string' || !/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/.test(name))
      return api.unprocessable('name must be lowercase letters, digits and "-".');
    if (c.node_pools.some((p: Json) => p.name === name)) return api.unprocessable(`A node pool named ${name} exists already.`);
    if (!SIZES.some((x) => x.slug === size)) return api.unprocessable(`invalid size: ${String(size)}`);
    if (!Number.isInteger(count) || count < 1 || count > 512) return api.unprocessable('count must be between 1 and 512.');
    if (autoScale && !(Number.isInteger(min) && Number.isInteger(max) && min >= 1 && min <= count && count <= max))
      return api.unprocessable('min_nodes ≤ count ≤ max_nodes is required for autoscaling.');
    const p: Json = {
      size,
      id: stableUuid(`pool-${c.name}-${name}-${api.nextId++}`),
      name,
      count,
      tags: ['k8s', `k8s:${c.id}`, 'k8s:worker', ...(Array.isArray(tags) ? tags : [])],
      labels: null,
      taints: [],
      auto_scale: Boolean(autoScale),
      min_nodes: autoScale ? min : 0,
      max_nodes: autoScale ? max : 0,
      nodes: [],
    };
    for (let n = 0; n < count; n++) p.nodes.push(newNode(p, n));
    c.node_pools.push(p);
    return api.json(201, { node_pool: p });
  });

  api.on('GET', '/v2/kubernetes/clusters/{id}/kubeconfig', ([id], ctx) => {
    const cluster = api.data.kubernetesClusters.find((x) => x.id === id);
    if (!cluster) return api.notFound();
    const expiry = Number(ctx.query.get('expiry_seconds') ?? 604800);
    return {
      status: 200,
      headers: { 'content-type': 'application/yaml', 'x-request-id': api.requestId() },
      body: kubeconfigYaml(cluster, api.clusterToken(cluster.id), expiry),
    };
  });
  api.on('GET', '/v2/kubernetes/clusters/{id}/credentials', ([id], ctx) => {
    const cluster = api.data.kubernetesClusters.find((x) => x.id === id);
    if (!cluster) return api.notFound();
    const expiry = Number(ctx.query.get('expiry_seconds') ?? 604800);
    return api.json(200, {
      server: cluster.endpoint,
      certificate_authority_data: DEMO_CA,
      client_certificate_data: null,
      client_key_data: null,
      token: api.clusterToken(cluster.id),
      expires_at: new Date(api.clock() + expiry * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    });
  });
}

/**
 * `POST /v2/kubernetes/clusters` with the API's rules where they are simple: the name pattern and
 * uniqueness, a region and version of the options, pools with valid names, sizes and counts, a VPC
 * of that region, a maintenance window of a known day and an HH:MM time. The cluster provisions
 * for one action duration, then runs.
 */
export function kubernetesCreateRoutes(api: FakeCore): void {
  const NAME = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
  const REGIONS = ['nyc3', 'ams3', 'sfo3', 'fra1'];
  api.on('POST', '/v2/kubernetes/clusters', (_, ctx) => {
    const body = ctx.body ?? {};
    const { name, region: regionSlug, node_pools: pools, maintenance_policy: window } = body;
    if (typeof name !== 'string' || !NAME.test(name)) return api.unprocessable('name must be lowercase letters, digits and "-", at most 63 characters.');
    if (api.data.kubernetesClusters.some((c) => c.name === name)) return api.unprocessable(`a cluster with the name ${name} already exists`);
    if (!REGIONS.includes(regionSlug)) return api.unprocessable(`region ${String(regionSlug)} does not support Kubernetes`);
    const version =
      body.version === 'latest'
        ? K8S_VERSIONS[K8S_VERSIONS.length - 1]
        : K8S_VERSIONS.filter((v) => v === body.version || v.startsWith(`${String(body.version)}.`)).pop();
    if (!version) return api.unprocessable(`version ${String(body.version)} is not available`);
    if (!Array.isArray(pools) || pools.length === 0) return api.unprocessable('at least one node pool is required');
    const names = new Set<string>();
    for (const p of pools as Json[]) {
      if (typeof p?.name !== 'string' || !NAME.test(p.name)) return api.unprocessable(`node pool name ${String(p?.name)} is invalid`);
      if (names.has(p.name)) return api.unprocessable(`node pool names must be unique: ${p.name}`);
      names.add(p.name);
      const size = SIZES.find((x) => x.slug === p.size);
      if (!size || !(size.regions as string[]).includes(regionSlug))
        return api.unprocessable(`size ${String(p.size)} is not available in ${String(regionSlug)}`);
      if (!Number.isInteger(p.count) || p.count < 1 || p.count > 512) return api.unprocessable(`node pool ${p.name}: count must be between 1 and 512`);
      if (
        p.auto_scale &&
        !(Number.isInteger(p.min_nodes) && Number.isInteger(p.max_nodes) && p.min_nodes >= 1 && p.min_nodes <= p.count && p.count <= p.max_nodes)
      ) {
        return api.unprocessable(`node pool ${p.name}: min_nodes ≤ count ≤ max_nodes is required for autoscaling`);
      }
    }
    const vpc =
      body.vpc_uuid === undefined ? api.data.vpcs.find((v) => v.region === regionSlug && v.default) : api.data.vpcs.find((v) => v.id === body.vpc_uuid);
    if (body.vpc_uuid !== undefined && (!vpc || vpc.region !== regionSlug))
      return api.unprocessable(`vpc ${String(body.vpc_uuid)} is not a VPC in ${String(regionSlug)}`);
    if (window !== undefined && window !== null) {
      if (window.day !== undefined && !['any', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'].includes(window.day))
        return api.unprocessable(`maintenance_policy.day ${String(window.day)} is invalid`);
      if (window.start_time !== undefined && !/^([01]?\d|2[0-3]):[0-5]\d$/.test(String(window.start_time)))
        return api.unprocessable(`maintenance_policy.start_time ${String(window.start_time)} is not HH:MM`);
    }
    if (body.tags !== undefined && !(Array.isArray(body.tags) && body.tags.every((t: unknown) => typeof t === 'string' && /^[a-zA-Z0-9_:-]{1,255}$/.test(t))))
      return api.unprocessable('tags are invalid');
    const id = stableUuid(`k8s-${name}-${api.nextId++}`);
    const cluster: Json = {
      id,
      name,
      region: regionSlug,
      version,
      cluster_subnet: '10.244.0.0/16',
      service_subnet: '10.245.0.0/16',
      vpc_uuid: vpc?.id ?? stableUuid(`vpc-default-${regionSlug}`),
      ipv4: '',
      endpoint: `https://${id}.k8s.ondigitalocean.com`,
      tags: ['k8s', `k8s:${id}`, ...((body.tags as string[] | undefined) ?? [])],
      node_pools: (pools as Json[]).map((p) => {
        const pool: Json = {
          size: p.size,
          id: stableUuid(`pool-${id}-${p.name}`),
          name: p.name,
          count: p.count,
          tags: ['k8s', `k8s:${id}`, 'k8s:worker', ...((p.tags as string[] | undefined) ?? [])],
          labels: null,
          taints: [],
          auto_scale: Boolean(p.auto_scale),
          min_nodes: p.auto_scale ? p.min_nodes : 0,
          max_nodes: p.auto_scale ? p.max_nodes : 0,
          nodes: [],
        };
        for (let k = 0; k < p.count; k++) {
          const nodeId = stableUuid(`node-${pool.id}-${k}`);
          pool.nodes.push({
            id: nodeId,
            name: `${p.name}-${nodeId.slice(0, 5)}`,
            status: { state: 'provisioning' },
            droplet_id: String(api.nextId++),
            created_at: api.now(),
            updated_at: api.now(),
          });
        }
        return pool;
      }),
      maintenance_policy: { start_time: window?.start_time ?? '00:00', duration: '4h0m0s', day: window?.day ?? 'any' },
      auto_upgrade: Boolean(body.auto_upgrade),
      status: { state: 'provisioning', message: 'Provisioning' },
      created_at: api.now(),
      updated_at: api.now(),
      surge_upgrade: Boolean(body.surge_upgrade),
      registry_enabled: false,
      ha: Boolean(body.ha),
    };
    api.data.kubernetesClusters.push(cluster);
    api.intoProject(`do:kubernetes:${id}`);
    api.later(api.actionDurationMs, () => {
      cluster.status = { state: 'running', message: '' };
      cluster.ipv4 = cluster.ha ? '' : '203.0.113.91';
      for (const pool of cluster.node_pools) for (const node of pool.nodes) node.status = { state: 'running' };
      cluster.updated_at = api.now();
    });
    return api.json(201, { kubernetes_cluster: cluster });
  });
}
