/** Kubernetes: add, scale and delete node pools, recycle a node, upgrade a cluster. */
import * as vscode from 'vscode';
import { recycleKubernetesNode, kubernetesOptions, kubernetesUpgrades, upgradeKubernetesCluster } from '../api';
import { type KubernetesCluster, type KubernetesNode, type NodePool, nodePool } from '../api/resources/kubernetes';
import { dropletSize } from '../api/resources/droplet';
import { kubernetesClusterPresenter, kubernetesNodePresenter, nodePoolPresenter } from '../tree/kinds/kubernetes';
import { ResourceNode } from '../tree/nodes/resourceNode';
import { runAction } from './actionRunner';
import { type NodeSizes, type PoolPlan, nodePoolWizard, nodeSizesIn } from './nodePoolWizard';
import { numberProblem } from './validators';
import { nodeArgument, resourceTarget } from './pick';
import { registerCommand } from './register';
import { withProgress } from '../ui/progress';
import type { CommandDeps } from './deps';

/** The cluster node above a node pool or a Kubernetes node: what is reloaded after a change. */
function clusterAbove(node: ResourceNode): ResourceNode {
  let current = node.parent;
  while (current instanceof ResourceNode && current.presenter.kind.kind !== 'kubernetes_cluster') current = current.parent;
  if (!(current instanceof ResourceNode)) throw new Error('The node pool is not under a cluster.');
  return current;
}

export function registerKubernetesCommands(deps: CommandDeps): vscode.Disposable[] {
  const { input, model } = deps;
  return [
    registerCommand(deps, 'digitalocean.kubernetes.addNodePool', 'Add node pool', async (arg) => {
      const node = await resourceTarget(deps, arg, kubernetesClusterPresenter, 'Add a node pool');
      const cluster = node.item as KubernetesCluster;
      const cache = model.cacheFor(node.account);
      const [options, sizes] = await withProgress('Loading node sizes…', (signal) =>
        Promise.all([kubernetesOptions(cache.client, signal), cache.list(dropletSize).catch(() => [])]),
      );
      const nodeSizes: NodeSizes = { options: options.sizes, bySlug: new Map(sizes.map((x) => [x.slug, x])) };
      const taken = cluster.node_pools.map((p) => p.name);
      const offered = nodeSizesIn(nodeSizes, cluster.region);
      const like = cluster.node_pools[cluster.node_pools.length - 1];
      const start: PoolPlan = { name: `pool-${taken.length + 1}`, size: offered.some((x) => x.slug === like?.size) ? like.size : (offered[0]?.slug ?? ''), count: 3, autoScale: false, min: 1, max: 3 };
      const plan = await nodePoolWizard(input, { title: `Add a node pool to ${cluster.name}`, start, region: cluster.region, taken, sizes: nodeSizes });
      const body: Record<string, unknown> = { name: plan.name, size: plan.size, count: plan.count };
      if (plan.autoScale) Object.assign(body, { auto_scale: true, min_nodes: plan.min, max_nodes: plan.max });
      return runAction(deps, {
        node,
        title: `Add node pool ${plan.name} to ${cluster.name}`,
        transition: `Adding ${plan.name}…`,
        start: async (client, signal) => {
          await client.create(nodePool, body, { parents: [cluster.id], signal });
        },
      });
    }),

    registerCommand(deps, 'digitalocean.kubernetes.upgrade', 'Upgrade cluster', async (arg) => {
      const node = await resourceTarget(deps, arg, kubernetesClusterPresenter, 'Upgrade a cluster', (c) => (c as KubernetesCluster).status.state === 'running');
      const cluster = node.item as KubernetesCluster;
      const client = model.cacheFor(node.account).client;
      const versions = await withProgress(`Looking up upgrades for ${cluster.name}…`, (signal) => kubernetesUpgrades(client, cluster.id, signal));
      if (versions.length === 0) {
        void vscode.window.showInformationMessage(`${cluster.name} is on ${cluster.version}; no newer version is available.`);
        return;
      }
      const picked = await input.quickPick(
        versions.map((v) => ({ label: v.slug, description: `Kubernetes ${v.kubernetes_version}` })),
        { title: `Upgrade ${cluster.name} (now ${cluster.version})`, placeHolder: 'Version to upgrade to' },
      );
      await input.confirm(
        `Upgrade ${cluster.name} from ${cluster.version} to ${picked.label}?`,
        cluster.surge_upgrade ? 'Nodes are replaced a few at a time (surge upgrade); this cannot be undone.' : 'Nodes are drained and replaced one by one; this cannot be undone.',
        'Upgrade',
      );
      return runAction(deps, {
        node,
        title: `Upgrade ${cluster.name} to ${picked.label}`,
        transition: 'Upgrading…',
        start: (c, signal) => upgradeKubernetesCluster(c, cluster.id, picked.label, signal),
      });
    }),

    registerCommand(deps, 'digitalocean.kubernetes.scaleNodePool', 'Scale node pool', async (arg) => {
      const node = nodeArgument(arg, nodePoolPresenter);
      const pool = node.item as NodePool;
      const [clusterId] = node.parents;
      const body: Record<string, unknown> = { name: pool.name };
      if (pool.auto_scale) {
        const min = Number(await input.inputBox({ title: `Autoscale ${pool.name}: fewest nodes`, value: String(pool.min_nodes ?? 1), validateInput: (v) => numberProblem(v, 1, 512, 'Nodes') }));
        const max = Number(await input.inputBox({ title: `Autoscale ${pool.name}: most nodes`, value: String(pool.max_nodes ?? min), validateInput: (v) => numberProblem(v, min, 512, 'Nodes') }));
        Object.assign(body, { auto_scale: true, min_nodes: min, max_nodes: max, count: Math.min(Math.max(pool.count, min), max) });
      } else {
        body.count = Number(
          await input.inputBox({
            title: `Scale ${pool.name} (now ${pool.count} node${pool.count === 1 ? '' : 's'})`,
            value: String(pool.count + 1),
            validateInput: (v) => numberProblem(v, 1, 512, 'Nodes') ?? (Number(v) === pool.count ? `${pool.name} has ${pool.count} already.` : undefined),
          }),
        );
      }
      return runAction(deps, {
        node: clusterAbove(node),
        title: `Scale ${pool.name} to ${String(body.count)}`,
        transition: `Scaling ${pool.name}…`,
        start: async (client, signal) => {
          await client.update(nodePool, pool.id, body, { parents: [clusterId], signal });
        },
      });
    }),

    registerCommand(deps, 'digitalocean.kubernetes.recycleNode', 'Recycle node', async (arg) => {
      const node = nodeArgument(arg, kubernetesNodePresenter);
      const k8sNode = node.item as KubernetesNode;
      const [clusterId, poolId] = node.parents;
      await input.confirm(`Recycle node ${k8sNode.name}?`, 'It is drained and replaced by a new node; pods are rescheduled.', 'Recycle');
      return runAction(deps, {
        node: clusterAbove(node),
        title: `Recycle ${k8sNode.name}`,
        transition: 'Recycling a node…',
        start: async (client, signal) => {
          await recycleKubernetesNode(client, clusterId, poolId, k8sNode.id, signal);
        },
      });
    }),

    registerCommand(deps, 'digitalocean.kubernetes.deleteNodePool', 'Delete node pool', async (arg) => {
      const node = nodeArgument(arg, nodePoolPresenter);
      const pool = node.item as NodePool;
      const [clusterId] = node.parents;
      await input.inputBox({
        title: `Delete node pool ${pool.name}`,
        prompt: `Its ${pool.count} node(s) are drained and destroyed. Type the pool's name (${pool.name}) to confirm.`,
        validateInput: (v) => (v === pool.name ? undefined : `Type ${pool.name} exactly to confirm.`),
      });
      return runAction(deps, {
        node: clusterAbove(node),
        title: `Delete node pool ${pool.name}`,
        transition: `Deleting ${pool.name}…`,
        start: async (client, signal) => {
          await client.remove(nodePool, pool.id, { parents: [clusterId], signal });
        },
      });
    }),
  ];
}
