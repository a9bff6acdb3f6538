/** The fake API's routes: Plain collections of every top-level kind, their DELETE, sizes, regions, images and tags. */
import type { FakeCore, FakeResponse } from '../core';
import { type Json, SIZES, IMAGES, region } from '../seed';

export function catalogRoutes(api: FakeCore): void {
  // Plain top-level collections
  const collections: [string, string, string, () => Json[], (x: Json) => string][] = [
    ['/v2/droplets', 'droplets', 'droplet', () => api.data.droplets, (x) => String(x.id)],
    ['/v2/volumes', 'volumes', 'volume', () => api.data.volumes, (x) => x.id],
    ['/v2/snapshots', 'snapshots', 'snapshot', () => api.data.snapshots, (x) => x.id],
    ['/v2/kubernetes/clusters', 'kubernetes_clusters', 'kubernetes_cluster', () => api.data.kubernetesClusters, (x) => x.id],
    ['/v2/load_balancers', 'load_balancers', 'load_balancer', () => api.data.loadBalancers, (x) => x.id],
    ['/v2/reserved_ips', 'reserved_ips', 'reserved_ip', () => api.data.reservedIps, (x) => x.ip],
    ['/v2/reserved_ipv6', 'reserved_ipv6s', 'reserved_ipv6', () => api.data.reservedIpv6s, (x) => x.ip],
    ['/v2/firewalls', 'firewalls', 'firewall', () => api.data.firewalls, (x) => x.id],
    ['/v2/vpcs', 'vpcs', 'vpc', () => api.data.vpcs, (x) => x.id],
    ['/v2/domains', 'domains', 'domain', () => api.data.domains, (x) => x.name],
    ['/v2/certificates', 'certificates', 'certificate', () => api.data.certificates, (x) => x.id],
    ['/v2/cdn/endpoints', 'endpoints', 'endpoint', () => api.data.cdnEndpoints, (x) => x.id],
    ['/v2/apps', 'apps', 'app', () => api.data.apps, (x) => x.id],
    ['/v2/account/keys', 'ssh_keys', 'ssh_key', () => api.data.sshKeys, (x) => String(x.id)],
    ['/v2/uptime/checks', 'checks', 'check', () => api.data.uptimeChecks, (x) => x.id],
    ['/v2/monitoring/alerts', 'policies', 'policy', () => api.data.alertPolicies, (x) => x.uuid],
  ];
  // DELETE for the kinds without a flow of their own (droplets, volumes and reserved IPs have one)
  const urnKinds: Record<string, string> = { kubernetes_clusters: 'kubernetes', load_balancers: 'loadbalancer', domains: 'domain' };
  for (const [path, key, , items, idOf] of collections) {
    if (['droplets', 'volumes', 'reserved_ips'].includes(key)) continue;
    api.on('DELETE', `${path}/{id}`, ([id]) =>
      api.deleteItem(items(), id, idOf, {
        urn: urnKinds[key] ? (x) => `do:${urnKinds[key]}:${x}` : undefined,
        refuse: (x) => (key === 'vpcs' && x.default ? api.error(403, 'forbidden', 'A default VPC cannot be deleted.') : undefined),
        answer: key === 'apps' ? api.json(200, { id }) : undefined,
      }),
    );
  }
  api.on('DELETE', '/v2/databases/{id}', ([id]) => api.deleteItem(api.data.databases, id, (x) => x.id, { urn: (x) => `do:dbaas:${x}` }));
  api.on('DELETE', '/v2/images/{id}', ([id]) => api.deleteItem(api.data.images, id, (x) => String(x.id)));

  for (const [path, key, single, items, idOf] of collections) {
    api.on('GET', path, (_, ctx) => {
      let list = items();
      const tagName = ctx.query.get('tag_name');
      if (tagName && key === 'droplets') list = list.filter((x) => (x.tags as string[]).includes(tagName));
      const resourceType = ctx.query.get('resource_type');
      if (resourceType && key === 'snapshots') list = list.filter((x) => x.resource_type === resourceType);
      return api.page(key, list, ctx);
    });
    api.on('GET', `${path}/{id}`, ([id]) => {
      const item = items().find((x) => idOf(x) === id);
      return item ? api.json(200, { [single]: item }) : api.notFound();
    });
  }

  api.on('GET', '/v2/images', (_, ctx) => {
    const wantPrivate = ctx.query.get('private') === 'true';
    const type = ctx.query.get('type');
    let list = wantPrivate ? api.data.images : [...IMAGES, ...api.data.images];
    if (type === 'distribution') list = IMAGES;
    return api.page('images', list, ctx);
  });
  api.on('GET', '/v2/sizes', (_, ctx) => api.page('sizes', SIZES, ctx));
  api.on('GET', '/v2/regions', (_, ctx) => api.page('regions', ['nyc1', 'nyc3', 'sfo3', 'ams3', 'fra1', 'lon1', 'sgp1', 'tor1'].map(region), ctx));

  api.on('GET', '/v2/tags', (_, ctx) => api.page('tags', api.tags(), ctx));
  api.on('POST', '/v2/tags', (_, ctx) => {
    const name = ctx.body?.name;
    if (typeof name !== 'string' || !/^[a-zA-Z0-9_:-]{1,255}$/.test(name)) return api.unprocessable('name is invalid');
    api.explicitTags.add(name);
    return api.json(201, { tag: api.tags().find((t) => t.name === name) });
  });
  const tagged = (type: string, id: string): Json | undefined =>
    type === 'droplet'
      ? api.data.droplets.find((x) => String(x.id) === id)
      : type === 'volume'
        ? api.data.volumes.find((x) => x.id === id)
        : type === 'image'
          ? api.data.images.find((x) => String(x.id) === id)
          : type === 'database'
            ? api.data.databases.find((x) => x.id === id)
            : type === 'volume_snapshot'
              ? api.data.snapshots.find((x) => x.id === id)
              : undefined;
  const retag = (name: string, body: Json, add: boolean): FakeResponse => {
    if (!api.tags().some((t) => t.name === name)) return api.notFound();
    const resources: unknown = body?.resources;
    if (!Array.isArray(resources) || resources.length === 0) return api.unprocessable('resources is required');
    const targets = resources.map((r: Json) => tagged(r?.resource_type, String(r?.resource_id)));
    if (targets.some((t) => !t)) return api.unprocessable('A resource does not exist.');
    for (const target of targets) {
      const tags: string[] = target.tags ?? [];
      target.tags = add ? [...new Set([...tags, name])] : tags.filter((t) => t !== name);
    }
    return api.noContent();
  };
  api.on('POST', '/v2/tags/{name}/resources', ([name], ctx) => retag(name, ctx.body, true));
  api.on('DELETE', '/v2/tags/{name}/resources', ([name], ctx) => retag(name, ctx.body, false));
}
