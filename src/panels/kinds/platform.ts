/** Panels of the Kubernetes cluster, the container registry and App Platform apps. */
import {
  type App,
  type KubernetesCluster,
  type Registry,
  appDeployments,
  garbageCollections,
  kubernetesUpgrades,
  nodePool,
  type RegistrySubscription,
  registryRepository,
  registrySubscription,
  registryTag,
  vpc,
} from '../../api';
import { bytes } from '../../tree/format';
import type { CellView, SectionView, Tone } from '../protocol';
import { type PanelBuilder, fields, plain, tolerant, when } from './builder';

const NODE_TONES: Record<string, Tone> = { running: 'ok', provisioning: 'busy', draining: 'warn', deleting: 'warn' };

export const kubernetesPanel: PanelBuilder<KubernetesCluster> = {
  kind: 'kubernetes_cluster',
  buttons: (c) => [
    { id: 'kubeconfig', label: 'Add to kubeconfig', command: 'digitalocean.kubernetes.addToKubeconfig', primary: true },
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

export const registryPanel: PanelBuilder<Registry> = {
  kind: 'registry',
  buttons: () => [{ id: 'login', label: 'Docker Login', command: 'digitalocean.registry.login', primary: true }],
  async sections(r, ctx) {
    const { parts } = ctx;
    const subscription: RegistrySubscription | undefined = await ctx.memo('subscription', 300_000, () => registrySubscription(ctx.cache.client, ctx.signal)).catch(() => r.subscription);
    const included = subscription?.tier.included_storage_bytes;
    const used = r.storage_usage_bytes ?? 0;
    const overview = fields('overview', 'Overview', [
      parts.copyable('Endpoint', `registry.digitalocean.com/${r.name}`),
      plain('Region', r.region),
      plain('Plan', subscription ? `${subscription.tier.name}${subscription.tier.monthly_price_in_cents !== undefined ? ` · $${subscription.tier.monthly_price_in_cents / 100}/mo` : ''}` : undefined),
      {
        label: 'Storage used',
        value: included ? `${bytes(used)} of ${bytes(included)} (${Math.round((100 * used) / included)}%)` : bytes(used),
        tone: included && used > included ? 'warn' : undefined,
      },
      plain('Usage measured', when(r.storage_usage_bytes_updated_at, ctx.now)),
      plain('Created', when(r.created_at, ctx.now)),
    ]);
    const gc = await tolerant('gc', 'Garbage collection', async () => {
      const runs = await ctx.memo('gc', 60_000, () => garbageCollections(ctx.cache.client, r.name, ctx.signal));
      return {
        type: 'table',
        id: 'gc',
        title: 'Garbage collection',
        columns: ['Started', 'Status', 'Blobs deleted', 'Freed'],
        rows: runs.map((g) => [when(g.created_at, ctx.now), { text: g.status, tone: g.status === 'succeeded' ? 'ok' : g.status === 'failed' ? 'error' : 'busy' } as CellView, String(g.blobs_deleted ?? 0), bytes(g.freed_bytes ?? 0)]),
        empty: 'Never run',
      } as SectionView;
    });
    const repos = await ctx.cache.list(registryRepository, [r.name]).catch(() => []);
    const repositories: SectionView = {
      type: 'table',
      id: 'repositories',
      title: 'Repositories',
      columns: ['Repository', 'Tags', 'Latest size', 'Updated'],
      rows: repos.map((x) => [x.name, String(x.tag_count), bytes(x.latest_manifest?.compressed_size_bytes), when(x.latest_manifest?.updated_at, ctx.now)]),
      empty: 'No repositories',
    };
    const tags = await tolerant('tags', 'Tags', async () => {
      const lists = await Promise.all(repos.map((x) => ctx.cache.list(registryTag, [r.name, x.name])));
      return {
        type: 'table',
        id: 'image-tags',
        title: 'Tags',
        columns: ['Repository', 'Tag', 'Size', 'Updated', 'Digest'],
        rows: lists.flat().map((t) => [t.repository, t.tag, bytes(t.compressed_size_bytes), when(t.updated_at, ctx.now), { text: t.manifest_digest.slice(0, 19), mono: true, copy: parts.copy(t.manifest_digest) } as CellView]),
        empty: 'No tags',
      } as SectionView;
    });
    return [overview, ...gc, repositories, ...tags];
  },
};

const PHASE_TONES: Record<string, Tone> = { ACTIVE: 'ok', SUPERSEDED: 'muted', ERROR: 'error', CANCELED: 'muted' };

export const appPanel: PanelBuilder<App> = {
  kind: 'app',
  async sections(a, ctx) {
    const { parts } = ctx;
    type Component = { name: string; instance_size_slug?: string; instance_count?: number; http_port?: number };
    const spec = a.spec as unknown as Record<string, Component[] | undefined>;
    const overview = fields('overview', 'Overview', [
      parts.url('Live URL', a.live_url ?? a.default_ingress),
      plain('Region', [a.region?.slug, a.region?.label].filter(Boolean).join(' · ')),
      plain('Tier', a.tier_slug),
      plain('Active deployment', a.active_deployment ? `${a.active_deployment.phase} · ${a.active_deployment.id.slice(0, 8)}` : 'none'),
      plain('In progress', a.in_progress_deployment ? `${a.in_progress_deployment.phase} · ${a.in_progress_deployment.id.slice(0, 8)}` : 'nothing'),
      plain('Last deployed', when(a.last_deployment_active_at, ctx.now)),
      plain('Created', when(a.created_at, ctx.now)),
      parts.copyable('ID', a.id),
    ]);
    const componentTypes = [['services', 'Service'], ['static_sites', 'Static site'], ['workers', 'Worker'], ['jobs', 'Job'], ['functions', 'Functions']] as const;
    const components: SectionView = {
      type: 'table',
      id: 'components',
      title: 'Components',
      columns: ['Component', 'Type', 'Size', 'Instances', 'Port'],
      rows: componentTypes.flatMap(([key, label]) => (spec[key] ?? []).map((c) => [c.name, label, c.instance_size_slug ?? '', c.instance_count === undefined ? '' : String(c.instance_count), c.http_port === undefined ? '' : String(c.http_port)])),
      empty: 'No components',
    };
    const deployments = await tolerant('deployments', 'Recent deployments', async () => ({
      type: 'table',
      id: 'deployments',
      title: 'Recent deployments',
      columns: ['Deployment', 'Phase', 'Cause', 'Progress', 'Created'],
      rows: (await ctx.memo('deployments', 30_000, () => appDeployments(ctx.cache.client, a.id, ctx.signal))).map((d) => [
        { text: d.id.slice(0, 8), mono: true, copy: parts.copy(d.id) } as CellView,
        { text: d.phase, tone: PHASE_TONES[d.phase] ?? 'busy' } as CellView,
        d.cause ?? '',
        d.progress?.total_steps ? `${d.progress.success_steps ?? 0}/${d.progress.total_steps} steps${d.progress.error_steps ? `, ${d.progress.error_steps} failed` : ''}` : '',
        when(d.created_at, ctx.now),
      ]),
      empty: 'No deployments',
    }) as SectionView);
    return [overview, components, ...deployments];
  },
};
