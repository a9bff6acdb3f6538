/** The fake API's routes: firewall rules and load balancer settings replaced (PUT), with the API's refusals. */
import type { FakeCore } from '../core';
import { type Json, REGIONS, stableUuid } from '../seed';
import { freeRange, vpcRangeProblem } from '../../api/cidr';

/** A port, a range "8000-9000", or "0" (all): what the API takes for a firewall rule's ports. */
function portsProblem(rule: Json, where: string): string | undefined {
  const ports = String(rule?.ports ?? '');
  if (rule?.protocol === 'icmp') return undefined;
  const m = /^(\d+)(?:-(\d+))?$/.exec(ports);
  const ok = m && (ports === '0' || (Number(m[1]) >= 1 && Number(m[1]) <= 65535 && (m[2] === undefined || (Number(m[2]) >= Number(m[1]) && Number(m[2]) <= 65535))));
  return ok ? undefined : `${where}: ports "${ports}" is not a port, a range of ports, or 0.`;
}

export function networkRoutes(api: FakeCore): void {
  // VPCs: the API's rules for a new one (name pattern, unique name, a region, a private range of
  // /16 to /28 that overlaps none of the account's; a free /20 when none is given)
  api.on('POST', '/v2/vpcs', (_, ctx) => {
    const body = ctx.body ?? {};
    const name = body.name;
    if (typeof name !== 'string' || !/^[a-zA-Z0-9.-]+$/.test(name)) return api.unprocessable('name may only contain alphanumeric characters, dashes, and periods.');
    if (api.data.vpcs.some((v) => v.name === name)) return api.unprocessable(`A VPC named ${name} already exists.`);
    if (typeof body.region !== 'string' || !REGIONS[body.region]) return api.unprocessable(`region "${String(body.region)}" is not a region.`);
    if (body.description !== undefined && (typeof body.description !== 'string' || body.description.length > 255)) return api.unprocessable('description is at most 255 characters.');
    const taken = api.data.vpcs.map((v) => ({ name: String(v.name), ip_range: String(v.ip_range) }));
    let ipRange = body.ip_range;
    if (ipRange !== undefined) {
      const problem = typeof ipRange === 'string' ? vpcRangeProblem(ipRange, taken) : 'a string is required.';
      if (problem) return api.unprocessable(`ip_range: ${problem}`);
    } else ipRange = freeRange(taken.map((t) => t.ip_range));
    const id = stableUuid(`vpc-${name}-${api.clock()}`);
    const vpc = {
      id,
      urn: `do:vpc:${id}`,
      name,
      description: body.description ?? '',
      region: body.region,
      ip_range: ipRange,
      default: !api.data.vpcs.some((v) => v.region === body.region && v.default),
      created_at: new Date(api.clock()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    };
    api.data.vpcs.push(vpc);
    return api.json(201, { vpc });
  });

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
