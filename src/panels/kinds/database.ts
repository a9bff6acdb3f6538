/**
 * The database cluster panel: connection details (passwords hidden until revealed, URIs
 * copyable), users, databases, pools, trusted sources, maintenance window and nodes.
 */
import { type DatabaseCluster, type DatabaseConnection, connectionPool, databaseDb, databaseFirewallRule, databaseUser, supportsUsers, hasShell } from '../../api/resources/database';
import { app } from '../../api/resources/app';
import { droplet } from '../../api/resources/droplet';
import { kubernetesCluster } from '../../api/resources/kubernetes';
import { vpc } from '../../api/resources/vpc';
import { dbSizeLabel, engineName } from '../../tree/kinds/database';
import type { CellView, SectionView } from '../protocol';
import { MASK, type PanelBuilder, type PanelContext, fields, plain, tolerant, when } from './builder';

const maskUri = (uri: string) => uri.replace(/(:\/\/[^:/@]+:)[^@]+@/, `$1${MASK}@`);

function connection(id: string, title: string, c: DatabaseConnection | undefined, ctx: PanelContext): SectionView {
  if (!c) return fields(id, title, [plain('Connection', 'not available')]);
  const { parts } = ctx;
  return fields(id, title, [
    parts.copyable('Host', c.host),
    plain('Port', c.port),
    parts.copyable('User', c.user),
    parts.secret('Password', `${id}-password`, c.password),
    plain('Database', c.database),
    plain('SSL', c.ssl),
    parts.secret('URI', `${id}-uri`, c.uri, maskUri),
  ]);
}

const SOURCE_KINDS = { droplet, k8s: kubernetesCluster, app } as const;

async function trustedSources(d: DatabaseCluster, ctx: PanelContext): Promise<SectionView> {
  const rules = await ctx.cache.list(databaseFirewallRule, [d.id]);
  const rows: (string | CellView)[][] = [];
  for (const r of rules) {
    const kind = SOURCE_KINDS[r.type as keyof typeof SOURCE_KINDS];
    const target = kind ? await ctx.find(kind as never, r.value).catch(() => undefined) : undefined;
    const value: CellView = target ? ctx.parts.resourceLink(target.presenter.kind.nameOf(target.item as never), target) : { text: r.value, mono: r.type === 'ip_addr' };
    rows.push([{ ip_addr: 'IP address', droplet: 'Droplet', k8s: 'Kubernetes cluster', app: 'App', tag: 'Tag' }[r.type] ?? r.type, value, r.description ?? '']);
  }
  return { type: 'table', id: 'trusted', title: 'Trusted sources', columns: ['Type', 'Source', 'Description'], rows, empty: 'None: the cluster accepts connections from any address (with the password).' };
}

export const databasePanel: PanelBuilder<DatabaseCluster> = {
  kind: 'database_cluster',
  buttons: (d) => [
    ...(d.status === 'online' && hasShell(d.engine) ? [{ id: 'shell', label: 'Database Shell', command: 'digitalocean.database.shell', primary: true }] : []),
    ...(d.status === 'online' ? [{ id: 'resize', label: 'Resize…', command: 'digitalocean.database.resize' }] : []),
    ...(supportsUsers(d.engine) ? [{ id: 'create-user', label: 'Create User…', command: 'digitalocean.database.createUser' }] : []),
    ...(d.engine === 'pg' || d.engine === 'mysql' ? [{ id: 'create-db', label: 'Create Database…', command: 'digitalocean.database.createDatabase' }] : []),
    { id: 'trust', label: 'Add Trusted Source…', command: 'digitalocean.database.addTrustedSource' },
  ],
  async sections(d, ctx) {
    const { parts } = ctx;
    const network = d.private_network_uuid ? await ctx.find(vpc as never, d.private_network_uuid).catch(() => undefined) : undefined;
    const overview = fields('overview', 'Overview', [
      plain('Engine', `${engineName(d.engine)} ${d.version}`),
      plain('Status', d.status),
      plain('Plan', `${d.size} · ${dbSizeLabel(d.size)}`),
      plain('Nodes', d.num_nodes === 1 ? '1 (primary only)' : `${d.num_nodes} (primary + ${d.num_nodes - 1} standby)`),
      plain('Storage', d.storage_size_mib ? `${Math.round(d.storage_size_mib / 1024)} GB` : undefined),
      plain('Region', d.region),
      network ? { label: 'VPC', value: network.presenter.kind.nameOf(network.item as never), link: parts.link({ resource: network }) } : plain('VPC', d.private_network_uuid),
      plain('Created', when(d.created_at, ctx.now)),
      parts.copyable('ID', d.id),
    ]);
    const sections: SectionView[] = [overview, connection('public', 'Connection (public network)', d.connection, ctx), connection('private', 'Connection (VPC network)', d.private_connection, ctx)];
    if (supportsUsers(d.engine)) {
      sections.push(
        ...(await tolerant('users', 'Users', async () => ({
          type: 'table',
          id: 'users',
          title: 'Users',
          columns: ['Name', 'Role', 'Authentication'],
          rows: (await ctx.cache.list(databaseUser, [d.id])).map((u) => [u.name, u.role ?? '', u.mysql_settings?.auth_plugin ?? (u.settings?.acl ? `${u.settings.acl.length} ACL(s)` : '')]),
          empty: 'No users',
        }))),
      );
    }
    if (d.engine === 'pg' || d.engine === 'mysql') {
      sections.push(
        ...(await tolerant('dbs', 'Databases', async () => ({ type: 'table', id: 'dbs', title: 'Databases', columns: ['Name'], rows: (await ctx.cache.list(databaseDb, [d.id])).map((x) => [x.name]), empty: 'No databases' }))),
      );
    }
    if (d.engine === 'pg') {
      sections.push(
        ...(await tolerant('pools', 'Connection pools', async () => ({
          type: 'table',
          id: 'pools',
          title: 'Connection pools',
          columns: ['Name', 'Mode', 'Size', 'Database', 'User'],
          rows: (await ctx.cache.list(connectionPool, [d.id])).map((p) => [p.name, p.mode, String(p.size), p.db, p.user ?? '']),
          empty: 'No connection pools',
        }))),
      );
    }
    sections.push(...(await tolerant('trusted', 'Trusted sources', () => trustedSources(d, ctx))));
    const mw = d.maintenance_window;
    sections.push(
      fields('maintenance', 'Maintenance window', [
        plain('Day', mw?.day),
        plain('Hour (UTC)', mw?.hour),
        plain('Update pending', mw?.pending ?? false),
        ...(mw?.description ?? []).map((text) => plain('Pending update', text)),
      ]),
      {
        type: 'table',
        id: 'nodes',
        title: 'Nodes',
        columns: ['Role', 'Plan', 'Region'],
        rows: Array.from({ length: d.num_nodes }, (_, i) => [i === 0 ? 'primary' : `standby ${i}`, d.size, d.region]),
        empty: 'No nodes',
      },
      { type: 'tags', id: 'tags', title: 'Tags', tags: d.tags ?? [], empty: 'No tags' },
    );
    return sections;
  },
};
