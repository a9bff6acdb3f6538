/** The fake API's routes: Domain records, and Functions namespaces. */
import type { FakeCore } from '../core';
import { recordProblem } from '../core';

export function domainRoutes(api: FakeCore): void {
  // Domains
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
    const rec = { id: api.nextId++, type: ctx.body.type, name: ctx.body.name, data: ctx.body.data, priority: ctx.body.priority ?? null, port: ctx.body.port ?? null, ttl: ctx.body.ttl ?? 1800, weight: ctx.body.weight ?? null, flags: ctx.body.flags ?? null, tag: ctx.body.tag ?? null };
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

}
