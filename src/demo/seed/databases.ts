/** Database clusters of every engine, with their users, databases, pools and trusted sources. */
import { type Json, type SeedContext, stableUuid } from './common';
import type { DemoData } from './state';

export function seedDatabases({
  t,
}: SeedContext): Pick<
  DemoData,
  | 'databases'
  | 'databaseUsers'
  | 'databaseDbs'
  | 'databasePools'
  | 'databaseReplicas'
  | 'databaseTopics'
  | 'databaseLogSinks'
  | 'databaseIndexes'
  | 'databaseFirewalls'
  | 'databaseCas'
  | 'databaseSettings'
> {
  const engines: [string, string, string, string, number][] = [
    ['main-pg', 'pg', '17', 'nyc3', 2],
    ['shop-mysql', 'mysql', '8', 'nyc3', 1],
    ['cache-valkey', 'valkey', '8', 'nyc3', 1],
    ['sessions-redis', 'redis', '7', 'ams3', 1],
    ['catalog-mongo', 'mongodb', '7.0', 'ams3', 3],
    ['events-kafka', 'kafka', '3.8', 'ams3', 3],
    ['logs-opensearch', 'opensearch', '2', 'sfo3', 1],
  ];
  const databases = engines.map(([name, engine, version, r, nodes], i) => databaseJson(name, engine, version, r, nodes, t(100 + i)));
  const databaseUsers: Record<string, Json[]> = {};
  const databaseDbs: Record<string, Json[]> = {};
  const databasePools: Record<string, Json[]> = {};
  const databaseReplicas: Record<string, Json[]> = {};
  const databaseTopics: Record<string, Json[]> = {};
  const databaseLogSinks: Record<string, Json[]> = {};
  const databaseIndexes: Record<string, Json[]> = {};
  const databaseFirewalls: Record<string, Json[]> = {};
  const databaseSettings: DemoData['databaseSettings'] = {};
  for (const db of databases) {
    if (db.engine === 'mysql') {
      // DigitalOcean's default SQL mode, and an update waiting for the maintenance window
      databaseSettings[db.id] = { sql_mode: 'ANSI,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION,NO_ZERO_DATE,NO_ZERO_IN_DATE,STRICT_ALL_TABLES' };
      db.maintenance_window = { day: 'tuesday', hour: '02:00:00', pending: true, description: ['Update MySQL to 8.0.40'] };
    }
    if (db.engine === 'valkey' || db.engine === 'redis') databaseSettings[db.id] = { eviction_policy: 'noeviction' };
    databaseFirewalls[db.id] =
      db.engine === 'pg'
        ? [
            { uuid: stableUuid(`fw-${db.id}-k8s`), cluster_uuid: db.id, type: 'k8s', value: stableUuid('k8s-prod-k8s'), created_at: db.created_at },
            {
              uuid: stableUuid(`fw-${db.id}-office`),
              cluster_uuid: db.id,
              type: 'ip_addr',
              value: '198.51.100.0/24',
              created_at: db.created_at,
              description: 'office',
            },
          ]
        : [];
    const hasUsers = db.engine !== 'redis' && db.engine !== 'valkey';
    databaseUsers[db.id] = hasUsers ? [{ name: 'doadmin', role: 'primary', password: 'demo-password-not-secret' }] : [];
    if (db.engine === 'mysql')
      databaseUsers[db.id].push({ name: 'shop', role: 'normal', password: 'demo-shop-password', mysql_settings: { auth_plugin: 'caching_sha2_password' } });
    if (db.engine === 'pg') databaseUsers[db.id].push({ name: 'app', role: 'normal', password: 'demo-app-password' });
    databaseDbs[db.id] = db.engine === 'pg' ? [{ name: 'defaultdb' }, { name: 'app' }] : db.engine === 'mysql' ? [{ name: 'defaultdb' }, { name: 'shop' }] : [];
    // the MySQL cluster forwards its logs to a syslog server
    databaseLogSinks[db.id] =
      db.engine === 'mysql'
        ? [
            {
              sink_id: stableUuid(`sink-${db.id}`).replace(/-/g, ''),
              sink_name: 'syslog-central',
              sink_type: 'rsyslog',
              config: { server: 'logs.example.com', port: 6514, tls: true, format: 'rfc5424' },
            },
          ]
        : [];
    // the Kafka cluster's topics, the OpenSearch cluster's indexes
    databaseTopics[db.id] =
      db.engine === 'kafka'
        ? [kafkaTopicJson('orders', 6, 3, { retention_ms: 604800000 }), kafkaTopicJson('audit-log', 3, 3, { cleanup_policy: 'compact', retention_ms: -1 })]
        : [];
    databaseIndexes[db.id] =
      db.engine === 'opensearch'
        ? [
            {
              index_name: 'app-logs-2026.12',
              number_of_shards: 2,
              number_of_replicas: 1,
              size: 734003200,
              created_time: t(5),
              status: 'open',
              health: 'green',
            },
            {
              index_name: 'app-logs-2026.11',
              number_of_shards: 2,
              number_of_replicas: 1,
              size: 2147483648,
              created_time: t(35),
              status: 'open',
              health: 'yellow',
            },
          ]
        : [];
    // the PostgreSQL cluster has a read-only replica in another region
    databaseReplicas[db.id] = db.engine === 'pg' ? [replicaJson(db, `${db.name}-read-ams3`, 'ams3', 'db-s-1vcpu-2gb', t(20))] : [];
    databasePools[db.id] =
      db.engine === 'pg' ? [{ name: 'app-pool', mode: 'transaction', size: 10, db: 'app', user: 'app', connection: connection(db, 25061, 'app-pool') }] : [];
  }
  return {
    databases,
    databaseUsers,
    databaseDbs,
    databasePools,
    databaseReplicas,
    databaseTopics,
    databaseLogSinks,
    databaseIndexes,
    databaseFirewalls,
    databaseCas: {},
    databaseSettings,
  };
}

function connection(db: Json, port: number, database: string): Json {
  const host = `${db.name}-do-user-100001-0.k.db.ondigitalocean.com`;
  const scheme =
    db.engine === 'pg'
      ? 'postgresql'
      : db.engine === 'mysql'
        ? 'mysql'
        : db.engine === 'mongodb'
          ? 'mongodb+srv'
          : db.engine === 'redis' || db.engine === 'valkey'
            ? 'rediss'
            : 'https';
  return {
    uri: `${scheme}://doadmin:demo-password-not-secret@${host}:${port}/${database}`,
    database,
    host,
    port,
    user: 'doadmin',
    password: 'demo-password-not-secret',
    ssl: true,
  };
}

/** A Kafka topic as the API answers one: its settings (Kafka's defaults where not given) and partitions. */
export function kafkaTopicJson(name: string, partitions: number, replicas: number, config: Json = {}): Json {
  return {
    name,
    state: 'active',
    replication_factor: replicas,
    partition_count: partitions,
    partitions: Array.from({ length: partitions }, (_, id) => ({
      id,
      size: 4096 * (id + 1),
      in_sync_replicas: replicas,
      earliest_offset: 0,
      consumer_groups: [],
    })),
    config: { cleanup_policy: 'delete', compression_type: 'producer', min_insync_replicas: 2, retention_bytes: -1, retention_ms: 604800000, ...config },
  };
}

/** A read-only replica of `db` as the API answers it: its own host, the primary's credentials. */
export function replicaJson(db: Json, name: string, r: string, size: string, createdAt: string): Json {
  const conn = connection({ name, engine: db.engine }, db.connection.port, db.connection.database);
  return {
    id: stableUuid(`replica-${db.id}-${name}`),
    name,
    region: r,
    size,
    status: 'online',
    created_at: createdAt,
    private_network_uuid: stableUuid(`vpc-default-${r}`),
    tags: [],
    storage_size_mib: db.storage_size_mib,
    connection: conn,
    private_connection: { ...conn, host: `private-${conn.host}`, uri: conn.uri.replace('@', '@private-') },
  };
}

/** A database cluster as the API answers it (seeded ones, and those the fake creates). */
export function databaseJson(name: string, engine: string, version: string, r: string, nodes: number, createdAt: string): Json {
  const id = stableUuid(`db-${name}`);
  const port = engine === 'pg' ? 25060 : engine === 'mysql' ? 25060 : engine === 'kafka' ? 25073 : 25061;
  const base = { id, name, engine };
  const conn = connection(base, port, engine === 'pg' || engine === 'mysql' ? 'defaultdb' : '');
  return {
    id,
    name,
    engine,
    version,
    semantic_version: `${version}.0`,
    num_nodes: nodes,
    size: nodes > 1 ? 'db-s-2vcpu-4gb' : 'db-s-1vcpu-2gb',
    region: r,
    status: 'online',
    created_at: createdAt,
    private_network_uuid: stableUuid(`vpc-default-${r}`),
    tags: ['data'],
    db_names: engine === 'pg' ? ['defaultdb', 'app'] : engine === 'mysql' ? ['defaultdb', 'shop'] : null,
    connection: conn,
    private_connection: { ...conn, host: `private-${conn.host}`, uri: conn.uri.replace('@', '@private-') },
    maintenance_window: { day: 'tuesday', hour: '02:00:00', pending: false, description: [] },
    project_id: stableUuid('project-data'),
    storage_size_mib: nodes > 1 ? 61440 : 30720,
  };
}
