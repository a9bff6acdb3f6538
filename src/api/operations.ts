/**
 * Calls that are not plain create/read/update/delete of a kind: option lists, upgrades, resizes
 * and whole-list replacements. Typed here so callers never handle raw JSON.
 */
import type { DigitalOceanClient } from './client';
import * as l10n from '@vscode/l10n';
import { ApiError } from './errors';
import type { AppDeployment } from './resources/app';
import type { DatabaseEngineOptions, DatabaseFirewallRule, DatabaseUser } from './resources/database';
import type { Droplet } from './resources/droplet';
import type { KubernetesOptions, KubernetesVersion } from './resources/kubernetes';
import type { UptimeState } from './resources/uptimeCheck';

type Requester = Pick<DigitalOceanClient, 'request'>;
const seg = encodeURIComponent;

export async function kubernetesOptions(client: Requester, signal?: AbortSignal): Promise<KubernetesOptions> {
  const body = await client.request<{ options: Partial<KubernetesOptions> }>('GET', '/v2/kubernetes/options', { signal });
  return { regions: body.options?.regions ?? [], versions: body.options?.versions ?? [], sizes: body.options?.sizes ?? [] };
}

/** Versions a cluster can be upgraded to; empty when it is on the newest. */
export async function kubernetesUpgrades(client: Requester, clusterId: string, signal?: AbortSignal): Promise<KubernetesVersion[]> {
  const body = await client.request<{ available_upgrade_versions: KubernetesVersion[] | null }>('GET', `/v2/kubernetes/clusters/${seg(clusterId)}/upgrades`, {
    signal,
  });
  return body.available_upgrade_versions ?? [];
}

/** Starts an upgrade; the cluster's state is "upgrading" until it is done (there is no action to poll). */
export async function upgradeKubernetesCluster(client: Requester, clusterId: string, versionSlug: string, signal?: AbortSignal): Promise<void> {
  await client.request<void>('POST', `/v2/kubernetes/clusters/${seg(clusterId)}/upgrade`, { body: { version: versionSlug }, signal });
}

/** Sizes and node counts per engine. */
export async function databaseOptions(client: Requester, signal?: AbortSignal): Promise<Record<string, DatabaseEngineOptions>> {
  const body = await client.request<{ options: Record<string, DatabaseEngineOptions> }>('GET', '/v2/databases/options', { signal });
  return body.options ?? {};
}

export interface DatabaseResize {
  size: string;
  num_nodes: number;
  storage_size_mib?: number;
}

/** Starts a resize; the cluster's status is "resizing" until it is done. */
export async function resizeDatabase(client: Requester, clusterId: string, resize: DatabaseResize, signal?: AbortSignal): Promise<void> {
  await client.request<void>('PUT', `/v2/databases/${seg(clusterId)}/resize`, { body: resize, signal });
}

/** Replaces a cluster's trusted sources with `rules` (the API has no add or remove of one rule). */
export async function putDatabaseFirewall(
  client: Requester,
  clusterId: string,
  rules: Pick<DatabaseFirewallRule, 'type' | 'value' | 'uuid'>[],
  signal?: AbortSignal,
): Promise<void> {
  await client.request<void>('PUT', `/v2/databases/${seg(clusterId)}/firewall`, { body: { rules }, signal });
}

export interface RegistrySubscription {
  tier: { name: string; slug: string; included_repositories?: number; included_storage_bytes?: number; monthly_price_in_cents?: number };
  created_at?: string;
  updated_at?: string;
}

export async function registrySubscription(client: Requester, signal?: AbortSignal): Promise<RegistrySubscription> {
  return (await client.request<{ subscription: RegistrySubscription }>('GET', '/v2/registry/subscription', { signal })).subscription;
}

export interface GarbageCollection {
  uuid: string;
  registry_name?: string;
  status: string;
  created_at?: string;
  updated_at?: string;
  blobs_deleted?: number;
  freed_bytes?: number;
}

/** The registry's garbage collections, newest first (the first page is enough for a status). */
export async function garbageCollections(client: Requester, registryName: string, signal?: AbortSignal): Promise<GarbageCollection[]> {
  const body = await client.request<{ garbage_collections: GarbageCollection[] }>('GET', `/v2/registry/${seg(registryName)}/garbage-collections`, {
    query: { per_page: 5 },
    signal,
  });
  return body.garbage_collections ?? [];
}

export type { AppDeployment };

/** Recent deployments of an app, newest first. */
export async function appDeployments(client: Requester, appId: string, signal?: AbortSignal): Promise<AppDeployment[]> {
  const body = await client.request<{ deployments: AppDeployment[] }>('GET', `/v2/apps/${seg(appId)}/deployments`, { query: { per_page: 10 }, signal });
  return body.deployments ?? [];
}

/** Starts a deployment of the app's current spec (`forceBuild`: rebuild from source, not the cached build). */
export async function createAppDeployment(client: Requester, appId: string, forceBuild: boolean, signal?: AbortSignal): Promise<AppDeployment> {
  const body = await client.request<{ deployment: AppDeployment }>('POST', `/v2/apps/${seg(appId)}/deployments`, { body: { force_build: forceBuild }, signal });
  return body.deployment;
}

export async function cancelAppDeployment(client: Requester, appId: string, deploymentId: string, signal?: AbortSignal): Promise<AppDeployment> {
  const body = await client.request<{ deployment: AppDeployment }>('POST', `/v2/apps/${seg(appId)}/deployments/${seg(deploymentId)}/cancel`, { signal });
  return body.deployment;
}

/** Restarts the app's components (all of them when `components` is empty): a new deployment. */
export async function restartApp(client: Requester, appId: string, components: string[], signal?: AbortSignal): Promise<AppDeployment> {
  const body = await client.request<{ deployment: AppDeployment }>('POST', `/v2/apps/${seg(appId)}/restart`, {
    body: components.length ? { components } : {},
    signal,
  });
  return body.deployment;
}

export interface RollbackValidation {
  valid: boolean;
  error?: { code?: string; message?: string };
  warnings?: { code?: string; message?: string }[];
}

/** Whether the app can go back to that deployment (nothing changes). */
export function validateAppRollback(client: Requester, appId: string, deploymentId: string, signal?: AbortSignal): Promise<RollbackValidation> {
  return client.request<RollbackValidation>('POST', `/v2/apps/${seg(appId)}/rollback/validate`, {
    body: { deployment_id: deploymentId, skip_pin: false },
    signal,
  });
}

/** Rolls back to a deployment; the app stays pinned to it until the rollback is committed or reverted. */
export async function rollbackApp(client: Requester, appId: string, deploymentId: string, signal?: AbortSignal): Promise<AppDeployment> {
  const body = await client.request<{ deployment: AppDeployment }>('POST', `/v2/apps/${seg(appId)}/rollback`, {
    body: { deployment_id: deploymentId, skip_pin: false },
    signal,
  });
  return body.deployment;
}

/** Keeps the rollback (the app is unpinned and deploys again as usual). */
export async function commitAppRollback(client: Requester, appId: string, signal?: AbortSignal): Promise<void> {
  await client.request('POST', `/v2/apps/${seg(appId)}/rollback/commit`, { signal });
}

/** Undoes the rollback: a deployment of what was active before it. */
export async function revertAppRollback(client: Requester, appId: string, signal?: AbortSignal): Promise<AppDeployment> {
  const body = await client.request<{ deployment: AppDeployment }>('POST', `/v2/apps/${seg(appId)}/rollback/revert`, { signal });
  return body.deployment;
}

export interface AppProposal {
  app_cost?: number;
  app_tier_upgrade_cost?: number;
  app_name_available?: boolean;
  spec?: Record<string, unknown>;
}

/** Validates and prices a spec on the API; changes nothing. */
export function proposeAppSpec(client: Requester, spec: Record<string, unknown>, appId: string | undefined, signal?: AbortSignal): Promise<AppProposal> {
  return client.request<AppProposal>('POST', '/v2/apps/propose', { body: { spec, ...(appId ? { app_id: appId } : {}) }, signal });
}

export interface AppRegion {
  slug: string;
  label: string;
  disabled?: boolean;
  default?: boolean;
}

/** The regions apps can be made in (`/v2/apps/regions`). */
export async function appRegions(client: Requester, signal?: AbortSignal): Promise<AppRegion[]> {
  return (await client.request<{ regions?: AppRegion[] }>('GET', '/v2/apps/regions', { signal })).regions ?? [];
}

export interface AppInstanceSize {
  slug: string;
  name: string;
  usd_per_month: string;
  single_instance_only?: boolean;
}

/** The instance sizes of app components, with their monthly price (`/v2/apps/tiers/instance_sizes`). */
export async function appInstanceSizes(client: Requester, signal?: AbortSignal): Promise<AppInstanceSize[]> {
  return (await client.request<{ instance_sizes?: AppInstanceSize[] }>('GET', '/v2/apps/tiers/instance_sizes', { signal })).instance_sizes ?? [];
}

/** Creates an app from a spec: its first deployment starts. */
export async function createApp(client: Requester, spec: Record<string, unknown>, signal?: AbortSignal): Promise<{ id: string; spec: { name: string } }> {
  const body = await client.request<{ app: { id: string; spec: { name: string } } }>('POST', '/v2/apps', { body: { spec }, signal });
  return body.app;
}

/** Replaces an app's spec: a deployment of it starts. */
export async function updateAppSpec(client: Requester, appId: string, spec: Record<string, unknown>, signal?: AbortSignal): Promise<unknown> {
  const body = await client.request<{ app: unknown }>('PUT', `/v2/apps/${seg(appId)}`, { body: { spec }, signal });
  return body.app;
}

/** Replaces a firewall's rules (the API takes the whole firewall). */
export async function updateFirewall(client: Requester, id: string, firewall: Record<string, unknown>, signal?: AbortSignal): Promise<unknown> {
  const body = await client.request<{ firewall: unknown }>('PUT', `/v2/firewalls/${seg(id)}`, { body: firewall, signal });
  return body.firewall;
}

/** Replaces a load balancer's settings (the API takes the whole load balancer). */
export async function updateLoadBalancer(client: Requester, id: string, loadBalancer: Record<string, unknown>, signal?: AbortSignal): Promise<unknown> {
  const body = await client.request<{ load_balancer: unknown }>('PUT', `/v2/load_balancers/${seg(id)}`, { body: loadBalancer, signal });
  return body.load_balancer;
}

// ---- calls the commands make that are not plain CRUD of a kind ------------------------------------

/** A cluster's kubeconfig (YAML) with a token that expires after `expirySeconds`. */
export function kubernetesKubeconfig(client: Requester, clusterId: string, expirySeconds: number, signal?: AbortSignal): Promise<string> {
  return client.request<string>('GET', `/v2/kubernetes/clusters/${seg(clusterId)}/kubeconfig`, {
    responseType: 'text',
    query: { expiry_seconds: expirySeconds },
    signal,
  });
}

/**
 * The PEM of the certificate authority that signed a database cluster's server certificate, so
 * its clients can verify the server they reach (the API gives it base64-encoded).
 */
export async function databaseCaCertificate(client: Requester, clusterId: string, signal?: AbortSignal): Promise<string> {
  const body = await client.request<{ ca?: { certificate?: string } }>('GET', `/v2/databases/${seg(clusterId)}/ca`, { signal });
  const encoded = body?.ca?.certificate ?? '';
  let pem = '';
  try {
    pem = new TextDecoder().decode(Uint8Array.from(atob(encoded.replace(/\s+/g, '')), (c) => c.charCodeAt(0)));
  } catch {
    /* said below */
  }
  // one or more PEM certificates and nothing else (it is written to a file a client reads)
  if (!/^(?:-----BEGIN CERTIFICATE-----\s+[A-Za-z0-9+/=\s]+?-----END CERTIFICATE-----\s*)+$/.test(pem)) {
    throw new ApiError({
      kind: 'invalid_response',
      message: l10n.t('DigitalOcean gave no CA certificate for this database cluster (or one that is not a PEM certificate).'),
    });
  }
  return pem.trim() + '\n';
}

/** Replaces one node of a pool with a new one (`replace=1`: drained first). */
export async function recycleKubernetesNode(client: Requester, clusterId: string, poolId: string, nodeId: string, signal?: AbortSignal): Promise<void> {
  await client.request<void>('DELETE', `/v2/kubernetes/clusters/${seg(clusterId)}/node_pools/${seg(poolId)}/nodes/${seg(nodeId)}`, {
    query: { replace: 1 },
    signal,
  });
}

/** Docker credentials for the registry: `{auths: {host: {auth}}}`; no expiry when `expirySeconds` is 0. */
export function registryDockerCredentials(
  client: Requester,
  readWrite: boolean,
  expirySeconds: number,
  signal?: AbortSignal,
): Promise<{ auths?: Record<string, { auth?: string }> }> {
  return client.request('GET', '/v2/registry/docker-credentials', { query: { read_write: readWrite, expiry_seconds: expirySeconds || undefined }, signal });
}

/** Creates a droplet; answers it and the id of the action that builds it, when the API links one. */
export async function createDroplet(client: Requester, body: Record<string, unknown>, signal?: AbortSignal): Promise<{ droplet: Droplet; actionId?: number }> {
  const answer = await client.request<{ droplet: Droplet; links?: { actions?: { id: number }[] } }>('POST', '/v2/droplets', { body, signal });
  return { droplet: answer.droplet, actionId: answer.links?.actions?.[0]?.id };
}

/** Moves resources (by URN) into a project. */
export async function assignToProject(client: Requester, projectId: string, urns: string[], signal?: AbortSignal): Promise<void> {
  await client.request<void>('POST', `/v2/projects/${seg(projectId)}/resources`, { body: { resources: urns }, signal });
}

/** Creates a database user; its generated password is in the answer, once. */
export async function createDatabaseUser(client: Requester, clusterId: string, body: Record<string, unknown>, signal?: AbortSignal): Promise<DatabaseUser> {
  return (await client.request<{ user: DatabaseUser }>('POST', `/v2/databases/${seg(clusterId)}/users`, { body, signal })).user;
}

/** Gives a database user a new password (kept MySQL auth plugin); the answer has it, once. */
export async function resetDatabaseUserAuth(client: Requester, clusterId: string, user: DatabaseUser, signal?: AbortSignal): Promise<DatabaseUser> {
  const body = user.mysql_settings ? { mysql_settings: user.mysql_settings } : {};
  return (await client.request<{ user: DatabaseUser }>('POST', `/v2/databases/${seg(clusterId)}/users/${seg(user.name)}/reset_auth`, { body, signal })).user;
}

export async function snapshotVolume(client: Requester, volumeId: string, name: string, signal?: AbortSignal): Promise<void> {
  await client.request<void>('POST', `/v2/volumes/${seg(volumeId)}/snapshots`, { body: { name }, signal });
}

/** Creates a tag; one that exists already is fine (the API refuses it as a validation error). */
export async function ensureTag(client: Requester, name: string, signal?: AbortSignal): Promise<void> {
  await client.request<void>('POST', '/v2/tags', { body: { name }, signal }).catch((error: unknown) => {
    if (!(error instanceof ApiError && error.kind === 'validation')) throw error;
  });
}

export interface TaggedResource {
  resource_id: string;
  resource_type: string;
}

export async function tagResources(client: Requester, tag: string, resources: TaggedResource[], signal?: AbortSignal): Promise<void> {
  await client.request<void>('POST', `/v2/tags/${seg(tag)}/resources`, { body: { resources }, signal });
}

export async function untagResources(client: Requester, tag: string, resources: TaggedResource[], signal?: AbortSignal): Promise<void> {
  await client.request<void>('DELETE', `/v2/tags/${seg(tag)}/resources`, { body: { resources }, signal });
}

/** An uptime check's state per region and its last outage. */
export async function uptimeCheckState(client: Requester, checkId: string, signal?: AbortSignal): Promise<UptimeState> {
  return (await client.request<{ state?: UptimeState }>('GET', `/v2/uptime/checks/${seg(checkId)}/state`, { signal })).state ?? {};
}
