/**
 * What the droplet panel and the droplet commands read besides the droplet itself: its backup
 * policy, the firewalls that apply to it, its neighbours on the same host, its action history and
 * the kernels it may boot. Kept out of the API's index: the panels and the droplet commands load it.
 */
import type { DigitalOceanClient } from './client';

type Requester = Pick<DigitalOceanClient, 'request'>;
const seg = encodeURIComponent;

export const BACKUP_WEEKDAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] as const;
export type BackupWeekday = (typeof BACKUP_WEEKDAYS)[number];

/** A droplet's backup policy as the API writes it (`window_length_hours` and `retention_period_days` are read-only). */
export interface BackupPolicy {
  plan: 'daily' | 'weekly';
  weekday?: BackupWeekday;
  hour: number;
  window_length_hours?: number;
  retention_period_days?: number;
}

export interface DropletBackupPolicy {
  droplet_id: number;
  backup_enabled: boolean;
  backup_policy?: BackupPolicy;
  next_backup_window?: { start: string; end: string } | null;
}

/** A plan the API offers: the hours a window may start at and, for weekly ones, the days. */
export interface SupportedBackupPolicy {
  name: string;
  possible_window_starts: number[];
  window_length_hours: number;
  retention_period_days: number;
  possible_days: string[];
}

export interface Kernel {
  id: number;
  name: string;
  version: string;
}

/** The firewall fields the panel shows; the full firewall is its own kind. */
export interface DropletFirewall {
  id: string;
  name: string;
  status?: string;
  inbound_rules?: unknown[] | null;
  outbound_rules?: unknown[] | null;
}

export interface Neighbour {
  id: number;
  name: string;
  status: string;
}

export interface DropletAction {
  id: number;
  type: string;
  status: 'in-progress' | 'completed' | 'errored';
  started_at: string;
  completed_at: string | null;
}

export async function dropletBackupPolicy(client: Requester, dropletId: string, signal?: AbortSignal): Promise<DropletBackupPolicy> {
  const body = await client.request<{ policy: DropletBackupPolicy }>('GET', `/v2/droplets/${seg(dropletId)}/backups/policy`, { signal });
  return body.policy;
}

/** The backup plans the API offers (daily, weekly) with their windows and retention. */
export async function supportedBackupPolicies(client: Requester, signal?: AbortSignal): Promise<SupportedBackupPolicy[]> {
  const body = await client.request<{ supported_policies?: SupportedBackupPolicy[] }>('GET', '/v2/droplets/backups/supported_policies', { signal });
  return body.supported_policies ?? [];
}

/** Every droplet's backup policy, by droplet id (the first 200 droplets: one page). */
export async function allBackupPolicies(client: Requester, signal?: AbortSignal): Promise<Map<number, DropletBackupPolicy>> {
  const body = await client.request<{ policies?: Record<string, DropletBackupPolicy> }>('GET', '/v2/droplets/backups/policies', {
    query: { per_page: 200 },
    signal,
  });
  return new Map(Object.values(body.policies ?? {}).map((p) => [p.droplet_id, p]));
}

/** The kernels a droplet may boot; empty for droplets on internally managed kernels (all made since 2017). */
export async function dropletKernels(client: Requester, dropletId: string, signal?: AbortSignal): Promise<Kernel[]> {
  const body = await client.request<{ kernels?: Kernel[] | null }>('GET', `/v2/droplets/${seg(dropletId)}/kernels`, { query: { per_page: 200 }, signal });
  return body.kernels ?? [];
}

export async function dropletFirewalls(client: Requester, dropletId: string, signal?: AbortSignal): Promise<DropletFirewall[]> {
  const body = await client.request<{ firewalls?: DropletFirewall[] }>('GET', `/v2/droplets/${seg(dropletId)}/firewalls`, { query: { per_page: 200 }, signal });
  return body.firewalls ?? [];
}

/** Droplets of the account on the same physical host. */
export async function dropletNeighbours(client: Requester, dropletId: string, signal?: AbortSignal): Promise<Neighbour[]> {
  const body = await client.request<{ droplets?: Neighbour[] }>('GET', `/v2/droplets/${seg(dropletId)}/neighbors`, { signal });
  return body.droplets ?? [];
}

/** Every group of the account's droplets that share a host, as lists of droplet ids. */
export async function neighbourGroups(client: Requester, signal?: AbortSignal): Promise<number[][]> {
  const body = await client.request<{ neighbor_ids?: number[][] }>('GET', '/v2/reports/droplet_neighbors_ids', { signal });
  return body.neighbor_ids ?? [];
}

/** The droplet's latest actions, newest first (one page). */
export async function dropletActions(client: Requester, dropletId: string, count: number, signal?: AbortSignal): Promise<DropletAction[]> {
  const body = await client.request<{ actions?: DropletAction[] }>('GET', `/v2/droplets/${seg(dropletId)}/actions`, { query: { per_page: count }, signal });
  return [...(body.actions ?? [])].sort((a, b) => b.started_at.localeCompare(a.started_at) || b.id - a.id);
}
