/** The panel of a Kubernetes cluster: version and upgrades, endpoint, node pools, node states. */
import { type KubernetesCluster, nodePool } from '../../api/resources/kubernetes';
import { kubernetesUpgrades } from '../../api';
import { vpc } from '../../api/resources/vpc';
import type { CellView, SectionView, Tone } from '../protocol';
import { type PanelBuilder, fields, plain, when } from './builder';

const NODE_TONES: Record<string, Tone> = { running: 'ok', provisioning: 'busy', draining: 'warn', deleting: 'warn' };

export const kubernetesPanel: PanelBuilder<KubernetesCluster> = {
  kind: 'kubernetes_cluster',
  buttons: (c) => [
    { id: 'kubeconfig', label: 'Add to kubeconfig', command: 'digitalocean.kubernetes.addToKubeconfig', primary: true },
    { id: 'kubectl', label: 'kubectl Terminal', command: 'digitalocean.kubernetes.kubectlTerminal' },
    ...(c.status.state === 'running' ? [{ id: 'upgrade', label: 'Upgrade…', command: 'digitalocean.kubernetes.upgrade' }] : []),
    { id: 'add-pool', label: 'Add Node Pool…', command: 'digitalocean.kubernetes.addNodePool' },
  ],
  async sections(c, ctx) {
    const { parts } = ctx;
    const upgrades = await ctx.memo('upgrades', 300_000, () => kubernetesUpgrades(ctx.cache.client, c.id, ctx.signal)).then(
      (list) => (list.length ? list.map((v) => v.slug).join(', ') : 'none: up to date'),
      (error: unknown) => `could not check: ${error instanceof Error ? error.message : String(error)}`,
    );
    const network = c.vpc_uuid ? await ctx.find(vpc as never, c.vpc_uuid).catch(() => undefined) : undefined;
    const policy = (c as { maintenance_policy?: { day?: string; start_time?: string } }).maintenance_policy;
    const overview = fields('overview', 'Overview', [
      plain('Version', c.version),
      plain('Available upgrade', upgrades),
      { label: 'Status', value: [c.status.state, c.status.message].filter(Boolean).join(': '), tone: c.status.state === 'running' ? 'ok' : 'busy' },
      plain('Region', c.region),
      parts.copyable('API endpoint', c.endpoint),
      parts.copyable('IPv4', c.ipv4),
      plain('High availability', c.ha ?? false),
      plain('Auto-upgrade', c.auto_upgrade ?? false),
      plain('Surge upgrade', c.surge_upgrade ?? false),
      plain('Registry integration', c.registry_enabled ?? false),
      plain('Maintenance window', policy ? `${policy.day ?? 'any'} from ${policy.start_time ?? '?'} UTC` : undefined),
      network ? { label: 'VPC', value: network.presenter.kind.nameOf(network.item as never), link: parts.link({ resource: network }) } : plain('VPC', c.vpc_uuid),
      plain('Created', when(c.created_at, ctx.now)),
      parts.copyable('ID', c.id),
    ]);
    const pools: SectionView = {
      type: 'table',
      id: 'pools',
      title: 'Node pools',
      columns: ['Pool', 'Size', 'Nodes', 'Autoscaling'],
      rows: c.node_pools.map((p) => [parts.resourceLink(p.name, ctx.target(nodePool as never, p, [c.id])), p.size, String(p.count), p.auto_scale ? `${p.min_nodes}–${p.max_nodes} nodes` : 'off']),
      empty: 'No node pools',
    };
    const nodes: SectionView = {
      type: 'table',
      id: 'nodes',
      title: 'Nodes',
      columns: ['Node', 'Pool', 'State', 'Created'],
      rows: c.node_pools.flatMap((p) => p.nodes.map((n) => [{ text: n.name, mono: true } as CellView, p.name, { text: n.status.state, tone: NODE_TONES[n.status.state] ?? 'muted' } as CellView, when(n.created_at, ctx.now)])),
      empty: 'No nodes',
    };
    return [overview, pools, nodes, { type: 'tags', id: 'tags', title: 'Tags', tags: c.tags ?? [], empty: 'No tags' }];
  },
};
