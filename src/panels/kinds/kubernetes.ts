/** The panel of a Kubernetes cluster: version and upgrades, endpoint, node pools, node states. */
import { type KubernetesCluster, nodePool } from '../../api/resources/kubernetes';
import { kubernetesUpgrades } from '../../api';
import { vpc } from '../../api/resources/vpc';
import { clusterStatusMessages, clusterUser } from '../../api/kubernetesDetails';
import type { CellView, SectionView, Tone } from '../protocol';
import { type PanelBuilder, fields, plain, tolerant, when } from './builder';
import * as l10n from '@vscode/l10n';

const NODE_TONES: Record<string, Tone> = { running: 'ok', provisioning: 'busy', draining: 'warn', deleting: 'warn' };

export const kubernetesPanel: PanelBuilder<KubernetesCluster> = {
  kind: 'kubernetes_cluster',
  buttons: (c) => [
    { id: 'kubeconfig', label: l10n.t('Add to kubeconfig'), command: 'digitalocean.kubernetes.addToKubeconfig', primary: true },
    { id: 'kubectl', label: l10n.t('kubectl Terminal'), command: 'digitalocean.kubernetes.kubectlTerminal' },
    { id: 'download-kubeconfig', label: l10n.t('Download kubeconfig…'), command: 'digitalocean.kubernetes.downloadKubeconfig' },
    ...(c.status.state === 'running' ? [{ id: 'upgrade', label: l10n.t('Upgrade…'), command: 'digitalocean.kubernetes.upgrade' }] : []),
    { id: 'add-pool', label: l10n.t('Add Node Pool…'), command: 'digitalocean.kubernetes.addNodePool' },
  ],
  async sections(c, ctx) {
    const { parts } = ctx;
    const upgrades = await ctx
      .memo('upgrades', 300_000, () => kubernetesUpgrades(ctx.cache.client, c.id, ctx.signal))
      .then(
        (list) => (list.length ? list.map((v) => v.slug).join(', ') : l10n.t('none: up to date')),
        (error: unknown) => l10n.t('could not check: {0}', error instanceof Error ? error.message : String(error)),
      );
    const user = await ctx
      .memo('user', 300_000, () => clusterUser(ctx.cache.client, c.id, ctx.signal))
      .then((u) => (u ? `${u.username} (${u.groups.join(', ') || l10n.t('no groups')})` : undefined))
      .catch(() => undefined);
    const network = c.vpc_uuid ? await ctx.find(vpc as never, c.vpc_uuid).catch(() => undefined) : undefined;
    const policy = (c as { maintenance_policy?: { day?: string; start_time?: string } }).maintenance_policy;
    const overview = fields('overview', l10n.t('Overview'), [
      plain(l10n.t('Version'), c.version),
      plain(l10n.t('Available upgrade'), upgrades),
      { label: l10n.t('Status'), value: [c.status.state, c.status.message].filter(Boolean).join(': '), tone: c.status.state === 'running' ? 'ok' : 'busy' },
      plain(l10n.t('Region'), c.region),
      parts.copyable(l10n.t('API endpoint'), c.endpoint),
      parts.copyable('IPv4', c.ipv4),
      plain(l10n.t('High availability'), c.ha ?? false),
      plain(l10n.t('Auto-upgrade'), c.auto_upgrade ?? false),
      plain(l10n.t('Surge upgrade'), c.surge_upgrade ?? false),
      plain(l10n.t('Registry integration'), c.registry_enabled ?? false),
      plain(l10n.t('Admin user'), user),
      plain(l10n.t('Maintenance window'), policy ? l10n.t('{0} from {1} UTC', policy.day ?? 'any', policy.start_time ?? '?') : undefined),
      network
        ? { label: 'VPC', value: network.presenter.kind.nameOf(network.item as never), link: parts.link({ resource: network }) }
        : plain('VPC', c.vpc_uuid),
      plain(l10n.t('Created'), when(c.created_at, ctx.now)),
      parts.copyable('ID', c.id),
    ]);
    const pools: SectionView = {
      type: 'table',
      id: 'pools',
      title: l10n.t('Node pools'),
      columns: [l10n.t('Pool'), l10n.t('Size'), l10n.t('Nodes'), l10n.t('Autoscaling')],
      rows: c.node_pools.map((p) => [
        parts.resourceLink(p.name, ctx.target(nodePool as never, p, [c.id])),
        p.size,
        String(p.count),
        p.auto_scale ? `${p.min_nodes}–${p.max_nodes} nodes` : 'off',
      ]),
      empty: l10n.t('No node pools'),
    };
    const nodes: SectionView = {
      type: 'table',
      id: 'nodes',
      title: l10n.t('Nodes'),
      columns: [l10n.t('Node'), l10n.t('Pool'), l10n.t('State'), l10n.t('Created')],
      rows: c.node_pools.flatMap((p) =>
        p.nodes.map((n) => [
          { text: n.name, mono: true } as CellView,
          p.name,
          { text: n.status.state, tone: NODE_TONES[n.status.state] ?? 'muted' } as CellView,
          when(n.created_at, ctx.now),
        ]),
      ),
      empty: l10n.t('No nodes'),
    };
    const messages = await tolerant('messages', l10n.t('Status messages'), async () => {
      const list = await ctx.memo('messages', 30_000, () => clusterStatusMessages(ctx.cache.client, c.id, ctx.signal));
      return {
        type: 'table',
        id: 'messages',
        title: l10n.t('Status messages'),
        columns: [l10n.t('When'), l10n.t('Message')],
        rows: list.slice(0, 20).map((m) => [when(m.timestamp, ctx.now), m.message]),
        empty: l10n.t('No status messages'),
      } as SectionView;
    });
    return [overview, pools, nodes, ...messages, { type: 'tags', id: 'tags', title: l10n.t('Tags'), tags: c.tags ?? [], empty: l10n.t('No tags') }];
  },
};
