/**
 * A droplet's associated resources and their destroy, and its own backups and snapshots: used by
 * the droplet commands only, so kept out of the API's index (and of the bundle loaded at start).
 */
import type { DigitalOceanClient } from './client';

type Requester = Pick<DigitalOceanClient, 'request'>;
const seg = encodeURIComponent;

/** One resource that goes with a droplet if chosen: its monthly cost if it is kept (USD, as text). */
export interface AssociatedResource {
  id: string;
  name: string;
  cost?: string;
}

export type AssociatedKind = 'volumes' | 'volume_snapshots' | 'snapshots' | 'reserved_ips';
export const ASSOCIATED_KINDS: readonly AssociatedKind[] = ['volumes', 'volume_snapshots', 'snapshots', 'reserved_ips'];

/** What could be destroyed with a droplet: its volumes and their snapshots, its own snapshots, its reserved IPs. */
export async function dropletAssociatedResources(
  client: Requester,
  dropletId: string,
  signal?: AbortSignal,
): Promise<Record<AssociatedKind, AssociatedResource[]>> {
  const body = await client.request<Partial<Record<AssociatedKind | 'floating_ips', AssociatedResource[]>>>(
    'GET',
    `/v2/droplets/${seg(dropletId)}/destroy_with_associated_resources`,
    { signal },
  );
  // floating IPs are the reserved IPs' old name: the same addresses, listed twice
  return { volumes: body.volumes ?? [], volume_snapshots: body.volume_snapshots ?? [], snapshots: body.snapshots ?? [], reserved_ips: body.reserved_ips ?? [] };
}

/** Destroys the droplet and the chosen resources (ids per kind); the API answers 202 and works on. */
export async function destroyDropletWithAssociated(
  client: Requester,
  dropletId: string,
  chosen: Partial<Record<AssociatedKind, string[]>>,
  signal?: AbortSignal,
): Promise<void> {
  await client.request<void>('DELETE', `/v2/droplets/${seg(dropletId)}/destroy_with_associated_resources/selective`, { body: chosen, signal });
}

export interface DestroyedResource {
  id?: string;
  name?: string;
  destroyed_at?: string;
  error_message?: string;
}

/** How a destroy with associated resources is going: done when `completed_at` is set; `failures` counts what could not go. */
export interface DestroyStatus {
  droplet?: DestroyedResource;
  resources?: Partial<Record<AssociatedKind | 'floating_ips', DestroyedResource[]>>;
  completed_at?: string;
  failures?: number;
}

export async function dropletDestroyStatus(client: Requester, dropletId: string, signal?: AbortSignal): Promise<DestroyStatus> {
  return client.request<DestroyStatus>('GET', `/v2/droplets/${seg(dropletId)}/destroy_with_associated_resources/status`, { signal });
}

/** A droplet's backup or snapshot, as its own lists give it (ids are numbers there). */
export interface DropletImage {
  id: number;
  name: string;
  created_at: string;
  size_gigabytes?: number;
  min_disk_size?: number;
  type?: string;
}

/** A droplet's backups and snapshots (the first 200 of each: the API keeps a handful of backups). */
export async function dropletImages(
  client: Requester,
  dropletId: string,
  signal?: AbortSignal,
): Promise<{ backups: DropletImage[]; snapshots: DropletImage[] }> {
  const [backups, snapshots] = await Promise.all([
    client.request<{ backups?: DropletImage[] }>('GET', `/v2/droplets/${seg(dropletId)}/backups`, { query: { per_page: 200 }, signal }),
    client.request<{ snapshots?: DropletImage[] }>('GET', `/v2/droplets/${seg(dropletId)}/snapshots`, { query: { per_page: 200 }, signal }),
  ]);
  return { backups: backups.backups ?? [], snapshots: snapshots.snapshots ?? [] };
}
