/** The fake API's routes: Kubernetes clusters: options, node pools and nodes, kubeconfig and credentials, upgrades. */
import type { FakeCore } from '../core';
import { DEMO_CA, K8S_VERSIONS, compareK8s, kubeconfigYaml, minorOf } from '../core';
import { type Json, SIZES, region, stableUuid } from '../seed';

export function kubernetesRoutes(api: FakeCore): void {
  // Kubernetes
  api.on('GET', '/v2/kubernetes/clusters/{id}/node_pools', ([id]) => {
    const cluster = api.data.kubernetesClusters.find((x) => x.id === id);
    return cluster ? api.json(200, { node_pools: cluster.node_pools }) : api.notFound();
  });
  const pool = (id: string, poolId: string) => api.data.kubernetesClusters.find((c) => c.id === id)?.node_pools.find((p: Json) => p.id === poolId);
  const provisioned = (node: Json) => api.startAction('provision_node', 'kubernetes', null, null, () => {
    node.status = { state: 'running' };
    node.updated_at = api.now();
  });
  const newNode = (p: Json, n: number): Json => {
    const id = stableUuid(`node-${p.id}-${n}-${api.nextId++}`);
    const node = { id, name: `${p.name}-${id.slice(0, 5)}`, status: { state: 'provisioning' }, droplet_id: String(api.nextId++), created_at: api.now(), updated_at: api.now() };
    provisioned(node);
    return node;
  };
  api.on('PUT', '/v2/kubernetes/clusters/{id}/node_pools/{pool}', ([id, poolId], ctx) => {
    const p = pool(id, poolId);
    if (!p) return api.notFound();
    const count = ctx.body?.count;
    if (!Number.isInteger(count) || count < 1 || count > 512) return api.unprocessable('count must be between 1 and 512.');
    if (typeof ctx.body?.name === 'string') p.name = ctx.body.name;
    for (const key of ['auto_scale', 'min_nodes', 'max_nodes']) if (ctx.body[key] !== undefined) p[key] = ctx.body[key];
    while (p.nodes.length < count) p.nodes.push(newNode(p, p.nodes.length));
    if (p.nodes.length > count) p.nodes.splice(count);
    p.count = count;
    return api.json(202, { node_pool: p });
  });
  api.on('DELETE', '/v2/kubernetes/clusters/{id}/node_pools/{pool}', ([id, poolId]) => {
    const cluster = api.data.kubernetesClusters.find((c) => c.id === id);
    const index = cluster?.node_pools.findIndex((p: Json) => p.id === poolId) ?? -1;
    if (index < 0) return api.notFound();
    if (cluster.node_pools.length === 1) return api.unprocessable('A cluster needs at least one node pool.');
    cluster.node_pools.splice(index, 1);
    return api.noContent();
  });
  api.on('DELETE', '/v2/kubernetes/clusters/{id}/node_pools/{pool}/nodes/{node}', ([id, poolId, nodeId], ctx) => {
    const p = pool(id, poolId);
    const node = p?.nodes.find((n: Json) => n.id === nodeId);
    if (!node) return api.notFound();
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
    return api.json(200, { available_upgrade_versions: newer.length ? newer.map((v) => ({ slug: v, kubernetes_version: v.split('-')[0], supported_features: [] })) : null });
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
    api.startAction('upgrade', 'kubernetes', null, c.region, () => (c.version = version), () => {
      c.status = { state: 'running', message: '' };
      c.updated_at = api.now();
    });
    return { status: 202, headers: { 'x-request-id': api.requestId() }, body: '' };
  });
  api.on('POST', '/v2/kubernetes/clusters/{id}/node_pools', ([id], ctx) => {
    const c = clusterById(id);
    if (!c) return api.notFound();
    const { name, size, count, auto_scale: autoScale, min_nodes: min, max_nodes: max, tags } = ctx.body ?? {};
    if (typeof name !== 'string' || !/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/.test(name)) return api.unprocessable('name must be lowercase letters, digits and "-".');
    if (c.node_pools.some((p: Json) => p.name === name)) return api.unprocessable(`A node pool named ${name} exists already.`);
    if (!SIZES.some((x) => x.slug === size)) return api.unprocessable(`invalid size: ${String(size)}`);
    if (!Number.isInteger(count) || count < 1 || count > 512) return api.unprocessable('count must be between 1 and 512.');
    if (autoScale && !(Number.isInteger(min) && Number.isInteger(max) && min >= 1 && min <= count && count <= max)) return api.unprocessable('min_nodes ≤ count ≤ max_nodes is required for autoscaling.');
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
    return { status: 200, headers: { 'content-type': 'application/yaml', 'x-request-id': api.requestId() }, body: kubeconfigYaml(cluster, api.clusterToken(cluster.id), expiry) };
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
