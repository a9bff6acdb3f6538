/**
 * The fake API's reserved IPv6 addresses: reserve one in a region (201), assign it to a droplet of
 * that region with IPv6 on, unassign it (each an action), release it (204; an assigned one is
 * refused with 422). List and item come from the catalog.
 */
import type { FakeCore } from '../core';
import { type Json, SIZES } from '../seed';

export function reservedIpv6Routes(api: FakeCore): void {
  const addresses = () => api.data.reservedIpv6s;
  let next = 0x40;

  api.on('POST', '/v2/reserved_ipv6', (_, ctx) => {
    const slug = ctx.body?.region_slug;
    if (typeof slug !== 'string' || !SIZES[0].regions.includes(slug)) return api.unprocessable(`region_slug: ${String(slug)} is not a region.`);
    const reserved: Json = { ip: `2001:db8:1001::${(next++).toString(16)}`, region_slug: slug, reserved_at: api.now(), droplet: null };
    addresses().push(reserved);
    return api.json(201, { reserved_ipv6: reserved });
  });

  api.on('POST', '/v2/reserved_ipv6/{ip}/actions', ([ip], ctx) => {
    const reserved = addresses().find((r) => r.ip === ip);
    if (!reserved) return api.notFound();
    const body = ctx.body ?? {};
    if (body.type === 'unassign') {
      if (!reserved.droplet) return api.unprocessable('The reserved IPv6 is not assigned.');
      // the spec wants an integer resource_id here (not null, as for reserved IPv4): the droplet's
      const from = reserved.droplet.id as number;
      return api.json(201, { action: api.startAction('unassign_ip', 'reserved_ipv6', from, reserved.region_slug, () => (reserved.droplet = null)) });
    }
    if (body.type === 'assign') {
      const target = api.data.droplets.find((d) => d.id === body.droplet_id);
      if (!target) return api.unprocessable('The droplet does not exist.');
      if (target.region.slug !== reserved.region_slug) return api.unprocessable('The droplet must be in the same region as the reserved IPv6.');
      if (!target.features.includes('ipv6')) return api.unprocessable('IPv6 must be enabled on the droplet.');
      return api.json(201, { action: api.startAction('assign_ip', 'reserved_ipv6', target.id, reserved.region_slug, () => (reserved.droplet = target)) });
    }
    return api.unprocessable(`${String(body.type)} is not a valid reserved IPv6 action type.`);
  });

  api.on('DELETE', '/v2/reserved_ipv6/{ip}', ([ip]) =>
    api.deleteItem(addresses(), ip, (r) => r.ip, {
      refuse: (r) => (r.droplet ? api.unprocessable('The reserved IPv6 is assigned to a droplet; unassign it first.') : undefined),
    }),
  );
}
