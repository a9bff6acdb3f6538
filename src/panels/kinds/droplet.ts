/** The droplet panel: status, specs, networking, volumes, backups and snapshots, and graphs. */
import { dropletActions, dropletBackupPolicy, dropletFirewalls, dropletNeighbours } from '../../api/dropletDetails';
import { firewall } from '../../api/resources/firewall';
import { type Droplet, droplet as dropletKind } from '../../api/resources/droplet';
import { type MetricRange, dropletCharts } from '../../api';
import { reservedIp } from '../../api/resources/reservedIp';
import { snapshot } from '../../api/resources/snapshot';
import { volume } from '../../api/resources/volume';
import { vpc } from '../../api/resources/vpc';
import { bytes, memory, perMonth } from '../../tree/format';
import { RANGES, type ChartView, type SectionView } from '../protocol';
import { type PanelBuilder, type PanelContext, fields, plain, tolerant, when } from './builder';
import * as l10n from '@vscode/l10n';

const pad = (hour: number) => String(hour % 24).padStart(2, '0');

/** How long an action took, "12 s" or "3 min"; "—" while it runs. */
function took(started: string, completed: string | null): string {
  const ms = completed ? Date.parse(completed) - Date.parse(started) : NaN;
  if (!Number.isFinite(ms) || ms < 0) return '—';
  return ms < 120_000 ? l10n.t('{0} s', Math.round(ms / 1000)) : l10n.t('{0} min', Math.round(ms / 60_000));
}

const ip = (d: Droplet, version: 'v4' | 'v6', type: 'public' | 'private') => d.networks?.[version]?.find((n) => n.type === type)?.ip_address;

async function monitoring(d: Droplet, ctx: PanelContext): Promise<SectionView> {
  const base = { type: 'charts' as const, id: 'monitoring', title: l10n.t('Monitoring'), ranges: [...RANGES], range: ctx.range };
  const data = await ctx.memo(`metrics:${ctx.range}`, 60_000, () =>
    dropletCharts(ctx.cache.client, d.id, ctx.range as MetricRange, Math.floor(ctx.now / 1000), ctx.signal),
  );
  if (!data.hasData) {
    return {
      ...base,
      charts: [],
      note: d.features.includes('monitoring')
        ? l10n.t('No metrics for this range yet.')
        : l10n.t('No metrics: the monitoring agent is not installed on this droplet (enable Monitoring when creating it, or install do-agent).'),
    };
  }
  const series = (points: [number, number][]) => ({ x: points.map(([t]) => t), values: points.map(([, v]) => v) });
  const one = (id: string, title: string, unit: string, label: string, points: [number, number][]): ChartView => {
    const s = series(points);
    return { id, title, unit, x: s.x, series: [{ label, values: s.values }] };
  };
  // Inbound and outbound share one x axis: the outbound values are aligned to the inbound times.
  const outbound = new Map(data.outbound);
  const bandwidth: ChartView = {
    id: 'bandwidth',
    title: l10n.t('Public bandwidth'),
    unit: 'Mbps',
    x: data.inbound.map(([t]) => t),
    series: [
      { label: l10n.t('Inbound'), values: data.inbound.map(([, v]) => v) },
      { label: l10n.t('Outbound'), values: data.inbound.map(([t]) => outbound.get(t) ?? null) },
    ],
  };
  return {
    ...base,
    note: l10n.t('Disk: the Monitoring API offers usage, not I/O, for droplets.'),
    charts: [
      one('cpu', 'CPU', '%', l10n.t('CPU used'), data.cpu),
      one('memory', l10n.t('Memory'), '%', l10n.t('Memory used'), data.memory),
      bandwidth,
      one('disk', l10n.t('Disk usage'), '%', l10n.t('Disk used (/)'), data.disk),
      one('load', l10n.t('Load average (1 min)'), '', l10n.t('Load'), data.load),
    ],
  };
}

export const dropletPanel: PanelBuilder<Droplet> = {
  kind: 'droplet',
  buttons: (d) => [
    ...(d.status === 'off' ? [{ id: 'power-on', label: l10n.t('Power On'), command: 'digitalocean.droplet.powerOn', primary: true }] : []),
    ...(d.status === 'active'
      ? [
          { id: 'ssh', label: l10n.t('SSH Terminal'), command: 'digitalocean.droplet.sshTerminal', primary: true },
          { id: 'remote-ssh', label: l10n.t('Connect in New Window'), command: 'digitalocean.droplet.connectRemoteSsh' },
          { id: 'shutdown', label: l10n.t('Shut Down'), command: 'digitalocean.droplet.shutdown' },
          { id: 'power-off', label: l10n.t('Power Off'), command: 'digitalocean.droplet.powerOff' },
          { id: 'reboot', label: l10n.t('Reboot'), command: 'digitalocean.droplet.reboot' },
        ]
      : []),
    { id: 'snapshot', label: l10n.t('Snapshot…'), command: 'digitalocean.droplet.snapshot' },
    { id: 'resize', label: l10n.t('Resize…'), command: 'digitalocean.droplet.resize' },
  ],
  async sections(d, ctx) {
    const { parts } = ctx;
    const vpcTarget = d.vpc_uuid ? await ctx.find(vpc as never, d.vpc_uuid).catch(() => undefined) : undefined;
    const overview = fields('overview', l10n.t('Overview'), [
      plain(l10n.t('Status'), d.locked ? l10n.t('{0} (locked by an action)', d.status) : d.status),
      plain(l10n.t('Size'), l10n.t('{0} · {1} vCPU · {2} · {3} GB disk', d.size_slug, d.vcpus, memory(d.memory), d.disk)),
      plain(l10n.t('Image'), [d.image?.distribution, d.image?.name].filter(Boolean).join(' ') || '—'),
      plain(l10n.t('Region'), [d.region?.slug, d.region?.name].filter(Boolean).join(' · ')),
      plain(l10n.t('Monthly cost'), perMonth(d.size?.price_monthly) ?? '—'),
      plain(l10n.t('Created'), when(d.created_at, ctx.now)),
      parts.copyable('ID', d.id),
      vpcTarget
        ? { label: 'VPC', value: vpcTarget.presenter.kind.nameOf(vpcTarget.item as never), link: parts.link({ resource: vpcTarget }) }
        : plain('VPC', d.vpc_uuid),
    ]);
    const reserved = await ctx.cache.list(reservedIp).catch(() => []);
    const network = fields('network', l10n.t('Networking'), [
      parts.copyable(l10n.t('Public IPv4'), ip(d, 'v4', 'public')),
      parts.copyable(l10n.t('Private IPv4'), ip(d, 'v4', 'private')),
      parts.copyable(l10n.t('Public IPv6'), ip(d, 'v6', 'public')),
      ...reserved.filter((r) => r.droplet?.id === d.id).map((r) => parts.copyable(l10n.t('Reserved IP'), r.ip)),
    ]);
    const tags: SectionView = { type: 'tags', id: 'tags', title: l10n.t('Tags'), tags: d.tags ?? [], empty: l10n.t('No tags') };
    const volumes = await tolerant('volumes', l10n.t('Volumes'), async () => {
      const rows = [];
      for (const id of d.volume_ids ?? []) {
        const target = await ctx.find(volume as never, id);
        const v = target?.item as { name: string; size_gigabytes: number } | undefined;
        rows.push([target ? parts.resourceLink(v!.name, target) : { text: id, mono: true }, v ? `${v.size_gigabytes} GB` : '']);
      }
      return {
        type: 'table',
        id: 'volumes',
        title: l10n.t('Volumes'),
        columns: [l10n.t('Volume'), l10n.t('Size')],
        rows,
        empty: l10n.t('No volumes attached'),
      } as SectionView;
    });
    const enabled = d.features.includes('backups');
    // the policy (plan, day, hour, retention) is the API's own; without backups there is none to read
    const policy = enabled
      ? await ctx.memo('backup-policy', 60_000, () => dropletBackupPolicy(ctx.cache.client, String(d.id), ctx.signal)).catch(() => undefined)
      : undefined;
    const plan = policy?.backup_policy;
    const backups = fields('backups', l10n.t('Backups'), [
      plain(l10n.t('Backups'), enabled ? 'enabled' : 'disabled'),
      plan
        ? plain(
            l10n.t('Policy'),
            plan.plan === 'weekly'
              ? l10n.t('weekly on {0}, window {1}:00–{2}:00 UTC', plan.weekday ?? '—', pad(plan.hour), pad(plan.hour + (plan.window_length_hours ?? 4)))
              : l10n.t('daily, window {0}:00–{1}:00 UTC', pad(plan.hour), pad(plan.hour + (plan.window_length_hours ?? 4))),
          )
        : undefined,
      plan?.retention_period_days ? plain(l10n.t('Kept for'), l10n.t('{0} days', plan.retention_period_days)) : undefined,
      plain(
        l10n.t('Next backup window'),
        d.next_backup_window ? `${when(d.next_backup_window.start, ctx.now)} → ${d.next_backup_window.end.slice(11, 16)} UTC` : '—',
      ),
      plain(l10n.t('Backups kept'), d.backup_ids?.length ?? 0),
    ]);
    const firewalls = await tolerant('firewalls', l10n.t('Firewalls'), async () => {
      const list = await ctx.memo('firewalls', 60_000, () => dropletFirewalls(ctx.cache.client, String(d.id), ctx.signal));
      return {
        type: 'table',
        id: 'firewalls',
        title: l10n.t('Firewalls'),
        columns: [l10n.t('Firewall'), l10n.t('Inbound rules'), l10n.t('Outbound rules'), l10n.t('Status')],
        rows: list.map((f) => [
          parts.resourceLink(f.name, ctx.target(firewall as never, f)),
          String(f.inbound_rules?.length ?? 0),
          String(f.outbound_rules?.length ?? 0),
          f.status ?? '—',
        ]),
        empty: l10n.t('No firewall applies to this droplet'),
      } as SectionView;
    });
    const neighbours = await tolerant('neighbours', l10n.t('Neighbours on its host'), async () => {
      const list = await ctx.memo('neighbours', 300_000, () => dropletNeighbours(ctx.cache.client, String(d.id), ctx.signal));
      return {
        type: 'table',
        id: 'neighbours',
        title: l10n.t('Neighbours on its host'),
        columns: [l10n.t('Droplet'), l10n.t('Status')],
        rows: await Promise.all(
          list.map(async (n) => {
            const target = await ctx.find(dropletKind as never, n.id).catch(() => undefined);
            return [target ? parts.resourceLink(n.name, target) : n.name, n.status];
          }),
        ),
        empty: l10n.t('No other droplet of this account shares its host'),
      } as SectionView;
    });
    const history = await tolerant('actions', l10n.t('Recent actions'), async () => {
      const list = await ctx.memo('actions', 30_000, () => dropletActions(ctx.cache.client, String(d.id), 10, ctx.signal));
      return {
        type: 'table',
        id: 'actions',
        title: l10n.t('Recent actions'),
        columns: [l10n.t('Action'), l10n.t('Status'), l10n.t('Started'), l10n.t('Took')],
        rows: list.map((a) => [a.type.replace(/_/g, ' '), a.status, when(a.started_at, ctx.now), took(a.started_at, a.completed_at)]),
        empty: l10n.t('No actions yet'),
      } as SectionView;
    });
    const snapshots = await tolerant('snapshots', l10n.t('Snapshots'), async () => {
      const mine = (await ctx.cache.list(snapshot)).filter((s) => s.resource_type === 'droplet' && String(s.resource_id) === String(d.id));
      return {
        type: 'table',
        id: 'snapshots',
        title: l10n.t('Snapshots'),
        columns: [l10n.t('Name'), l10n.t('Size'), l10n.t('Created')],
        rows: mine.map((s) => [parts.resourceLink(s.name, ctx.target(snapshot as never, s)), bytes(s.size_gigabytes * 1024 ** 3), when(s.created_at, ctx.now)]),
        empty: l10n.t('No snapshots'),
      } as SectionView;
    });
    const charts = await tolerant('monitoring', l10n.t('Monitoring'), () => monitoring(d, ctx));
    return [overview, ...charts, network, ...firewalls, tags, ...volumes, backups, ...snapshots, ...history, ...neighbours];
  },
};
