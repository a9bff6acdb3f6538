/**
 * What the database commands read or do besides the cluster and its listed children: promoting a
 * read replica, the cluster's backups and events, its engine configuration and storage autoscale.
 * Kept out of the API's index: the database commands and panel load it.
 */
import type { DigitalOceanClient } from './client';
import type { DatabaseLogSink } from './resources/database';
import * as l10n from '@vscode/l10n';

type Requester = Pick<DigitalOceanClient, 'request'>;
const seg = encodeURIComponent;

/** Makes a read replica a cluster of its own (writable; it no longer follows its primary). */
export async function promoteReplica(client: Requester, clusterId: string, replicaName: string, signal?: AbortSignal): Promise<void> {
  await client.request<void>('PUT', `/v2/databases/${seg(clusterId)}/replicas/${seg(replicaName)}/promote`, { signal });
}

export interface DatabaseBackup {
  created_at: string;
  size_gigabytes: number;
  incremental?: boolean;
}

export interface DatabaseBackups {
  backups: DatabaseBackup[];
  /** When the daily backup runs (UTC) and how often. */
  scheduled_backup_time?: { backup_hour?: number; backup_minute?: number; backup_interval_hours?: number };
  /** Set while a backup is being taken: how far it is ("36%"). */
  backup_progress?: string;
}

/** The cluster's backups, newest first (PostgreSQL, MySQL, MongoDB, Valkey: the engines the API keeps them for). */
export async function databaseBackups(client: Requester, clusterId: string, signal?: AbortSignal): Promise<DatabaseBackups> {
  const body = await client.request<DatabaseBackups>('GET', `/v2/databases/${seg(clusterId)}/backups`, { signal });
  return { ...body, backups: [...(body.backups ?? [])].sort((a, b) => b.created_at.localeCompare(a.created_at)) };
}

export interface DatabaseEvent {
  id?: string;
  cluster_name?: string;
  /** cluster_create, cluster_update, cluster_maintenance_perform, cluster_master_promotion, … */
  event_type?: string;
  create_time?: string;
}

/** What happened to the cluster (created, updated, maintained, failed over, …), newest first. */
export async function databaseEvents(client: Requester, clusterId: string, signal?: AbortSignal): Promise<DatabaseEvent[]> {
  const body = await client.request<{ events?: DatabaseEvent[] }>('GET', `/v2/databases/${seg(clusterId)}/events`, { signal });
  return [...(body.events ?? [])].sort((a, b) => (b.create_time ?? '').localeCompare(a.create_time ?? ''));
}

/** Storage autoscale: when the disk is `threshold_percent` full, it grows by `increment_gib`. */
export interface StorageAutoscale {
  enabled: boolean;
  threshold_percent?: number;
  increment_gib?: number;
}

export async function storageAutoscale(client: Requester, clusterId: string, signal?: AbortSignal): Promise<StorageAutoscale> {
  const body = await client.request<{ autoscale?: { storage?: StorageAutoscale } }>('GET', `/v2/databases/${seg(clusterId)}/autoscale`, { signal });
  return body.autoscale?.storage ?? { enabled: false };
}

export async function setStorageAutoscale(client: Requester, clusterId: string, storage: StorageAutoscale, signal?: AbortSignal): Promise<void> {
  await client.request<void>('PUT', `/v2/databases/${seg(clusterId)}/autoscale`, { body: { storage }, signal });
}

/** Why an autoscale setting is refused (the API's bounds), or undefined. */
export function autoscaleProblem(s: StorageAutoscale): string | undefined {
  if (!s.enabled) return undefined;
  const whole = (n: unknown, low: number, high: number) => typeof n === 'number' && Number.isInteger(n) && n >= low && n <= high;
  if (!whole(s.threshold_percent, 15, 95)) return l10n.t('The threshold is a whole percentage from 15 to 95.');
  if (!whole(s.increment_gib, 10, 500)) return l10n.t('The increment is a whole number of GiB from 10 to 500.');
  return undefined;
}

/** One log sink, read fresh (the API answers the sink itself, not wrapped in a key). */
export async function databaseLogSink(client: Requester, clusterId: string, sinkId: string, signal?: AbortSignal): Promise<DatabaseLogSink> {
  return client.request<DatabaseLogSink>('GET', `/v2/databases/${seg(clusterId)}/logsink/${seg(sinkId)}`, { signal });
}

/** Replaces a sink's config (its name and type stay). */
export async function updateLogSink(
  client: Requester,
  clusterId: string,
  sinkId: string,
  config: DatabaseLogSink['config'],
  signal?: AbortSignal,
): Promise<void> {
  await client.request<unknown>('PUT', `/v2/databases/${seg(clusterId)}/logsink/${seg(sinkId)}`, { body: { config }, signal });
}

/** The engine's advanced configuration (what the API lets one change: the spec's `<engine>_advanced_config`). */
export async function databaseConfig(client: Requester, clusterId: string, signal?: AbortSignal): Promise<Record<string, unknown>> {
  const body = await client.request<{ config?: Record<string, unknown> }>('GET', `/v2/databases/${seg(clusterId)}/config`, { signal });
  return body.config ?? {};
}

/** Changes the settings given (the others stay). */
export async function patchDatabaseConfig(client: Requester, clusterId: string, config: Record<string, unknown>, signal?: AbortSignal): Promise<void> {
  await client.request<unknown>('PATCH', `/v2/databases/${seg(clusterId)}/config`, { body: { config }, signal });
}

/** An online migration into a cluster (`GET …/online-migration`): the most recent one. */
export interface OnlineMigration {
  id: string;
  status: 'running' | 'syncing' | 'canceled' | 'error' | 'done' | string;
  created_at?: string;
}

/** Where an online migration copies from. The password goes only into the request body. */
export interface OnlineMigrationSource {
  host: string;
  port: number;
  dbname: string;
  username: string;
  password: string;
}

/** The cluster's most recent online migration; undefined when it never had one (the API's 404). */
export async function onlineMigration(client: Requester, clusterId: string, signal?: AbortSignal): Promise<OnlineMigration | undefined> {
  try {
    const body = await client.request<OnlineMigration>('GET', `/v2/databases/${seg(clusterId)}/online-migration`, { signal });
    return body?.id ? body : undefined;
  } catch (error) {
    if ((error as { status?: number }).status === 404) return undefined;
    throw error;
  }
}

/** Starts copying a running database into the cluster, then keeps it in sync until stopped. */
export async function startOnlineMigration(
  client: Requester,
  clusterId: string,
  migration: { source: OnlineMigrationSource; disable_ssl: boolean; ignore_dbs: string[] },
  signal?: AbortSignal,
): Promise<OnlineMigration> {
  return client.request<OnlineMigration>('PUT', `/v2/databases/${seg(clusterId)}/online-migration`, { body: migration, signal });
}

/** Stops an online migration (the cluster keeps what was copied and stops following the source). */
export async function stopOnlineMigration(client: Requester, clusterId: string, migrationId: string, signal?: AbortSignal): Promise<void> {
  await client.request<void>('DELETE', `/v2/databases/${seg(clusterId)}/online-migration/${seg(migrationId)}`, { signal });
}

/** Moves a cluster to another region (it stays reachable; its status is `migrating` meanwhile). */
export async function migrateDatabaseRegion(client: Requester, clusterId: string, region: string, signal?: AbortSignal): Promise<void> {
  await client.request<void>('PUT', `/v2/databases/${seg(clusterId)}/migrate`, { body: { region }, signal });
}
