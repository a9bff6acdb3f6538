/**
 * Moving data into and clusters across: Start Online Migration (a wizard with Back: the source's
 * host, port, database, user and password — typed in a password box, sent only in the request's
 * body, never shown or logged —, SSL, databases to leave out, then a summary), Show Online
 * Migration Status and Stop Online Migration (confirmed), for the engines the API migrates
 * (PostgreSQL, MySQL, Redis, Valkey); and Move to Another Region (the engine's regions, confirmed).
 */
import * as vscode from 'vscode';
import { databaseOptions } from '../../api';
import {
  migrateDatabaseRegion,
  type OnlineMigration,
  onlineMigration,
  type OnlineMigrationSource,
  startOnlineMigration,
  stopOnlineMigration,
} from '../../api/databaseDetails';
import { type DatabaseCluster, databaseCluster, supportsOnlineMigration } from '../../api/resources/database';
import { databaseClusterPresenter, engineName } from '../../tree/kinds/database';
import { withProgress } from '../../ui/progress';
import { runWizard } from '../../ui/wizard';
import type { CommandDeps } from '../deps';
import { resourceTarget } from '../pick';
import { registerCommand } from '../register';
import { numberProblem } from '../validators';
import { summaryStep } from '../wizard/prompts';

/** Why a source host is refused: a host name or address only (no scheme, port, path or spaces). */
export function sourceHostProblem(value: string): string | undefined {
  const v = value.trim();
  if (!v) return vscode.l10n.t('The host of the database to copy from.');
  if (v.startsWith('-') || !(/^[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252})$/.test(v) || /^[0-9A-Fa-f:]{2,39}$/.test(v)))
    return vscode.l10n.t('A host name or IP address, without a scheme, port or path.');
  return undefined;
}

/** Why a database or user name is refused: printable, no spaces or quotes, at most 63 characters. */
function plainNameProblem(value: string, what: string): string | undefined {
  return /^[A-Za-z0-9_][A-Za-z0-9_.$-]{0,62}$/.test(value.trim()) ? undefined : vscode.l10n.t('{0}: letters, digits, "_", ".", "$" and "-", at most 63.', what);
}

/** "running since 3 Dec 10:00" — what a migration's status means in a line. */
export function migrationText(m: OnlineMigration): string {
  const since = m.created_at ? ` (${vscode.l10n.t('started {0}', new Date(m.created_at).toLocaleString())})` : '';
  const meaning: Record<string, string> = {
    running: vscode.l10n.t('copying'),
    syncing: vscode.l10n.t('copied; following the source’s writes'),
    done: vscode.l10n.t('done'),
    canceled: vscode.l10n.t('stopped'),
    error: vscode.l10n.t('failed'),
  };
  return `${meaning[m.status] ?? m.status}${since}`;
}

const active = (m: OnlineMigration | undefined): m is OnlineMigration => m?.status === 'running' || m?.status === 'syncing';

export function registerDatabaseMigrationCommands(deps: CommandDeps): vscode.Disposable[] {
  const { input, log, model } = deps;
  const target = (arg: unknown, placeHolder: string) =>
    resourceTarget(deps, arg, databaseClusterPresenter, placeHolder, (d) => supportsOnlineMigration((d as DatabaseCluster).engine));
  const checked = (db: DatabaseCluster) => {
    if (!supportsOnlineMigration(db.engine))
      throw new Error(vscode.l10n.t('{0} clusters have no online migration (PostgreSQL, MySQL, Redis and Valkey do).', engineName(db.engine)));
  };

  return [
    registerCommand(deps, 'digitalocean.database.startMigration', vscode.l10n.t('Start online migration'), async (arg) => {
      const node = await target(arg, vscode.l10n.t('Copy a database into which cluster?'));
      const db = node.item as DatabaseCluster;
      checked(db);
      if (db.status !== 'online') throw new Error(vscode.l10n.t('{0} is {1}: a migration can start once it is online.', db.name, db.status));
      const client = model.client(node.account);
      const current = await withProgress(vscode.l10n.t('Reading the migrations of {0}…', db.name), (signal) => onlineMigration(client, db.id, signal));
      if (active(current)) throw new Error(vscode.l10n.t('{0} is migrating already: {1}. Stop that migration first.', db.name, migrationText(current)));
      const title = vscode.l10n.t('Copy a running database into {0}', db.name);
      const defaultPort = db.engine === 'pg' ? 5432 : db.engine === 'mysql' ? 3306 : 6379;
      const cache = db.engine === 'redis' || db.engine === 'valkey';
      const plan = {
        source: { host: '', port: defaultPort, dbname: cache ? '' : db.engine === 'pg' ? 'postgres' : 'mysql', username: cache ? 'default' : '', password: '' },
        ssl: true,
        ignore: '',
      };
      const skip = () => Promise.resolve('skipped' as const);
      await runWizard(plan, [
        async (p, s) => {
          p.source.host = (
            await input.inputBox({
              title,
              ...s,
              prompt: vscode.l10n.t('Host of the {0} server to copy from (it must accept connections from DigitalOcean)', engineName(db.engine)),
              value: p.source.host,
              validateInput: sourceHostProblem,
            })
          ).trim();
        },
        async (p, s) => {
          p.source.port = Number(
            await input.inputBox({
              title,
              ...s,
              prompt: vscode.l10n.t('Port'),
              value: String(p.source.port),
              validateInput: (v) => numberProblem(v, 1, 65535, vscode.l10n.t('Port')),
            }),
          );
        },
        async (p, s) => {
          if (cache) return skip();
          p.source.dbname = (
            await input.inputBox({
              title,
              ...s,
              prompt: vscode.l10n.t('Database to connect to on the source (all its databases are copied)'),
              value: p.source.dbname,
              validateInput: (v) => plainNameProblem(v, vscode.l10n.t('Database')),
            })
          ).trim();
        },
        async (p, s) => {
          p.source.username = (
            await input.inputBox({
              title,
              ...s,
              prompt: vscode.l10n.t('User on the source (one that may read everything)'),
              value: p.source.username,
              validateInput: (v) => plainNameProblem(v, vscode.l10n.t('User')),
            })
          ).trim();
        },
        async (p, s) => {
          p.source.password = await input.inputBox({
            title,
            ...s,
            prompt: vscode.l10n.t('Password of {0} on the source (sent to DigitalOcean only; never shown or kept here)', p.source.username),
            value: '',
            password: true,
            validateInput: (v) => (v ? undefined : vscode.l10n.t('The password is required.')),
          });
        },
        async (p, s) => {
          p.ssl = (
            await input.quickPick(
              [
                { label: vscode.l10n.t('Use SSL'), description: vscode.l10n.t('the source must offer it'), ssl: true, picked: p.ssl },
                { label: vscode.l10n.t('Without SSL'), description: vscode.l10n.t('the data crosses the network readable'), ssl: false, picked: !p.ssl },
              ],
              { title, ...s, placeHolder: vscode.l10n.t('Connect to the source') },
            )
          ).ssl;
        },
        async (p, s) => {
          if (cache) return skip();
          p.ignore = (
            await input.inputBox({
              title,
              ...s,
              prompt: vscode.l10n.t('Databases to leave out, separated by commas (empty: copy them all)'),
              value: p.ignore,
              validateInput: (v) =>
                v
                  .split(',')
                  .map((x) => x.trim())
                  .filter(Boolean)
                  .map((x) => plainNameProblem(x, x))
                  .find(Boolean),
            })
          ).trim();
        },
        summaryStep<typeof plan>(input, title, (p) => ({
          label: vscode.l10n.t('Start copying into {0}', db.name),
          description: `${p.source.username}@${p.source.host}:${p.source.port}${p.source.dbname ? `/${p.source.dbname}` : ''} · ${p.ssl ? 'SSL' : vscode.l10n.t('no SSL')}`,
          detail: [
            p.ignore ? vscode.l10n.t('leaving out {0}', p.ignore) : vscode.l10n.t('every database'),
            vscode.l10n.t('what {0} holds under the same names is overwritten; it follows the source until stopped (at most two weeks)', db.name),
          ].join(' · '),
        })),
      ]);
      const source: OnlineMigrationSource = { ...plan.source };
      const ignore = plan.ignore
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean);
      const started = await withProgress(vscode.l10n.t('Starting the migration into {0}…', db.name), (signal) =>
        startOnlineMigration(client, db.id, { source, disable_ssl: !plan.ssl, ignore_dbs: ignore }, signal),
      );
      // where from, never the password
      log.info(
        `[${node.account.label}] Online migration ${started.id} into ${db.name} from ${source.username}@${source.host}:${source.port}: ${started.status}`,
      );
      void input.notify('info', vscode.l10n.t('{0} is copying from {1}: {2}.', db.name, source.host, migrationText(started)));
      return started.id;
    }),

    registerCommand(deps, 'digitalocean.database.migrationStatus', vscode.l10n.t('Show online migration status'), async (arg) => {
      const node = await target(arg, vscode.l10n.t('The migration into which cluster?'));
      const db = node.item as DatabaseCluster;
      checked(db);
      const current = await withProgress(vscode.l10n.t('Reading the migrations of {0}…', db.name), (signal) =>
        onlineMigration(model.client(node.account), db.id, signal),
      );
      if (!current) {
        void input.notify('info', vscode.l10n.t('{0} has had no online migration.', db.name));
        return undefined;
      }
      void input.notify(current.status === 'error' ? 'warning' : 'info', vscode.l10n.t('Migration into {0}: {1}.', db.name, migrationText(current)));
      return current.status;
    }),

    registerCommand(deps, 'digitalocean.database.stopMigration', vscode.l10n.t('Stop online migration'), async (arg) => {
      const node = await target(arg, vscode.l10n.t('Stop the migration into which cluster?'));
      const db = node.item as DatabaseCluster;
      checked(db);
      const client = model.client(node.account);
      const current = await withProgress(vscode.l10n.t('Reading the migrations of {0}…', db.name), (signal) => onlineMigration(client, db.id, signal));
      if (!active(current)) {
        void input.notify(
          'info',
          current
            ? vscode.l10n.t('Nothing to stop: the last migration into {0} is {1}.', db.name, migrationText(current))
            : vscode.l10n.t('{0} has had no online migration.', db.name),
        );
        return undefined;
      }
      await input.confirm(
        vscode.l10n.t('Stop the migration into {0}?', db.name),
        current.status === 'running'
          ? vscode.l10n.t('It is still copying: {0} keeps only what was copied so far.', db.name)
          : vscode.l10n.t('{0} keeps what it holds and stops following the source’s writes. Point your applications at it first.', db.name),
        vscode.l10n.t('Stop Migration'),
      );
      await withProgress(vscode.l10n.t('Stopping the migration into {0}…', db.name), (signal) => stopOnlineMigration(client, db.id, current.id, signal));
      log.info(`[${node.account.label}] Online migration ${current.id} into ${db.name}: stopped`);
      void input.notify('info', vscode.l10n.t('The migration into {0} is stopped.', db.name));
      return current.id;
    }),

    registerCommand(deps, 'digitalocean.database.moveRegion', vscode.l10n.t('Move cluster to another region'), async (arg) => {
      const node = await resourceTarget(deps, arg, databaseClusterPresenter, vscode.l10n.t('Move which cluster?'));
      const db = node.item as DatabaseCluster;
      if (db.status !== 'online') throw new Error(vscode.l10n.t('{0} is {1}: it can move once it is online.', db.name, db.status));
      const client = model.client(node.account);
      const options = await withProgress(vscode.l10n.t('Loading the regions of {0}…', engineName(db.engine)), (signal) => databaseOptions(client, signal));
      const regions = (options[db.engine]?.regions ?? []).filter((r) => r !== db.region);
      if (!regions.length) throw new Error(vscode.l10n.t('DigitalOcean offers {0} in no other region to this account.', engineName(db.engine)));
      const region = (
        await input.quickPick(
          regions.map((r) => ({ label: r })),
          { title: vscode.l10n.t('Move {0} from {1}', db.name, db.region), placeHolder: vscode.l10n.t('To which region?') },
        )
      ).label;
      await input.confirm(
        vscode.l10n.t('Move {0} from {1} to {2}?', db.name, db.region, region),
        vscode.l10n.t(
          'It stays reachable while its data is copied, then its host names point to {0}. Connections drop once at the switch. Private networking in {1} no longer reaches it.',
          region,
          db.region,
        ),
        vscode.l10n.t('Move'),
      );
      await withProgress(vscode.l10n.t('Moving {0} to {1}…', db.name, region), (signal) => migrateDatabaseRegion(client, db.id, region, signal));
      log.info(`[${node.account.label}] Database ${db.name}: moving from ${db.region} to ${region}`);
      model.reloadKind(node.account, databaseCluster.kind, true);
      void input.notify('info', vscode.l10n.t('{0} is moving to {1}; it shows as migrating until done.', db.name, region));
      return region;
    }),
  ];
}
