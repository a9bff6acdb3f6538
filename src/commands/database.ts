/**
 * Database clusters: users (engine-aware; the generated password is shown once, never logged),
 * databases and connection pools.
 */
import * as vscode from 'vscode';
import { type DatabaseCluster, type DatabaseUser, connectionPool, databaseDb, databaseUser, supportsUsers } from '../api';
import type { AccountStore } from '../accounts/accountStore';
import type { Logger } from '../log';
import { databaseClusterPresenter, databaseDbPresenter, databaseUserPresenter, engineName } from '../tree/kinds/database';
import type { AnyPresenter } from '../tree/kinds';
import type { ResourceExplorer } from '../tree/explorer';
import { ResourceNode } from '../tree/nodes/resourceNode';
import { numberProblem } from './dnsRecordRules';
import { resourceTarget } from './pick';
import { registerCommand, withProgress } from './register';
import type { UserInput } from './userInput';

export interface DatabaseCommandDeps {
  log: Logger;
  input: UserInput;
  store: AccountStore;
  explorer: ResourceExplorer;
}

/** Names of users, databases and pools: letters, digits, "_" and "-", 1 to 63. */
export function dbNameProblem(value: string, taken: string[] = []): string | undefined {
  if (!value) return 'A name is required.';
  if (value.length > 63) return 'At most 63 characters.';
  if (!/^[a-zA-Z0-9_-]+$/.test(value)) return 'Only letters, digits, "_" and "-".';
  if (taken.includes(value)) return `${value} exists already.`;
  return undefined;
}

function child(arg: unknown, presenter: AnyPresenter): ResourceNode {
  if (arg instanceof ResourceNode && arg.presenter === presenter) return arg;
  throw new Error('Run this command on the item in the DigitalOcean view.');
}

export function registerDatabaseCommands(deps: DatabaseCommandDeps): vscode.Disposable[] {
  const { input, explorer, log } = deps;
  const cluster = (arg: unknown, title: string, valid: (c: DatabaseCluster) => boolean) => resourceTarget(deps, arg, databaseClusterPresenter, title, (c) => valid(c as DatabaseCluster));

  /** After a change below a cluster: forget the list and redraw the folder (or the cluster). */
  const reload = (node: ResourceNode, kind: string) => {
    explorer.cacheFor(node.account).invalidate(kind);
    explorer.changed(node.presenter === databaseClusterPresenter ? node : node.parent);
  };

  return [
    registerCommand(deps, 'digitalocean.database.createUser', 'Create database user', async (arg) => {
      const node = await cluster(arg, 'Create a database user', (c) => supportsUsers(c.engine));
      const db = node.item as DatabaseCluster;
      if (!supportsUsers(db.engine)) throw new Error(`${engineName(db.engine)} clusters have no users to create.`);
      const cache = explorer.cacheFor(node.account);
      const taken = (await cache.list(databaseUser, [db.id])).map((u) => u.name);
      const name = await input.inputBox({ title: `New user in ${db.name}`, validateInput: (v) => dbNameProblem(v, taken) });
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
      const { user } = await withProgress(`Creating user ${name}…`, (signal) =>
        cache.client.request<{ user: DatabaseUser }>('POST', `/v2/databases/${encodeURIComponent(db.id)}/users`, { body, signal }),
      );
      log.info(`[${node.account.label}] Database user ${name} created in ${db.name}`);
      reload(node, databaseUser.kind);
      if (user.password) await input.showSecret(`User ${name} was created in ${db.name}. Its password:`, user.password);
      return name;
    }),

    registerCommand(deps, 'digitalocean.database.resetUserPassword', 'Reset database user password', async (arg) => {
      const node = child(arg, databaseUserPresenter);
      const user = node.item as DatabaseUser;
      const clusterId = node.parents[0];
      await input.confirm(`Reset the password of ${user.name}?`, 'Connections using the old password stop working.', 'Reset Password');
      const { user: updated } = await withProgress(`Resetting ${user.name}'s password…`, (signal) =>
        explorer.cacheFor(node.account).client.request<{ user: DatabaseUser }>('POST', `/v2/databases/${encodeURIComponent(clusterId)}/users/${encodeURIComponent(user.name)}/reset_auth`, {
          body: user.mysql_settings ? { mysql_settings: user.mysql_settings } : {},
          signal,
        }),
      );
      log.info(`[${node.account.label}] Password of database user ${user.name} reset`);
      if (updated.password) await input.showSecret(`The new password of ${user.name}:`, updated.password);
    }),

    registerCommand(deps, 'digitalocean.database.deleteUser', 'Delete database user', async (arg) => {
      const node = child(arg, databaseUserPresenter);
      const user = node.item as DatabaseUser;
      if (user.role === 'primary') throw new Error(`${user.name} is the cluster's admin user and cannot be deleted.`);
      await input.confirm(`Delete database user ${user.name}?`, 'Its connections stop working.', 'Delete');
      await withProgress(`Deleting ${user.name}…`, (signal) => explorer.cacheFor(node.account).client.remove(databaseUser, user.name, { parents: node.parents, signal }));
      log.info(`[${node.account.label}] Database user ${user.name} deleted`);
      reload(node, databaseUser.kind);
    }),

    registerCommand(deps, 'digitalocean.database.createDatabase', 'Create database', async (arg) => {
      const node = await cluster(arg, 'Create a database', (c) => c.engine === 'pg' || c.engine === 'mysql');
      const db = node.item as DatabaseCluster;
      const taken = (await explorer.cacheFor(node.account).list(databaseDb, [db.id])).map((d) => d.name);
      const name = await input.inputBox({ title: `New database in ${db.name}`, validateInput: (v) => dbNameProblem(v, taken) });
      await withProgress(`Creating database ${name}…`, (signal) => explorer.cacheFor(node.account).client.create(databaseDb, { name }, { parents: [db.id], signal }));
      log.info(`[${node.account.label}] Database ${name} created in ${db.name}`);
      reload(node, databaseDb.kind);
    }),

    registerCommand(deps, 'digitalocean.database.deleteDatabase', 'Delete database', async (arg) => {
      const node = child(arg, databaseDbPresenter);
      const name = (node.item as { name: string }).name;
      await input.inputBox({ title: `Delete database ${name}`, prompt: `All its data is lost. Type its name (${name}) to confirm.`, validateInput: (v) => (v === name ? undefined : `Type ${name} exactly to confirm.`) });
      await withProgress(`Deleting ${name}…`, (signal) => explorer.cacheFor(node.account).client.remove(databaseDb, name, { parents: node.parents, signal }));
      log.info(`[${node.account.label}] Database ${name} deleted`);
      reload(node, databaseDb.kind);
    }),

    registerCommand(deps, 'digitalocean.database.createPool', 'Create connection pool', async (arg) => {
      const node = await cluster(arg, 'Create a connection pool', (c) => c.engine === 'pg');
      const db = node.item as DatabaseCluster;
      if (db.engine !== 'pg') throw new Error('Connection pools are for PostgreSQL clusters.');
      const cache = explorer.cacheFor(node.account);
      const [dbs, users, pools] = await Promise.all([cache.list(databaseDb, [db.id]), cache.list(databaseUser, [db.id]), cache.list(connectionPool, [db.id])]);
      const name = await input.inputBox({ title: `New connection pool in ${db.name}`, validateInput: (v) => dbNameProblem(v, pools.map((p) => p.name)) });
      const database = (await input.quickPick(dbs.map((d) => ({ label: d.name })), { title: `Pool ${name}: database` })).label;
      const user = (await input.quickPick(users.map((u) => ({ label: u.name })), { title: `Pool ${name}: user` })).label;
      const mode = (await input.quickPick([{ label: 'transaction', description: 'recommended' }, { label: 'session' }, { label: 'statement' }], { title: `Pool ${name}: mode` })).label;
      const size = Number(await input.inputBox({ title: `Pool ${name}: size`, value: '10', validateInput: (v) => numberProblem(v, 1, 100, 'Connections') }));
      await withProgress(`Creating pool ${name}…`, (signal) => cache.client.create(connectionPool, { name, mode, size, db: database, user }, { parents: [db.id], signal }));
      log.info(`[${node.account.label}] Connection pool ${name} created in ${db.name}`);
      reload(node, connectionPool.kind);
    }),
  ];
}
