import { type KubernetesCluster, type KubernetesNode, type NodePool, kubernetesCluster, kubernetesNode, nodePool } from '../../api/resources/kubernetes';
import { mdTable, perMonth, relativeTime } from '../format';
import { CONTROL_PANEL, type PresentContext, type Presenter } from './presenter';
import * as l10n from '@vscode/l10n';

const CLUSTER_TRANSITIONS = new Set(['provisioning', 'upgrading', 'deleting', 'degraded']);

function poolCost(pool: NodePool, ctx: PresentContext): number | undefined {
  const price = ctx.size(pool.size)?.price_monthly;
  return price === undefined ? undefined : price * pool.count;
}

export const kubernetesNodePresenter: Presenter<KubernetesNode> = {
  kind: kubernetesNode,
  placement: 'child',
  icon: 'server',
  style: (n) => ({ state: n.status.state, color: n.status.state === 'running' ? 'charts.green' : 'charts.yellow' }),
  description: (n) => (n.status.state === 'running' ? '' : n.status.state),
  tooltip: (n, ctx) =>
    mdTable(l10n.t('Node {0}', n.name), [
      [l10n.t('State'), n.status.state],
      [l10n.t('Droplet'), n.droplet_id],
      [l10n.t('Created'), relativeTime(n.created_at, ctx.now)],
      ['ID', n.id],
    ]),
};

export const nodePoolPresenter: Presenter<NodePool> = {
  kind: nodePool,
  placement: 'child',
  icon: 'layers',
  description(p, ctx) {
    const scale = p.auto_scale ? l10n.t('{0} nodes (autoscale {1}–{2})', String(p.count), String(p.min_nodes), String(p.max_nodes)) : `${p.count} nodes`;
    return [scale, p.size, perMonth(poolCost(p, ctx))].filter(Boolean).join(' · ');
  },
  tooltip: (p, ctx) =>
    mdTable(l10n.t('Node pool {0}', p.name), [
      [l10n.t('Nodes'), p.count],
      [l10n.t('Size'), p.size],
      [l10n.t('Autoscale'), p.auto_scale ? `${p.min_nodes}–${p.max_nodes} nodes` : 'off'],
      [l10n.t('Monthly price'), perMonth(poolCost(p, ctx))],
      ['ID', p.id],
    ]),
  monthlyCost: poolCost,
  async children(p, parents, ctx) {
    if (p.nodes.length === 0) return [ctx.message(`${p.id}:none`, l10n.t('No nodes yet'))];
    return ctx.resources(kubernetesNodePresenter, p.nodes, [...parents, p.id]);
  },
};

export const kubernetesClusterPresenter: Presenter<KubernetesCluster> = {
  kind: kubernetesCluster,
  quickAction: { command: 'digitalocean.kubernetes.addToKubeconfig', title: l10n.t('Add to kubeconfig'), icon: 'plug' },
  placement: 'project',
  groupOrder: 20,
  icon: 'symbol-namespace',
  flags: (c) => [c.registry_enabled ? 'registry' : 'noregistry'],
  style: (c) => ({
    state: c.status.state,
    icon: CLUSTER_TRANSITIONS.has(c.status.state) ? 'loading~spin' : undefined,
    color: c.status.state === 'running' ? 'charts.green' : c.status.state === 'error' ? 'charts.red' : 'charts.yellow',
  }),
  // also while a node is being created or recycled (after scaling)
  transitional: (c) => CLUSTER_TRANSITIONS.has(c.status.state) || c.node_pools.some((p) => p.nodes.some((n) => n.status.state !== 'running')),
  description(c, ctx) {
    const nodes = c.node_pools.reduce((sum, p) => sum + p.count, 0);
    return [c.status.state === 'running' ? undefined : c.status.state, c.version, `${nodes} nodes`, c.region, perMonth(this.monthlyCost!(c, ctx))]
      .filter(Boolean)
      .join(' · ');
  },
  tooltip(c, ctx) {
    return mdTable(l10n.t('Kubernetes cluster {0}', c.name), [
      [l10n.t('Status'), c.status.message ? `${c.status.state}: ${c.status.message}` : c.status.state],
      [l10n.t('Version'), c.version],
      [l10n.t('Region'), c.region],
      [l10n.t('Node pools'), c.node_pools.map((p) => `${p.name} (${p.count} × ${p.size})`).join(', ')],
      [l10n.t('Endpoint'), c.endpoint],
      [l10n.t('High availability'), c.ha ? 'yes' : 'no'],
      [l10n.t('Monthly price (nodes)'), perMonth(this.monthlyCost!(c, ctx))],
      ['ID', c.id],
    ]);
  },
  region: (c) => c.region,
  tags: (c) => (c.tags ?? []).filter((t) => !t.startsWith('k8s')),
  monthlyCost(c, ctx) {
    let total = 0;
    for (const pool of c.node_pools) {
      const cost = poolCost(pool, ctx);
      if (cost === undefined) return undefined;
      total += cost;
    }
    return total;
  },
  // Node pools come inside the cluster object: no extra request.
  async children(c, parents, ctx) {
    return ctx.resources(nodePoolPresenter, c.node_pools, [...parents, c.id]);
  },
  consoleUrl: (c) => `${CONTROL_PANEL}/kubernetes/clusters/${c.id}`,
};
