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

/** The weekdays a maintenance window may start on, as the API spells them. */
export const MAINTENANCE_DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

/** What is wrong with a maintenance window's start ("HH:MM", 24-hour, UTC), or undefined. */
export function maintenanceHourProblem(value: string): string | undefined {
  const m = /^(\d{1,2}):(\d{2})$/.exec(value.trim());
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return l10n.t('A time of day in UTC, 24-hour: 02:00 or 23:30.');
  return undefined;
}

/** The SQL modes a MySQL cluster takes (DigitalOcean's list; the server refuses others). */
export const MYSQL_SQL_MODES = [
  'ALLOW_INVALID_DATES',
  'ANSI',
  'ANSI_QUOTES',
  'ERROR_FOR_DIVISION_BY_ZERO',
  'HIGH_NOT_PRECEDENCE',
  'IGNORE_SPACE',
  'NO_AUTO_VALUE_ON_ZERO',
  'NO_DIR_IN_CREATE',
  'NO_ENGINE_SUBSTITUTION',
  'NO_UNSIGNED_SUBTRACTION',
  'NO_ZERO_DATE',
  'NO_ZERO_IN_DATE',
  'ONLY_FULL_GROUP_BY',
  'PIPES_AS_CONCAT',
  'REAL_AS_FLOAT',
  'STRICT_ALL_TABLES',
  'STRICT_TRANS_TABLES',
  'TIME_TRUNCATE_FRACTIONAL',
  'TRADITIONAL',
] as const;

/** "a, b,,c" → ["A", "B", "C"]: the modes of an answer, upper case, without blanks or repeats. */
export function sqlModesOf(value: string | undefined): string[] {
  return [
    ...new Set(
      (value ?? '')
        .split(',')
        .map((m) => m.trim().toUpperCase())
        .filter(Boolean),
    ),
  ];
}

/** What Valkey and Redis clusters do when memory is full (the spec's enum). */
export const EVICTION_POLICIES = [
  { id: 'noeviction', label: l10n.t('No eviction'), description: l10n.t('writes fail when memory is full') },
  { id: 'allkeys_lru', label: l10n.t('All keys, least recently used'), description: l10n.t('evicts the keys used longest ago') },
  { id: 'allkeys_random', label: l10n.t('All keys, random'), description: l10n.t('evicts keys at random') },
  { id: 'volatile_lru', label: l10n.t('Keys with a TTL, least recently used'), description: l10n.t('only keys that expire') },
  { id: 'volatile_random', label: l10n.t('Keys with a TTL, random'), description: l10n.t('only keys that expire') },
  { id: 'volatile_ttl', label: l10n.t('Keys with a TTL, nearest expiry first'), description: l10n.t('only keys that expire') },
] as const;

export type EvictionPolicy = (typeof EVICTION_POLICIES)[number]['id'];
