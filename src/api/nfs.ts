/**
 * What the NFS commands and panel read or do besides the share itself: its actions (resize,
 * snapshot, attach to or detach from a VPC), its snapshots and its access points. Kept out of the
 * API's index.
 */
import type { DigitalOceanClient } from './client';
import type { NfsAccessPoint, NfsAccessPolicy, NfsSnapshot } from './resources/nfsShare';

type Requester = Pick<DigitalOceanClient, 'request'>;
const seg = encodeURIComponent;

export type NfsAction =
  { type: 'resize'; params: { size_gib: number } } | { type: 'snapshot'; params: { name: string } } | { type: 'attach' | 'detach'; params: { vpc_id: string } };

export interface NfsActionStatus {
  id?: string;
  type: string;
  status: 'IN_PROGRESS' | 'COMPLETED' | 'ACTION_FAILED';
  started_at: string;
}

export async function nfsAction(client: Requester, shareId: string, region: string, action: NfsAction, signal?: AbortSignal): Promise<NfsActionStatus> {
  return (await client.request<{ action: NfsActionStatus }>('POST', `/v2/nfs/${seg(shareId)}/actions`, { body: { ...action, region }, signal })).action;
}

/** A share's snapshots (or every share's in a region), newest first. */
export async function nfsSnapshots(client: Requester, region: string, shareId?: string, signal?: AbortSignal): Promise<NfsSnapshot[]> {
  const body = await client.request<{ snapshots?: NfsSnapshot[] }>('GET', '/v2/nfs/snapshots', { query: { region, share_id: shareId }, signal });
  return [...(body.snapshots ?? [])].sort((a, b) => b.created_at.localeCompare(a.created_at));
}

export async function nfsSnapshot(client: Requester, id: string, region: string, signal?: AbortSignal): Promise<NfsSnapshot> {
  return (await client.request<{ snapshot: NfsSnapshot }>('GET', `/v2/nfs/snapshots/${seg(id)}`, { query: { region }, signal })).snapshot;
}

export async function deleteNfsSnapshot(client: Requester, id: string, region: string, signal?: AbortSignal): Promise<void> {
  await client.request<void>('DELETE', `/v2/nfs/snapshots/${seg(id)}`, { query: { region }, signal });
}

export async function nfsAccessPoints(client: Requester, shareId: string, signal?: AbortSignal): Promise<NfsAccessPoint[]> {
  return (await client.request<{ access_points?: NfsAccessPoint[] }>('GET', `/v2/nfs/shares/${seg(shareId)}/access_points`, { signal })).access_points ?? [];
}

export async function nfsAccessPoint(client: Requester, id: string, signal?: AbortSignal): Promise<NfsAccessPoint> {
  return (await client.request<{ access_point: NfsAccessPoint }>('GET', `/v2/nfs/access_points/${seg(id)}`, { signal })).access_point;
}

export async function createNfsAccessPoint(
  client: Requester,
  shareId: string,
  body: { name: string; path: string; vpc_id: string; access_policy: NfsAccessPolicy },
  signal?: AbortSignal,
): Promise<NfsAccessPoint> {
  return (await client.request<{ access_point: NfsAccessPoint }>('POST', `/v2/nfs/shares/${seg(shareId)}/access_points`, { body, signal })).access_point;
}

export async function deleteNfsAccessPoint(client: Requester, id: string, signal?: AbortSignal): Promise<void> {
  await client.request<void>('DELETE', `/v2/nfs/access_points/${seg(id)}`, { signal });
}
