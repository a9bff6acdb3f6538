import { defineKind } from './descriptor';
import * as l10n from '@vscode/l10n';

export type DatabaseEngine = 'pg' | 'mysql' | 'redis' | 'valkey' | 'mongodb' | 'kafka' | 'opensearch';

export interface DatabaseConnection {
  uri: string;
  database: string;
  host: string;
  port: number;
  user: string;
  password: string;
  ssl: boolean;
}

export interface DatabaseCluster {
  id: string;
  name: string;
  engine: DatabaseEngine;
  version: string;
  num_nodes: number;
  size: string;
  region: string;
  status: 'creating' | 'online' | 'resizing' | 'migrating' | 'forking';
  created_at: string;
  private_network_uuid?: string;
  tags?: string[] | null;
  db_names?: string[] | null;
  connection?: DatabaseConnection;
  private_connection?: DatabaseConnection;
  storage_size_mib?: number;
  maintenance_window?: { day: string; hour: string; pending?: boolean; description?: string[] } | null;
}

/** A trusted source: who may connect to a database cluster (`/v2/databases/{id}/firewall`). */
export interface DatabaseFirewallRule {
  uuid?: string;
  cluster_uuid?: string;
  type: 'droplet' | 'k8s' | 'ip_addr' | 'tag' | 'app';
  value: string;
  created_at?: string;
  description?: string;
}

/** One engine's entry in `GET /v2/databases/options`. */
export interface DatabaseEngineOptions {
  regions: string[];
  versions: string[];
  layouts: { num_nodes: number; sizes: string[] }[];
}

export interface DatabaseUser {
  name: string;
  role?: 'primary' | 'normal';
  password?: string;
  mysql_settings?: { auth_plugin: 'mysql_native_password' | 'caching_sha2_password' };
  settings?: { acl?: { id?: string; topic: string; permission: string }[] };
}

export interface DatabaseDb {
  name: string;
}

export interface ConnectionPool {
  name: string;
  mode: 'session' | 'transaction' | 'statement';
  size: number;
  db: string;
  user?: string;
  connection?: DatabaseConnection;
}

export const databaseCluster = defineKind<DatabaseCluster>({
  nameProblem: (value, taken = []) => databaseClusterNameProblem(value, taken),
  deletable: true,
  kind: 'database_cluster',
  heavyDelete: true,
  tagResourceType: () => 'database',
  label: l10n.t('Database cluster'),
  pluralLabel: l10n.t('Databases'),
  path: '/v2/databases',
  collectionKey: 'databases',
  singleKey: 'database',
  idOf: (d) => d.id,
  nameOf: (d) => d.name,
  urnPrefix: 'do:dbaas:',
  paginated: false,
});

export const databaseDb = defineKind<DatabaseDb>({
  nameProblem: dbNameProblem,
  kind: 'database_db',
  label: l10n.t('Database'),
  pluralLabel: l10n.t('Databases'),
  path: (clusterId) => `/v2/databases/${clusterId}/dbs`,
  collectionKey: 'dbs',
  singleKey: 'db',
  idOf: (d) => d.name,
  nameOf: (d) => d.name,
  paginated: false,
  parent: 'database_cluster',
});

export const databaseUser = defineKind<DatabaseUser>({
  nameProblem: dbNameProblem,
  kind: 'database_user',
  label: l10n.t('Database user'),
  pluralLabel: l10n.t('Users'),
  path: (clusterId) => `/v2/databases/${clusterId}/users`,
  collectionKey: 'users',
  singleKey: 'user',
  idOf: (u) => u.name,
  nameOf: (u) => u.name,
  paginated: false,
  parent: 'database_cluster',
});

export const connectionPool = defineKind<ConnectionPool>({
  deletable: true,
  nameProblem: dbNameProblem,
  kind: 'connection_pool',
  label: l10n.t('Connection pool'),
  pluralLabel: l10n.t('Connection pools'),
  path: (clusterId) => `/v2/databases/${clusterId}/pools`,
  collectionKey: 'pools',
  singleKey: 'pool',
  idOf: (p) => p.name,
  nameOf: (p) => p.name,
  paginated: false,
  parent: 'database_cluster',
});

/** A read-only replica of a PostgreSQL or MySQL cluster: its own size, region and connection. */
export interface DatabaseReplica {
  id?: string;
  name: string;
  region?: string;
  size?: string;
  status?: string;
  created_at?: string;
  storage_size_mib?: number;
  private_network_uuid?: string;
  tags?: string[] | null;
  connection?: DatabaseConnection;
  private_connection?: DatabaseConnection;
}

export const databaseReplica = defineKind<DatabaseReplica>({
  deletable: true,
  deleteNote: () => l10n.t("Clients reading from it lose their connection; the primary cluster's data stays."),
  nameProblem: (value, taken = []) => databaseClusterNameProblem(value, taken),
  kind: 'database_replica',
  label: l10n.t('Read replica'),
  pluralLabel: l10n.t('Read replicas'),
  path: (clusterId) => `/v2/databases/${clusterId}/replicas`,
  collectionKey: 'replicas',
  singleKey: 'replica',
  idOf: (r) => r.name,
  nameOf: (r) => r.name,
  paginated: false,
  parent: 'database_cluster',
});

/** A Kafka topic: its partitions, how many copies of each, and its settings (retention, cleanup). */
export interface KafkaTopic {
  name: string;
  state?: 'active' | 'configuring' | 'deleting' | 'unknown';
  replication_factor?: number;
  partition_count?: number;
  /** In a single topic's answer: its partitions (with consumer groups' offsets). */
  partitions?: {
    id?: number;
    size?: number;
    in_sync_replicas?: number;
    earliest_offset?: number;
    consumer_groups?: { group_name?: string; offset?: number }[] | null;
  }[];
  config?: { cleanup_policy?: 'delete' | 'compact' | 'compact_delete'; retention_ms?: number; retention_bytes?: number; min_insync_replicas?: number } & Record<
    string,
    unknown
  >;
}

export const kafkaTopic = defineKind<KafkaTopic>({
  deletable: true,
  deleteNote: () => l10n.t('Its messages are lost; producers writing to it get errors.'),
  nameProblem: (value, taken = []) => kafkaTopicNameProblem(value, taken),
  kind: 'kafka_topic',
  label: l10n.t('Kafka topic'),
  pluralLabel: l10n.t('Topics'),
  path: (clusterId) => `/v2/databases/${clusterId}/topics`,
  collectionKey: 'topics',
  singleKey: 'topic',
  idOf: (t) => t.name,
  nameOf: (t) => t.name,
  paginated: false,
  parent: 'database_cluster',
});

/** Kafka's own rule for topic names: letters, digits, ".", "_" and "-", at most 249 characters. */
export function kafkaTopicNameProblem(value: string, taken: readonly string[]): string | undefined {
  if (!value) return l10n.t('A name is required.');
  if (value.length > 249) return l10n.t('At most 249 characters.');
  if (!/^[A-Za-z0-9._-]+$/.test(value) || value === '.' || value === '..') return l10n.t('Letters, digits, ".", "_" and "-" only.');
  return taken.includes(value) ? l10n.t('The cluster has a topic named {0} already.', value) : undefined;
}

/** An OpenSearch index: its shards, replicas, size and health. */
export interface OpenSearchIndex {
  index_name: string;
  number_of_shards?: number;
  number_of_replicas?: number;
  /** bytes */
  size?: number;
  created_time?: string;
  status?: 'unknown' | 'open' | 'close' | 'none';
  health?: 'unknown' | 'green' | 'yellow' | 'red' | 'red*';
}

export const opensearchIndex = defineKind<OpenSearchIndex>({
  deletable: true,
  deleteNote: () => l10n.t('Its documents are lost.'),
  kind: 'opensearch_index',
  label: l10n.t('OpenSearch index'),
  pluralLabel: l10n.t('Indexes'),
  path: (clusterId) => `/v2/databases/${clusterId}/indexes`,
  collectionKey: 'indexes',
  // the API has no read of one index: never asked for
  singleKey: 'index',
  idOf: (i) => i.index_name,
  nameOf: (i) => i.index_name,
  paginated: false,
  parent: 'database_cluster',
});

/** Where a cluster forwards its logs: a syslog server, an Elasticsearch or OpenSearch URL, or Datadog. */
export interface DatabaseLogSink {
  sink_id: string;
  sink_name: string;
  sink_type: 'rsyslog' | 'elasticsearch' | 'opensearch' | 'datadog';
  /** The URLs may carry credentials and Datadog's has an API key: never shown or logged as they are. */
  config: {
    server?: string;
    port?: number;
    tls?: boolean;
    format?: 'rfc5424' | 'rfc3164' | 'custom';
    url?: string;
    index_prefix?: string;
    index_days_max?: number;
    site?: string;
    datadog_api_key?: string;
  } & Record<string, unknown>;
}

export const databaseLogSink = defineKind<DatabaseLogSink>({
  deletable: true,
  deleteNote: () => l10n.t('The cluster stops forwarding its logs there.'),
  nameProblem: (value, taken = []) => logSinkNameProblem(value, taken),
  kind: 'database_log_sink',
  label: l10n.t('Log sink'),
  pluralLabel: l10n.t('Log sinks'),
  path: (clusterId) => `/v2/databases/${clusterId}/logsink`,
  collectionKey: 'sinks',
  singleKey: 'sink',
  idOf: (s) => s.sink_id,
  nameOf: (s) => s.sink_name,
  paginated: false,
  parent: 'database_cluster',
});

/** Why a sink name is refused: letters, digits, "_" and "-", up to 64, unique in the cluster. */
export function logSinkNameProblem(value: string, taken: readonly string[]): string | undefined {
  if (!/^[a-zA-Z0-9_-]{1,64}$/.test(value)) return l10n.t('Letters, digits, "_" and "-", up to 64 characters.');
  return taken.includes(value) ? l10n.t('The cluster has a log sink named {0} already.', value) : undefined;
}

/** Where a sink sends, without credentials: "logs.example.com:514 (TLS)", "https://search.example.com", "Datadog datadoghq.eu". */
export function logSinkDestination(s: DatabaseLogSink): string {
  const c = s.config ?? {};
  if (s.sink_type === 'rsyslog') return `${c.server ?? '?'}:${c.port ?? '?'}${c.tls ? ' (TLS)' : ''}`;
  if (s.sink_type === 'datadog') return `Datadog ${c.site ?? ''}`.trim();
  try {
    const url = new URL(String(c.url ?? ''));
    return `${url.protocol}//${url.host}`;
  } catch {
    return '?';
  }
}

/** Engines whose clusters forward their logs to sinks. */
export function supportsLogSinks(engine: DatabaseEngine): boolean {
  return engine !== 'mongodb';
}

/** Engines whose clusters can copy a running database in by online migration (the API's list). */
export function supportsOnlineMigration(engine: DatabaseEngine): boolean {
  return engine === 'pg' || engine === 'mysql' || engine === 'redis' || engine === 'valkey';
}

/** Engines whose clusters can have read-only replicas. */
export function supportsReplicas(engine: DatabaseEngine): boolean {
  return engine === 'pg' || engine === 'mysql';
}

/** Engines with an interactive client to open a shell in (psql, mysql, redis-cli/valkey-cli, mongosh). */
export function hasShell(engine: DatabaseEngine): boolean {
  return engine === 'pg' || engine === 'mysql' || engine === 'redis' || engine === 'valkey' || engine === 'mongodb';
}

/** Engines whose clusters have users that can be created. */
export function supportsUsers(engine: DatabaseEngine): boolean {
  return engine !== 'redis' && engine !== 'valkey';
}

/** Trusted sources are listed as `rules`; they are changed by replacing the whole list (PUT). */
export const databaseFirewallRule = defineKind<DatabaseFirewallRule>({
  kind: 'database_firewall_rule',
  label: l10n.t('Trusted source'),
  pluralLabel: l10n.t('Trusted sources'),
  path: (clusterId) => `/v2/databases/${clusterId}/firewall`,
  collectionKey: 'rules',
  singleKey: 'rule',
  idOf: (r) => r.uuid ?? `${r.type}:${r.value}`,
  nameOf: (r) => r.value,
  paginated: false,
  parent: 'database_cluster',
});

/** Names of users, databases and pools: letters, digits, "_" and "-", 1 to 63. */
export function dbNameProblem(value: string, taken: readonly string[] = []): string | undefined {
  if (!value) return l10n.t('A name is required.');
  if (value.length > 63) return l10n.t('At most 63 characters.');
  if (!/^[a-zA-Z0-9_-]+$/.test(value)) return l10n.t('Only letters, digits, "_" and "-".');
  if (taken.includes(value)) return l10n.t('{0} exists already.', value);
  return undefined;
}

/** Database cluster names: 3 to 63 lowercase letters, digits and "-", starting with a letter. */
export function databaseClusterNameProblem(value: string, taken: readonly string[]): string | undefined {
  if (value.length < 3 || value.length > 63) return l10n.t('From 3 to 63 characters.');
  if (!/^[a-z][a-z0-9-]*[a-z0-9]$/.test(value)) return l10n.t('Lowercase letters, digits and "-", starting with a letter and not ending with "-".');
  return taken.includes(value) ? l10n.t('The account has a database cluster named {0} already.', value) : undefined;
}
