/**
 * A database cluster's settings (maintenance window and updates, MySQL's SQL mode, Valkey's and
 * Redis's eviction policy) and connection pool edits: used by the database commands and the fake,
 * not at activation, so kept out of the API's index (and of the bundle loaded at start).
 */
import type { DigitalOceanClient } from './client';
import type { ConnectionPool } from './resources/database';
import * as l10n from '@vscode/l10n';

type Requester = Pick<DigitalOceanClient, 'request'>;
const seg = encodeURIComponent;

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

/** Changes a connection pool (the API answers 204, so the pool is not read back here). */
export async function updateConnectionPool(
  client: Requester,
  clusterId: string,
  pool: Pick<ConnectionPool, 'name' | 'mode' | 'size' | 'db' | 'user'>,
  signal?: AbortSignal,
): Promise<void> {
  const { name, ...body } = pool;
  await client.request<void>('PUT', `/v2/databases/${seg(clusterId)}/pools/${seg(name)}`, { body, signal });
}

/** Moves a cluster's weekly maintenance window: `day` a weekday, `hour` "HH:MM" in UTC. */
export async function setDatabaseMaintenance(client: Requester, clusterId: string, window: { day: string; hour: string }, signal?: AbortSignal): Promise<void> {
  await client.request<void>('PUT', `/v2/databases/${seg(clusterId)}/maintenance`, { body: window, signal });
}

/** Starts the pending updates of a cluster now instead of in its maintenance window. */
export async function installDatabaseUpdate(client: Requester, clusterId: string, signal?: AbortSignal): Promise<void> {
  await client.request<void>('PUT', `/v2/databases/${seg(clusterId)}/install_update`, { signal });
}

/** A MySQL cluster's SQL modes, as the comma-separated text the API keeps. */
export async function databaseSqlMode(client: Requester, clusterId: string, signal?: AbortSignal): Promise<string> {
  return (await client.request<{ sql_mode?: string }>('GET', `/v2/databases/${seg(clusterId)}/sql_mode`, { signal })).sql_mode ?? '';
}

export async function setDatabaseSqlMode(client: Requester, clusterId: string, modes: readonly string[], signal?: AbortSignal): Promise<void> {
  await client.request<void>('PUT', `/v2/databases/${seg(clusterId)}/sql_mode`, { body: { sql_mode: modes.join(',') }, signal });
}

/** A Valkey or Redis cluster's eviction policy. */
export async function databaseEvictionPolicy(client: Requester, clusterId: string, signal?: AbortSignal): Promise<EvictionPolicy | undefined> {
  return (await client.request<{ eviction_policy?: EvictionPolicy }>('GET', `/v2/databases/${seg(clusterId)}/eviction_policy`, { signal })).eviction_policy;
}

export async function setDatabaseEvictionPolicy(client: Requester, clusterId: string, policy: EvictionPolicy, signal?: AbortSignal): Promise<void> {
  await client.request<void>('PUT', `/v2/databases/${seg(clusterId)}/eviction_policy`, { body: { eviction_policy: policy }, signal });
}
