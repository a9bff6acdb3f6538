/** Kubernetes: add, scale and delete node pools, recycle a node, upgrade a cluster. */
import * as vscode from 'vscode';
import { recycleKubernetesNode, kubernetesOptions, kubernetesUpgrades, upgradeKubernetesCluster } from '../../api';
import { type KubernetesCluster, type KubernetesNode, type NodePool, nodePool, poolUpdateBody } from '../../api/resources/kubernetes';
import { dropletSize } from '../../api/resources/droplet';
import { kubernetesClusterPresenter, kubernetesNodePresenter, nodePoolPresenter } from '../../tree/kinds/kubernetes';
import { ResourceNode } from '../../tree/nodes/resourceNode';
import { runAction } from '../actionRunner';
import { type NodeSizes, type PoolPlan, nodePoolWizard, nodeSizesIn } from './nodePoolWizard';
import { numberProblem } from '../validators';
import { nodeArgument, resourceTarget } from '../pick';
import { registerCommand } from '../register';
import { withProgress } from '../../ui/progress';
import type { CommandDeps } from '../deps';

/** The cluster node above a node pool or a Kubernetes node: what is reloaded after a change. */
function clusterAbove(node: ResourceNode): ResourceNode {
  let current = node.parent;
  while (current instanceof ResourceNode && current.presenter.kind.kind !== 'kubernetes_cluster') current = current.parent;
  if (!(current instanceof ResourceNode)) throw new Error(vscode.l10n.t('The node pool is not under a cluster.'));
  return current;
}

export function registerKubernetesCommands(deps: CommandDeps): vscode.Disposable[] {
  const { input, model } = deps;
  return [
    registerCommand(deps, 'digitalocean.kubernetes.addNodePool', vscode.l10n.t('Add node pool'), async (arg) => {
      const node = await resourceTarget(deps, arg, kubernetesClusterPresenter, vscode.l10n.t('Add a node pool'));
      const cluster = node.item as KubernetesCluster;
      const cache = model.cacheFor(node.account);
      const [options, sizes] = await withProgress(vscode.l10n.t('Loading node sizes…'), (signal) =>
        Promise.all([kubernetesOptions(cache.client, signal), cache.list(dropletSize).catch(() => [])]),
      );
      const nodeSizes: NodeSizes = { options: options.sizes, bySlug: new Map(sizes.map((x) => [x.slug, x])) };
      const taken = cluster.node_pools.map((p) => p.name);
      const offered = nodeSizesIn(nodeSizes, cluster.region);
      const like = cluster.node_pools[cluster.node_pools.length - 1];
      const start: PoolPlan = {
        name: `pool-${taken.length + 1}`,
        size: offered.some((x) => x.slug === like?.size) ? like.size : (offered[0]?.slug ?? ''),
        count: 3,
        autoScale: false,
        min: 1,
        max: 3,
      };
      const plan = await nodePoolWizard(input, {
        title: vscode.l10n.t('Add a node pool to {0}', cluster.name),
        start,
        region: cluster.region,
        taken,
        sizes: nodeSizes,
      });
      const body: Record<string, unknown> = { name: plan.name, size: plan.size, count: plan.count };
      if (plan.autoScale) Object.assign(body, { auto_scale: true, min_nodes: plan.min, max_nodes: plan.max });
      return runAction(deps, {
        node,
        title: vscode.l10n.t('Add node pool {0} to {1}', plan.name, cluster.name),
        transition: vscode.l10n.t('Adding {0}…', plan.name),
        start: async (client, signal) => {
          await client.create(nodePool, body, { parents: [cluster.id], signal });
        },
      });
    }),

    registerCommand(deps, 'digitalocean.kubernetes.upgrade', vscode.l10n.t('Upgrade cluster'), async (arg) => {
      const node = await resourceTarget(
        deps,
        arg,
        kubernetesClusterPresenter,
        vscode.l10n.t('Upgrade a cluster'),
        (c) => (c as KubernetesCluster).status.state === 'running',
      );
      const cluster = node.item as KubernetesCluster;
      const client = model.cacheFor(node.account).client;
      const versions = await withProgress(vscode.l10n.t('Looking up upgrades for {0}…', cluster.name), (signal) =>
        kubernetesUpgrades(client, cluster.id, signal),
      );
      if (versions.length === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('{0} is on {1}; no newer version is available.', cluster.name, cluster.version));
        return;
      }
      const picked = await input.quickPick(
        versions.map((v) => ({ label: v.slug, description: vscode.l10n.t('Kubernetes {0}', v.kubernetes_version) })),
        { title: vscode.l10n.t('Upgrade {0} (now {1})', cluster.name, cluster.version), placeHolder: vscode.l10n.t('Version to upgrade to') },
      );
      await input.confirm(
        vscode.l10n.t('Upgrade {0} from {1} to {2}?', cluster.name, cluster.version, picked.label),
        cluster.surge_upgrade
          ? vscode.l10n.t('Nodes are replaced a few at a time (surge upgrade); this cannot be undone.')
          : vscode.l10n.t('Nodes are drained and replaced one by one; this cannot be undone.'),
        vscode.l10n.t('Upgrade'),
      );
      return runAction(deps, {
        node,
        title: vscode.l10n.t('Upgrade {0} to {1}', cluster.name, picked.label),
        transition: vscode.l10n.t('Upgrading…'),
        start: (c, signal) => upgradeKubernetesCluster(c, cluster.id, picked.label, signal),
      });
    }),

    registerCommand(deps, 'digitalocean.kubernetes.scaleNodePool', vscode.l10n.t('Scale node pool'), async (arg) => {
      const node = nodeArgument(arg, nodePoolPresenter);
      const [clusterId] = node.parents;
      const client = model.client(node.account);
      // read fresh: the PUT replaces the pool, so its labels, taints and tags are sent back as they are now
      const pool = await withProgress(vscode.l10n.t('Reading node pool {0}…', node.name), (signal) =>
        client.get<NodePool>(nodePool, node.resourceId, { parents: [clusterId], signal }),
      );
      const body = poolUpdateBody(pool);
      if (pool.auto_scale) {
        const min = Number(
          await input.inputBox({
            title: vscode.l10n.t('Autoscale {0}: fewest nodes', pool.name),
            value: String(pool.min_nodes ?? 1),
            validateInput: (v) => numberProblem(v, 1, 512, vscode.l10n.t('Nodes')),
          }),
        );
        const max = Number(
          await input.inputBox({
            title: vscode.l10n.t('Autoscale {0}: most nodes', pool.name),
            value: String(pool.max_nodes ?? min),
            validateInput: (v) => numberProblem(v, min, 512, vscode.l10n.t('Nodes')),
          }),
        );
        Object.assign(body, { auto_scale: true, min_nodes: min, max_nodes: max, count: Math.min(Math.max(pool.count, min), max) });
      } else {
        body.count = Number(
          await input.inputBox({
            title: vscode.l10n.t('Scale {0} (now {1} node{2})', pool.name, pool.count, pool.count === 1 ? '' : 's'),
            value: String(pool.count + 1),
            validateInput: (v) =>
              numberProblem(v, 1, 512, vscode.l10n.t('Nodes')) ??
              (Number(v) === pool.count ? vscode.l10n.t('{0} has {1} already.', pool.name, pool.count) : undefined),
          }),
        );
      }
      return runAction(deps, {
        node: clusterAbove(node),
        title: vscode.l10n.t('Scale {0} to {1}', pool.name, String(body.count)),
        transition: vscode.l10n.t('Scaling {0}…', pool.name),
        start: async (client, signal) => {
          await client.update(nodePool, pool.id, body, { parents: [clusterId], signal });
        },
      });
    }),

    registerCommand(deps, 'digitalocean.kubernetes.recycleNode', vscode.l10n.t('Recycle node'), async (arg) => {
      const node = nodeArgument(arg, kubernetesNodePresenter);
      const k8sNode = node.item as KubernetesNode;
      const [clusterId, poolId] = node.parents;
      await input.confirm(
        vscode.l10n.t('Recycle node {0}?', k8sNode.name),
        vscode.l10n.t('It is drained and replaced by a new node; pods are rescheduled.'),
        vscode.l10n.t('Recycle'),
      );
      return runAction(deps, {
        node: clusterAbove(node),
        title: vscode.l10n.t('Recycle {0}', k8sNode.name),
        transition: vscode.l10n.t('Recycling a node…'),
        start: async (client, signal) => {
          await recycleKubernetesNode(client, clusterId, poolId, k8sNode.id, signal);
        },
      });
    }),

    registerCommand(deps, 'digitalocean.kubernetes.deleteNodePool', vscode.l10n.t('Delete node pool'), async (arg) => {
      const node = nodeArgument(arg, nodePoolPresenter);
      const pool = node.item as NodePool;
      const [clusterId] = node.parents;
      await input.inputBox({
        title: vscode.l10n.t('Delete node pool {0}', pool.name),
        prompt: vscode.l10n.t("Its {0} node(s) are drained and destroyed. Type the pool's name ({1}) to confirm.", pool.count, pool.name),
        validateInput: (v) => (v === pool.name ? undefined : vscode.l10n.t('Type {0} exactly to confirm.', pool.name)),
      });
      return runAction(deps, {
        node: clusterAbove(node),
        title: vscode.l10n.t('Delete node pool {0}', pool.name),
        transition: vscode.l10n.t('Deleting {0}…', pool.name),
        start: async (client, signal) => {
          await client.remove(nodePool, pool.id, { parents: [clusterId], signal });
        },
      });
    }),
  ];
}
