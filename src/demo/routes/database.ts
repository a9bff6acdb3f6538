/** The fake API's routes: Database clusters: options, users, databases, pools, trusted sources, resize. */
import type { FakeCore } from '../core';
import { type Json, databaseJson, stableUuid } from '../seed';
import { EVICTION_POLICIES, MYSQL_SQL_MODES } from '../../api/databaseSettings';

/** Database node plans: slug, vCPUs, memory (GB), disk (GB), price per node per month. */
export const DB_SIZES = [
  { slug: 'db-s-1vcpu-1gb', vcpus: 1, memory: 1, disk: 10, price: 15 },
  { slug: 'db-s-1vcpu-2gb', vcpus: 1, memory: 2, disk: 30, price: 30 },
  { slug: 'db-s-2vcpu-4gb', vcpus: 2, memory: 4, disk: 60, price: 60 },
  { slug: 'db-s-4vcpu-8gb', vcpus: 4, memory: 8, disk: 115, price: 120 },
  { slug: 'db-s-6vcpu-16gb', vcpus: 6, memory: 16, disk: 270, price: 240 },
];

/** Why a trusted source is refused: an unknown type, a bad address, or a resource that does not exist. */
export function trustedSourceProblem(api: FakeCore, rule: Json): string | undefined {
  const value = typeof rule?.value === 'string' ? rule.value : '';
  switch (rule?.type) {
    case 'ip_addr':
      return /^(\d{1,3})(\.\d{1,3}){3}(\/(\d|[12]\d|3[0-2]))?$/.test(value) &&
        value
          .split('/')[0]
          .split('.')
          .every((o: string) => Number(o) <= 255)
        ? undefined
        : `${value} is not an IPv4 address or CIDR.`;
    case 'droplet':
      return api.data.droplets.some((x) => String(x.id) === value) ? undefined : `Droplet ${value} does not exist.`;
    case 'k8s':
      return api.data.kubernetesClusters.some((x) => x.id === value) ? undefined : `Kubernetes cluster ${value} does not exist.`;
    case 'app':
      return api.data.apps.some((x) => x.id === value) ? undefined : `App ${value} does not exist.`;
    case 'tag':
      return /^[a-zA-Z0-9_:\-]{1,255}$/.test(value) ? undefined : `${value} is not a valid tag.`;
    default:
      return `Unknown trusted source type: ${String(rule?.type)}`;
  }
}

const engineOptions = (versions: string[], nodes: number[]) => ({
  regions: ['nyc3', 'ams3', 'sfo3', 'fra1'],
  versions,
  layouts: nodes.map((n) => ({ num_nodes: n, sizes: DB_SIZES.map((x) => x.slug) })),
});
/** What `/v2/databases/options` offers, and what a new cluster is checked against. */
const DB_OPTIONS: Record<string, { regions: string[]; versions: string[]; layouts: { num_nodes: number; sizes: string[] }[] }> = {
  pg: engineOptions(['15', '16', '17'], [1, 2, 3]),
  mysql: engineOptions(['8'], [1, 2, 3]),
  redis: engineOptions(['7'], [1, 2]),
  valkey: engineOptions(['8'], [1, 2]),
  mongodb: engineOptions(['6.0', '7.0'], [1, 3]),
  kafka: engineOptions(['3.7', '3.8'], [3]),
  opensearch: engineOptions(['2'], [1, 3]),
};

/**
 * The CA the demo's clusters answer `/ca` with: a real self-signed certificate (its key was thrown
 * away when it was made), so clients can read it; no server the demo names is signed by it.
 */
const DEMO_DATABASE_CA = `-----BEGIN CERTIFICATE-----
MIIBuTCCAV+gAwIBAgIUd2VorJDvwn8K3jPkrdFe+t8PWpkwCgYIKoZIzj0EAwIw
MTEvMC0GA1UEAwwmRGlnaXRhbE9jZWFuIEV4cGxvcmVyIGRlbW8gZGF0YWJhc2Ug
Q0EwIBcNMjYxMjA0MTUzODUwWhgPMjEyNjExMTAxNTM4NTBaMDExLzAtBgNVBAMM
JkRpZ2l0YWxPY2VhbiBFeHBsb3JlciBkZW1vIGRhdGFiYXNlIENBMFkwEwYHKoZI
zj0CAQYIKoZIzj0DAQcDQgAEmGkp5dKtuKf2n+hyc/+r/Lupy9pRXeud0GWEDtx6
cyz2yDFNJyTsoBBXUjFajfSPb52Zs1TSMi5UFqf6RYrT1KNTMFEwHQYDVR0OBBYE
FBu9kWtEiC4IYCDxk7L8ZZDk5xAvMB8GA1UdIwQYMBaAFBu9kWtEiC4IYCDxk7L8
ZZDk5xAvMA8GA1UdEwEB/wQFMAMBAf8wCgYIKoZIzj0EAwIDSAAwRQIhAIBaiczH
Rr89VozGwtyBDZn9RcU4cWErm3o7dDxBHwQMAiAkUgIAenokChQb7rfReSHMHkGN
wJt+FGnOHL5KAc5Icw==
-----END CERTIFICATE-----
`;

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
  api.on('GET', '/v2/databases/{id}/ca', ([id]) => {
    if (!api.data.databases.some((x) => x.id === id)) return api.notFound();
    return api.json(200, { ca: { certificate: btoa(api.data.databaseCas[id] ?? DEMO_DATABASE_CA) } });
  });
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
  api.on('GET', '/v2/databases/options', () => api.json(200, { options: DB_OPTIONS }));
  api.on('GET', '/v2/databases/{id}/pools/{name}', ([id, name]) => {
    const pool = api.data.databasePools[id]?.find((p) => p.name === name);
    return pool ? api.json(200, { pool }) : api.notFound();
  });
  api.on('PUT', '/v2/databases/{id}/pools/{name}', ([id, name], ctx) => {
    const pool = api.data.databasePools[id]?.find((p) => p.name === name);
    if (!pool) return api.notFound();
    const { mode, size, db: dbName, user } = ctx.body ?? {};
    if (!['session', 'transaction', 'statement'].includes(mode) || !Number.isInteger(size) || size < 1) return api.unprocessable('mode or size is invalid');
    if (!api.data.databaseDbs[id].some((x) => x.name === dbName)) return api.unprocessable('The database does not exist.');
    if (user && !api.data.databaseUsers[id].some((u) => u.name === user)) return api.unprocessable('The user does not exist.');
    Object.assign(pool, { mode, size, db: dbName, user });
    return api.noContent();
  });
  api.on('DELETE', '/v2/databases/{id}/pools/{name}', ([id, name]) =>
    api.data.databasePools[id] ? api.deleteItem(api.data.databasePools[id], name, (p) => p.name) : api.notFound(),
  );
  // the window: a weekday and a start time; an update pending installs (the fake: at once)
  api.on('PUT', '/v2/databases/{id}/maintenance', ([id], ctx) => {
    const db = cluster(id);
    if (!db) return api.notFound();
    const { day, hour } = ctx.body ?? {};
    if (!['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'any'].includes(day))
      return api.unprocessable(`day ${String(day)} is invalid`);
    if (typeof hour !== 'string' || !/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/.test(hour)) return api.unprocessable(`hour ${String(hour)} is invalid`);
    db.maintenance_window = { ...(db.maintenance_window ?? { pending: false, description: [] }), day, hour: hour.length === 5 ? `${hour}:00` : hour };
    return api.noContent();
  });
  api.on('PUT', '/v2/databases/{id}/install_update', ([id]) => {
    const db = cluster(id);
    if (!db) return api.notFound();
    if (!db.maintenance_window?.pending) return api.unprocessable('There is no pending update to install.');
    db.maintenance_window = { ...db.maintenance_window, pending: false, description: [] };
    return api.noContent();
  });
  const setting = (engines: string[], key: 'sql_mode' | 'eviction_policy', valid: (v: unknown) => string | undefined) => {
    const path = `/v2/databases/{id}/${key}`;
    api.on('GET', path, ([id]) => {
      const db = cluster(id);
      if (!db) return api.notFound();
      if (!engines.includes(db.engine)) return api.unprocessable(`${key} is not a setting of ${db.engine} clusters.`);
      return api.json(200, { [key]: api.data.databaseSettings[id]?.[key] ?? '' });
    });
    api.on('PUT', path, ([id], ctx) => {
      const db = cluster(id);
      if (!db) return api.notFound();
      if (!engines.includes(db.engine)) return api.unprocessable(`${key} is not a setting of ${db.engine} clusters.`);
      const problem = valid(ctx.body?.[key]);
      if (problem) return api.unprocessable(problem);
      api.data.databaseSettings[id] = { ...api.data.databaseSettings[id], [key]: ctx.body[key] };
      return api.noContent();
    });
  };
  setting(['mysql'], 'sql_mode', (v) => {
    const modes = typeof v === 'string' ? v.split(',') : [];
    const unknown = modes.find((m) => !MYSQL_SQL_MODES.includes(m as never));
    return !modes.length || unknown !== undefined ? `sql_mode: ${unknown ?? 'empty'} is not a MySQL SQL mode` : undefined;
  });
  setting(['redis', 'valkey'], 'eviction_policy', (v) =>
    EVICTION_POLICIES.some((p) => p.id === v) ? undefined : `eviction_policy ${String(v)} is not a policy`,
  );
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
    api.startAction(
      'resize',
      'database',
      null,
      db.region,
      () => {
        db.size = size;
        db.num_nodes = nodes;
        db.storage_size_mib = newSize.disk * 1024;
      },
      () => (db.status = 'online'),
    );
    return { status: 202, headers: { 'x-request-id': api.requestId() }, body: '' };
  });
  // ---- MySQL metrics (the public API has them for MySQL only): one series, aggregated as asked
  const mysqlMetric = (name: string, value: (t: number, db: Json) => number) =>
    api.on('GET', `/v2/monitoring/metrics/database/mysql/${name}`, (_, ctx) => {
      const db = api.data.databases.find((d) => d.id === ctx.query.get('db_id'));
      if (!db || db.engine !== 'mysql') return api.notFound();
      const aggregate = ctx.query.get('aggregate');
      const spread = aggregate === 'max' ? 1.2 : aggregate === 'min' ? 0.8 : 1;
      return api.metricMatrix(ctx, (t) => [{ metric: { db_id: String(db.id), aggregate: aggregate ?? 'avg' }, value: value(t, db) * spread }]);
    });
  const busy = (t: number) => 0.35 + 0.2 * Math.sin(t / 2600) + 0.05 * Math.sin(t / 190);
  mysqlMetric('cpu_usage', (t) => 100 * busy(t) * 0.8);
  mysqlMetric('memory_usage', (t) => 100 * (0.45 + 0.5 * (busy(t) - 0.35)));
  mysqlMetric('disk_usage', (t) => 100 * (0.31 + ((t / 86_400) % 30) * 0.002));
  mysqlMetric('threads_connected', (t) => Math.round(12 + 20 * busy(t)));

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
      const problem = trustedSourceProblem(api, rule);
      if (problem) return api.unprocessable(problem);
      const old = api.data.databaseFirewalls[id].find((r) => (rule.uuid && r.uuid === rule.uuid) || (r.type === rule.type && r.value === rule.value));
      kept.push(
        old ?? {
          uuid: stableUuid(`fw-${id}-${rule.type}-${rule.value}-${api.nextId++}`),
          cluster_uuid: id,
          type: rule.type,
          value: rule.value,
          created_at: api.now(),
          ...(rule.description ? { description: rule.description } : {}),
        },
      );
    }
    api.data.databaseFirewalls[id] = kept;
    return api.noContent();
  });

  // A new cluster, with the API's rules where they are simple: a name of 3 to 63 lowercase letters,
  // digits and "-", unique; an engine, version, region, node count and size the options offer;
  // storage not below the size's own; a VPC of that region; a project that exists. It is
  // "creating" for one action duration, then online.
  api.on('POST', '/v2/databases', (_, ctx) => {
    const body = ctx.body ?? {};
    const { name, engine, region: regionSlug, num_nodes: nodes, size } = body;
    if (typeof name !== 'string' || !/^[a-z][a-z0-9-]{1,61}[a-z0-9]$/.test(name))
      return api.unprocessable('name must be 3 to 63 lowercase letters, digits and dashes, starting with a letter.');
    if (api.data.databases.some((d) => d.name === name)) return api.unprocessable(`a database cluster named ${name} already exists`);
    const options = DB_OPTIONS[engine];
    if (!options) return api.unprocessable(`engine ${String(engine)} is not supported`);
    const version = body.version ?? options.versions[options.versions.length - 1];
    if (!options.versions.includes(version)) return api.unprocessable(`version ${String(version)} is not available for ${String(engine)}`);
    if (!options.regions.includes(regionSlug)) return api.unprocessable(`region ${String(regionSlug)} is not available for ${String(engine)}`);
    const layout = options.layouts.find((l) => l.num_nodes === nodes);
    if (!layout) return api.unprocessable(`num_nodes ${String(nodes)} is not offered for ${String(engine)}`);
    if (!layout.sizes.includes(size)) return api.unprocessable(`size ${String(size)} is not offered with ${String(nodes)} node(s)`);
    const base = DB_SIZES.find((x) => x.slug === size)!.disk * 1024;
    const storage = body.storage_size_mib;
    if (storage !== undefined && (!Number.isInteger(storage) || storage < base || storage % 1024 !== 0))
      return api.unprocessable(`storage_size_mib must be whole GiB and at least ${base} for ${String(size)}`);
    const vpc = body.private_network_uuid === undefined ? undefined : api.data.vpcs.find((v) => v.id === body.private_network_uuid);
    if (body.private_network_uuid !== undefined && (!vpc || vpc.region !== regionSlug))
      return api.unprocessable(`private_network_uuid ${String(body.private_network_uuid)} is not a VPC in ${String(regionSlug)}`);
    if (body.project_id !== undefined && !api.data.projects.some((p) => p.id === body.project_id))
      return api.unprocessable(`project ${String(body.project_id)} does not exist`);
    if (body.tags !== undefined && !(Array.isArray(body.tags) && body.tags.every((t: unknown) => typeof t === 'string' && /^[a-zA-Z0-9_:-]{1,255}$/.test(t))))
      return api.unprocessable('tags are invalid');
    const db = databaseJson(name, engine, version, regionSlug, nodes, api.now());
    Object.assign(db, {
      id: stableUuid(`db-${name}-${api.nextId++}`),
      size,
      status: 'creating',
      tags: body.tags ?? [],
      private_network_uuid: vpc?.id ?? stableUuid(`vpc-default-${regionSlug}`),
      project_id: body.project_id ?? api.data.projects.find((p) => p.is_default)?.id,
      storage_size_mib: storage ?? base,
    });
    api.data.databases.push(db);
    api.data.databaseUsers[db.id] = engine === 'redis' || engine === 'valkey' ? [] : [{ name: 'doadmin', role: 'primary', password: db.connection.password }];
    api.data.databaseDbs[db.id] = engine === 'pg' || engine === 'mysql' ? [{ name: 'defaultdb' }] : [];
    api.data.databasePools[db.id] = [];
    api.data.databaseFirewalls[db.id] = [];
    api.intoProject(`do:dbaas:${db.id}`, body.project_id);
    api.later(api.actionDurationMs, () => (db.status = 'online'));
    return api.json(201, { database: db });
  });
}
