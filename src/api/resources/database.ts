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
