/** The fake API's routes: Domain records, and Functions namespaces. */
import type { FakeCore } from '../core';
import { type Json, type Stored, stableUuid } from '../seed';
import { type DomainRecord, domainNameProblem } from '../../api/resources/domain';
import { isIpv4 } from '../../api/cidr';

export function domainRoutes(api: FakeCore): void {
  // Certificates: Let's Encrypt for names under the account's domains (pending for one action
  // duration, then verified), or custom from PEM texts (the fake keeps neither key nor PEM)
  api.on('POST', '/v2/certificates', (_, ctx) => {
    const body = ctx.body ?? {};
    if (typeof body.name !== 'string' || !/^[a-zA-Z0-9][a-zA-Z0-9.-]*$/.test(body.name)) return api.unprocessable('name is invalid.');
    if (api.data.certificates.some((c) => c.name === body.name)) return api.unprocessable(`a certificate named ${body.name} already exists.`);
    const base = {
      id: stableUuid(`cert-${body.name}-${api.nextId++}`),
      name: body.name,
      created_at: api.now(),
      sha1_fingerprint: stableUuid(`sha1-${body.name}`).replace(/-/g, '').slice(0, 40),
    };
    let cert: Json;
    if (body.type === 'lets_encrypt') {
      const names = body.dns_names as unknown[];
      if (!Array.isArray(names) || !names.length) return api.unprocessable("dns_names is required for a Let's Encrypt certificate.");
      const outside = names.find(
        (n) => typeof n !== 'string' || !api.data.domains.some((d) => n.replace(/^\*\./, '') === d.name || n.replace(/^\*\./, '').endsWith(`.${d.name}`)),
      );
      if (outside !== undefined) return api.unprocessable(`${String(outside)} is not under a domain managed in this account.`);
      cert = {
        ...base,
        type: 'lets_encrypt',
        dns_names: names,
        state: 'pending',
        not_after: new Date(api.clock() + 90 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      };
      api.later(api.actionDurationMs, () => (cert.state = 'verified'));
    } else if (body.type === 'custom') {
      if (!/-----BEGIN CERTIFICATE-----/.test(String(body.leaf_certificate))) return api.unprocessable('leaf_certificate is not a PEM certificate.');
      if (!/-----BEGIN (RSA |EC )?PRIVATE KEY-----/.test(String(body.private_key))) return api.unprocessable('private_key is not a PEM private key.');
      cert = {
        ...base,
        type: 'custom',
        dns_names: [],
        state: 'verified',
        not_after: new Date(api.clock() + 365 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      };
    } else return api.unprocessable(`type ${String(body.type)} is not lets_encrypt or custom.`);
    api.data.certificates.push(cert);
    return api.json(201, { certificate: cert });
  });

  // CDN endpoints: a new cache lifetime (one of the API's five); a purge of given paths (kept, so
  // tests can read what was purged)
  api.on('PUT', '/v2/cdn/endpoints/{id}', ([id], ctx) => {
    const endpoint = api.data.cdnEndpoints.find((e) => e.id === id);
    if (!endpoint) return api.notFound();
    const body = ctx.body ?? {};
    if (body.custom_domain !== undefined || body.certificate_id !== undefined)
      return api.unprocessable('The fake changes only ttl; a custom domain is set when the endpoint is created.');
    const ttl = body.ttl ?? 3600;
    if (![60, 600, 3600, 86400, 604800].includes(ttl)) return api.unprocessable('ttl must be one of 60, 600, 3600, 86400 or 604800.');
    endpoint.ttl = ttl;
    return api.json(200, { endpoint });
  });
  api.on('DELETE', '/v2/cdn/endpoints/{id}/cache', ([id], ctx) => {
    if (!api.data.cdnEndpoints.some((e) => e.id === id)) return api.notFound();
    const files = ctx.body?.files;
    if (!Array.isArray(files) || !files.length || files.some((f: unknown) => typeof f !== 'string' || !f))
      return api.unprocessable('files must list at least one path.');
    (api.data.cdnPurges[id] ??= []).push(files);
    return api.noContent();
  });

  // CDN endpoints: a Space's address as origin, once; a TTL of the API's list; a custom domain only
  // under the account's domains, with a certificate that covers it (its CNAME record is added)
  api.on('POST', '/v2/cdn/endpoints', (_, ctx) => {
    const body = ctx.body ?? {};
    const origin = String(body.origin ?? '');
    const m = /^([a-z0-9][a-z0-9-]{1,61}[a-z0-9])\.([a-z]{3}\d)\.digitaloceanspaces\.com$/.exec(origin);
    if (!m) return api.unprocessable(`origin ${origin} is not a Space's address.`);
    if (api.data.cdnEndpoints.some((e) => e.origin === origin)) return api.unprocessable(`${origin} already has a CDN endpoint.`);
    const ttl = body.ttl ?? 3600;
    if (![60, 600, 3600, 86400, 604800].includes(ttl)) return api.unprocessable('ttl must be one of 60, 600, 3600, 86400 or 604800.');
    const host = body.custom_domain;
    let zone: string | undefined;
    if (host !== undefined) {
      zone = api.data.domains.find((d) => String(host).endsWith(`.${d.name}`))?.name;
      if (!zone) return api.unprocessable(`custom_domain ${String(host)} is not a subdomain of a domain in this account.`);
      const cert = api.data.certificates.find((c) => c.id === body.certificate_id);
      const fits = (n: string) => n === host || (n.startsWith('*.') && String(host).split('.').slice(1).join('.') === n.slice(2));
      if (!cert) return api.unprocessable('certificate_id is required with a custom_domain.');
      if (cert.state !== 'verified' || (cert.type === 'lets_encrypt' && !(cert.dns_names as string[]).some(fits)))
        return api.unprocessable(`certificate ${cert.name} does not cover ${String(host)}.`);
    }
    const endpoint = {
      id: stableUuid(`cdn-${origin}-${api.nextId++}`),
      origin,
      endpoint: `${m[1]}.${m[2]}.cdn.digitaloceanspaces.com`,
      ttl,
      created_at: api.now(),
      ...(host ? { custom_domain: host, certificate_id: body.certificate_id } : {}),
    };
    api.data.cdnEndpoints.push(endpoint);
    if (zone)
      api.data.domainRecords[zone]?.push({
        id: api.nextId++,
        type: 'CNAME',
        name: String(host).slice(0, -zone.length - 1),
        data: `${endpoint.endpoint}.`,
        priority: null,
        port: null,
        ttl: 3600,
        weight: null,
        flags: null,
        tag: null,
      });
    return api.json(201, { endpoint });
  });

  // Domains: a new one gets DigitalOcean's NS records, and an A record for itself when an IP is given
  api.on('POST', '/v2/domains', (_, ctx) => {
    const { name, ip_address: ip } = ctx.body ?? {};
    const problem = typeof name === 'string' ? domainNameProblem(name) : 'name is required.';
    if (problem || name !== name.toLowerCase()) return api.unprocessable(`name: ${problem ?? 'must be lowercase'}`);
    if (api.data.domains.some((d) => d.name === name)) return api.unprocessable(`${name} already exists in this account (or another).`);
    if (ip !== undefined && (typeof ip !== 'string' || !isIpv4(ip))) return api.unprocessable(`ip_address ${String(ip)} is not an IPv4 address.`);
    const domain = { name, ttl: 1800, zone_file: null };
    api.data.domains.push(domain);
    const record = (type: DomainRecord['type'], data: string): Stored<DomainRecord> => ({
      id: api.nextId++,
      type,
      name: '@',
      data,
      priority: null,
      port: null,
      ttl: 1800,
      weight: null,
      flags: null,
      tag: null,
    });
    api.data.domainRecords[name] = [...['ns1', 'ns2', 'ns3'].map((ns) => record('NS', `${ns}.digitalocean.com`)), ...(ip ? [record('A', ip)] : [])];
    api.intoProject(`do:domain:${name}`);
    return api.json(201, { domain });
  });
  api.on('GET', '/v2/domains/{name}/records', ([name], ctx) => {
    const records = api.data.domainRecords[name];
    if (!records) return api.notFound();
    const type = ctx.query.get('type');
    return api.page('domain_records', type ? records.filter((r) => r.type === type) : records, ctx);
  });

  api.on('POST', '/v2/domains/{name}/records', ([name], ctx) => {
    const records = api.data.domainRecords[name];
    if (!records) return api.notFound();
    const problem = recordProblem(ctx.body);
    if (problem) return api.unprocessable(problem);
    const rec = {
      id: api.nextId++,
      type: ctx.body.type,
      name: ctx.body.name,
      data: ctx.body.data,
      priority: ctx.body.priority ?? null,
      port: ctx.body.port ?? null,
      ttl: ctx.body.ttl ?? 1800,
      weight: ctx.body.weight ?? null,
      flags: ctx.body.flags ?? null,
      tag: ctx.body.tag ?? null,
    };
    records.push(rec);
    return api.json(201, { domain_record: rec });
  });
  api.on('PUT', '/v2/domains/{name}/records/{id}', ([name, id], ctx) => {
    const rec = api.data.domainRecords[name]?.find((r) => String(r.id) === id);
    if (!rec) return api.notFound();
    if (ctx.body?.type !== rec.type) return api.unprocessable('The record type cannot change.');
    const next = { ...rec, ...ctx.body };
    const problem = recordProblem(next);
    if (problem) return api.unprocessable(problem);
    Object.assign(rec, next);
    return api.json(200, { domain_record: rec });
  });
  api.on('DELETE', '/v2/domains/{name}/records/{id}', ([name, id]) => {
    const records = api.data.domainRecords[name];
    const index = records?.findIndex((r) => String(r.id) === id) ?? -1;
    if (index < 0) return api.notFound();
    records.splice(index, 1);
    return api.noContent();
  });

  api.on('GET', '/v2/functions/namespaces', () => api.json(200, { namespaces: api.data.namespaces }));
  api.on('GET', '/v2/functions/namespaces/{id}', ([id]) => {
    const namespace = api.data.namespaces.find((n) => n.namespace === id);
    return namespace ? api.json(200, { namespace }) : api.notFound();
  });
  api.on('DELETE', '/v2/functions/namespaces/{id}', ([id]) => api.deleteItem(api.data.namespaces, id, (n) => n.namespace));
}

/** The API's own checks of a DNS record (a subset: enough to answer 422 like it does). */
export function recordProblem(rec: Json): string | undefined {
  if (!rec || typeof rec.type !== 'string') return 'type is required';
  if (typeof rec.name !== 'string' || !rec.name) return 'name is required';
  if (typeof rec.data !== 'string' || !rec.data) return 'data is required';
  if (rec.type === 'A' && !/^(\d{1,3}\.){3}\d{1,3}$/.test(rec.data)) return 'Data needs to be an IPv4 address.';
  if (rec.type === 'AAAA' && !rec.data.includes(':')) return 'Data needs to be an IPv6 address.';
  if ((rec.type === 'MX' || rec.type === 'SRV') && typeof rec.priority !== 'number') return 'Priority is required.';
  if (rec.type === 'SRV' && (typeof rec.port !== 'number' || typeof rec.weight !== 'number')) return 'Port and weight are required.';
  if (rec.type === 'CAA' && (typeof rec.flags !== 'number' || typeof rec.tag !== 'string')) return 'Flags and tag are required.';
  return undefined;
}
