/** The fake API's routes: Database clusters: options, users, databases, pools, trusted sources, resize. */
import type { FakeCore } from '../core';
import { DB_SIZES } from '../core';
import { type Json, stableUuid } from '../seed';

export function databaseRoutes(api: FakeCore): void {
  // Databases (not paginated)
  api.on('GET', '/v2/databases', () => api.json(200, { databases: api.data.databases }));
  api.on('GET', '/v2/databases/{id}', ([id]) => {
    const database = api.data.databases.find((x) => x.id === id);
    return database ? api.json(200, { database }) : api.notFound();
  });
  const dbChild = (key: string, source: () => Record<string, Json[]>) => {
    api.on('GET', `/v2/databases/{id}/${key}`, ([id]) => {
      const list = source()[id];
      return list ? api.json(200, { [key]: list }) : api.notFound();
    });
  };
  dbChild('users', () => api.data.databaseUsers);
  const cluster = (id: string) => api.data.databases.find((x) => x.id === id);
  api.on('POST', '/v2/databases/{id}/users', ([id], ctx) => {
    const db = cluster(id);
    if (!db) return api.notFound();
    if (db.engine === 'redis' || db.engine === 'valkey') return api.unprocessable(`${db.engine} clusters do not support creating users.`);
    const name = ctx.body?.name;
    if (typeof name !== 'string' || !/^[a-zA-Z0-9_-]{1,63}$/.test(name)) return api.unprocessable('name is invalid');
    if (api.data.databaseUsers[id].some((u) => u.name === name)) return api.error(409, 'conflict', 'A user with that name already exists.');
    const user: Json = { name, role: 'normal', password: `pw-${stableUuid(`pw-${id}-${name}-${api.clock()}`).replace(/-/g, '').slice(0, 24)}` };
    if (db.engine === 'mysql') user.mysql_settings = ctx.body.mysql_settings ?? { auth_plugin: 'caching_sha2_password' };
    if (db.engine === 'kafka' && ctx.body.settings?.acl) user.settings = { acl: ctx.body.settings.acl.map((a: Json, i: number) => ({ id: `acl-${i}`, ...a })) };
    api.data.databaseUsers[id].push(user);
    return api.json(201, { user });
  });
  api.on('POST', '/v2/databases/{id}/users/{name}/reset_auth', ([id, name], ctx) => {
    const user = api.data.databaseUsers[id]?.find((u) => u.name === name);
    if (!user) return api.notFound();
    user.password = `pw-${stableUuid(`reset-${id}-${name}-${api.clock()}-${api.nextId++}`).replace(/-/g, '').slice(0, 24)}`;
    if (ctx.body?.mysql_settings) user.mysql_settings = ctx.body.mysql_settings;
    return api.json(200, { user });
  });
  api.on('DELETE', '/v2/databases/{id}/users/{name}', ([id, name]) => {
    const users = api.data.databaseUsers[id];
    const index = users?.findIndex((u) => u.name === name) ?? -1;
    if (index < 0) return api.notFound();
    if (users[index].role === 'primary') return api.unprocessable('The primary user cannot be deleted.');
    users.splice(index, 1);
    return api.noContent();
  });
  api.on('POST', '/v2/databases/{id}/dbs', ([id], ctx) => {
    const db = cluster(id);
    if (!db) return api.notFound();
    const name = ctx.body?.name;
    if (typeof name !== 'string' || !/^[a-zA-Z0-9_-]{1,63}$/.test(name)) return api.unprocessable('name is invalid');
    if (api.data.databaseDbs[id].some((x) => x.name === name)) return api.error(409, 'conflict', 'A database with that name already exists.');
    api.data.databaseDbs[id].push({ name });
    return api.json(201, { db: { name } });
  });
  api.on('DELETE', '/v2/databases/{id}/dbs/{name}', ([id, name]) => {
    const dbs = api.data.databaseDbs[id];
    const index = dbs?.findIndex((x) => x.name === name) ?? -1;
    if (index < 0) return api.notFound();
    dbs.splice(index, 1);
    return api.noContent();
  });
  api.on('POST', '/v2/databases/{id}/pools', ([id], ctx) => {
    const db = cluster(id);
    if (!db) return api.notFound();
    if (db.engine !== 'pg') return api.unprocessable('Connection pools are for PostgreSQL clusters.');
    const { name, mode, size, db: dbName, user } = ctx.body ?? {};
    if (typeof name !== 'string' || !/^[a-zA-Z0-9_-]{1,63}$/.test(name)) return api.unprocessable('name is invalid');
    if (!api.data.databaseDbs[id].some((x) => x.name === dbName)) return api.unprocessable('The database does not exist.');
    if (user && !api.data.databaseUsers[id].some((u) => u.name === user)) return api.unprocessable('The user does not exist.');
    if (!['session', 'transaction', 'statement'].includes(mode) || !Number.isInteger(size) || size < 1) return api.unprocessable('mode or size is invalid');
    const pool = { name, mode, size, db: dbName, user, connection: db.connection };
    api.data.databasePools[id].push(pool);
    return api.json(201, { pool });
  });
  dbChild('dbs', () => api.data.databaseDbs);
  dbChild('pools', () => api.data.databasePools);
  api.on('GET', '/v2/databases/options', () => {
    const sizes = DB_SIZES.map((x) => x.slug);
    const engine = (versions: string[], nodes: number[]) => ({ regions: ['nyc3', 'ams3', 'sfo3', 'fra1'], versions, layouts: nodes.map((n) => ({ num_nodes: n, sizes })) });
    return api.json(200, {
      options: {
        pg: engine(['15', '16', '17'], [1, 2, 3]),
        mysql: engine(['8'], [1, 2, 3]),
        redis: engine(['7'], [1, 2]),
        valkey: engine(['8'], [1, 2]),
        mongodb: engine(['6.0', '7.0'], [1, 3]),
        kafka: engine(['3.7', '3.8'], [3]),
        opensearch: engine(['2'], [1, 3]),
      },
    });
  });
  api.on('PUT', '/v2/databases/{id}/resize', ([id], ctx) => {
    const db = cluster(id);
    if (!db) return api.notFound();
    const { size, num_nodes: nodes } = ctx.body ?? {};
    if (!DB_SIZES.some((x) => x.slug === size)) return api.unprocessable(`invalid size: ${String(size)}`);
    if (!Number.isInteger(nodes) || nodes < 1 || nodes > 3) return api.unprocessable('num_nodes must be between 1 and 3.');
    if (db.status !== 'online') return api.unprocessable(`The cluster is ${db.status}; try again when it is online.`);
    if (size === db.size && nodes === db.num_nodes) return api.unprocessable('The cluster already has that size and node count.');
    const newSize = DB_SIZES.find((x) => x.slug === size)!;
    const oldSize = DB_SIZES.find((x) => x.slug === db.size);
    if (oldSize && newSize.disk < oldSize.disk) return api.unprocessable('Clusters cannot be resized to a plan with less storage.');
    db.status = 'resizing';
    api.startAction('resize', 'database', null, db.region, () => {
      db.size = size;
      db.num_nodes = nodes;
      db.storage_size_mib = newSize.disk * 1024;
    }, () => (db.status = 'online'));
    return { status: 202, headers: { 'x-request-id': api.requestId() }, body: '' };
  });
  api.on('GET', '/v2/databases/{id}/firewall', ([id]) => {
    const rules = api.data.databaseFirewalls[id];
    return rules ? api.json(200, { rules }) : api.notFound();
  });
  api.on('PUT', '/v2/databases/{id}/firewall', ([id], ctx) => {
    const db = cluster(id);
    if (!db) return api.notFound();
    const rules: unknown = ctx.body?.rules;
    if (!Array.isArray(rules)) return api.unprocessable('rules is required');
    const kept: Json[] = [];
    for (const rule of rules as Json[]) {
      const problem = api.trustedSourceProblem(rule);
      if (problem) return api.unprocessable(problem);
      const old = api.data.databaseFirewalls[id].find((r) => (rule.uuid && r.uuid === rule.uuid) || (r.type === rule.type && r.value === rule.value));
      kept.push(old ?? { uuid: stableUuid(`fw-${id}-${rule.type}-${rule.value}-${api.nextId++}`), cluster_uuid: id, type: rule.type, value: rule.value, created_at: api.now(), ...(rule.description ? { description: rule.description } : {}) });
    }
    api.data.databaseFirewalls[id] = kept;
    return api.noContent();
  });

}
