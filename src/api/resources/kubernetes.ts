import { defineKind } from './descriptor';
import * as l10n from '@vscode/l10n';

export interface KubernetesNode {
  id: string;
  name: string;
  status: { state: 'provisioning' | 'running' | 'draining' | 'deleting' };
  droplet_id: string;
  created_at: string;
  updated_at: string;
}

export interface NodePool {
  id: string;
  name: string;
  size: string;
  count: number;
  tags?: string[];
  labels?: Record<string, string> | null;
  taints?: { key: string; value?: string; effect: string }[] | null;
  auto_scale?: boolean;
  min_nodes?: number;
  max_nodes?: number;
  nodes: KubernetesNode[];
}

export type KubernetesClusterState = 'running' | 'provisioning' | 'degraded' | 'error' | 'deleted' | 'upgrading' | 'deleting';

export interface KubernetesCluster {
  id: string;
  name: string;
  region: string;
  version: string;
  cluster_subnet?: string;
  service_subnet?: string;
  vpc_uuid?: string;
  ipv4?: string;
  endpoint?: string;
  tags?: string[];
  node_pools: NodePool[];
  auto_upgrade?: boolean;
  surge_upgrade?: boolean;
  ha?: boolean;
  /** When upgrades and repairs may run: a day (or any) and a start time in UTC. */
  maintenance_policy?: { start_time?: string; duration?: string; day?: string } | null;
  registry_enabled?: boolean;
  status: { state: KubernetesClusterState; message?: string };
  created_at: string;
  updated_at: string;
}

export const kubernetesCluster = defineKind<KubernetesCluster>({
  nameProblem: (value, taken = []) =>
    dnsLabelProblem(value) ?? (taken.includes(value) ? l10n.t('The account has a cluster named {0} already.', value) : undefined),
  deletable: true,
  kind: 'kubernetes_cluster',
  heavyDelete: true,
  label: l10n.t('Kubernetes cluster'),
  pluralLabel: l10n.t('Kubernetes clusters'),
  path: '/v2/kubernetes/clusters',
  collectionKey: 'kubernetes_clusters',
  singleKey: 'kubernetes_cluster',
  idOf: (c) => c.id,
  nameOf: (c) => c.name,
  urnPrefix: 'do:kubernetes:',
  paginated: true,
});

export const nodePool = defineKind<NodePool>({
  nameProblem: nodePoolNameProblem,
  kind: 'node_pool',
  label: l10n.t('Node pool'),
  pluralLabel: l10n.t('Node pools'),
  path: (clusterId) => `/v2/kubernetes/clusters/${clusterId}/node_pools`,
  collectionKey: 'node_pools',
  singleKey: 'node_pool',
  idOf: (p) => p.id,
  nameOf: (p) => p.name,
  paginated: false,
  parent: 'kubernetes_cluster',
});

/** Nodes come inside their node pool; the path is for deleting or recycling one. */
export const kubernetesNode = defineKind<KubernetesNode>({
  kind: 'kubernetes_node',
  label: l10n.t('Node'),
  pluralLabel: l10n.t('Nodes'),
  path: (clusterId, poolId) => `/v2/kubernetes/clusters/${clusterId}/node_pools/${poolId}/nodes`,
  collectionKey: 'nodes',
  singleKey: 'node',
  idOf: (n) => n.id,
  nameOf: (n) => n.name,
  paginated: false,
  parent: 'node_pool',
  listable: false,
});

export interface KubernetesVersion {
  slug: string;
  kubernetes_version: string;
  supported_features?: string[];
}

/** `GET /v2/kubernetes/options`: the versions, regions and node sizes clusters can use. */
export interface KubernetesOptions {
  regions: { name: string; slug: string }[];
  versions: KubernetesVersion[];
  sizes: { name: string; slug: string }[];
}

/** Cluster and node pool names: lowercase letters, digits and "-", starting and ending with a letter or digit, at most 63. */
function dnsLabelProblem(value: string): string | undefined {
  if (!value) return l10n.t('A name is required.');
  if (value.length > 63) return l10n.t('At most 63 characters.');
  if (!/^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/.test(value)) return l10n.t('Lowercase letters, digits and "-", starting and ending with a letter or digit.');
  return undefined;
}

export function nodePoolNameProblem(value: string, taken: readonly string[] = []): string | undefined {
  return dnsLabelProblem(value) ?? (taken.includes(value) ? l10n.t('The cluster has a pool named {0} already.', value) : undefined);
}

/**
 * The start of a node pool's PUT body: the API replaces the pool, so its name, labels, taints and
 * the user's tags (not DigitalOcean's k8s ones) are sent back as they are.
 */
export function poolUpdateBody(pool: NodePool): Record<string, unknown> {
  return {
    name: pool.name,
    tags: (pool.tags ?? []).filter((t) => t !== 'k8s' && !t.startsWith('k8s:')),
    ...(pool.labels ? { labels: pool.labels } : {}),
    ...(pool.taints ? { taints: pool.taints } : {}),
  };
}

/** A maintenance window's start: "HH:MM" in UTC, 24-hour clock. */
export function maintenanceTimeProblem(value: string): string | undefined {
  const m = /^(\d{1,2}):(\d{2})$/.exec(value.trim());
  return m && Number(m[1]) <= 23 && Number(m[2]) <= 59 ? undefined : l10n.t('A time of day in UTC as HH:MM, e.g. 04:00.');
}

export const MAINTENANCE_DAYS = ['any', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
