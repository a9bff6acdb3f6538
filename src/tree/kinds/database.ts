import { type ConnectionPool, type DatabaseCluster, type DatabaseDb, type DatabaseFirewallRule, type DatabaseUser, connectionPool, databaseCluster, databaseDb, databaseFirewallRule, databaseUser, supportsUsers, hasShell } from '../../api/resources/database';
import { mdTable, relativeTime } from '../format';
import { CONTROL_PANEL, type Presenter } from './presenter';

const ENGINES: Record<string, string> = {
  pg: 'PostgreSQL',
  mysql: 'MySQL',
  redis: 'Redis',
  valkey: 'Valkey',
  mongodb: 'MongoDB',
  kafka: 'Kafka',
  opensearch: 'OpenSearch',
};
const DB_TRANSITIONS = new Set(['creating', 'resizing', 'migrating', 'forking']);

export function engineName(engine: string): string {
  return ENGINES[engine] ?? engine;
}

/** "db-s-2vcpu-4gb" → "2 vCPU · 4 GB RAM" (the slug is all /v2/databases/options gives). */
export function dbSizeLabel(slug: string): string {
  const m = /(\d+)vcpu-(\d+)gb/.exec(slug);
  return m ? `${m[1]} vCPU · ${m[2]} GB RAM` : slug;
}

const SOURCE_TYPES: Record<string, string> = { ip_addr: 'IP address', droplet: 'Droplet', k8s: 'Kubernetes cluster', app: 'App', tag: 'Tag' };

export const databaseFirewallRulePresenter: Presenter<DatabaseFirewallRule> = {
  kind: databaseFirewallRule,
  placement: 'child',
  icon: 'verified',
  label: (r) => r.value,
  description: (r) => [SOURCE_TYPES[r.type] ?? r.type, r.description].filter(Boolean).join(' · '),
  tooltip: (r) => mdTable(`Trusted source ${r.value}`, [['Type', SOURCE_TYPES[r.type] ?? r.type], ['Value', r.value], ['Description', r.description], ['Added', r.created_at]]),
};

export const databaseDbPresenter: Presenter<DatabaseDb> = {
  kind: databaseDb,
  placement: 'child',
  icon: 'symbol-structure',
  description: () => '',
  tooltip: (d) => mdTable(`Database ${d.name}`, [['Name', d.name]]),
};

export const databaseUserPresenter: Presenter<DatabaseUser> = {
  kind: databaseUser,
  placement: 'child',
  icon: 'person',
  description: (u) => [u.role === 'primary' ? 'admin' : undefined, u.mysql_settings?.auth_plugin].filter(Boolean).join(' · '),
  // Passwords are never shown in the tree.
  tooltip: (u) => mdTable(`Database user ${u.name}`, [['Role', u.role], ['Auth plugin', u.mysql_settings?.auth_plugin], ['Kafka ACLs', u.settings?.acl?.length]]),
};

export const connectionPoolPresenter: Presenter<ConnectionPool> = {
  kind: connectionPool,
  placement: 'child',
  icon: 'plug',
  description: (p) => `${p.mode} · ${p.size} connections · ${p.db}`,
  tooltip: (p) => mdTable(`Connection pool ${p.name}`, [['Mode', p.mode], ['Size', p.size], ['Database', p.db], ['User', p.user]]),
};

export const databaseClusterPresenter: Presenter<DatabaseCluster> = {
  kind: databaseCluster,
  quickAction: { command: 'digitalocean.database.shell', title: 'Open Database Shell', icon: 'terminal' },
  placement: 'project',
  groupOrder: 40,
  icon: 'database',
  flags: (d) => (hasShell(d.engine) ? ['shell'] : []),
  style: (d) => ({
    state: d.status,
    icon: DB_TRANSITIONS.has(d.status) ? 'loading~spin' : undefined,
    color: d.status === 'online' ? 'charts.green' : 'charts.yellow',
  }),
  transitional: (d) => DB_TRANSITIONS.has(d.status),
  description: (d) => [engineName(d.engine) + (d.version ? ` ${d.version}` : ''), d.status === 'online' ? undefined : d.status, d.size, `${d.num_nodes} node${d.num_nodes === 1 ? '' : 's'}`, d.region].filter(Boolean).join(' · '),
  tooltip: (d, ctx) =>
    mdTable(`Database cluster ${d.name}`, [
      ['Engine', `${engineName(d.engine)} ${d.version}`],
      ['Status', d.status],
      ['Size', `${d.size}, ${d.num_nodes} node(s)`],
      ['Region', d.region],
      ['Host', d.connection?.host],
      ['Port', d.connection?.port],
      ['Created', relativeTime(d.created_at, ctx.now)],
      ['ID', d.id],
    ]),
  region: (d) => d.region,
  tags: (d) => d.tags ?? [],
  async children(d, parents, ctx) {
    const under = [...parents, d.id];
    const groups = [];
    if (d.engine === 'pg' || d.engine === 'mysql') {
      groups.push(ctx.group(`${d.id}:dbs`, 'Databases', 'symbol-structure', async () => ctx.resources(databaseDbPresenter, await ctx.list(databaseDb, [d.id]), under)));
    }
    if (supportsUsers(d.engine)) {
      groups.push(ctx.group(`${d.id}:users`, 'Users', 'person', async () => ctx.resources(databaseUserPresenter, await ctx.list(databaseUser, [d.id]), under)));
    }
    if (d.engine === 'pg') {
      groups.push(ctx.group(`${d.id}:pools`, 'Connection pools', 'plug', async () => {
        const pools = await ctx.list(connectionPool, [d.id]);
        return pools.length ? ctx.resources(connectionPoolPresenter, pools, under) : [ctx.message(`${d.id}:no-pools`, 'No connection pools')];
      }));
    }
    groups.push(ctx.group(`${d.id}:firewall`, 'Trusted sources', 'verified', async () => {
      const rules = await ctx.list(databaseFirewallRule, [d.id]);
      return rules.length ? ctx.resources(databaseFirewallRulePresenter, rules, under) : [ctx.message(`${d.id}:no-rules`, 'No trusted sources: open to any address (with the password)')];
    }));
    return groups;
  },
  consoleUrl: (d) => `${CONTROL_PANEL}/databases/${d.id}`,
};
