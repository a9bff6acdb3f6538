/** Kubernetes: scale a node pool, recycle a node, delete a node pool. */
import * as vscode from 'vscode';
import { type KubernetesNode, type NodePool, nodePool } from '../api';
import type { Logger } from '../log';
import { kubernetesNodePresenter, nodePoolPresenter } from '../tree/kinds/kubernetes';
import type { AnyPresenter } from '../tree/kinds';
import type { ResourceExplorer } from '../tree/explorer';
import { ResourceNode } from '../tree/nodes/resourceNode';
import { runAction } from './actionRunner';
import { numberProblem } from './dnsRecordRules';
import { registerCommand } from './register';
import type { UserInput } from './userInput';

export interface KubernetesCommandDeps {
  log: Logger;
  input: UserInput;
  explorer: ResourceExplorer;
}

function nodeOf(arg: unknown, presenter: AnyPresenter, what: string): ResourceNode {
  if (arg instanceof ResourceNode && arg.presenter === presenter) return arg;
  throw new Error(`Run this command on a ${what} in the DigitalOcean view.`);
}

/** The cluster node above a node pool or a Kubernetes node: what is reloaded after a change. */
function clusterAbove(node: ResourceNode): ResourceNode {
  let current = node.parent;
  while (current instanceof ResourceNode && current.presenter.kind.kind !== 'kubernetes_cluster') current = current.parent;
  if (!(current instanceof ResourceNode)) throw new Error('The node pool is not under a cluster.');
  return current;
}

export function registerKubernetesCommands(deps: KubernetesCommandDeps): vscode.Disposable[] {
  const { input } = deps;
  return [
    registerCommand(deps, 'digitalocean.kubernetes.scaleNodePool', 'Scale node pool', async (arg) => {
      const node = nodeOf(arg, nodePoolPresenter, 'node pool');
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
      const node = nodeOf(arg, kubernetesNodePresenter, 'Kubernetes node');
      const k8sNode = node.item as KubernetesNode;
      const [clusterId, poolId] = node.parents;
      await input.confirm(`Recycle node ${k8sNode.name}?`, 'It is drained and replaced by a new node; pods are rescheduled.', 'Recycle');
      return runAction(deps, {
        node: clusterAbove(node),
        title: `Recycle ${k8sNode.name}`,
        transition: 'Recycling a node…',
        start: async (client, signal) => {
          await client.request('DELETE', `/v2/kubernetes/clusters/${encodeURIComponent(clusterId)}/node_pools/${encodeURIComponent(poolId)}/nodes/${encodeURIComponent(k8sNode.id)}`, { query: { replace: 1 }, signal });
        },
      });
    }),

    registerCommand(deps, 'digitalocean.kubernetes.deleteNodePool', 'Delete node pool', async (arg) => {
      const node = nodeOf(arg, nodePoolPresenter, 'node pool');
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
