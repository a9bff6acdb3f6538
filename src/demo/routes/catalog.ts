/** The fake API's routes: plain collections of every top-level kind (from the descriptors), their DELETE, sizes, regions, images and tags. */
import type { FakeCore, FakeResponse } from '../core';
import { ALL_KINDS, type ResourceKind } from '../../api/resources';
import { type Json, SIZES, IMAGES, region } from '../seed';

/**
 * Where the fake keeps a kind's items: its kind in camelCase and plural ("cdn_endpoint" →
 * `cdnEndpoints`, "alert_policy" → `alertPolicies`, "ssh_key" → `sshKeys`); a kind whose list is not kept there has
 * routes of its own.
 */
export function dataKeyOf(kind: string): string {
  const camel = kind.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
  if (/[^aeiou]y$/.test(camel)) return `${camel.slice(0, -1)}ies`;
  return /(x|s|ch|sh)$/.test(camel) ? `${camel}es` : `${camel}s`;
}

/** The top-level kinds the fake keeps a plain list of, read from their descriptors. */
export function catalogKinds(api: Pick<FakeCore, 'data'>): { kind: ResourceKind<never>; path: string; items: () => Json[] }[] {
  // read at each request: a reset gives the fake new data
  const data = () => api.data as unknown as Record<string, unknown>;
  return ALL_KINDS.filter(
    (k) => typeof k.path === 'string' && !k.parent && !k.singleton && k.listable !== false && Array.isArray(data()[dataKeyOf(k.kind)]),
  ).map((kind) => ({
    kind,
    path: kind.path as string,
    items: () => data()[dataKeyOf(kind.kind)] as Json[],
  }));
}

export function catalogRoutes(api: FakeCore): void {
  /** Why a VPC cannot go (as the API refuses it): the default one, or one a peering or NAT gateway still uses. */
  const vpcInUse = (v: Json): FakeResponse | undefined => {
    if (v.default) return api.error(403, 'forbidden', 'A default VPC cannot be deleted.');
    const peering = api.data.vpcPeerings.find((p) => p.vpc_ids.includes(v.id));
    const gateway = api.data.vpcNatGateways.find((g) => g.vpcs.some((x) => x.vpc_uuid === v.id));
    const user = peering ? `the VPC peering ${peering.name}` : gateway ? `the NAT gateway ${gateway.name}` : undefined;
    return user ? api.error(403, 'forbidden', `The VPC cannot be deleted while ${user} uses it.`) : undefined;
  };
  // Every kind described in src/api/resources whose items the fake keeps gets its list, its item
  // and (when the descriptor says a DELETE removes one) its delete, answered where no family of
  // routes answers the same request: no list here names a kind.
  for (const { kind, path, items } of catalogKinds(api)) {
    const idOf = (x: Json) => kind.idOf(x as never);
    const key = kind.collectionKey;
    api.fallback('GET', path, (_, ctx) => {
      let list = items();
      const tagName = ctx.query.get('tag_name');
      if (tagName && key === 'droplets') list = list.filter((x) => (x.tags as string[]).includes(tagName));
      const resourceType = ctx.query.get('resource_type');
      if (resourceType && key === 'snapshots') list = list.filter((x) => x.resource_type === resourceType);
      return api.page(key, list, ctx);
    });
    api.fallback('GET', `${path}/{id}`, ([id]) => {
      const item = items().find((x) => idOf(x) === id);
      return item ? api.json(200, { [kind.singleKey]: item }) : api.notFound();
    });
    if (!kind.deletable) continue;
    api.fallback('DELETE', `${path}/{id}`, ([id]) =>
      api.deleteItem(items(), id, idOf, {
        urn: kind.urnPrefix ? (x) => `${kind.urnPrefix}${x}` : undefined,
        refuse: (x) => (kind.kind === 'vpc' ? vpcInUse(x) : undefined),
        answer: kind.kind === 'app' ? api.json(200, { id }) : undefined,
      }),
    );
  }
  // the database clusters' list is kept as `databases` (the API's own name)
  api.on('DELETE', '/v2/databases/{id}', ([id]) => api.deleteItem(api.data.databases, id, (x) => x.id, { urn: (x) => `do:dbaas:${x}` }));

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
  api.on('GET', '/v2/tags/{name}', ([name]) => {
    const tag = api.tags().find((t) => t.name === name);
    return tag ? api.json(200, { tag }) : api.notFound();
  });
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
  // a tag deleted is taken off everything that carries it
  api.on('DELETE', '/v2/tags/{name}', ([name]) => {
    if (!api.tags().some((t) => t.name === name)) return api.notFound();
    api.explicitTags.delete(name);
    for (const list of [api.data.droplets, api.data.volumes, api.data.databases, api.data.images, api.data.snapshots])
      for (const item of list) if (Array.isArray(item.tags)) item.tags = (item.tags as string[]).filter((t) => t !== name);
    return api.noContent();
  });
  api.on('POST', '/v2/tags/{name}/resources', ([name], ctx) => retag(name, ctx.body, true));
  api.on('DELETE', '/v2/tags/{name}/resources', ([name], ctx) => retag(name, ctx.body, false));
}
