/** The fake API's routes: firewall rules and load balancer settings replaced (PUT), with the API's refusals. */
import type { FakeCore } from '../core';
import type { Json } from '../seed';

/** A port, a range "8000-9000", or "0" (all): what the API takes for a firewall rule's ports. */
function portsProblem(rule: Json, where: string): string | undefined {
  const ports = String(rule?.ports ?? '');
  if (rule?.protocol === 'icmp') return undefined;
  const m = /^(\d+)(?:-(\d+))?$/.exec(ports);
  const ok = m && (ports === '0' || (Number(m[1]) >= 1 && Number(m[1]) <= 65535 && (m[2] === undefined || (Number(m[2]) >= Number(m[1]) && Number(m[2]) <= 65535))));
  return ok ? undefined : `${where}: ports "${ports}" is not a port, a range of ports, or 0.`;
}

export function networkRoutes(api: FakeCore): void {
  api.on('PUT', '/v2/firewalls/{id}', ([id], ctx) => {
    const fw = api.data.firewalls.find((f) => f.id === id);
    if (!fw) return api.notFound();
    const body = ctx.body ?? {};
    if (typeof body.name !== 'string' || !body.name) return api.error(400, 'bad_request', 'name is required.');
    const inbound = (body.inbound_rules ?? []) as Json[];
    const outbound = (body.outbound_rules ?? []) as Json[];
    const problem =
      inbound.map((r, i) => portsProblem(r, `inbound rule ${i + 1}`)).find(Boolean) ??
      outbound.map((r, i) => portsProblem(r, `outbound rule ${i + 1}`)).find(Boolean) ??
      inbound.map((r, i) => (Object.values(r.sources ?? {}).some((v) => Array.isArray(v) && v.length) ? undefined : `inbound rule ${i + 1}: sources is empty.`)).find(Boolean);
    if (problem) return api.error(400, 'bad_request', problem);
    Object.assign(fw, { name: body.name, inbound_rules: inbound, outbound_rules: outbound, droplet_ids: body.droplet_ids ?? [], tags: body.tags ?? [] });
    return api.json(200, { firewall: fw });
  });

  api.on('PUT', '/v2/load_balancers/{id}', ([id], ctx) => {
    const lb = api.data.loadBalancers.find((l) => l.id === id);
    if (!lb) return api.notFound();
    const body = ctx.body ?? {};
    const rules = (body.forwarding_rules ?? []) as Json[];
    if (!rules.length) return api.error(422, 'unprocessable_entity', 'A load balancer needs at least one forwarding rule.');
    for (const r of rules) {
      for (const key of ['entry_port', 'target_port']) {
        if (!Number.isInteger(r[key]) || r[key] < 1 || r[key] > 65535) return api.error(422, 'unprocessable_entity', `forwarding rule "${String(r.entry_protocol)} ${String(r.entry_port)}": ${key} must be from 1 to 65535.`);
      }
      if (r.entry_protocol === 'https' && !r.certificate_id && !r.tls_passthrough) return api.error(422, 'unprocessable_entity', `forwarding rule "https ${String(r.entry_port)}" needs a certificate_id or tls_passthrough.`);
    }
    const entries = rules.map((r) => `${r.entry_protocol}:${r.entry_port}`);
    const twice = entries.find((e, i) => entries.indexOf(e) !== i);
    if (twice) return api.error(422, 'unprocessable_entity', `two forwarding rules listen on "${twice.replace(':', ' ')}".`);
    Object.assign(lb, { forwarding_rules: rules, ...(body.health_check ? { health_check: body.health_check } : {}) });
    return api.json(200, { load_balancer: lb });
  });
}
