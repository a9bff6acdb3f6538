/**
 * Database clusters: users (engine-aware; the generated password is shown once, never logged),
 * databases, connection pools, resizing, and trusted sources (the cluster's firewall).
 */
import * as vscode from 'vscode';
import {
  type DatabaseCluster,
  type DatabaseFirewallRule,
  type DatabaseUser,
  connectionPool,
  databaseDb,
  databaseFirewallRule,
  databaseUser,
  supportsUsers,
} from '../../api/resources/database';
import { app as appKind } from '../../api/resources/app';
import { createDatabaseUser, databaseOptions, putDatabaseFirewall, resetDatabaseUserAuth, resizeDatabase } from '../../api';
import { droplet as dropletKind } from '../../api/resources/droplet';
import { kubernetesCluster } from '../../api/resources/kubernetes';
import { tag as tagKind } from '../../api/resources/tag';
import {
  databaseClusterPresenter,
  databaseDbPresenter,
  databaseFirewallRulePresenter,
  databaseUserPresenter,
  dbSizeLabel,
  engineName,
} from '../../tree/kinds/database';
import { ResourceNode } from '../../tree/nodes/resourceNode';
import { numberProblem } from '../validators';
import { runAction } from '../actionRunner';
import { lookUpPublicIp } from './publicIp';
import { nodeArgument, resourceTarget } from '../pick';
import { registerCommand } from '../register';
import { withProgress } from '../../ui/progress';
import type { CommandDeps } from '../deps';
import { trustedIpProblem } from '../../api/cidr';

export function registerDatabaseCommands(deps: CommandDeps): vscode.Disposable[] {
  const { input, log, model } = deps;
  const cluster = (arg: unknown, title: string, valid: (c: DatabaseCluster) => boolean) =>
    resourceTarget(deps, arg, databaseClusterPresenter, title, (c) => valid(c as DatabaseCluster));

  /** After a change below a cluster: forget the list and redraw the folder (or the cluster). */
  const reload = (node: ResourceNode, kind: string) => {
    model.reloadKind(node.account, kind, false);
  };

  return [
    registerCommand(deps, 'digitalocean.database.createUser', vscode.l10n.t('Create database user'), async (arg) => {
      const node = await cluster(arg, vscode.l10n.t('Create a database user'), (c) => supportsUsers(c.engine));
      const db = node.item as DatabaseCluster;
      if (!supportsUsers(db.engine)) throw new Error(vscode.l10n.t('{0} clusters have no users to create.', engineName(db.engine)));
      const cache = model.cacheFor(node.account);
      const taken = (await cache.list(databaseUser, [db.id])).map((u) => u.name);
      const name = await input.inputBox({ title: vscode.l10n.t('New user in {0}', db.name), validateInput: (v) => databaseUser.nameProblem?.(v, taken) });
      const body: Record<string, unknown> = { name };
      if (db.engine === 'mysql') {
        const plugin = await input.quickPick(
          [
            { label: 'caching_sha2_password', description: vscode.l10n.t('MySQL 8 default') },
            { label: 'mysql_native_password', description: vscode.l10n.t('for older clients') },
          ],
          { title: vscode.l10n.t('Authentication for {0}', name) },
        );
        body.mysql_settings = { auth_plugin: plugin.label };
      }
      if (db.engine === 'kafka') {
        const topic = await input.inputBox({
          title: vscode.l10n.t('Kafka ACL for {0}: topic', name),
          prompt: vscode.l10n.t('Topic name or pattern ("*" for all)'),
          value: '*',
          validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('A topic or pattern is required.')),
        });
        const permission = await input.quickPick(
          ['produceconsume', 'produce', 'consume', 'admin'].map((p) => ({ label: p })),
          { title: vscode.l10n.t('Kafka ACL for {0}: permission', name) },
        );
        body.settings = { acl: [{ topic: topic.trim(), permission: permission.label }] };
      }
      const user = await withProgress(vscode.l10n.t('Creating user {0}…', name), (signal) => createDatabaseUser(cache.client, db.id, body, signal));
      log.info(`[${node.account.label}] Database user ${name} created in ${db.name}`);
      reload(node, databaseUser.kind);
      if (user.password) await input.showSecret(vscode.l10n.t('User {0} was created in {1}. Its password:', name, db.name), user.password);
      return name;
    }),

    registerCommand(deps, 'digitalocean.database.resetUserPassword', vscode.l10n.t('Reset database user password'), async (arg) => {
      const node = nodeArgument(arg, databaseUserPresenter);
      const user = node.item as DatabaseUser;
      const clusterId = node.parents[0];
      await input.confirm(
        vscode.l10n.t('Reset the password of {0}?', user.name),
        vscode.l10n.t('Connections using the old password stop working.'),
        vscode.l10n.t('Reset Password'),
      );
      const updated = await withProgress(vscode.l10n.t("Resetting {0}'s password…", user.name), (signal) =>
        resetDatabaseUserAuth(model.client(node.account), clusterId, user, signal),
      );
      log.info(`[${node.account.label}] Password of database user ${user.name} reset`);
      if (updated.password) await input.showSecret(vscode.l10n.t('The new password of {0}:', user.name), updated.password);
    }),

    registerCommand(deps, 'digitalocean.database.deleteUser', vscode.l10n.t('Delete database user'), async (arg) => {
      const node = nodeArgument(arg, databaseUserPresenter);
      const user = node.item as DatabaseUser;
      if (user.role === 'primary') throw new Error(vscode.l10n.t("{0} is the cluster's admin user and cannot be deleted.", user.name));
      await input.confirm(vscode.l10n.t('Delete database user {0}?', user.name), vscode.l10n.t('Its connections stop working.'), vscode.l10n.t('Delete'));
      await withProgress(vscode.l10n.t('Deleting {0}…', user.name), (signal) =>
        model.cacheFor(node.account).client.remove(databaseUser, user.name, { parents: node.parents, signal }),
      );
      log.info(`[${node.account.label}] Database user ${user.name} deleted`);
      reload(node, databaseUser.kind);
    }),

    registerCommand(deps, 'digitalocean.database.createDatabase', vscode.l10n.t('Create database'), async (arg) => {
      const node = await cluster(arg, vscode.l10n.t('Create a database'), (c) => c.engine === 'pg' || c.engine === 'mysql');
      const db = node.item as DatabaseCluster;
      const taken = (await model.cacheFor(node.account).list(databaseDb, [db.id])).map((d) => d.name);
      const name = await input.inputBox({ title: vscode.l10n.t('New database in {0}', db.name), validateInput: (v) => databaseDb.nameProblem?.(v, taken) });
      await withProgress(vscode.l10n.t('Creating database {0}…', name), (signal) =>
        model.cacheFor(node.account).client.create(databaseDb, { name }, { parents: [db.id], signal }),
      );
      log.info(`[${node.account.label}] Database ${name} created in ${db.name}`);
      reload(node, databaseDb.kind);
    }),

    registerCommand(deps, 'digitalocean.database.deleteDatabase', vscode.l10n.t('Delete database'), async (arg) => {
      const node = nodeArgument(arg, databaseDbPresenter);
      const name = (node.item as { name: string }).name;
      await input.inputBox({
        title: vscode.l10n.t('Delete database {0}', name),
        prompt: vscode.l10n.t('All its data is lost. Type its name ({0}) to confirm.', name),
        validateInput: (v) => (v === name ? undefined : vscode.l10n.t('Type {0} exactly to confirm.', name)),
      });
      await withProgress(vscode.l10n.t('Deleting {0}…', name), (signal) =>
        model.cacheFor(node.account).client.remove(databaseDb, name, { parents: node.parents, signal }),
      );
      log.info(`[${node.account.label}] Database ${name} deleted`);
      reload(node, databaseDb.kind);
    }),

    registerCommand(deps, 'digitalocean.database.createPool', vscode.l10n.t('Create connection pool'), async (arg) => {
      const node = await cluster(arg, vscode.l10n.t('Create a connection pool'), (c) => c.engine === 'pg');
      const db = node.item as DatabaseCluster;
      if (db.engine !== 'pg') throw new Error(vscode.l10n.t('Connection pools are for PostgreSQL clusters.'));
      const cache = model.cacheFor(node.account);
      const [dbs, users, pools] = await Promise.all([cache.list(databaseDb, [db.id]), cache.list(databaseUser, [db.id]), cache.list(connectionPool, [db.id])]);
      const name = await input.inputBox({
        title: vscode.l10n.t('New connection pool in {0}', db.name),
        validateInput: (v) =>
          connectionPool.nameProblem?.(
            v,
            pools.map((p) => p.name),
          ),
      });
      const database = (
        await input.quickPick(
          dbs.map((d) => ({ label: d.name })),
          { title: vscode.l10n.t('Pool {0}: database', name) },
        )
      ).label;
      const user = (
        await input.quickPick(
          users.map((u) => ({ label: u.name })),
          { title: vscode.l10n.t('Pool {0}: user', name) },
        )
      ).label;
      const mode = (
        await input.quickPick([{ label: 'transaction', description: 'recommended' }, { label: 'session' }, { label: 'statement' }], {
          title: vscode.l10n.t('Pool {0}: mode', name),
        })
      ).label;
      const size = Number(
        await input.inputBox({
          title: vscode.l10n.t('Pool {0}: size', name),
          value: '10',
          validateInput: (v) => numberProblem(v, 1, 100, vscode.l10n.t('Connections')),
        }),
      );
      await withProgress(vscode.l10n.t('Creating pool {0}…', name), (signal) =>
        cache.client.create(connectionPool, { name, mode, size, db: database, user }, { parents: [db.id], signal }),
      );
      log.info(`[${node.account.label}] Connection pool ${name} created in ${db.name}`);
      reload(node, connectionPool.kind);
    }),

    registerCommand(deps, 'digitalocean.database.resize', vscode.l10n.t('Resize database cluster'), async (arg) => {
      const node = await cluster(arg, vscode.l10n.t('Resize a database cluster'), (c) => c.status === 'online');
      const db = node.item as DatabaseCluster;
      if (db.status !== 'online') throw new Error(vscode.l10n.t('{0} is {1}; resize it when it is online.', db.name, db.status));
      const options = (await withProgress(vscode.l10n.t('Loading database plans…'), (signal) => databaseOptions(model.cacheFor(node.account).client, signal)))[
        db.engine
      ];
      if (!options?.layouts.length) throw new Error(vscode.l10n.t('DigitalOcean offers no plans for {0} clusters.', engineName(db.engine)));
      const title = vscode.l10n.t('Resize {0} (now {1}, {2} node{3})', db.name, db.size, db.num_nodes, db.num_nodes === 1 ? '' : 's');
      const layout =
        options.layouts.length === 1
          ? options.layouts[0]
          : (
              await input.quickPick(
                options.layouts.map((l) => ({
                  label: `${l.num_nodes} node${l.num_nodes === 1 ? '' : 's'}`,
                  description: [
                    l.num_nodes === 1 ? vscode.l10n.t('primary only') : vscode.l10n.t('primary + {0} standby', l.num_nodes - 1),
                    l.num_nodes === db.num_nodes ? 'current' : '',
                  ]
                    .filter(Boolean)
                    .join(' · '),
                  layout: l,
                })),
                { title, placeHolder: vscode.l10n.t('Number of nodes') },
              )
            ).layout;
      const size = (
        await input.quickPick(
          layout.sizes.map((slug) => ({
            label: slug === db.size ? `$(check) ${slug}` : slug,
            description: [dbSizeLabel(slug), slug === db.size ? 'current' : ''].filter(Boolean).join(' · '),
            slug,
          })),
          { title, placeHolder: vscode.l10n.t('Node plan') },
        )
      ).slug;
      if (size === db.size && layout.num_nodes === db.num_nodes)
        throw new Error(vscode.l10n.t('{0} already has {1} with {2} node(s).', db.name, size, db.num_nodes));
      await input.confirm(
        vscode.l10n.t('Resize {0} to {1} with {2} node(s)?', db.name, size, layout.num_nodes),
        vscode.l10n.t('The cluster stays online, but connections may drop briefly while it switches over. Storage can grow but never shrink.'),
        vscode.l10n.t('Resize'),
      );
      return runAction(deps, {
        node,
        title: vscode.l10n.t('Resize {0} to {1} × {2}', db.name, size, layout.num_nodes),
        transition: vscode.l10n.t('Resizing…'),
        start: (client, signal) => resizeDatabase(client, db.id, { size, num_nodes: layout.num_nodes }, signal),
      });
    }),

    registerCommand(deps, 'digitalocean.database.addTrustedSource', vscode.l10n.t('Add trusted source'), async (arg) => {
      const node = await cluster(arg, vscode.l10n.t('Add a trusted source'), () => true);
      const db = node.item as DatabaseCluster;
      const cache = model.cacheFor(node.account);
      const existing = await cache.list(databaseFirewallRule, [db.id]);
      const rule = await askTrustedSource(deps, node, existing);
      if (existing.some((r) => r.type === rule.type && r.value === rule.value))
        throw new Error(vscode.l10n.t('{0} is a trusted source of {1} already.', rule.value, db.name));
      const rules = [...existing.map(({ uuid, type, value }) => ({ uuid, type, value })), rule];
      await withProgress(vscode.l10n.t("Adding {0} to {1}'s trusted sources…", rule.value, db.name), (signal) =>
        putDatabaseFirewall(cache.client, db.id, rules, signal),
      );
      log.info(`[${node.account.label}] Trusted source ${rule.type} ${rule.value} added to ${db.name}`);
      reload(node, databaseFirewallRule.kind);
      return rule.value;
    }),

    registerCommand(deps, 'digitalocean.database.removeTrustedSource', vscode.l10n.t('Remove trusted source'), async (arg) => {
      const node = nodeArgument(arg, databaseFirewallRulePresenter);
      const rule = node.item as DatabaseFirewallRule;
      const clusterId = node.parents[0];
      const cache = model.cacheFor(node.account);
      const existing = await cache.list(databaseFirewallRule, [clusterId]);
      const rest = existing.filter((r) => !(r.type === rule.type && r.value === rule.value));
      await input.confirm(
        vscode.l10n.t('Remove trusted source {0}?', rule.value),
        rest.length === 0
          ? vscode.l10n.t('It is the last one: with no trusted sources, the cluster accepts connections from anywhere (with its password).')
          : vscode.l10n.t('Connections from it are refused from then on.'),
        vscode.l10n.t('Remove'),
      );
      await withProgress(vscode.l10n.t('Removing {0}…', rule.value), (signal) =>
        putDatabaseFirewall(
          cache.client,
          clusterId,
          rest.map(({ uuid, type, value }) => ({ uuid, type, value })),
          signal,
        ),
      );
      log.info(`[${node.account.label}] Trusted source ${rule.type} ${rule.value} removed`);
      reload(node, databaseFirewallRule.kind);
    }),
  ];
}

/** Asks what to trust: this machine's public IP (looked up only with consent), an address, or a resource. */
async function askTrustedSource(
  deps: CommandDeps,
  node: ResourceNode,
  existing: DatabaseFirewallRule[],
): Promise<Pick<DatabaseFirewallRule, 'type' | 'value'>> {
  const { input, model } = deps;
  const db = node.item as DatabaseCluster;
  const cache = model.cacheFor(node.account);
  const title = vscode.l10n.t('Trusted source for {0}', db.name);
  const lookupHost = new URL(publicIpLookupUrl()).host;
  const kind = (
    await input.quickPick(
      [
        { label: vscode.l10n.t('My public IP address'), description: vscode.l10n.t('looked up at {0} only if you agree', lookupHost), type: 'me' },
        { label: vscode.l10n.t('IP address or CIDR range'), description: vscode.l10n.t('type it in'), type: 'ip_addr' },
        { label: vscode.l10n.t('Droplet'), type: 'droplet' },
        { label: vscode.l10n.t('Kubernetes cluster'), type: 'k8s' },
        { label: vscode.l10n.t('App'), description: vscode.l10n.t('App Platform'), type: 'app' },
        { label: vscode.l10n.t('Tag'), description: vscode.l10n.t('every droplet with the tag'), type: 'tag' },
      ],
      { title, placeHolder: vscode.l10n.t('Allow connections from…') },
    )
  ).type;
  const taken = (type: string, value: string) => existing.some((r) => r.type === type && r.value === value);
  switch (kind) {
    case 'me': {
      await input.confirm(
        vscode.l10n.t('Look up your public IP address?'),
        vscode.l10n.t('One request goes to {0}, which sees your IP address. Nothing else is sent. You can edit the address before it is added.', lookupHost),
        vscode.l10n.t('Look Up'),
      );
      const found = await withProgress(vscode.l10n.t('Asking {0} for your public IP…', lookupHost), (signal) => lookUpPublicIp(publicIpLookupUrl(), signal));
      const value = await input.inputBox({
        title,
        prompt: vscode.l10n.t('Your public IP, as {0} sees it. Add it?', lookupHost),
        value: found,
        validateInput: (v) => trustedIpProblem(v) ?? (taken('ip_addr', v.trim()) ? vscode.l10n.t('Already trusted.') : undefined),
      });
      return { type: 'ip_addr', value: value.trim() };
    }
    case 'ip_addr': {
      const value = await input.inputBox({
        title,
        prompt: vscode.l10n.t('IPv4 address or CIDR range'),
        placeHolder: '203.0.113.7 or 203.0.113.0/24',
        validateInput: (v) => trustedIpProblem(v) ?? (taken('ip_addr', v.trim()) ? vscode.l10n.t('Already trusted.') : undefined),
      });
      return { type: 'ip_addr', value: value.trim() };
    }
    case 'droplet': {
      const droplets = await withProgress(vscode.l10n.t('Listing droplets…'), () => cache.list(dropletKind));
      const picked = await input.quickPick(
        droplets.map((d) => ({
          label: d.name,
          description: `${d.region.slug}${d.region.slug === db.region ? vscode.l10n.t(' · same region') : ''}`,
          value: String(d.id),
        })),
        { title, placeHolder: vscode.l10n.t('Droplet') },
      );
      return { type: 'droplet', value: picked.value };
    }
    case 'k8s': {
      const clusters = await withProgress(vscode.l10n.t('Listing Kubernetes clusters…'), () => cache.list(kubernetesCluster));
      const picked = await input.quickPick(
        clusters.map((c) => ({ label: c.name, description: c.region, value: c.id })),
        { title, placeHolder: vscode.l10n.t('Kubernetes cluster') },
      );
      return { type: 'k8s', value: picked.value };
    }
    case 'app': {
      const apps = await withProgress(vscode.l10n.t('Listing apps…'), () => cache.list(appKind));
      const picked = await input.quickPick(
        apps.map((a) => ({ label: a.spec?.name ?? a.id, description: a.region?.slug ?? '', value: a.id })),
        { title, placeHolder: vscode.l10n.t('App') },
      );
      return { type: 'app', value: picked.value };
    }
    default: {
      const tags = await withProgress(vscode.l10n.t('Listing tags…'), () => cache.list(tagKind));
      const picked = await input.quickPick(
        tags.map((t) => ({ label: t.name, description: `${t.resources?.count ?? 0} resources` })),
        { title, placeHolder: vscode.l10n.t('Tag') },
      );
      return { type: 'tag', value: picked.label };
    }
  }
}

function publicIpLookupUrl(): string {
  return vscode.workspace.getConfiguration('digitalocean').get<string>('publicIpLookupUrl') || 'https://api.ipify.org';
}
