/** The fake API's routes: Reserved IPs (create, assign / unassign, release) and actions. */
import type { FakeCore } from '../core';

export function reservedIpRoutes(api: FakeCore): void {
  // Reserved IPs: create (for a droplet or a region), assign / unassign, release
  api.on('POST', '/v2/reserved_ips', (_, ctx) => api.createReservedIp(ctx.body));
  api.on('POST', '/v2/reserved_ips/{ip}/actions', ([ip], ctx) => api.reservedIpAction(ip, ctx.body));
  api.on('DELETE', '/v2/reserved_ips/{ip}', ([ip]) => api.deleteItem(api.data.reservedIps, ip, (r) => r.ip, { urn: (x) => `do:floatingip:${x}` }));

  // Actions
  api.on('GET', '/v2/actions', (_, ctx) => api.page('actions', [...api.actions.values()].reverse(), ctx));
  api.on('GET', '/v2/actions/{id}', ([id]) => {
    const action = api.actions.get(Number(id));
    return action ? api.json(200, { action }) : api.notFound();
  });
}
