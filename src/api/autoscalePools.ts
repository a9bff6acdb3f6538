/**
 * What the autoscale pool commands and panel read or do besides the pool itself: its members and
 * history, and a delete that takes the droplets with it. Kept out of the API's index.
 */
import type { DigitalOceanClient } from './client';
import type { AutoscaleHistoryEvent, AutoscaleMember } from './resources/autoscalePool';

type Requester = Pick<DigitalOceanClient, 'request'>;
const seg = encodeURIComponent;

/** The pool's droplets with their health and use (the first page: a hundred). */
export async function autoscaleMembers(client: Requester, poolId: string, signal?: AbortSignal): Promise<AutoscaleMember[]> {
  const body = await client.request<{ droplets?: AutoscaleMember[] }>('GET', `/v2/droplets/autoscale/${seg(poolId)}/members`, {
    query: { per_page: 100 },
    signal,
  });
  return body.droplets ?? [];
}

/** What the pool did lately (scaled up or down, was reconfigured), newest first. */
export async function autoscaleHistory(client: Requester, poolId: string, signal?: AbortSignal): Promise<AutoscaleHistoryEvent[]> {
  const body = await client.request<{ history?: AutoscaleHistoryEvent[] }>('GET', `/v2/droplets/autoscale/${seg(poolId)}/history`, {
    query: { per_page: 20 },
    signal,
  });
  return [...(body.history ?? [])].sort((a, b) => b.created_at.localeCompare(a.created_at));
}

/** Deletes the pool and destroys its droplets (the API's "dangerous" delete, acknowledged by its header). */
export async function deleteAutoscalePoolWithDroplets(client: Requester, poolId: string, signal?: AbortSignal): Promise<void> {
  await client.request<void>('DELETE', `/v2/droplets/autoscale/${seg(poolId)}/dangerous`, { headers: { 'X-Dangerous': 'true' }, signal });
}
