/** The fake API's routes: firewall rules and load balancer settings replaced (PUT), with the API's refusals. */
import type { FakeCore, FakeResponse } from '../core';
import { type Json, REGIONS, region, stableUuid } from '../seed';
import { freeRange, vpcRangeProblem } from '../../api/cidr';
import { firewallNameProblem, firewallPortsProblem } from '../../api/resources/firewall';
import { loadBalancerNameProblem } from '../../api/resources/loadBalancer';

/** A rule's ports, as the API checks them (ICMP has none). */
function portsProblem(rule: Json, where: string): string | undefined {
  if (rule?.protocol === 'icmp') return undefined;
  const problem = firewallPortsProblem(String(rule?.ports ?? ''));
  return problem ? `${where}: ports ${problem}` : undefined;
}

export function networkRoutes(api: FakeCore): void {
  // VPCs: the API's rules for a new one (name pattern, unique name, a region, a private range of
  // /16 to /28 that overlaps none of the account's; a free /20 when none is given)
  api.on('POST', '/v2/vpcs', (_, ctx) => {
    const body = ctx.body ?? {};
    const name = body.name;
    if (typeof name !== 'string' || !/^[a-zA-Z0-9.-]+$/.test(name))
      return api.unprocessable('name may only contain alphanumeric characters, dashes, and periods.');
    if (api.data.vpcs.some((v) => v.name === name)) return api.unprocessable(`A VPC named ${name} already exists.`);
    if (typeof body.region !== 'string' || !REGIONS[body.region]) return api.unprocessable(`region "${String(body.region)}" is not a region.`);
    if (body.description !== undefined && (typeof body.description !== 'string' || body.description.length > 255))
      return api.unprocessable('description is at most 255 characters.');
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

  // Firewalls: what the API refuses in a new or replaced one — the name pattern, ports, an inbound
  // rule with no source or an outbound one with no destination, droplets that do not exist, bad tags
  const firewallProblem = (body: Json): string | undefined => {
    if (typeof body.name !== 'string' || !body.name) return 'name is required.';
    if (firewallNameProblem(body.name)) return `name: ${firewallNameProblem(body.name)}`;
    const inbound = (body.inbound_rules ?? []) as Json[];
    const outbound = (body.outbound_rules ?? []) as Json[];
    const filled = (e: Json) => Object.values(e ?? {}).some((v) => Array.isArray(v) && v.length);
    const unknownDroplet = [
      ...((body.droplet_ids ?? []) as unknown[]),
      ...[...inbound.map((r) => r.sources), ...outbound.map((r) => r.destinations)].flatMap((e: Json) => (e?.droplet_ids ?? []) as unknown[]),
    ].find((id) => !api.data.droplets.some((d) => d.id === id));
    return (
      inbound.map((r, i) => portsProblem(r, `inbound rule ${i + 1}`)).find(Boolean) ??
      outbound.map((r, i) => portsProblem(r, `outbound rule ${i + 1}`)).find(Boolean) ??
      inbound.map((r, i) => (filled(r.sources) ? undefined : `inbound rule ${i + 1}: sources is empty.`)).find(Boolean) ??
      outbound.map((r, i) => (filled(r.destinations) ? undefined : `outbound rule ${i + 1}: destinations is empty.`)).find(Boolean) ??
      (unknownDroplet !== undefined ? `droplet ${String(unknownDroplet)} does not exist.` : undefined) ??
      (((body.tags ?? []) as unknown[]).some((t) => typeof t !== 'string' || !/^[a-zA-Z0-9_:-]{1,255}$/.test(t)) ? 'tags are invalid.' : undefined)
    );
  };
  api.on('POST', '/v2/firewalls', (_, ctx) => {
    const body = ctx.body ?? {};
    const problem =
      firewallProblem(body) ?? (!body.inbound_rules?.length && !body.outbound_rules?.length ? 'at least one inbound or outbound rule is required.' : undefined);
    if (problem) return api.error(400, 'bad_request', problem);
    const id = stableUuid(`fw-${body.name}-${api.nextId++}`);
    const fw: Json = {
      id,
      status: 'waiting',
      created_at: api.now(),
      pending_changes: [],
      name: body.name,
      inbound_rules: body.inbound_rules ?? [],
      outbound_rules: body.outbound_rules ?? [],
      droplet_ids: body.droplet_ids ?? [],
      tags: body.tags ?? [],
    };
    api.data.firewalls.push(fw);
    api.later(api.actionDurationMs, () => (fw.status = 'succeeded'));
    return api.json(202, { firewall: fw });
  });
  api.on('PUT', '/v2/firewalls/{id}', ([id], ctx) => {
    const fw = api.data.firewalls.find((f) => f.id === id);
    if (!fw) return api.notFound();
    const body = ctx.body ?? {};
    const problem = firewallProblem(body);
    if (problem) return api.error(400, 'bad_request', problem);
    Object.assign(fw, {
      name: body.name,
      inbound_rules: body.inbound_rules ?? [],
      outbound_rules: body.outbound_rules ?? [],
      droplet_ids: body.droplet_ids ?? [],
      tags: body.tags ?? [],
    });
    return api.json(200, { firewall: fw });
  });
  // Droplets and tags added to or removed from a firewall (204; unknown droplets refused)
  for (const [part, key] of [
    ['droplets', 'droplet_ids'],
    ['tags', 'tags'],
  ] as const) {
    for (const method of ['POST', 'DELETE'] as const) {
      api.on(method, `/v2/firewalls/{id}/${part}`, ([id], ctx) => {
        const fw = api.data.firewalls.find((f) => f.id === id);
        if (!fw) return api.notFound();
        const values = ctx.body?.[key];
        if (!Array.isArray(values) || values.length === 0) return api.error(400, 'bad_request', `${key} is required.`);
        if (key === 'droplet_ids') {
          const missing = values.find((v) => !api.data.droplets.some((d) => d.id === v));
          if (missing !== undefined) return api.error(404, 'not_found', `droplet ${String(missing)} does not exist.`);
        } else if (values.some((t) => typeof t !== 'string' || !/^[a-zA-Z0-9_:-]{1,255}$/.test(t))) return api.error(400, 'bad_request', 'tags are invalid.');
        const current = (fw[key] ?? []) as unknown[];
        fw[key] = method === 'POST' ? [...current, ...values.filter((v) => !current.includes(v))] : current.filter((v) => !values.includes(v));
        return api.noContent();
      });
    }
  }

  // Load balancers: the API's rules for a new one where they are simple — name, region, nodes,
  // forwarding rules (protocols, ports, a certificate for TLS that ends here, one rule per port),
  // health check, sticky sessions, droplets of the region or a tag, VPC, project. It is "new"
  // without an IP for one action duration, then active.
  api.on('POST', '/v2/load_balancers', (_, ctx) => {
    const body = ctx.body ?? {};
    const bad = (message: string) => api.unprocessable(message);
    if (typeof body.name !== 'string' || loadBalancerNameProblem(body.name))
      return bad(`name: ${loadBalancerNameProblem(String(body.name ?? '')) ?? 'is invalid'}`);
    if (api.data.loadBalancers.some((l) => l.name === body.name)) return bad(`a load balancer named ${body.name} already exists`);
    if (typeof body.region !== 'string' || !REGIONS[body.region]) return bad(`region ${String(body.region)} is not a region`);
    const nodes = body.size_unit ?? 1;
    if (!Number.isInteger(nodes) || nodes < 1 || nodes > 100) return bad('size_unit must be between 1 and 100');
    const rules = body.forwarding_rules as Json[] | undefined;
    if (!Array.isArray(rules) || !rules.length) return bad('at least one forwarding rule is required');
    const port = (n: unknown) => Number.isInteger(n) && (n as number) >= 1 && (n as number) <= 65535;
    const listening = new Set<string>();
    for (const [i, r] of rules.entries()) {
      const where = `forwarding rule ${i + 1}`;
      if (
        !['http', 'https', 'http2', 'http3', 'tcp', 'udp'].includes(r.entry_protocol) ||
        !['http', 'https', 'http2', 'tcp', 'udp'].includes(r.target_protocol)
      )
        return bad(`${where}: unknown protocol`);
      if (!port(r.entry_port) || !port(r.target_port)) return bad(`${where}: ports must be between 1 and 65535`);
      const key = `${r.entry_protocol === 'udp' ? 'udp' : 'tcp'}:${r.entry_port}`;
      if (listening.has(key)) return bad(`${where}: port ${r.entry_port} is used by another rule`);
      listening.add(key);
      if (r.tls_passthrough && !(r.entry_protocol === 'https' && r.target_protocol === 'https'))
        return bad(`${where}: TLS passthrough needs HTTPS on both sides`);
      const tls = ['https', 'http2', 'http3'].includes(r.entry_protocol) && !r.tls_passthrough;
      if (tls && !api.data.certificates.some((c) => c.id === r.certificate_id))
        return bad(`${where}: a certificate is required for ${String(r.entry_protocol).toUpperCase()}`);
    }
    const health = body.health_check;
    if (health !== undefined && (!['http', 'https', 'tcp'].includes(health.protocol) || !port(health.port)))
      return bad('health_check: protocol http, https or tcp and a port are required');
    if (body.sticky_sessions !== undefined && !['none', 'cookies'].includes(body.sticky_sessions.type))
      return bad('sticky_sessions.type must be none or cookies');
    if (body.tag !== undefined && body.droplet_ids?.length) return bad('use either droplet_ids or tag, not both');
    const misplaced = ((body.droplet_ids ?? []) as unknown[]).find((id) => api.data.droplets.find((d) => d.id === id)?.region.slug !== body.region);
    if (misplaced !== undefined) return bad(`droplet ${String(misplaced)} is not a droplet in ${String(body.region)}`);
    if (body.tag !== undefined && !/^[a-zA-Z0-9_:-]{1,255}$/.test(String(body.tag))) return bad('tag is invalid');
    const vpc =
      body.vpc_uuid === undefined ? api.data.vpcs.find((v) => v.region === body.region && v.default) : api.data.vpcs.find((v) => v.id === body.vpc_uuid);
    if (body.vpc_uuid !== undefined && vpc?.region !== body.region) return bad(`vpc_uuid ${String(body.vpc_uuid)} is not a VPC in ${String(body.region)}`);
    if (body.project_id !== undefined && !api.data.projects.some((p) => p.id === body.project_id))
      return bad(`project ${String(body.project_id)} does not exist`);
    const id = stableUuid(`lb-${body.name}-${api.nextId++}`);
    const lb: Json = {
      id,
      name: body.name,
      ip: '',
      ipv6: '',
      size_unit: nodes,
      size: 'lb-small',
      algorithm: 'round_robin',
      status: 'new',
      created_at: api.now(),
      forwarding_rules: rules.map((r) => ({ certificate_id: '', tls_passthrough: false, ...r })),
      health_check: {
        protocol: 'http',
        port: 80,
        path: '/',
        check_interval_seconds: 10,
        response_timeout_seconds: 5,
        healthy_threshold: 5,
        unhealthy_threshold: 3,
        ...health,
      },
      sticky_sessions: body.sticky_sessions ?? { type: 'none' },
      redirect_http_to_https: Boolean(body.redirect_http_to_https),
      enable_proxy_protocol: false,
      enable_backend_keepalive: false,
      http_idle_timeout_seconds: 60,
      vpc_uuid: vpc?.id ?? stableUuid(`vpc-default-${body.region}`),
      project_id: body.project_id ?? api.data.projects.find((p) => p.is_default)?.id,
      disable_lets_encrypt_dns_records: false,
      firewall: { deny: [], allow: [] },
      network: 'EXTERNAL',
      network_stack: 'IPV4',
      type: 'REGIONAL',
      droplet_ids:
        body.tag === undefined
          ? (body.droplet_ids ?? [])
          : api.data.droplets.filter((d) => d.region.slug === body.region && (d.tags as string[]).includes(body.tag)).map((d) => d.id),
      ...(body.tag === undefined ? {} : { tag: body.tag }),
      region: region(body.region),
    };
    api.data.loadBalancers.push(lb);
    api.intoProject(`do:loadbalancer:${id}`, body.project_id);
    api.later(api.actionDurationMs, () => {
      lb.status = 'active';
      lb.ip = `198.51.100.${20 + api.data.loadBalancers.indexOf(lb)}`;
    });
    return api.json(202, { load_balancer: lb });
  });

  // Droplets added to or removed from a load balancer that targets droplets (not a tag): of its region
  for (const method of ['POST', 'DELETE'] as const) {
    api.on(method, '/v2/load_balancers/{id}/droplets', ([id], ctx) => {
      const lb = api.data.loadBalancers.find((l) => l.id === id);
      if (!lb) return api.notFound();
      const ids = ctx.body?.droplet_ids;
      if (!Array.isArray(ids) || !ids.length) return api.unprocessable('droplet_ids is required');
      if (lb.tag) return api.unprocessable(`${String(lb.name)} sends traffic to the droplets tagged ${String(lb.tag)}: tag a droplet instead`);
      const wrong = ids.find((d) => api.data.droplets.find((x) => x.id === d)?.region.slug !== lb.region?.slug);
      if (wrong !== undefined) return api.unprocessable(`droplet ${String(wrong)} is not a droplet in ${String(lb.region?.slug)}`);
      const current = (lb.droplet_ids ?? []) as number[];
      lb.droplet_ids = method === 'POST' ? [...current, ...ids.filter((d: number) => !current.includes(d))] : current.filter((d) => !ids.includes(d));
      return api.noContent();
    });
  }

  /** Why a load balancer's whole set of rules is refused: ports, HTTPS without a certificate, two on one port. */
  const rulesProblem = (rules: Json[]): FakeResponse | undefined => {
    if (!rules.length) return api.error(422, 'unprocessable_entity', 'A load balancer needs at least one forwarding rule.');
    for (const r of rules) {
      for (const key of ['entry_port', 'target_port']) {
        if (!Number.isInteger(r[key]) || r[key] < 1 || r[key] > 65535)
          return api.error(
            422,
            'unprocessable_entity',
            `forwarding rule "${String(r.entry_protocol)} ${String(r.entry_port)}": ${key} must be from 1 to 65535.`,
          );
      }
      if (r.entry_protocol === 'https' && !r.certificate_id && !r.tls_passthrough)
        return api.error(422, 'unprocessable_entity', `forwarding rule "https ${String(r.entry_port)}" needs a certificate_id or tls_passthrough.`);
    }
    const entries = rules.map((r) => `${r.entry_protocol === 'udp' ? 'udp' : 'tcp'}:${r.entry_port}`);
    const twice = entries.find((e, i) => entries.indexOf(e) !== i);
    return twice ? api.error(422, 'unprocessable_entity', `two forwarding rules listen on "${twice.replace(':', ' ')}".`) : undefined;
  };

  api.on('PUT', '/v2/load_balancers/{id}', ([id], ctx) => {
    const lb = api.data.loadBalancers.find((l) => l.id === id);
    if (!lb) return api.notFound();
    const body = ctx.body ?? {};
    const rules = (body.forwarding_rules ?? []) as Json[];
    const problem = rulesProblem(rules);
    if (problem) return problem;
    Object.assign(lb, { forwarding_rules: rules, ...(body.health_check ? { health_check: body.health_check } : {}) });
    return api.json(200, { load_balancer: lb });
  });

  // Rules added or removed one set at a time; what stays must still be a valid set
  const same = (a: Json, b: Json) => ['entry_protocol', 'entry_port', 'target_protocol', 'target_port'].every((k) => a[k] === b[k]);
  for (const method of ['POST', 'DELETE'] as const) {
    api.on(method, '/v2/load_balancers/{id}/forwarding_rules', ([id], ctx) => {
      const lb = api.data.loadBalancers.find((l) => l.id === id);
      if (!lb) return api.notFound();
      const given = ctx.body?.forwarding_rules;
      if (!Array.isArray(given) || !given.length) return api.unprocessable('forwarding_rules is required');
      const current = (lb.forwarding_rules ?? []) as Json[];
      if (method === 'DELETE') {
        const unknown = given.find((g: Json) => !current.some((c) => same(c, g)));
        if (unknown) return api.unprocessable(`no forwarding rule "${String(unknown.entry_protocol)} ${String(unknown.entry_port)}"`);
      }
      const next = method === 'POST' ? [...current, ...(given as Json[])] : current.filter((c) => !given.some((g: Json) => same(c, g)));
      const problem = rulesProblem(next);
      if (problem) return problem;
      lb.forwarding_rules = next;
      return api.noContent();
    });
  }

  // Only a global load balancer has a CDN cache to purge
  api.on('DELETE', '/v2/load_balancers/{id}/cache', ([id]) => {
    const lb = api.data.loadBalancers.find((l) => l.id === id);
    if (!lb) return api.notFound();
    if (lb.type !== 'GLOBAL') return api.unprocessable(`${String(lb.name)} is not a global load balancer`);
    return api.noContent();
  });
}
