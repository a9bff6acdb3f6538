/**
 * BYOIP prefixes and partner attachments beyond their lists (which the catalog serves): a
 * prefix's addresses in use and advertising it; an attachment's learned routes and its two keys.
 */
import type { FakeCore } from '../core';

export function networkEdgeRoutes(api: FakeCore): void {
  const prefix = (id: string) => api.data.byoipPrefixes.find((p) => p.uuid === id);
  api.on('GET', '/v2/byoip_prefixes/{id}/ips', ([id], ctx) => (prefix(id) ? api.page('ips', api.data.byoipIps[id] ?? [], ctx) : api.notFound()));
  // advertising starts or stops announcing the range; only an active, unlocked prefix can change
  api.on('PATCH', '/v2/byoip_prefixes/{id}', ([id], ctx) => {
    const p = prefix(id);
    if (!p) return api.notFound();
    if (typeof ctx.body?.advertise !== 'boolean') return api.unprocessable('advertise must be true or false');
    if (p.status !== 'active') return api.unprocessable(`the prefix is ${String(p.status)}`);
    if (p.locked) return api.unprocessable('the prefix is locked');
    p.advertised = ctx.body.advertise;
    return api.json(202, { byoip_prefix: p });
  });

  // withdrawn first: an advertised range still carries traffic (the fake's rule); 202, no body
  api.on('DELETE', '/v2/byoip_prefixes/{id}', ([id]) => {
    const p = prefix(id);
    if (!p) return api.notFound();
    if (p.advertised) return api.unprocessable(`${String(p.prefix)} is advertised: stop advertising it first`);
    api.data.byoipPrefixes.splice(api.data.byoipPrefixes.indexOf(p), 1);
    delete api.data.byoipIps[id];
    return { status: 202, headers: { 'x-request-id': api.requestId() }, body: '' };
  });
  // an attachment is DELETING, then gone one action's time later
  api.on('DELETE', '/v2/partner_network_connect/attachments/{id}', ([id]) => {
    const a = api.data.partnerAttachments.find((x) => x.id === id);
    if (!a) return api.notFound();
    a.state = 'DELETING';
    api.removeLater(api.data.partnerAttachments, a);
    return api.json(202, { partner_attachment: a });
  });

  const details = (id: string) => (api.data.partnerAttachments.some((a) => a.id === id) ? api.data.partnerDetails[id] : undefined);
  api.on('GET', '/v2/partner_network_connect/attachments/{id}/remote_routes', ([id], ctx) => {
    const d = details(id);
    return d
      ? api.page(
          'remote_routes',
          d.remoteRoutes.map((cidr) => ({ cidr })),
          ctx,
        )
      : api.notFound();
  });
  api.on('GET', '/v2/partner_network_connect/attachments/{id}/service_key', ([id]) => {
    const d = details(id);
    return d ? api.json(200, { service_key: { value: d.serviceKey, state: 'CREATED', created_at: api.now() } }) : api.notFound();
  });
  api.on('GET', '/v2/partner_network_connect/attachments/{id}/bgp_auth_key', ([id]) => {
    const d = details(id);
    return d ? api.json(200, { bgp_auth_key: { value: d.bgpAuthKey } }) : api.notFound();
  });
}
