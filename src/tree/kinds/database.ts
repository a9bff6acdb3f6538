import {
  type ConnectionPool,
  type DatabaseCluster,
  type DatabaseDb,
  type DatabaseFirewallRule,
  type DatabaseReplica,
  type DatabaseLogSink,
  type DatabaseUser,
  type KafkaTopic,
  type OpenSearchIndex,
  connectionPool,
  databaseCluster,
  databaseDb,
  databaseFirewallRule,
  databaseReplica,
  databaseLogSink,
  databaseUser,
  kafkaTopic,
  logSinkDestination,
  supportsLogSinks,
  opensearchIndex,
  supportsReplicas,
  supportsUsers,
  hasShell,
} from '../../api/resources/database';
import { bytes, mdTable, relativeTime } from '../format';
import { CONTROL_PANEL, type Presenter } from './presenter';
import * as l10n from '@vscode/l10n';

const ENGINES: Record<string, string> = {
  pg: 'PostgreSQL',
  mysql: 'MySQL',
  redis: l10n.t('Redis'),
  valkey: l10n.t('Valkey'),
  mongodb: 'MongoDB',
  kafka: l10n.t('Kafka'),
  opensearch: 'OpenSearch',
};
const DB_TRANSITIONS = new Set(['creating', 'resizing', 'migrating', 'forking']);

export function engineName(engine: string): string {
  return ENGINES[engine] ?? engine;
}

/** "db-s-2vcpu-4gb" → 4: the memory a size's slug names (to order sizes and compare them). */
export function dbSizeMemory(slug: string): number {
  return Number(/-(\d+)gb$/.exec(slug)?.[1] ?? 0);
}

/** "db-s-2vcpu-4gb" → "2 vCPU · 4 GB RAM" (the slug is all /v2/databases/options gives). */
export function dbSizeLabel(slug: string): string {
  const m = /(\d+)vcpu-(\d+)gb/.exec(slug);
  return m ? l10n.t('{0} vCPU · {1} GB RAM', m[1], m[2]) : slug;
}

const SOURCE_TYPES: Record<string, string> = {
  ip_addr: l10n.t('IP address'),
  droplet: l10n.t('Droplet'),
  k8s: l10n.t('Kubernetes cluster'),
  app: l10n.t('App'),
  tag: l10n.t('Tag'),
};

export const databaseFirewallRulePresenter: Presenter<DatabaseFirewallRule> = {
  kind: databaseFirewallRule,
  placement: 'child',
  icon: 'verified',
  label: (r) => r.value,
  description: (r) => [SOURCE_TYPES[r.type] ?? r.type, r.description].filter(Boolean).join(' · '),
  tooltip: (r) =>
    mdTable(l10n.t('Trusted source {0}', r.value), [
      [l10n.t('Type'), SOURCE_TYPES[r.type] ?? r.type],
      [l10n.t('Value'), r.value],
      [l10n.t('Description'), r.description],
      [l10n.t('Added'), r.created_at],
    ]),
};

export const databaseDbPresenter: Presenter<DatabaseDb> = {
  kind: databaseDb,
  placement: 'child',
  icon: 'symbol-structure',
  description: () => '',
  tooltip: (d) => mdTable(l10n.t('Database {0}', d.name), [[l10n.t('Name'), d.name]]),
};

export const databaseUserPresenter: Presenter<DatabaseUser> = {
  kind: databaseUser,
  placement: 'child',
  icon: 'person',
  description: (u) => [u.role === 'primary' ? 'admin' : undefined, u.mysql_settings?.auth_plugin].filter(Boolean).join(' · '),
  // Passwords are never shown in the tree.
  tooltip: (u) =>
    mdTable(l10n.t('Database user {0}', u.name), [
      [l10n.t('Role'), u.role],
      [l10n.t('Auth plugin'), u.mysql_settings?.auth_plugin],
      [l10n.t('Kafka ACLs'), u.settings?.acl?.length],
    ]),
};

export const connectionPoolPresenter: Presenter<ConnectionPool> = {
  kind: connectionPool,
  placement: 'child',
  icon: 'plug',
  description: (p) => `${p.mode} · ${p.size} connections · ${p.db}`,
  tooltip: (p) =>
    mdTable(l10n.t('Connection pool {0}', p.name), [
      [l10n.t('Mode'), p.mode],
      [l10n.t('Size'), p.size],
      [l10n.t('Database'), p.db],
      [l10n.t('User'), p.user],
    ]),
};

export const kafkaTopicPresenter: Presenter<KafkaTopic> = {
  kind: kafkaTopic,
  placement: 'child',
  icon: 'symbol-event',
  style: (t) => ({ state: t.state ?? 'active', icon: t.state === 'configuring' ? 'loading~spin' : undefined }),
  transitional: (t) => t.state === 'configuring' || t.state === 'deleting',
  description: (t) =>
    [
      t.state && t.state !== 'active' ? t.state : undefined,
      t.partition_count !== undefined ? l10n.t('{0} partition(s)', t.partition_count) : undefined,
      t.replication_factor !== undefined ? l10n.t('× {0} replicas', t.replication_factor) : undefined,
    ]
      .filter(Boolean)
      .join(' · '),
  tooltip: (t) =>
    mdTable(l10n.t('Kafka topic {0}', t.name), [
      [l10n.t('State'), t.state],
      [l10n.t('Partitions'), t.partition_count],
      [l10n.t('Replication factor'), t.replication_factor],
    ]),
};

export const opensearchIndexPresenter: Presenter<OpenSearchIndex> = {
  kind: opensearchIndex,
  placement: 'child',
  icon: 'search',
  style: (i) => ({
    state: i.status ?? 'open',
    color: i.health === 'green' ? 'charts.green' : i.health === 'yellow' ? 'charts.yellow' : i.health?.startsWith('red') ? 'charts.red' : undefined,
  }),
  description: (i) =>
    [
      i.health,
      i.status && i.status !== 'open' ? i.status : undefined,
      i.size !== undefined ? bytes(i.size) : undefined,
      l10n.t('{0} shard(s)', i.number_of_shards ?? '?'),
    ]
      .filter(Boolean)
      .join(' · '),
  tooltip: (i, ctx) =>
    mdTable(l10n.t('OpenSearch index {0}', i.index_name), [
      [l10n.t('Health'), i.health],
      [l10n.t('Status'), i.status],
      [l10n.t('Size'), i.size !== undefined ? bytes(i.size) : undefined],
      [l10n.t('Shards'), i.number_of_shards],
      [l10n.t('Replicas'), i.number_of_replicas],
      [l10n.t('Created'), i.created_time ? relativeTime(i.created_time, ctx.now) : undefined],
    ]),
};

const SINK_TYPES: Record<string, string> = { rsyslog: 'rsyslog', elasticsearch: 'Elasticsearch', opensearch: 'OpenSearch', datadog: 'Datadog' };

export const databaseLogSinkPresenter: Presenter<DatabaseLogSink> = {
  kind: databaseLogSink,
  placement: 'child',
  icon: 'output',
  // where it sends, never its URL's credentials or Datadog's key
  description: (s) => [SINK_TYPES[s.sink_type] ?? s.sink_type, logSinkDestination(s)].join(' · '),
  tooltip: (s) =>
    mdTable(l10n.t('Log sink {0}', s.sink_name), [
      [l10n.t('Type'), SINK_TYPES[s.sink_type] ?? s.sink_type],
      [l10n.t('Destination'), logSinkDestination(s)],
      [l10n.t('Format'), s.config?.format],
      [l10n.t('Index prefix'), s.config?.index_prefix],
      [l10n.t('Days kept'), s.config?.index_days_max],
    ]),
};

const REPLICA_TRANSITIONS = new Set(['creating', 'forking', 'resizing', 'migrating']);

export const databaseReplicaPresenter: Presenter<DatabaseReplica> = {
  kind: databaseReplica,
  placement: 'child',
  icon: 'mirror',
  style: (r) => ({
    state: r.status ?? 'online',
    icon: REPLICA_TRANSITIONS.has(r.status ?? '') ? 'loading~spin' : undefined,
    color: r.status === 'online' ? 'charts.green' : 'charts.yellow',
  }),
  transitional: (r) => REPLICA_TRANSITIONS.has(r.status ?? ''),
  description: (r) => [r.status === 'online' ? undefined : r.status, r.size ? dbSizeLabel(r.size) : undefined, r.region].filter(Boolean).join(' · '),
  // connection details are copied from the cluster's commands, never shown here (they carry the password)
  tooltip: (r, ctx) =>
    mdTable(l10n.t('Read replica {0}', r.name), [
      [l10n.t('Status'), r.status],
      [l10n.t('Size'), r.size],
      [l10n.t('Region'), r.region],
      [l10n.t('Host'), r.connection?.host],
      [l10n.t('Private host'), r.private_connection?.host],
      [l10n.t('Storage'), r.storage_size_mib ? `${Math.round(r.storage_size_mib / 1024)} GiB` : undefined],
      [l10n.t('Created'), r.created_at ? relativeTime(r.created_at, ctx.now) : undefined],
    ]),
};

export const databaseClusterPresenter: Presenter<DatabaseCluster> = {
  kind: databaseCluster,
  quickAction: { command: 'digitalocean.database.shell', title: l10n.t('Open Database Shell'), icon: 'terminal' },
  placement: 'project',
  groupOrder: 40,
  icon: 'database',
  // its engine and a pending update, for the menus (SQL mode is MySQL's, eviction Valkey's and Redis's)
  flags: (d) => [...(hasShell(d.engine) ? ['shell'] : []), `engine-${d.engine}`, ...(d.maintenance_window?.pending ? ['update-pending'] : [])],
  style: (d) => ({
    state: d.status,
    icon: DB_TRANSITIONS.has(d.status) ? 'loading~spin' : undefined,
    color: d.status === 'online' ? 'charts.green' : 'charts.yellow',
  }),
  transitional: (d) => DB_TRANSITIONS.has(d.status),
  description: (d) =>
    [
      engineName(d.engine) + (d.version ? ` ${d.version}` : ''),
      d.status === 'online' ? undefined : d.status,
      d.size,
      `${d.num_nodes} node${d.num_nodes === 1 ? '' : 's'}`,
      d.region,
    ]
      .filter(Boolean)
      .join(' · '),
  tooltip: (d, ctx) =>
    mdTable(l10n.t('Database cluster {0}', d.name), [
      [l10n.t('Engine'), `${engineName(d.engine)} ${d.version}`],
      [l10n.t('Status'), d.status],
      [l10n.t('Size'), `${d.size}, ${d.num_nodes} node(s)`],
      [l10n.t('Region'), d.region],
      [l10n.t('Host'), d.connection?.host],
      [l10n.t('Port'), d.connection?.port],
      [
        l10n.t('Maintenance'),
        d.maintenance_window
          ? `${d.maintenance_window.day} ${d.maintenance_window.hour.slice(0, 5)} UTC${d.maintenance_window.pending ? l10n.t(' · update pending') : ''}`
          : undefined,
      ],
      [l10n.t('Created'), relativeTime(d.created_at, ctx.now)],
      ['ID', d.id],
    ]),
  region: (d) => d.region,
  tags: (d) => d.tags ?? [],
  async children(d, parents, ctx) {
    const under = [...parents, d.id];
    const groups = [];
    if (d.engine === 'pg' || d.engine === 'mysql') {
      groups.push(
        ctx.group(`${d.id}:dbs`, l10n.t('Databases'), 'symbol-structure', async () =>
          ctx.resources(databaseDbPresenter, await ctx.list(databaseDb, [d.id]), under),
        ),
      );
    }
    if (supportsUsers(d.engine)) {
      groups.push(
        ctx.group(`${d.id}:users`, l10n.t('Users'), 'person', async () => ctx.resources(databaseUserPresenter, await ctx.list(databaseUser, [d.id]), under)),
      );
    }
    if (d.engine === 'pg') {
      groups.push(
        ctx.group(`${d.id}:pools`, l10n.t('Connection pools'), 'plug', async () => {
          const pools = await ctx.list(connectionPool, [d.id]);
          return pools.length ? ctx.resources(connectionPoolPresenter, pools, under) : [ctx.message(`${d.id}:no-pools`, l10n.t('No connection pools'))];
        }),
      );
    }
    if (supportsReplicas(d.engine)) {
      groups.push(
        ctx.group(`${d.id}:replicas`, l10n.t('Read replicas'), 'mirror', async () => {
          const replicas = await ctx.list(databaseReplica, [d.id]);
          return replicas.length ? ctx.resources(databaseReplicaPresenter, replicas, under) : [ctx.message(`${d.id}:no-replicas`, l10n.t('No read replicas'))];
        }),
      );
    }
    if (d.engine === 'kafka') {
      groups.push(
        ctx.group(`${d.id}:topics`, l10n.t('Topics'), 'symbol-event', async () => {
          const topics = await ctx.list(kafkaTopic, [d.id]);
          return topics.length ? ctx.resources(kafkaTopicPresenter, topics, under) : [ctx.message(`${d.id}:no-topics`, l10n.t('No topics'))];
        }),
      );
    }
    if (d.engine === 'opensearch') {
      groups.push(
        ctx.group(`${d.id}:indexes`, l10n.t('Indexes'), 'search', async () => {
          const indexes = await ctx.list(opensearchIndex, [d.id]);
          return indexes.length ? ctx.resources(opensearchIndexPresenter, indexes, under) : [ctx.message(`${d.id}:no-indexes`, l10n.t('No indexes'))];
        }),
      );
    }
    if (supportsLogSinks(d.engine)) {
      groups.push(
        ctx.group(`${d.id}:logsinks`, l10n.t('Log sinks'), 'output', async () => {
          const sinks = await ctx.list(databaseLogSink, [d.id]);
          return sinks.length ? ctx.resources(databaseLogSinkPresenter, sinks, under) : [ctx.message(`${d.id}:no-sinks`, l10n.t('No log sinks'))];
        }),
      );
    }
    groups.push(
      ctx.group(`${d.id}:firewall`, l10n.t('Trusted sources'), 'verified', async () => {
        const rules = await ctx.list(databaseFirewallRule, [d.id]);
        return rules.length
          ? ctx.resources(databaseFirewallRulePresenter, rules, under)
          : [ctx.message(`${d.id}:no-rules`, l10n.t('No trusted sources: open to any address (with the password)'))];
      }),
    );
    return groups;
  },
  consoleUrl: (d) => `${CONTROL_PANEL}/databases/${d.id}`,
};
