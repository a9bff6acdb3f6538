/** The fake API's reserved IPs (create, assign / unassign, release) and the actions endpoints. */
import type { FakeCore, FakeResponse } from '../core';
import { type Json, SIZES, region } from '../seed';

/** The next demo address handed out (192.0.2.x, the documentation range). */
let nextIp = 100;

export function reservedIpRoutes(api: FakeCore): void {
  // Reserved IPs: create (for a droplet or a region), assign / unassign, release
  api.on('POST', '/v2/reserved_ips', (_, ctx) => createReservedIp(api, ctx.body));
  api.on('POST', '/v2/reserved_ips/{ip}/actions', ([ip], ctx) => reservedIpAction(api, ip, ctx.body));
  api.on('DELETE', '/v2/reserved_ips/{ip}', ([ip]) => api.deleteItem(api.data.reservedIps, ip, (r) => r.ip, { urn: (x) => `do:floatingip:${x}` }));

  // Actions
  api.on('GET', '/v2/actions', (_, ctx) => api.page('actions', [...api.actions.values()].reverse(), ctx));
  api.on('GET', '/v2/actions/{id}', ([id]) => {
    const action = api.actions.get(Number(id));
    return action ? api.json(200, { action }) : api.notFound();
  });
}

export function createReservedIp(api: FakeCore, body: Json): FakeResponse {
  const hasDroplet = body && body.droplet_id !== undefined;
  const hasRegion = body && body.region !== undefined;
  if (hasDroplet === hasRegion) return api.unprocessable('Give exactly one of droplet_id or region.');
  const target = hasDroplet ? api.data.droplets.find((x) => x.id === body.droplet_id) : undefined;
  if (hasDroplet && !target) return api.unprocessable('The droplet does not exist.');
  const regionSlug = target ? target.region.slug : body.region;
  if (!target && !SIZES[0].regions.includes(regionSlug)) return api.unprocessable('You specified an invalid region.');
  const project = api.data.projects.find((p) => p.id === body.project_id) ?? api.data.projects.find((p) => p.is_default);
  const reserved: Json = { ip: `192.0.2.${nextIp++}`, region: region(regionSlug), droplet: target ?? null, locked: false, project_id: project?.id };
  api.data.reservedIps.push(reserved);
  if (project) api.data.projectResources[project.id].push({ urn: `do:floatingip:${reserved.ip}`, assigned_at: api.now() });
  const actions = target ? [api.startAction('assign_ip', 'reserved_ip', null, regionSlug, () => undefined)] : [];
  return api.json(202, {
    reserved_ip: reserved,
    links: {
      droplets: target ? [{ id: target.id, rel: 'droplet', href: `${api.linkBase}/v2/droplets/${target.id}` }] : [],
      actions: actions.map((a) => ({ id: a.id, rel: 'assign_ip', href: `${api.linkBase}/v2/actions/${a.id}` })),
    },
  });
}

export function reservedIpAction(api: FakeCore, ip: string, body: Json): FakeResponse {
  const reserved = api.data.reservedIps.find((r) => r.ip === ip);
  if (!reserved) return api.notFound();
  if (body?.type === 'unassign') {
    if (!reserved.droplet) return api.unprocessable('The reserved IP is not assigned.');
    return api.json(201, { action: api.startAction('unassign_ip', 'reserved_ip', null, reserved.region.slug, () => (reserved.droplet = null)) });
  }
  if (body?.type === 'assign') {
    const target = api.data.droplets.find((x) => x.id === body.droplet_id);
    if (!target) return api.unprocessable('The droplet does not exist.');
    if (target.region.slug !== reserved.region.slug) return api.unprocessable('The droplet must be in the same region as the reserved IP.');
    return api.json(201, { action: api.startAction('assign_ip', 'reserved_ip', null, reserved.region.slug, () => (reserved.droplet = target)) });
  }
  return api.unprocessable(`${String(body?.type)} is not a valid reserved IP action type.`);
}
