/** The fake API's routes: Spaces access keys (`/v2/spaces/keys`). Buckets and objects are S3, not this API. */
import type { FakeCore } from '../core';
import { type Json, fakeSpacesSecret, stableUuid } from '../seed';

const PERMISSIONS = ['read', 'readwrite', 'fullaccess', ''];

export function spacesRoutes(api: FakeCore): void {
  const keys = () => api.data.spacesKeys;
  const find = (accessKey: string) => keys().find((k) => k.access_key === accessKey);

  function grantsProblem(grants: unknown): string | undefined {
    if (grants === undefined) return undefined;
    if (!Array.isArray(grants)) return 'grants must be a list.';
    for (const g of grants as Json[]) {
      if (typeof g?.bucket !== 'string' || typeof g?.permission !== 'string') return 'Each grant needs a bucket and a permission.';
      if (!PERMISSIONS.includes(g.permission)) return `permission must be read, readwrite or fullaccess, not "${g.permission}".`;
      if (g.permission === 'fullaccess' && g.bucket !== '' && (grants as Json[]).length > 1) return 'A full access key cannot have other grants.';
    }
    return undefined;
  }

  api.on('GET', '/v2/spaces/keys', (_, ctx) => {
    let list = keys();
    const name = ctx.query.get('name');
    if (name) list = list.filter((k) => k.name === name);
    const bucket = ctx.query.get('bucket');
    if (bucket) list = list.filter((k) => (k.grants as Json[]).some((g) => g.bucket === bucket));
    const permission = ctx.query.get('permission');
    if (permission) list = list.filter((k) => (k.grants as Json[]).some((g) => g.permission === permission));
    return api.page('keys', list, ctx);
  });
  api.on('GET', '/v2/spaces/keys/{access_key}', ([accessKey]) => {
    const key = find(accessKey);
    return key ? api.json(200, { key }) : api.notFound();
  });
  api.on('POST', '/v2/spaces/keys', (_, ctx) => {
    const name: unknown = ctx.body?.name;
    if (typeof name !== 'string' || !name.trim()) return api.unprocessable('name is required.');
    const problem = grantsProblem(ctx.body?.grants);
    if (problem) return api.unprocessable(problem);
    const accessKey = 'DO' + stableUuid(`spaces-key-${name}-${keys().length}-${api.clock()}`).replace(/-/g, '').slice(0, 18).toUpperCase();
    const key = {
      name: name.trim(),
      access_key: accessKey,
      grants: (ctx.body?.grants as Json[] | undefined) ?? [],
      created_at: new Date(api.clock()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    };
    keys().push(key);
    // The secret is in this answer only; the fake keeps none (it derives it, so the loopback S3
    // servers of the tests can check signatures made with it).
    return api.json(201, { key: { ...key, secret_key: fakeSpacesSecret(accessKey) } });
  });
  const update = ([accessKey]: string[], ctx: { body?: Json }) => {
    const key = find(accessKey);
    if (!key) return api.notFound();
    if (ctx.body?.name !== undefined && (typeof ctx.body.name !== 'string' || !ctx.body.name.trim())) return api.unprocessable('name cannot be empty.');
    const problem = grantsProblem(ctx.body?.grants);
    if (problem) return api.unprocessable(problem);
    if (typeof ctx.body?.name === 'string') key.name = ctx.body.name.trim();
    if (ctx.body?.grants !== undefined) key.grants = ctx.body.grants;
    return api.json(200, { key });
  };
  api.on('PUT', '/v2/spaces/keys/{access_key}', update);
  api.on('PATCH', '/v2/spaces/keys/{access_key}', update);
  api.on('DELETE', '/v2/spaces/keys/{access_key}', ([accessKey]) => api.deleteItem(keys(), accessKey, (k) => k.access_key));
}
