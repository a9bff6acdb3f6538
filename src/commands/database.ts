/**
 * Database clusters: users (engine-aware; the generated password is shown once, never logged),
 * databases, connection pools, resizing, and trusted sources (the cluster's firewall).
 */
import * as vscode from 'vscode';
import { type DatabaseCluster, type DatabaseFirewallRule, type DatabaseUser, connectionPool, databaseDb, databaseFirewallRule, databaseUser, supportsUsers } from '../api/resources/database';
import { app as appKind } from '../api/resources/app';
import { createDatabaseUser, databaseOptions, putDatabaseFirewall, resetDatabaseUserAuth, resizeDatabase } from '../api';
import { droplet as dropletKind } from '../api/resources/droplet';
import { kubernetesCluster } from '../api/resources/kubernetes';
import { tag as tagKind } from '../api/resources/tag';
import { databaseClusterPresenter, databaseDbPresenter, databaseFirewallRulePresenter, databaseUserPresenter, dbSizeLabel, engineName } from '../tree/kinds/database';
import { ResourceNode } from '../tree/nodes/resourceNode';
import { numberProblem } from './validators';
import { runAction } from './actionRunner';
import { lookUpPublicIp } from './publicIp';
import { nodeArgument, resourceTarget } from './pick';
import { registerCommand } from './register';
import { withProgress } from '../ui/progress';
import type { CommandDeps } from './deps';
import { trustedIpProblem } from './validators';

export function registerDatabaseCommands(deps: CommandDeps): vscode.Disposable[] {
  const { input, log, model } = deps;
  const cluster = (arg: unknown, title: string, valid: (c: DatabaseCluster) => boolean) => resourceTarget(deps, arg, databaseClusterPresenter, title, (c) => valid(c as DatabaseCluster));

  /** After a change below a cluster: forget the list and redraw the folder (or the cluster). */
  const reload = (node: ResourceNode, kind: string) => {
    model.reloadKind(node.account, kind, false);
  };

  return [
    registerCommand(deps, 'digitalocean.database.createUser', 'Create database user', async (arg) => {
      const node = await cluster(arg, 'Create a database user', (c) => supportsUsers(c.engine));
      const db = node.item as DatabaseCluster;
      if (!supportsUsers(db.engine)) throw new Error(`${engineName(db.engine)} clusters have no users to create.`);
      const cache = model.cacheFor(node.account);
      const taken = (await cache.list(databaseUser, [db.id])).map((u) => u.name);
      const name = await input.inputBox({ title: `New user in ${db.name}`, validateInput: (v) => databaseUser.nameProblem?.(v, taken) });
      const body: Record<string, unknown> = { name };
      if (db.engine === 'mysql') {
        const plugin = await input.quickPick(
          [
            { label: 'caching_sha2_password', description: 'MySQL 8 default' },
            { label: 'mysql_native_password', description: 'for older clients' },
          ],
          { title: `Authentication for ${name}` },
        );
        body.mysql_settings = { auth_plugin: plugin.label };
      }
      if (db.engine === 'kafka') {
        const topic = await input.inputBox({ title: `Kafka ACL for ${name}: topic`, prompt: 'Topic name or pattern ("*" for all)', value: '*', validateInput: (v) => (v.trim() ? undefined : 'A topic or pattern is required.') });
        const permission = await input.quickPick(['produceconsume', 'produce', 'consume', 'admin'].map((p) => ({ label: p })), { title: `Kafka ACL for ${name}: permission` });
        body.settings = { acl: [{ topic: topic.trim(), permission: permission.label }] };
      }
      const user = await withProgress(`Creating user ${name}…`, (signal) => createDatabaseUser(cache.client, db.id, body, signal));
      log.info(`[${node.account.label}] Database user ${name} created in ${db.name}`);
      reload(node, databaseUser.kind);
      if (user.password) await input.showSecret(`User ${name} was created in ${db.name}. Its password:`, user.password);
      return name;
    }),

    registerCommand(deps, 'digitalocean.database.resetUserPassword', 'Reset database user password', async (arg) => {
      const node = nodeArgument(arg, databaseUserPresenter);
      const user = node.item as DatabaseUser;
      const clusterId = node.parents[0];
      await input.confirm(`Reset the password of ${user.name}?`, 'Connections using the old password stop working.', 'Reset Password');
      const updated = await withProgress(`Resetting ${user.name}'s password…`, (signal) => resetDatabaseUserAuth(model.client(node.account), clusterId, user, signal));
      log.info(`[${node.account.label}] Password of database user ${user.name} reset`);
      if (updated.password) await input.showSecret(`The new password of ${user.name}:`, updated.password);
    }),

    registerCommand(deps, 'digitalocean.database.deleteUser', 'Delete database user', async (arg) => {
      const node = nodeArgument(arg, databaseUserPresenter);
      const user = node.item as DatabaseUser;
      if (user.role === 'primary') throw new Error(`${user.name} is the cluster's admin user and cannot be deleted.`);
      await input.confirm(`Delete database user ${user.name}?`, 'Its connections stop working.', 'Delete');
      await withProgress(`Deleting ${user.name}…`, (signal) => model.cacheFor(node.account).client.remove(databaseUser, user.name, { parents: node.parents, signal }));
      log.info(`[${node.account.label}] Database user ${user.name} deleted`);
      reload(node, databaseUser.kind);
    }),

    registerCommand(deps, 'digitalocean.database.createDatabase', 'Create database', async (arg) => {
      const node = await cluster(arg, 'Create a database', (c) => c.engine === 'pg' || c.engine === 'mysql');
      const db = node.item as DatabaseCluster;
      const taken = (await model.cacheFor(node.account).list(databaseDb, [db.id])).map((d) => d.name);
      const name = await input.inputBox({ title: `New database in ${db.name}`, validateInput: (v) => databaseDb.nameProblem?.(v, taken) });
      await withProgress(`Creating database ${name}…`, (signal) => model.cacheFor(node.account).client.create(databaseDb, { name }, { parents: [db.id], signal }));
      log.info(`[${node.account.label}] Database ${name} created in ${db.name}`);
      reload(node, databaseDb.kind);
    }),

    registerCommand(deps, 'digitalocean.database.deleteDatabase', 'Delete database', async (arg) => {
      const node = nodeArgument(arg, databaseDbPresenter);
      const name = (node.item as { name: string }).name;
      await input.inputBox({ title: `Delete database ${name}`, prompt: `All its data is lost. Type its name (${name}) to confirm.`, validateInput: (v) => (v === name ? undefined : `Type ${name} exactly to confirm.`) });
      await withProgress(`Deleting ${name}…`, (signal) => model.cacheFor(node.account).client.remove(databaseDb, name, { parents: node.parents, signal }));
      log.info(`[${node.account.label}] Database ${name} deleted`);
      reload(node, databaseDb.kind);
    }),

    registerCommand(deps, 'digitalocean.database.createPool', 'Create connection pool', async (arg) => {
      const node = await cluster(arg, 'Create a connection pool', (c) => c.engine === 'pg');
      const db = node.item as DatabaseCluster;
      if (db.engine !== 'pg') throw new Error('Connection pools are for PostgreSQL clusters.');
      const cache = model.cacheFor(node.account);
      const [dbs, users, pools] = await Promise.all([cache.list(databaseDb, [db.id]), cache.list(databaseUser, [db.id]), cache.list(connectionPool, [db.id])]);
      const name = await input.inputBox({ title: `New connection pool in ${db.name}`, validateInput: (v) => connectionPool.nameProblem?.(v, pools.map((p) => p.name)) });
      const database = (await input.quickPick(dbs.map((d) => ({ label: d.name })), { title: `Pool ${name}: database` })).label;
      const user = (await input.quickPick(users.map((u) => ({ label: u.name })), { title: `Pool ${name}: user` })).label;
      const mode = (await input.quickPick([{ label: 'transaction', description: 'recommended' }, { label: 'session' }, { label: 'statement' }], { title: `Pool ${name}: mode` })).label;
      const size = Number(await input.inputBox({ title: `Pool ${name}: size`, value: '10', validateInput: (v) => numberProblem(v, 1, 100, 'Connections') }));
      await withProgress(`Creating pool ${name}…`, (signal) => cache.client.create(connectionPool, { name, mode, size, db: database, user }, { parents: [db.id], signal }));
      log.info(`[${node.account.label}] Connection pool ${name} created in ${db.name}`);
      reload(node, connectionPool.kind);
    }),

    registerCommand(deps, 'digitalocean.database.resize', 'Resize database cluster', async (arg) => {
      const node = await cluster(arg, 'Resize a database cluster', (c) => c.status === 'online');
      const db = node.item as DatabaseCluster;
      if (db.status !== 'online') throw new Error(`${db.name} is ${db.status}; resize it when it is online.`);
      const options = (await withProgress('Loading database plans…', (signal) => databaseOptions(model.cacheFor(node.account).client, signal)))[db.engine];
      if (!options?.layouts.length) throw new Error(`DigitalOcean offers no plans for ${engineName(db.engine)} clusters.`);
      const title = `Resize ${db.name} (now ${db.size}, ${db.num_nodes} node${db.num_nodes === 1 ? '' : 's'})`;
      const layout =
        options.layouts.length === 1
          ? options.layouts[0]
          : (
              await input.quickPick(
                options.layouts.map((l) => ({
                  label: `${l.num_nodes} node${l.num_nodes === 1 ? '' : 's'}`,
                  description: [l.num_nodes === 1 ? 'primary only' : `primary + ${l.num_nodes - 1} standby`, l.num_nodes === db.num_nodes ? 'current' : ''].filter(Boolean).join(' · '),
                  layout: l,
                })),
                { title, placeHolder: 'Number of nodes' },
              )
            ).layout;
      const size = (
        await input.quickPick(
          layout.sizes.map((slug) => ({ label: slug === db.size ? `$(check) ${slug}` : slug, description: [dbSizeLabel(slug), slug === db.size ? 'current' : ''].filter(Boolean).join(' · '), slug })),
          { title, placeHolder: 'Node plan' },
        )
      ).slug;
      if (size === db.size && layout.num_nodes === db.num_nodes) throw new Error(`${db.name} already has ${size} with ${db.num_nodes} node(s).`);
      await input.confirm(
        `Resize ${db.name} to ${size} with ${layout.num_nodes} node(s)?`,
        'The cluster stays online, but connections may drop briefly while it switches over. Storage can grow but never shrink.',
        'Resize',
      );
      return runAction(deps, {
        node,
        title: `Resize ${db.name} to ${size} × ${layout.num_nodes}`,
        transition: 'Resizing…',
        start: (client, signal) => resizeDatabase(client, db.id, { size, num_nodes: layout.num_nodes }, signal),
      });
    }),

    registerCommand(deps, 'digitalocean.database.addTrustedSource', 'Add trusted source', async (arg) => {
      const node = await cluster(arg, 'Add a trusted source', () => true);
      const db = node.item as DatabaseCluster;
      const cache = model.cacheFor(node.account);
      const existing = await cache.list(databaseFirewallRule, [db.id]);
      const rule = await askTrustedSource(deps, node, existing);
      if (existing.some((r) => r.type === rule.type && r.value === rule.value)) throw new Error(`${rule.value} is a trusted source of ${db.name} already.`);
      const rules = [...existing.map(({ uuid, type, value }) => ({ uuid, type, value })), rule];
      await withProgress(`Adding ${rule.value} to ${db.name}'s trusted sources…`, (signal) => putDatabaseFirewall(cache.client, db.id, rules, signal));
      log.info(`[${node.account.label}] Trusted source ${rule.type} ${rule.value} added to ${db.name}`);
      reload(node, databaseFirewallRule.kind);
      return rule.value;
    }),

    registerCommand(deps, 'digitalocean.database.removeTrustedSource', 'Remove trusted source', async (arg) => {
      const node = nodeArgument(arg, databaseFirewallRulePresenter);
      const rule = node.item as DatabaseFirewallRule;
      const clusterId = node.parents[0];
      const cache = model.cacheFor(node.account);
      const existing = await cache.list(databaseFirewallRule, [clusterId]);
      const rest = existing.filter((r) => !(r.type === rule.type && r.value === rule.value));
      await input.confirm(
        `Remove trusted source ${rule.value}?`,
        rest.length === 0 ? 'It is the last one: with no trusted sources, the cluster accepts connections from anywhere (with its password).' : 'Connections from it are refused from then on.',
        'Remove',
      );
      await withProgress(`Removing ${rule.value}…`, (signal) => putDatabaseFirewall(cache.client, clusterId, rest.map(({ uuid, type, value }) => ({ uuid, type, value })), signal));
      log.info(`[${node.account.label}] Trusted source ${rule.type} ${rule.value} removed`);
      reload(node, databaseFirewallRule.kind);
    }),
  ];
}

/** Asks what to trust: this machine's public IP (looked up only with consent), an address, or a resource. */
async function askTrustedSource(deps: CommandDeps, node: ResourceNode, existing: DatabaseFirewallRule[]): Promise<Pick<DatabaseFirewallRule, 'type' | 'value'>> {
  const { input, model } = deps;
  const db = node.item as DatabaseCluster;
  const cache = model.cacheFor(node.account);
  const title = `Trusted source for ${db.name}`;
  const lookupHost = new URL(publicIpLookupUrl()).host;
  const kind = (
    await input.quickPick(
      [
        { label: 'My public IP address', description: `looked up at ${lookupHost} only if you agree`, type: 'me' },
        { label: 'IP address or CIDR range', description: 'type it in', type: 'ip_addr' },
        { label: 'Droplet', type: 'droplet' },
        { label: 'Kubernetes cluster', type: 'k8s' },
        { label: 'App', description: 'App Platform', type: 'app' },
        { label: 'Tag', description: 'every droplet with the tag', type: 'tag' },
      ],
      { title, placeHolder: 'Allow connections from…' },
    )
  ).type;
  const taken = (type: string, value: string) => existing.some((r) => r.type === type && r.value === value);
  switch (kind) {
    case 'me': {
      await input.confirm(
        'Look up your public IP address?',
        `One request goes to ${lookupHost}, which sees your IP address. Nothing else is sent. You can edit the address before it is added.`,
        'Look Up',
      );
      const found = await withProgress(`Asking ${lookupHost} for your public IP…`, (signal) => lookUpPublicIp(publicIpLookupUrl(), signal));
      const value = await input.inputBox({ title, prompt: `Your public IP, as ${lookupHost} sees it. Add it?`, value: found, validateInput: (v) => trustedIpProblem(v) ?? (taken('ip_addr', v.trim()) ? 'Already trusted.' : undefined) });
      return { type: 'ip_addr', value: value.trim() };
    }
    case 'ip_addr': {
      const value = await input.inputBox({ title, prompt: 'IPv4 address or CIDR range', placeHolder: '203.0.113.7 or 203.0.113.0/24', validateInput: (v) => trustedIpProblem(v) ?? (taken('ip_addr', v.trim()) ? 'Already trusted.' : undefined) });
      return { type: 'ip_addr', value: value.trim() };
    }
    case 'droplet': {
      const droplets = await withProgress('Listing droplets…', () => cache.list(dropletKind));
      const picked = await input.quickPick(droplets.map((d) => ({ label: d.name, description: `${d.region.slug}${d.region.slug === db.region ? ' · same region' : ''}`, value: String(d.id) })), { title, placeHolder: 'Droplet' });
      return { type: 'droplet', value: picked.value };
    }
    case 'k8s': {
      const clusters = await withProgress('Listing Kubernetes clusters…', () => cache.list(kubernetesCluster));
      const picked = await input.quickPick(clusters.map((c) => ({ label: c.name, description: c.region, value: c.id })), { title, placeHolder: 'Kubernetes cluster' });
      return { type: 'k8s', value: picked.value };
    }
    case 'app': {
      const apps = await withProgress('Listing apps…', () => cache.list(appKind));
      const picked = await input.quickPick(apps.map((a) => ({ label: a.spec?.name ?? a.id, description: a.region?.slug ?? '', value: a.id })), { title, placeHolder: 'App' });
      return { type: 'app', value: picked.value };
    }
    default: {
      const tags = await withProgress('Listing tags…', () => cache.list(tagKind));
      const picked = await input.quickPick(tags.map((t) => ({ label: t.name, description: `${t.resources?.count ?? 0} resources` })), { title, placeHolder: 'Tag' });
      return { type: 'tag', value: picked.label };
    }
  }
}

function publicIpLookupUrl(): string {
  return vscode.workspace.getConfiguration('digitalocean').get<string>('publicIpLookupUrl') || 'https://api.ipify.org';
}
