/**
 * Destroy a Kubernetes cluster with its associated resources: the load balancers, volumes and
 * volume snapshots the cluster made (through its services and persistent volume claims) listed
 * with what each costs a month if kept; the chosen ones go with the cluster, the others stay
 * (and are billed). Choosing all of them uses the API's destroy of everything associated, which
 * also takes what the cluster made after the list was read. The cluster's name is typed first.
 */
import * as vscode from 'vscode';
import { CLUSTER_ASSOCIATED_KINDS, type ClusterAssociatedKind, clusterAssociatedResources, destroyClusterWithAssociated } from '../../api/kubernetesDetails';
import { type KubernetesCluster } from '../../api/resources/kubernetes';
import { loadBalancer } from '../../api/resources/loadBalancer';
import { snapshot } from '../../api/resources/snapshot';
import { volume } from '../../api/resources/volume';
import { money } from '../../tree/format';
import { kubernetesClusterPresenter } from '../../tree/kinds/kubernetes';
import { loadBalancerPresenter } from '../../tree/kinds/loadBalancer';
import type { PresentContext } from '../../tree/kinds/presenter';
import { snapshotPresenter } from '../../tree/kinds/snapshot';
import { volumePresenter } from '../../tree/kinds/volume';
import { withProgress } from '../../ui/progress';
import { runAction } from '../actionRunner';
import type { CommandDeps } from '../deps';
import { resourceTarget } from '../pick';
import { registerCommand } from '../register';

const KIND_LABELS: Record<ClusterAssociatedKind, string> = {
  load_balancers: vscode.l10n.t('Load balancer'),
  volumes: vscode.l10n.t('Volume'),
  volume_snapshots: vscode.l10n.t('Volume snapshot'),
};

export function registerClusterDestroyCommands(deps: CommandDeps): vscode.Disposable[] {
  const { input, log, model } = deps;

  /** What each associated resource costs a month, from the account's lists (undefined when it is not in them). */
  async function monthlyCosts(account: Parameters<typeof model.cacheFor>[0]): Promise<Map<string, number>> {
    const cache = model.cacheFor(account);
    // the prices of these kinds depend on the item alone (size units, gigabytes)
    const ctx: PresentContext = { size: () => undefined, dropletName: () => undefined, vpcName: () => undefined, now: Date.now() };
    const costs = new Map<string, number>();
    const [lbs, volumes, snapshots] = await Promise.all([
      cache.list(loadBalancer).catch(() => []),
      cache.list(volume).catch(() => []),
      cache.list(snapshot).catch(() => []),
    ]);
    for (const l of lbs) costs.set(l.id, loadBalancerPresenter.monthlyCost!(l, ctx) ?? 0);
    for (const v of volumes) costs.set(v.id, volumePresenter.monthlyCost!(v, ctx) ?? 0);
    for (const s of snapshots) costs.set(String(s.id), snapshotPresenter.monthlyCost!(s, ctx) ?? 0);
    return costs;
  }

  return [
    registerCommand(deps, 'digitalocean.kubernetes.destroyWithAssociated', vscode.l10n.t('Destroy cluster with associated resources'), async (arg) => {
      const node = await resourceTarget(deps, arg, kubernetesClusterPresenter, vscode.l10n.t('Destroy which cluster with its associated resources?'));
      const cluster = node.item as KubernetesCluster;
      const { associated, costs } = await withProgress(vscode.l10n.t('Listing what {0} made…', cluster.name), async (signal) => {
        const [associated, costs] = await Promise.all([clusterAssociatedResources(model.client(node.account), cluster.id, signal), monthlyCosts(node.account)]);
        return { associated, costs };
      });
      const items = CLUSTER_ASSOCIATED_KINDS.flatMap((kind) =>
        associated[kind].map((r) => {
          const cost = costs.get(r.id);
          return {
            label: `${KIND_LABELS[kind]} ${r.name}`,
            description: cost !== undefined ? vscode.l10n.t('{0}/mo if kept', money(cost)) : undefined,
            picked: false,
            group: kind,
            id: r.id,
            cost: cost ?? 0,
          };
        }),
      );
      const chosen = items.length
        ? await input.quickPickMany(items, {
            title: vscode.l10n.t('Destroy {0} and…', cluster.name),
            placeHolder: vscode.l10n.t('Choose what goes with it; what is not chosen is kept (and billed)'),
          })
        : [];
      const kept = items.filter((i) => !chosen.includes(i));
      const keptCost = kept.reduce((sum, i) => sum + i.cost, 0);
      const nodes = (cluster.node_pools ?? []).reduce((sum, p) => sum + p.count, 0);
      const what = chosen.length ? vscode.l10n.t('With it: {0}.', chosen.map((c) => c.label).join(', ')) : vscode.l10n.t('Nothing else goes with it.');
      const keeps = kept.length ? vscode.l10n.t('Kept: {0} ({1}/mo).', kept.map((c) => c.label).join(', '), money(keptCost)) : '';
      await input.inputBox({
        title: vscode.l10n.t('Destroy {0}', cluster.name),
        prompt: [
          vscode.l10n.t('Its {0} node(s) and every workload on them are destroyed.', nodes),
          what,
          keeps,
          vscode.l10n.t("This cannot be undone. Type the cluster's name ({0}) to confirm.", cluster.name),
        ]
          .filter(Boolean)
          .join(' '),
        validateInput: (v) => (v === cluster.name ? undefined : vscode.l10n.t('Type {0} exactly to confirm.', cluster.name)),
      });
      const all = items.length > 0 && chosen.length === items.length;
      const body = Object.fromEntries(CLUSTER_ASSOCIATED_KINDS.map((kind) => [kind, chosen.filter((c) => c.group === kind).map((c) => c.id)]));
      await runAction(deps, {
        node,
        title: vscode.l10n.t('Destroy {0} with associated resources', cluster.name),
        transition: vscode.l10n.t('Destroying…'),
        deletes: true,
        start: (client, signal) => destroyClusterWithAssociated(client, cluster.id, all ? 'all' : body, signal),
      });
      for (const kind of [loadBalancer, volume, snapshot]) model.reloadKind(node.account, kind.kind);
      log.info(`[${node.account.label}] Destroy ${cluster.name} with ${all ? 'all' : chosen.length} associated resource(s)`);
      void input.notify(
        'info',
        chosen.length
          ? vscode.l10n.t('{0} and {1} associated resource(s) are being destroyed.', cluster.name, chosen.length)
          : vscode.l10n.t('{0} is being destroyed.', cluster.name),
      );
    }),
  ];
}
