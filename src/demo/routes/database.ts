/** The fake API's routes: Database clusters: options, users, databases, pools, trusted sources, resize. */
import type { FakeCore } from '../core';
import { type Json, databaseJson, kafkaTopicJson, replicaJson, stableUuid } from '../seed';
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
  mysqlMetric('threads_active', (t) => Math.round(2 + 6 * busy(t)));
  mysqlMetric('threads_created_rate', (t) => Math.round(100 * 0.4 * busy(t)) / 100);
  mysqlMetric('index_vs_sequential_reads', (t) => 100 * (0.9 - 0.1 * busy(t)));
  // the ones that take a `metric` (and a `schema`): refused without one the spec allows, as the API does
  const chosen = (name: string, metrics: Record<string, number>, needsSchema: boolean, value: (t: number, scale: number) => number) =>
    api.on('GET', `/v2/monitoring/metrics/database/mysql/${name}`, (_, ctx) => {
      const db = api.data.databases.find((d) => d.id === ctx.query.get('db_id'));
      if (!db || db.engine !== 'mysql') return api.notFound();
      const metric = ctx.query.get('metric') ?? '';
      if (!(metric in metrics)) return api.error(400, 'bad_request', `metric must be one of ${Object.keys(metrics).join(', ')}.`);
      const schema = ctx.query.get('schema');
      if (needsSchema && !(api.data.databaseDbs[db.id] ?? []).some((x) => x.name === schema))
        return api.error(400, 'bad_request', `No schema named ${String(schema)}.`);
      return api.metricMatrix(ctx, (t) => [{ metric: { db_id: String(db.id), ...(schema ? { schema } : {}), metric }, value: value(t, metrics[metric]) }]);
    });
  chosen('load', { load1: 1, load5: 0.8, load15: 0.6 }, false, (t, k) => Math.round(100 * 2 * busy(t) * k) / 100);
  chosen('op_rates', { select: 40, insert: 8, update: 5, delete: 1 }, false, (t, k) => Math.round(k * busy(t) * 100) / 100);
  chosen('schema_throughput', { fetch: 120, insert: 9, update: 4, delete: 1 }, true, (t, k) => Math.round(k * busy(t) * 100) / 100);
  chosen('schema_latency', { fetch: 2, insert: 5, update: 6, delete: 4 }, true, (t, k) => Math.round(k * (0.6 + busy(t)) * 100) / 100);

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
    // a restore names an existing cluster of the same engine and, if given, one of its backups
    const restore = body.backup_restore;
    if (restore !== undefined) {
      const source = api.data.databases.find((d) => d.name === restore?.database_name);
      if (!source) return api.unprocessable(`backup_restore: no database cluster named ${String(restore?.database_name)}`);
      if (source.engine !== engine) return api.unprocessable(`backup_restore: ${source.name} is a ${String(source.engine)} cluster`);
      if (
        restore.backup_created_at !== undefined &&
        !backupsOf(source, Date.parse(api.now())).some((b) => Date.parse(b.created_at) === Date.parse(restore.backup_created_at))
      )
        return api.unprocessable(`backup_restore: ${source.name} has no backup of ${String(restore.backup_created_at)}`);
    }
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
    api.data.databaseReplicas[db.id] = [];
    api.data.databaseFirewalls[db.id] = [];
    api.intoProject(`do:dbaas:${db.id}`, body.project_id);
    if (restore !== undefined)
      api.data.databaseSettings[db.id] = { restored_from: { database_name: restore.database_name, backup_created_at: restore.backup_created_at } };
    api.later(api.actionDurationMs, () => (db.status = 'online'));
    return api.json(201, { database: db });
  });
  databaseReplicaRoutes(api);
  databaseMigrationRoutes(api);
  databaseHistoryRoutes(api);
  kafkaAndOpenSearchRoutes(api);
  logSinkRoutes(api);
  configRoutes(api);
}

/** A few of each engine's advanced settings, with values DigitalOcean starts clusters with. */
const CONFIG_DEFAULTS: Record<string, Json> = {
  pg: { autovacuum_max_workers: 3, autovacuum_naptime: 60, autovacuum_vacuum_scale_factor: 0.2, log_min_duration_statement: -1, timezone: 'UTC' },
  mysql: { backup_hour: 1, backup_minute: 30, connect_timeout: 10, default_time_zone: 'SYSTEM', sql_require_primary_key: true, wait_timeout: 28800 },
  redis: { redis_maxmemory_policy: 'noeviction', redis_timeout: 300, redis_number_of_databases: 16 },
  valkey: { valkey_maxmemory_policy: 'noeviction', valkey_timeout: 300, valkey_number_of_databases: 16 },
  mongodb: { default_read_concern: 'local', default_write_concern: 'majority', slow_op_threshold_ms: 100, verbosity: 0 },
  kafka: { compression_type: 'producer', group_initial_rebalance_delay_ms: 3000, log_retention_hours: 168, message_max_bytes: 1048588 },
  opensearch: { http_max_content_length_bytes: 100000000, indices_query_bool_max_clause_count: 1024, indices_fielddata_cache_size_percentage: 20 },
};

/** The engine configuration: read, and changed key by key (a value of another type than the setting's is refused). */
function configRoutes(api: FakeCore): void {
  const cluster = (id: string) => api.data.databases.find((x) => x.id === id);
  const configOf = (db: Json): Json => {
    const settings = (api.data.databaseSettings[db.id] ??= {});
    return (settings.config ??= structuredClone(CONFIG_DEFAULTS[db.engine] ?? {}));
  };
  api.on('GET', '/v2/databases/{id}/config', ([id]) => {
    const db = cluster(id);
    return db ? api.json(200, { config: configOf(db) }) : api.notFound();
  });
  api.on('PATCH', '/v2/databases/{id}/config', ([id], ctx) => {
    const db = cluster(id);
    if (!db) return api.notFound();
    const patch = ctx.body?.config;
    if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return api.unprocessable('config must be an object');
    const config = configOf(db);
    for (const [key, value] of Object.entries(patch as Json)) {
      const known = CONFIG_DEFAULTS[db.engine]?.[key];
      if (known !== undefined && typeof known !== typeof value) return api.unprocessable(`config.${key} must be a ${typeof known}`);
    }
    Object.assign(config, patch);
    // the spec answers 200 with an (empty) JSON object
    return api.json(200, {});
  });
}

/** Why a sink's config is refused for its type (the spec's required fields and bounds), or undefined. */
function sinkConfigProblem(type: unknown, config: Json): string | undefined {
  if (typeof config !== 'object' || config === null) return 'config is required';
  if (type === 'rsyslog') {
    if (typeof config.server !== 'string' || !config.server) return 'config.server is required';
    if (!Number.isInteger(config.port) || config.port < 1 || config.port > 65535) return 'config.port must be from 1 to 65535';
    if (typeof config.tls !== 'boolean') return 'config.tls is required';
    if (!['rfc5424', 'rfc3164', 'custom'].includes(config.format)) return 'config.format must be rfc5424, rfc3164 or custom';
    return undefined;
  }
  if (type === 'elasticsearch' || type === 'opensearch') {
    if (typeof config.url !== 'string' || !/^https:\/\/[^\s]+$/.test(config.url)) return 'config.url must be an https URL';
    if (typeof config.index_prefix !== 'string' || !config.index_prefix) return 'config.index_prefix is required';
    if (config.index_days_max !== undefined && !(Number.isInteger(config.index_days_max) && config.index_days_max >= 1 && config.index_days_max <= 10000))
      return 'config.index_days_max must be from 1 to 10000';
    return undefined;
  }
  if (type === 'datadog') {
    if (typeof config.site !== 'string' || !config.site) return 'config.site is required';
    if (typeof config.datadog_api_key !== 'string' || !config.datadog_api_key) return 'config.datadog_api_key is required';
    return undefined;
  }
  return `sink_type ${String(type)} is not supported`;
}

/** Log sinks of a cluster: list, create, read (the sink itself, unwrapped, as the API answers it), replace its config, delete. */
function logSinkRoutes(api: FakeCore): void {
  const cluster = (id: string) => api.data.databases.find((x) => x.id === id && x.engine !== 'mongodb');
  const sinksOf = (id: string) => (api.data.databaseLogSinks[id] ??= []);
  api.on('GET', '/v2/databases/{id}/logsink', ([id]) => (cluster(id) ? api.json(200, { sinks: sinksOf(id) }) : api.notFound()));
  api.on('GET', '/v2/databases/{id}/logsink/{sink}', ([id, sinkId]) => {
    const sink = cluster(id) && sinksOf(id).find((s) => s.sink_id === sinkId);
    return sink ? api.json(200, sink) : api.notFound();
  });
  api.on('POST', '/v2/databases/{id}/logsink', ([id], ctx) => {
    if (!cluster(id)) return api.notFound();
    const body = ctx.body ?? {};
    if (typeof body.sink_name !== 'string' || !/^[a-zA-Z0-9_-]{1,64}$/.test(body.sink_name)) return api.unprocessable('sink_name is invalid');
    if (sinksOf(id).some((s) => s.sink_name === body.sink_name)) return api.error(409, 'conflict', `A sink named ${body.sink_name} already exists.`);
    const problem = sinkConfigProblem(body.sink_type, body.config);
    if (problem) return api.unprocessable(problem);
    const sink = {
      sink_id: stableUuid(`sink-${id}-${body.sink_name}-${api.nextId++}`).replace(/-/g, ''),
      sink_name: body.sink_name,
      sink_type: body.sink_type,
      config: body.config,
    };
    sinksOf(id).push(sink);
    return api.json(201, { sink });
  });
  api.on('PUT', '/v2/databases/{id}/logsink/{sink}', ([id, sinkId], ctx) => {
    const sink = cluster(id) && sinksOf(id).find((s) => s.sink_id === sinkId);
    if (!sink) return api.notFound();
    const problem = sinkConfigProblem(sink.sink_type, ctx.body?.config);
    if (problem) return api.unprocessable(problem);
    sink.config = ctx.body.config;
    return api.json(200, {});
  });
  // the spec answers a sink's delete with 200 and a JSON object, not 204
  api.on('DELETE', '/v2/databases/{id}/logsink/{sink}', ([id, sinkId]) =>
    cluster(id) ? api.deleteItem(sinksOf(id), sinkId, (s) => s.sink_id, { answer: api.json(200, {}) }) : api.notFound(),
  );
}

/** Kafka topics (list, create, read, change, delete) and OpenSearch indexes (list, delete). */
function kafkaAndOpenSearchRoutes(api: FakeCore): void {
  const clusterOf = (id: string, engine: string) => api.data.databases.find((x) => x.id === id && x.engine === engine);
  const topicsOf = (id: string) => (api.data.databaseTopics[id] ??= []);
  const summary = (t: Json) => ({ name: t.name, state: t.state, replication_factor: t.replication_factor, partition_count: t.partition_count });
  const configProblem = (config: unknown) => {
    if (config === undefined) return undefined;
    if (typeof config !== 'object' || config === null) return 'config must be an object';
    const c = config as Json;
    if (c.cleanup_policy !== undefined && !['delete', 'compact', 'compact_delete'].includes(c.cleanup_policy)) return 'config.cleanup_policy is invalid';
    if (c.retention_ms !== undefined && !(Number.isInteger(c.retention_ms) && c.retention_ms >= -1)) return 'config.retention_ms must be -1 or more';
    return undefined;
  };
  api.on('GET', '/v2/databases/{id}/topics', ([id]) => (clusterOf(id, 'kafka') ? api.json(200, { topics: topicsOf(id).map(summary) }) : api.notFound()));
  api.on('GET', '/v2/databases/{id}/topics/{name}', ([id, name]) => {
    const topic = clusterOf(id, 'kafka') && topicsOf(id).find((t) => t.name === name);
    return topic ? api.json(200, { topic }) : api.notFound();
  });
  api.on('POST', '/v2/databases/{id}/topics', ([id], ctx) => {
    const db = clusterOf(id, 'kafka');
    if (!db) return api.notFound();
    const body = ctx.body ?? {};
    if (typeof body.name !== 'string' || !/^[A-Za-z0-9._-]{1,249}$/.test(body.name)) return api.unprocessable('name is invalid');
    if (topicsOf(id).some((t) => t.name === body.name)) return api.error(409, 'conflict', `A topic named ${body.name} already exists.`);
    const partitions = body.partition_count ?? 3;
    const replicas = body.replication_factor ?? 2;
    if (!Number.isInteger(partitions) || partitions < 3 || partitions > 2048) return api.unprocessable('partition_count must be from 3 to 2048');
    if (!Number.isInteger(replicas) || replicas < 2 || replicas > db.num_nodes)
      return api.unprocessable(`replication_factor must be from 2 to ${db.num_nodes}`);
    const problem = configProblem(body.config);
    if (problem) return api.unprocessable(problem);
    const topic = kafkaTopicJson(body.name, partitions, replicas, body.config ?? {});
    topicsOf(id).push(topic);
    return api.json(201, { topic });
  });
  api.on('PUT', '/v2/databases/{id}/topics/{name}', ([id, name], ctx) => {
    const db = clusterOf(id, 'kafka');
    const topic = db && topicsOf(id).find((t) => t.name === name);
    if (!db || !topic) return api.notFound();
    const body = ctx.body ?? {};
    // Kafka adds partitions, never removes them
    if (
      body.partition_count !== undefined &&
      (!Number.isInteger(body.partition_count) || body.partition_count < (topic.partition_count ?? 0) || body.partition_count > 2048)
    )
      return api.unprocessable(`partition_count can only grow (from ${topic.partition_count}) up to 2048`);
    if (
      body.replication_factor !== undefined &&
      (!Number.isInteger(body.replication_factor) || body.replication_factor < 2 || body.replication_factor > db.num_nodes)
    )
      return api.unprocessable(`replication_factor must be from 2 to ${db.num_nodes}`);
    const problem = configProblem(body.config);
    if (problem) return api.unprocessable(problem);
    const next = kafkaTopicJson(name, body.partition_count ?? topic.partition_count, body.replication_factor ?? topic.replication_factor, {
      ...topic.config,
      ...body.config,
    });
    Object.assign(topic, next);
    return api.json(200, { topic });
  });
  api.on('DELETE', '/v2/databases/{id}/topics/{name}', ([id, name]) =>
    clusterOf(id, 'kafka') ? api.deleteItem(topicsOf(id), name, (t) => t.name) : api.notFound(),
  );
  api.on('GET', '/v2/databases/{id}/indexes', ([id]) =>
    clusterOf(id, 'opensearch') ? api.json(200, { indexes: (api.data.databaseIndexes[id] ??= []) }) : api.notFound(),
  );
  api.on('DELETE', '/v2/databases/{id}/indexes/{name}', ([id, name]) =>
    clusterOf(id, 'opensearch') ? api.deleteItem((api.data.databaseIndexes[id] ??= []), name, (i) => i.index_name) : api.notFound(),
  );
}

const BACKUP_ENGINES = new Set(['pg', 'mysql', 'mongodb', 'valkey', 'redis']);
const DAY_MS = 24 * 3600_000;

/** A cluster's last seven daily backups (01:30 UTC), newest first; none before it existed. */
export function backupsOf(db: Json, now: number): { created_at: string; size_gigabytes: number; incremental: boolean }[] {
  if (!BACKUP_ENGINES.has(db.engine)) return [];
  const created = Date.parse(db.created_at);
  const out = [];
  for (let d = 0; d < 8 && out.length < 7; d++) {
    const day = new Date(now - d * DAY_MS);
    const at = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 1, 30);
    if (at > now) continue;
    if (at < created) break;
    const size = Math.round(((db.storage_size_mib ?? 10240) / 1024) * (0.08 + 0.002 * (7 - d)) * 100) / 100;
    out.push({ created_at: new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z'), size_gigabytes: size, incremental: db.engine === 'pg' && d % 7 !== 0 });
  }
  return out;
}

/** Backups, events and storage autoscale of a cluster. */
function databaseHistoryRoutes(api: FakeCore): void {
  const cluster = (id: string) => api.data.databases.find((x) => x.id === id);
  api.on('GET', '/v2/databases/{id}/backups', ([id]) => {
    const db = cluster(id);
    if (!db) return api.notFound();
    if (!BACKUP_ENGINES.has(db.engine)) return api.unprocessable(`${String(db.engine)} clusters have no backups.`);
    return api.json(200, {
      backups: backupsOf(db, Date.parse(api.now())),
      scheduled_backup_time: { backup_hour: 1, backup_minute: 30, backup_interval_hours: 24 },
    });
  });
  // What happened to the cluster, from its own fields: created, the weekly maintenance since, a resize going on
  api.on('GET', '/v2/databases/{id}/events', ([id]) => {
    const db = cluster(id);
    if (!db) return api.notFound();
    const created = Date.parse(db.created_at);
    const now = Date.parse(api.now());
    const iso = (t: number) => new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const events = [{ id: stableUuid(`event-${id}-create`), cluster_name: db.name, event_type: 'cluster_create', create_time: iso(created) }];
    for (let t = created + 7 * DAY_MS, n = 0; t < now; t += 7 * DAY_MS, n++)
      events.push({ id: stableUuid(`event-${id}-maintenance-${n}`), cluster_name: db.name, event_type: 'cluster_maintenance_perform', create_time: iso(t) });
    if (db.status === 'resizing')
      events.push({ id: stableUuid(`event-${id}-resize`), cluster_name: db.name, event_type: 'cluster_update', create_time: iso(now) });
    return api.json(200, { events: events.slice(-20) });
  });
  api.on('GET', '/v2/databases/{id}/autoscale', ([id]) =>
    cluster(id) ? api.json(200, { autoscale: { storage: api.data.databaseSettings[id]?.autoscale ?? { enabled: false } } }) : api.notFound(),
  );
  api.on('PUT', '/v2/databases/{id}/autoscale', ([id], ctx) => {
    const db = cluster(id);
    if (!db) return api.notFound();
    const storage = ctx.body?.storage;
    if (typeof storage?.enabled !== 'boolean') return api.unprocessable('storage.enabled is required');
    const whole = (n: unknown, low: number, high: number) => Number.isInteger(n) && (n as number) >= low && (n as number) <= high;
    if (storage.enabled && !whole(storage.threshold_percent, 15, 95)) return api.unprocessable('threshold_percent must be from 15 to 95');
    if (storage.enabled && !whole(storage.increment_gib, 10, 500)) return api.unprocessable('increment_gib must be from 10 to 500');
    const previous = api.data.databaseSettings[id]?.autoscale;
    api.data.databaseSettings[id] = {
      ...api.data.databaseSettings[id],
      autoscale: storage.enabled
        ? { enabled: true, threshold_percent: storage.threshold_percent, increment_gib: storage.increment_gib }
        : { ...previous, enabled: false },
    };
    return api.noContent();
  });
}

/** Read-only replicas of PostgreSQL and MySQL clusters: list, create (forking, then online), get, delete, promote. */
function databaseReplicaRoutes(api: FakeCore): void {
  const cluster = (id: string) => api.data.databases.find((x) => x.id === id);
  const replicasOf = (id: string) => (api.data.databaseReplicas[id] ??= []);
  api.on('GET', '/v2/databases/{id}/replicas', ([id]) => (cluster(id) ? api.json(200, { replicas: replicasOf(id) }) : api.notFound()));
  api.on('GET', '/v2/databases/{id}/replicas/{name}', ([id, name]) => {
    const replica = cluster(id) && replicasOf(id).find((r) => r.name === name);
    return replica ? api.json(200, { replica }) : api.notFound();
  });
  api.on('POST', '/v2/databases/{id}/replicas', ([id], ctx) => {
    const db = cluster(id);
    if (!db) return api.notFound();
    if (db.engine !== 'pg' && db.engine !== 'mysql') return api.unprocessable(`${String(db.engine)} clusters do not have read-only replicas.`);
    if (db.status !== 'online') return api.unprocessable('The cluster must be online to add a replica.');
    const body = ctx.body ?? {};
    const name = body.name;
    if (typeof name !== 'string' || !/^[a-z][a-z0-9-]{1,61}[a-z0-9]$/.test(name)) return api.unprocessable('name is invalid');
    if (api.data.databases.some((d) => d.name === name) || Object.values(api.data.databaseReplicas).some((list) => list.some((r) => r.name === name)))
      return api.error(409, 'conflict', `A database or replica named ${name} already exists.`);
    const options = DB_OPTIONS[db.engine as string];
    const regionSlug = body.region ?? db.region;
    if (!options.regions.includes(regionSlug)) return api.unprocessable(`region ${String(regionSlug)} is not available for ${String(db.engine)}`);
    const size = DB_SIZES.find((x) => x.slug === body.size);
    if (!size) return api.unprocessable(`size ${String(body.size)} is not offered`);
    if (size.disk * 1024 < (db.storage_size_mib ?? 0)) return api.unprocessable(`size ${size.slug} has less storage than the primary cluster`);
    const replica = replicaJson(db, name, regionSlug, size.slug, api.now());
    Object.assign(replica, { status: 'forking', tags: Array.isArray(body.tags) ? body.tags : [] });
    replicasOf(id).push(replica);
    api.later(api.actionDurationMs, () => (replica.status = 'online'));
    return api.json(201, { replica });
  });
  api.on('DELETE', '/v2/databases/{id}/replicas/{name}', ([id, name]) => (cluster(id) ? api.deleteItem(replicasOf(id), name, (r) => r.name) : api.notFound()));
  // Promoting makes the replica a cluster of its own: writable, no longer following the primary
  api.on('PUT', '/v2/databases/{id}/replicas/{name}/promote', ([id, name]) => {
    const db = cluster(id);
    const replica = db && replicasOf(id).find((r) => r.name === name);
    if (!db || !replica) return api.notFound();
    if (replica.status !== 'online') return api.unprocessable('The replica must be online to be promoted.');
    replicasOf(id).splice(replicasOf(id).indexOf(replica), 1);
    const promoted = databaseJson(replica.name, db.engine, db.version, replica.region ?? db.region, 1, replica.created_at ?? api.now());
    Object.assign(promoted, {
      id: replica.id,
      size: replica.size,
      storage_size_mib: replica.storage_size_mib,
      connection: replica.connection,
      private_connection: replica.private_connection,
      project_id: db.project_id,
    });
    api.data.databases.push(promoted);
    api.data.databaseUsers[promoted.id] = structuredClone(api.data.databaseUsers[id] ?? []);
    api.data.databaseDbs[promoted.id] = structuredClone(api.data.databaseDbs[id] ?? []);
    api.data.databasePools[promoted.id] = [];
    api.data.databaseReplicas[promoted.id] = [];
    api.data.databaseFirewalls[promoted.id] = structuredClone(api.data.databaseFirewalls[id] ?? []);
    // it joins the project its primary is in
    const project = Object.entries(api.data.projectResources).find(([, list]) => list.some((r) => r.urn === `do:dbaas:${id}`))?.[0];
    api.intoProject(`do:dbaas:${promoted.id}`, project ?? db.project_id);
    return api.noContent();
  });
}

/**
 * Online migrations into a cluster (PostgreSQL, MySQL, Redis, Valkey) and moving a cluster to
 * another region. A migration copies for one action's time, then follows the source ("syncing")
 * until stopped; a source host ending in `.invalid` cannot be reached and errs. Kept beside the
 * state it belongs to (a new state after each reset), never in it: fakeState shows no passwords.
 */
function databaseMigrationRoutes(api: FakeCore): void {
  const perState = new WeakMap<object, Record<string, Json>>();
  const migrations = () => {
    let m = perState.get(api.data);
    if (!m) perState.set(api.data, (m = {}));
    return m;
  };
  const cluster = (id: string) => api.data.databases.find((x) => x.id === id);
  const migrates = (engine: unknown) => ['pg', 'mysql', 'redis', 'valkey'].includes(String(engine));
  api.on('GET', '/v2/databases/{id}/online-migration', ([id]) => {
    const db = cluster(id);
    const m = migrations()[id];
    if (!db || !m) return api.notFound();
    return api.json(200, { id: m.id, status: m.status, created_at: m.created_at });
  });
  api.on('PUT', '/v2/databases/{id}/online-migration', ([id], ctx) => {
    const db = cluster(id);
    if (!db) return api.notFound();
    if (!migrates(db.engine)) return api.unprocessable(`online migration is not available for ${String(db.engine)} clusters`);
    if (db.status !== 'online') return api.unprocessable('the cluster must be online to start a migration');
    const current = migrations()[id];
    if (current && ['running', 'syncing'].includes(String(current.status))) return api.unprocessable('a migration is already in progress');
    const source = (ctx.body?.source ?? {}) as Json;
    if (typeof source.host !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9.:-]*$/.test(source.host)) return api.unprocessable('source.host must be a host name');
    if (!Number.isInteger(source.port) || source.port < 1 || source.port > 65535) return api.unprocessable('source.port is invalid');
    if (typeof source.username !== 'string' || !source.username || typeof source.password !== 'string' || !source.password)
      return api.unprocessable('source.username and source.password are required');
    const ignore = (ctx.body?.ignore_dbs ?? []) as unknown[];
    if (!Array.isArray(ignore) || ignore.some((x) => typeof x !== 'string')) return api.unprocessable('ignore_dbs must be a list of names');
    const migration: Json = { id: stableUuid(`migration-${id}-${api.nextId++}`), status: 'running', created_at: api.now() };
    migrations()[id] = migration;
    api.later(api.actionDurationMs, () => {
      if (migration.status === 'running') migration.status = String(source.host).endsWith('.invalid') ? 'error' : 'syncing';
    });
    return api.json(200, { id: migration.id, status: migration.status, created_at: migration.created_at });
  });
  api.on('DELETE', '/v2/databases/{id}/online-migration/{migration}', ([id, migrationId]) => {
    const m = migrations()[id];
    if (!cluster(id) || !m || m.id !== migrationId) return api.notFound();
    if (!['running', 'syncing'].includes(String(m.status))) return api.unprocessable(`the migration is ${String(m.status)}`);
    m.status = 'canceled';
    return api.noContent();
  });
  api.on('PUT', '/v2/databases/{id}/migrate', ([id], ctx) => {
    const db = cluster(id);
    if (!db) return api.notFound();
    const region = ctx.body?.region;
    const offered = DB_OPTIONS[String(db.engine)]?.regions;
    if (typeof region !== 'string' || !offered?.includes(region)) return api.unprocessable(`region ${String(region)} is not offered for ${String(db.engine)}`);
    if (region === db.region) return api.unprocessable(`the cluster is in ${region} already`);
    if (db.status !== 'online') return api.unprocessable('the cluster must be online to migrate');
    db.status = 'migrating';
    api.later(api.actionDurationMs, () => {
      db.region = region;
      db.status = 'online';
    });
    return { status: 202, headers: { 'x-request-id': api.requestId() }, body: '' };
  });
}
