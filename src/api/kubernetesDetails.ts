/**
 * What the cluster panel and the cluster commands read or do besides the cluster itself: its status
 * messages, its admin user, clusterlint runs and their diagnostics, and the container registry
 * integration. Kept out of the API's index: the panels and the Kubernetes commands load it.
 */
import type { DigitalOceanClient } from './client';

type Requester = Pick<DigitalOceanClient, 'request'>;
const seg = encodeURIComponent;

export interface StatusMessage {
  message: string;
  timestamp: string;
}

export interface ClusterUser {
  username: string;
  groups: string[];
}

export interface LintDiagnostic {
  check_name: string;
  /** error, warning or suggestion */
  severity: string;
  message: string;
  object?: { name?: string; kind?: string; namespace?: string };
}

export interface LintRun {
  run_id?: string;
  requested_at?: string;
  /** Set once the run has finished; its diagnostics are then complete. */
  completed_at?: string;
  diagnostics?: LintDiagnostic[];
}

/** The cluster's status messages, newest first. */
export async function clusterStatusMessages(client: Requester, clusterId: string, signal?: AbortSignal): Promise<StatusMessage[]> {
  const body = await client.request<{ messages?: StatusMessage[] }>('GET', `/v2/kubernetes/clusters/${seg(clusterId)}/status_messages`, { signal });
  return [...(body.messages ?? [])].sort((a, b) => b.timestamp.localeCompare(a.timestamp));
}

export async function clusterUser(client: Requester, clusterId: string, signal?: AbortSignal): Promise<ClusterUser | undefined> {
  const body = await client.request<{ kubernetes_cluster_user?: ClusterUser }>('GET', `/v2/kubernetes/clusters/${seg(clusterId)}/user`, { signal });
  return body.kubernetes_cluster_user;
}

/** Starts a clusterlint run of every check; resolves its id. */
export async function runClusterlint(client: Requester, clusterId: string, signal?: AbortSignal): Promise<string> {
  const body = await client.request<{ run_id?: string }>('POST', `/v2/kubernetes/clusters/${seg(clusterId)}/clusterlint`, { body: {}, signal });
  if (!body?.run_id) throw new Error('The API started a clusterlint run but gave no run id.');
  return body.run_id;
}

/** A clusterlint run (the latest when `runId` is left out). */
export async function clusterlintResults(client: Requester, clusterId: string, runId: string | undefined, signal?: AbortSignal): Promise<LintRun> {
  return client.request<LintRun>('GET', `/v2/kubernetes/clusters/${seg(clusterId)}/clusterlint`, { query: { run_id: runId }, signal });
}

/** Lets the clusters pull from the account's container registry (or stops them). */
export async function setRegistryIntegration(client: Requester, clusterIds: string[], on: boolean, signal?: AbortSignal): Promise<void> {
  await client.request<void>(on ? 'POST' : 'DELETE', '/v2/kubernetes/registry', { body: { cluster_uuids: clusterIds }, signal });
}

/** The 1-Click applications DigitalOcean installs into a Kubernetes cluster (their slugs). */
export async function kubernetesOneClicks(client: Requester, signal?: AbortSignal): Promise<string[]> {
  const body = await client.request<{ '1_clicks'?: { slug: string; type: string }[] }>('GET', '/v2/1-clicks', { query: { type: 'kubernetes' }, signal });
  return (body['1_clicks'] ?? []).filter((c) => c.type === 'kubernetes').map((c) => c.slug);
}

/** Starts installing 1-Click applications into a cluster; answers the API's message. */
export async function installOneClicks(client: Requester, clusterId: string, slugs: string[], signal?: AbortSignal): Promise<string | undefined> {
  const body = await client.request<{ message?: string }>('POST', '/v2/1-clicks/kubernetes', { body: { addon_slugs: slugs, cluster_uuid: clusterId }, signal });
  return body?.message;
}

/** A load balancer, volume or volume snapshot that the cluster made and that may go with it. */
export interface ClusterAssociatedResource {
  id: string;
  name: string;
}

export type ClusterAssociatedKind = 'load_balancers' | 'volumes' | 'volume_snapshots';
export const CLUSTER_ASSOCIATED_KINDS: readonly ClusterAssociatedKind[] = ['load_balancers', 'volumes', 'volume_snapshots'];

/** What could be destroyed with a cluster: the load balancers, volumes and volume snapshots it made. */
export async function clusterAssociatedResources(
  client: Requester,
  clusterId: string,
  signal?: AbortSignal,
): Promise<Record<ClusterAssociatedKind, ClusterAssociatedResource[]>> {
  const body = await client.request<Partial<Record<ClusterAssociatedKind, ClusterAssociatedResource[]>>>(
    'GET',
    `/v2/kubernetes/clusters/${seg(clusterId)}/destroy_with_associated_resources`,
    { signal },
  );
  return { load_balancers: body.load_balancers ?? [], volumes: body.volumes ?? [], volume_snapshots: body.volume_snapshots ?? [] };
}

/**
 * Destroys the cluster with the chosen resources (ids per kind), or with every one of them
 * (`'all'`: the API's "dangerous" destroy, which also takes what was made after the list was read).
 */
export async function destroyClusterWithAssociated(
  client: Requester,
  clusterId: string,
  chosen: Partial<Record<ClusterAssociatedKind, string[]>> | 'all',
  signal?: AbortSignal,
): Promise<void> {
  const base = `/v2/kubernetes/clusters/${seg(clusterId)}/destroy_with_associated_resources`;
  if (chosen === 'all') await client.request<void>('DELETE', `${base}/dangerous`, { signal });
  else await client.request<void>('DELETE', `${base}/selective`, { body: chosen, signal });
}
