/**
 * Functions namespaces made, and their scheduled triggers and access keys: listed, made, read,
 * changed and deleted. A key's secret is answered once, when it is made, and kept nowhere.
 */
import type { FakeCore } from '../core';
import { type Json, stableUuid } from '../seed';

const REGIONS = ['nyc1', 'sfo3', 'ams3', 'fra1', 'lon1', 'sgp1', 'tor1', 'blr1', 'syd1'];
const CRON_FIELD = /^(\*|\d{1,2}(-\d{1,2})?)(\/\d{1,2})?(,(\*|\d{1,2}(-\d{1,2})?)(\/\d{1,2})?)*$/;

export function functionsRoutes(api: FakeCore): void {
  const ns = (id: string) => api.data.namespaces.find((n) => n.namespace === id);
  api.on('POST', '/v2/functions/namespaces', (_, ctx) => {
    const { label, region } = ctx.body ?? {};
    if (typeof label !== 'string' || !label.trim() || label.length > 64) return api.unprocessable('label is invalid');
    if (!REGIONS.includes(region)) return api.unprocessable(`region ${String(region)} does not offer Functions`);
    if (api.data.namespaces.some((n) => n.label === label)) return api.unprocessable(`a namespace labelled ${label} exists`);
    const uuid = stableUuid(`fn-ns-${api.nextId++}`);
    const namespace: Json = {
      api_host: `https://faas-${region}-${uuid.slice(0, 8)}.doserverless.co`,
      namespace: `fn-${uuid.slice(0, 23)}`,
      created_at: api.now(),
      updated_at: api.now(),
      label,
      region,
      uuid,
      key: `dof_v1_${uuid.replace(/-/g, '')}`,
    };
    api.data.namespaces.push(namespace);
    api.data.functionsTriggers[namespace.namespace] = [];
    api.data.functionsKeys[namespace.namespace] = [];
    return api.json(200, { namespace });
  });

  // triggers: only SCHEDULED, with a five-field cron
  const cronProblem = (details: Json): string | undefined => {
    const fields = typeof details?.cron === 'string' ? details.cron.trim().split(/\s+/) : [];
    if (fields.length !== 5 || !fields.every((f: string) => CRON_FIELD.test(f))) return 'scheduled_details.cron is not a valid cron expression';
    if (details.body !== undefined && details.body !== null && (typeof details.body !== 'object' || Array.isArray(details.body)))
      return 'scheduled_details.body must be an object';
    return undefined;
  };
  const triggersOf = (id: string) => (api.data.functionsTriggers[id] ??= []);
  api.on('GET', '/v2/functions/namespaces/{id}/triggers', ([id]) => (ns(id) ? api.json(200, { triggers: triggersOf(id) }) : api.notFound()));
  api.on('GET', '/v2/functions/namespaces/{id}/triggers/{name}', ([id, name]) => {
    const trigger = ns(id) && triggersOf(id).find((t) => t.name === name);
    return trigger ? api.json(200, { trigger }) : api.notFound();
  });
  api.on('POST', '/v2/functions/namespaces/{id}/triggers', ([id], ctx) => {
    if (!ns(id)) return api.notFound();
    const body = ctx.body ?? {};
    if (typeof body.name !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/.test(body.name)) return api.error(400, 'bad_request', 'name is invalid');
    if (triggersOf(id).some((t) => t.name === body.name)) return api.unprocessable(`a trigger named ${String(body.name)} exists`);
    if (body.type !== 'SCHEDULED') return api.error(400, 'bad_request', 'type must be SCHEDULED');
    if (typeof body.function !== 'string' || !body.function) return api.error(400, 'bad_request', 'function is required');
    const problem = cronProblem(body.scheduled_details);
    if (problem) return api.error(400, 'bad_request', problem);
    const trigger: Json = {
      namespace: id,
      name: body.name,
      function: body.function,
      type: 'SCHEDULED',
      is_enabled: body.is_enabled !== false,
      created_at: api.now(),
      updated_at: api.now(),
      scheduled_details: { cron: body.scheduled_details.cron, body: body.scheduled_details.body ?? null },
      scheduled_runs: { last_run_at: null, next_run_at: null },
    };
    triggersOf(id).push(trigger);
    return api.json(200, { trigger });
  });
  api.on('PUT', '/v2/functions/namespaces/{id}/triggers/{name}', ([id, name], ctx) => {
    const trigger = ns(id) && triggersOf(id).find((t) => t.name === name);
    if (!trigger) return api.notFound();
    const body = ctx.body ?? {};
    if (body.scheduled_details !== undefined) {
      const problem = cronProblem(body.scheduled_details);
      if (problem) return api.error(400, 'bad_request', problem);
      trigger.scheduled_details = { cron: body.scheduled_details.cron, body: body.scheduled_details.body ?? null };
    }
    if (body.is_enabled !== undefined) {
      if (typeof body.is_enabled !== 'boolean') return api.error(400, 'bad_request', 'is_enabled must be a boolean');
      trigger.is_enabled = body.is_enabled;
    }
    trigger.updated_at = api.now();
    return api.json(200, { trigger });
  });
  api.on('DELETE', '/v2/functions/namespaces/{id}/triggers/{name}', ([id, name]) =>
    ns(id) ? api.deleteItem(triggersOf(id), name, (t) => t.name) : api.notFound(),
  );

  // access keys: the secret only in the answer to the POST
  const keysOf = (id: string) => (api.data.functionsKeys[id] ??= []);
  const keyNameProblem = (name: unknown) => (typeof name === 'string' && /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/.test(name) ? undefined : 'name is invalid');
  api.on('GET', '/v2/functions/namespaces/{id}/keys', ([id]) =>
    ns(id) ? api.json(200, { access_keys: keysOf(id), count: keysOf(id).length }) : api.notFound(),
  );
  api.on('POST', '/v2/functions/namespaces/{id}/keys', ([id], ctx) => {
    if (!ns(id)) return api.notFound();
    const { name, expires_in: expiresIn } = ctx.body ?? {};
    const problem = keyNameProblem(name);
    if (problem) return api.error(400, 'bad_request', problem);
    if (keysOf(id).some((k) => k.name === name)) return api.error(409, 'conflict', `a key named ${String(name)} exists`);
    const days = expiresIn === undefined ? undefined : /^(\d{1,4})d$/.exec(String(expiresIn))?.[1];
    if (expiresIn !== undefined && !days) return api.error(400, 'bad_request', 'expires_in must be a number of days, e.g. 30d');
    const key: Json = {
      id: `dof_v1-${stableUuid(`fn-key-${api.nextId++}`)}`,
      name,
      expires_at: days ? new Date(Date.parse(api.now()) + Number(days) * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z') : null,
      created_at: api.now(),
      updated_at: api.now(),
    };
    keysOf(id).push(key);
    return api.json(201, { access_key: { ...key, secret: `DOFSECRET${stableUuid(`secret-${String(key.id)}`).replace(/-/g, '')}` } });
  });
  api.on('PUT', '/v2/functions/namespaces/{id}/keys/{key}', ([id, keyId], ctx) => {
    const key = ns(id) && keysOf(id).find((k) => k.id === keyId);
    if (!key) return api.notFound();
    const problem = keyNameProblem(ctx.body?.name);
    if (problem) return api.error(400, 'bad_request', problem);
    if (keysOf(id).some((k) => k !== key && k.name === ctx.body.name)) return api.error(409, 'conflict', `a key named ${String(ctx.body.name)} exists`);
    Object.assign(key, { name: ctx.body.name, updated_at: api.now() });
    return api.json(200, { access_key: key });
  });
  api.on('DELETE', '/v2/functions/namespaces/{id}/keys/{key}', ([id, keyId]) => {
    if (!ns(id)) return api.notFound();
    const answer = api.deleteItem(keysOf(id), keyId, (k) => k.id);
    return answer.status === 204 ? api.json(200, {}) : answer;
  });
}
