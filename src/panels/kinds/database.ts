/**
 * The database cluster panel: connection details (passwords hidden until revealed, URIs
 * copyable), users, databases, pools, trusted sources, maintenance window and nodes.
 */
import {
  type DatabaseCluster,
  type DatabaseConnection,
  connectionPool,
  databaseDb,
  databaseFirewallRule,
  databaseReplica,
  databaseUser,
  supportsReplicas,
  supportsUsers,
  hasShell,
} from '../../api/resources/database';
import { databaseBackups, databaseEvents, storageAutoscale } from '../../api/databaseDetails';
import { app } from '../../api/resources/app';
import { droplet } from '../../api/resources/droplet';
import { kubernetesCluster } from '../../api/resources/kubernetes';
import { vpc } from '../../api/resources/vpc';
import { dbSizeLabel, engineName } from '../../tree/kinds/database';
import { mysqlCharts } from '../../api/databaseMetrics';
import type { MetricRange } from '../../api/monitoring';
import { RANGES, type CellView, type SectionView } from '../protocol';
import { MASK, type PanelBuilder, type PanelContext, chart, fields, plain, tolerant, when } from './builder';
import * as l10n from '@vscode/l10n';

const maskUri = (uri: string) => uri.replace(/(:\/\/[^:/@]+:)[^@]+@/, `$1${MASK}@`);

function connection(id: string, title: string, c: DatabaseConnection | undefined, ctx: PanelContext): SectionView {
  if (!c) return fields(id, title, [plain(l10n.t('Connection'), l10n.t('not available'))]);
  const { parts } = ctx;
  return fields(id, title, [
    parts.copyable(l10n.t('Host'), c.host),
    plain(l10n.t('Port'), c.port),
    parts.copyable(l10n.t('User'), c.user),
    parts.secret(l10n.t('Password'), `${id}-password`, c.password),
    plain(l10n.t('Database'), c.database),
    plain('SSL', c.ssl),
    parts.secret('URI', `${id}-uri`, c.uri, maskUri),
  ]);
}

const BACKUP_ENGINES = new Set(['pg', 'mysql', 'mongodb', 'valkey', 'redis']);
const EVENT_LABELS: Record<string, string> = {
  cluster_create: l10n.t('Created'),
  cluster_update: l10n.t('Updated'),
  cluster_delete: l10n.t('Deleted'),
  cluster_maintenance_perform: l10n.t('Maintenance performed'),
  cluster_master_promotion: l10n.t('Standby promoted to primary'),
  cluster_poweron: l10n.t('Powered on'),
  cluster_poweroff: l10n.t('Powered off'),
};

const SOURCE_KINDS = { droplet, k8s: kubernetesCluster, app } as const;

async function trustedSources(d: DatabaseCluster, ctx: PanelContext): Promise<SectionView> {
  const rules = await ctx.cache.list(databaseFirewallRule, [d.id]);
  const rows: (string | CellView)[][] = [];
  for (const r of rules) {
    const kind = SOURCE_KINDS[r.type as keyof typeof SOURCE_KINDS];
    const target = kind ? await ctx.find(kind as never, r.value).catch(() => undefined) : undefined;
    const value: CellView = target
      ? ctx.parts.resourceLink(target.presenter.kind.nameOf(target.item as never), target)
      : { text: r.value, mono: r.type === 'ip_addr' };
    rows.push([
      { ip_addr: l10n.t('IP address'), droplet: l10n.t('Droplet'), k8s: l10n.t('Kubernetes cluster'), app: l10n.t('App'), tag: l10n.t('Tag') }[r.type] ??
        r.type,
      value,
      r.description ?? '',
    ]);
  }
  return {
    type: 'table',
    id: 'trusted',
    title: l10n.t('Trusted sources'),
    columns: [l10n.t('Type'), l10n.t('Source'), l10n.t('Description')],
    rows,
    empty: l10n.t('None: the cluster accepts connections from any address (with the password).'),
  };
}

/** MySQL's graphs (the Monitoring API has database metrics for MySQL only); the first user database's throughput and latency too. */
async function mysqlMonitoring(d: DatabaseCluster, ctx: PanelContext): Promise<SectionView> {
  const base = { type: 'charts' as const, id: 'monitoring', title: l10n.t('Monitoring'), ranges: [...RANGES], range: ctx.range };
  // the first database the user made, else defaultdb
  const names = (await ctx.cache.list(databaseDb, [d.id]).catch(() => [])).map((x) => x.name).filter((n) => !MYSQL_SYSTEM_SCHEMAS.has(n));
  const schema = names.find((n) => n !== 'defaultdb') ?? names[0];
  const data = await ctx.memo(`mysql-metrics:${ctx.range}:${schema ?? ''}`, 60_000, () =>
    mysqlCharts(ctx.cache.client, d.id, schema, ctx.range as MetricRange, Math.floor(ctx.now / 1000), ctx.signal),
  );
  if (!data.hasData) return { ...base, charts: [], note: l10n.t('No metrics for this range yet.') };
  return {
    ...base,
    charts: [
      chart('usage', l10n.t('CPU, memory and disk'), '%', [
        { label: 'CPU', points: data.cpu },
        { label: l10n.t('Memory'), points: data.memory },
        { label: l10n.t('Disk'), points: data.disk },
      ]),
      chart('load', l10n.t('Load average'), '', [
        { label: l10n.t('1 min'), points: data.load.load1 },
        { label: l10n.t('5 min'), points: data.load.load5 },
        { label: l10n.t('15 min'), points: data.load.load15 },
      ]),
      chart('threads', l10n.t('Threads'), '', [
        { label: l10n.t('Connected'), points: data.threads.connected },
        { label: l10n.t('Running'), points: data.threads.active },
        { label: l10n.t('Created per second'), points: data.threads.createdRate },
      ]),
      chart('operations', l10n.t('Operations'), '/s', [
        { label: 'SELECT', points: data.operations.select },
        { label: 'INSERT', points: data.operations.insert },
        { label: 'UPDATE', points: data.operations.update },
        { label: 'DELETE', points: data.operations.delete },
      ]),
      chart('index-reads', l10n.t('Reads through an index'), '%', [{ label: l10n.t('Index reads'), points: data.indexReads }]),
      ...(data.schema
        ? [
            chart('schema-throughput', l10n.t('{0}: rows', data.schema.name), '/s', [
              { label: l10n.t('Fetched'), points: data.schema.throughput.fetch },
              { label: l10n.t('Inserted'), points: data.schema.throughput.insert },
            ]),
            chart('schema-latency', l10n.t('{0}: latency', data.schema.name), 'ms', [
              { label: l10n.t('Fetch'), points: data.schema.latency.fetch },
              { label: l10n.t('Insert'), points: data.schema.latency.insert },
            ]),
          ]
        : []),
    ],
  };
}

const MYSQL_SYSTEM_SCHEMAS = new Set(['mysql', 'sys', 'information_schema', 'performance_schema']);

export const databasePanel: PanelBuilder<DatabaseCluster> = {
  kind: 'database_cluster',
  buttons: (d) => [
    ...(d.status === 'online' && hasShell(d.engine)
      ? [{ id: 'shell', label: l10n.t('Database Shell'), command: 'digitalocean.database.shell', primary: true }]
      : []),
    ...(d.status === 'online' ? [{ id: 'resize', label: l10n.t('Resize…'), command: 'digitalocean.database.resize' }] : []),
    ...(supportsUsers(d.engine) ? [{ id: 'create-user', label: l10n.t('Create User…'), command: 'digitalocean.database.createUser' }] : []),
    ...(d.engine === 'pg' || d.engine === 'mysql'
      ? [{ id: 'create-db', label: l10n.t('Create Database…'), command: 'digitalocean.database.createDatabase' }]
      : []),
    { id: 'trust', label: l10n.t('Add Trusted Source…'), command: 'digitalocean.database.addTrustedSource' },
  ],
  async sections(d, ctx) {
    const { parts } = ctx;
    const network = d.private_network_uuid ? await ctx.find(vpc as never, d.private_network_uuid).catch(() => undefined) : undefined;
    const overview = fields('overview', l10n.t('Overview'), [
      plain(l10n.t('Engine'), `${engineName(d.engine)} ${d.version}`),
      plain(l10n.t('Status'), d.status),
      plain(l10n.t('Plan'), `${d.size} · ${dbSizeLabel(d.size)}`),
      plain(l10n.t('Nodes'), d.num_nodes === 1 ? l10n.t('1 (primary only)') : l10n.t('{0} (primary + {1} standby)', d.num_nodes, d.num_nodes - 1)),
      plain(l10n.t('Storage'), d.storage_size_mib ? `${Math.round(d.storage_size_mib / 1024)} GB` : undefined),
      plain(l10n.t('Region'), d.region),
      network
        ? { label: 'VPC', value: network.presenter.kind.nameOf(network.item as never), link: parts.link({ resource: network }) }
        : plain('VPC', d.private_network_uuid),
      plain(l10n.t('Created'), when(d.created_at, ctx.now)),
      parts.copyable('ID', d.id),
    ]);
    const sections: SectionView[] = [
      overview,
      connection('public', l10n.t('Connection (public network)'), d.connection, ctx),
      connection('private', l10n.t('Connection (VPC network)'), d.private_connection, ctx),
    ];
    if (supportsUsers(d.engine)) {
      sections.push(
        ...(await tolerant('users', l10n.t('Users'), async () => ({
          type: 'table',
          id: 'users',
          title: l10n.t('Users'),
          columns: [l10n.t('Name'), l10n.t('Role'), l10n.t('Authentication')],
          rows: (await ctx.cache.list(databaseUser, [d.id])).map((u) => [
            u.name,
            u.role ?? '',
            u.mysql_settings?.auth_plugin ?? (u.settings?.acl ? `${u.settings.acl.length} ACL(s)` : ''),
          ]),
          empty: l10n.t('No users'),
        }))),
      );
    }
    if (d.engine === 'pg' || d.engine === 'mysql') {
      sections.push(
        ...(await tolerant('dbs', l10n.t('Databases'), async () => ({
          type: 'table',
          id: 'dbs',
          title: l10n.t('Databases'),
          columns: [l10n.t('Name')],
          rows: (await ctx.cache.list(databaseDb, [d.id])).map((x) => [x.name]),
          empty: l10n.t('No databases'),
        }))),
      );
    }
    if (d.engine === 'pg') {
      sections.push(
        ...(await tolerant('pools', l10n.t('Connection pools'), async () => ({
          type: 'table',
          id: 'pools',
          title: l10n.t('Connection pools'),
          columns: [l10n.t('Name'), l10n.t('Mode'), l10n.t('Size'), l10n.t('Database'), l10n.t('User')],
          rows: (await ctx.cache.list(connectionPool, [d.id])).map((p) => [p.name, p.mode, String(p.size), p.db, p.user ?? '']),
          empty: l10n.t('No connection pools'),
        }))),
      );
    }
    if (d.engine === 'mysql') sections.push(...(await tolerant('monitoring', l10n.t('Monitoring'), () => mysqlMonitoring(d, ctx))));
    sections.push(...(await tolerant('trusted', l10n.t('Trusted sources'), () => trustedSources(d, ctx))));
    if (supportsReplicas(d.engine)) {
      sections.push(
        ...(await tolerant('replicas', l10n.t('Read replicas'), async () => ({
          type: 'table',
          id: 'replicas',
          title: l10n.t('Read replicas'),
          columns: [l10n.t('Name'), l10n.t('Status'), l10n.t('Plan'), l10n.t('Region'), l10n.t('Host')],
          rows: (await ctx.cache.list(databaseReplica, [d.id])).map((r) => [r.name, r.status ?? '', r.size ?? '', r.region ?? '', r.connection?.host ?? '']),
          empty: l10n.t('No read replicas'),
        }))),
      );
    }
    if (BACKUP_ENGINES.has(d.engine)) {
      sections.push(
        ...(await tolerant('backups', l10n.t('Backups'), async () => {
          const b = await databaseBackups(ctx.cache.client, d.id);
          const at = b.scheduled_backup_time;
          const daily =
            at?.backup_hour !== undefined
              ? l10n.t(
                  'taken every {0} h at {1}:{2} UTC',
                  at.backup_interval_hours ?? 24,
                  String(at.backup_hour).padStart(2, '0'),
                  String(at.backup_minute ?? 0).padStart(2, '0'),
                )
              : undefined;
          return {
            type: 'table',
            id: 'backups',
            title: [l10n.t('Backups'), daily, b.backup_progress ? l10n.t('one in progress: {0}', b.backup_progress) : undefined].filter(Boolean).join(' · '),
            columns: [l10n.t('Taken'), l10n.t('Size'), l10n.t('Kind')],
            rows: b.backups.map((x) => [when(x.created_at, ctx.now), `${x.size_gigabytes} GB`, x.incremental ? l10n.t('incremental') : l10n.t('full')]),
            empty: l10n.t('No backups yet: the first is taken within a day'),
          };
        })),
      );
    }
    if (d.engine !== 'redis' && d.engine !== 'valkey') {
      sections.push(
        ...(await tolerant('autoscale', l10n.t('Storage autoscale'), async () => {
          const a = await storageAutoscale(ctx.cache.client, d.id);
          return fields('autoscale', l10n.t('Storage autoscale'), [
            plain(l10n.t('Enabled'), a.enabled),
            ...(a.enabled ? [plain(l10n.t('Grows at'), `${a.threshold_percent ?? '?'}%`), plain(l10n.t('Grows by'), `${a.increment_gib ?? '?'} GiB`)] : []),
          ]);
        })),
      );
    }
    sections.push(
      ...(await tolerant('events', l10n.t('Events'), async () => ({
        type: 'table',
        id: 'events',
        title: l10n.t('Events'),
        columns: [l10n.t('When'), l10n.t('Event')],
        rows: (await databaseEvents(ctx.cache.client, d.id))
          .slice(0, 20)
          .map((e) => [e.create_time ? when(e.create_time, ctx.now) : '', EVENT_LABELS[e.event_type ?? ''] ?? e.event_type ?? '']),
        empty: l10n.t('No events'),
      }))),
    );
    const mw = d.maintenance_window;
    sections.push(
      fields('maintenance', l10n.t('Maintenance window'), [
        plain(l10n.t('Day'), mw?.day),
        plain(l10n.t('Hour (UTC)'), mw?.hour),
        plain(l10n.t('Update pending'), mw?.pending ?? false),
        ...(mw?.description ?? []).map((text) => plain(l10n.t('Pending update'), text)),
      ]),
      {
        type: 'table',
        id: 'nodes',
        title: l10n.t('Nodes'),
        columns: [l10n.t('Role'), l10n.t('Plan'), l10n.t('Region')],
        rows: Array.from({ length: d.num_nodes }, (_, i) => [i === 0 ? 'primary' : `standby ${i}`, d.size, d.region]),
        empty: l10n.t('No nodes'),
      },
      { type: 'tags', id: 'tags', title: l10n.t('Tags'), tags: d.tags ?? [], empty: l10n.t('No tags') },
    );
    return sections;
  },
};
