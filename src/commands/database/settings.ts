/**
 * A database cluster's settings after it exists: its maintenance window and Install Update (the
 * pending updates now, not in the window); MySQL's SQL mode and Valkey's and Redis's eviction
 * policy, each read from the API first and shown as the current choice; and Edit Connection Pool
 * (mode, size, database or user; the pool read fresh and sent whole, as the API replaces it).
 * A pool's Delete is the shared one.
 */
import * as vscode from 'vscode';
import {
  EVICTION_POLICIES,
  MAINTENANCE_DAYS,
  MYSQL_SQL_MODES,
  databaseEvictionPolicy,
  databaseSqlMode,
  installDatabaseUpdate,
  maintenanceHourProblem,
  setDatabaseEvictionPolicy,
  setDatabaseMaintenance,
  setDatabaseSqlMode,
  sqlModesOf,
  updateConnectionPool,
} from '../../api/databaseSettings';
import { type ConnectionPool, type DatabaseCluster, connectionPool, databaseCluster, databaseDb, databaseUser } from '../../api/resources/database';
import { connectionPoolPresenter, databaseClusterPresenter, engineName } from '../../tree/kinds/database';
import type { ResourceNode } from '../../tree/nodes/resourceNode';
import { withProgress } from '../../ui/progress';
import type { CommandDeps } from '../deps';
import { nodeArgument, resourceTarget } from '../pick';
import { registerCommand } from '../register';
import { numberProblem } from '../validators';

export function registerDatabaseSettingsCommands(deps: CommandDeps): vscode.Disposable[] {
  const { input, log, model } = deps;
  const cluster = async (arg: unknown, title: string, valid: (c: DatabaseCluster) => boolean, refusal: (c: DatabaseCluster) => string) => {
    const node = await resourceTarget(deps, arg, databaseClusterPresenter, title, (c) => valid(c as DatabaseCluster));
    const db = node.item as DatabaseCluster;
    if (!valid(db)) throw new Error(refusal(db));
    return { node, db };
  };
  const client = (node: ResourceNode) => model.cacheFor(node.account).client;
  const day = (d: string) => d.charAt(0).toUpperCase() + d.slice(1);

  return [
    registerCommand(deps, 'digitalocean.database.setMaintenance', vscode.l10n.t('Set maintenance window'), async (arg) => {
      const { node, db } = await cluster(
        arg,
        vscode.l10n.t('Set the maintenance window of a database cluster'),
        () => true,
        () => '',
      );
      const now = db.maintenance_window;
      const title = vscode.l10n.t('Maintenance window of {0}', db.name);
      const chosenDay = (
        await input.quickPick(
          MAINTENANCE_DAYS.map((d) => ({ label: day(d), description: d === now?.day ? vscode.l10n.t('current') : undefined, picked: d === now?.day, d })),
          { title, placeHolder: vscode.l10n.t('The day updates may be applied (UTC)') },
        )
      ).d;
      const hour = (
        await input.inputBox({
          title,
          prompt: vscode.l10n.t('Start time in UTC, 24-hour (the window lasts up to 4 hours)'),
          value: now?.hour?.slice(0, 5) ?? '02:00',
          validateInput: maintenanceHourProblem,
        })
      )
        .trim()
        .padStart(5, '0');
      if (chosenDay === now?.day && hour === now?.hour?.slice(0, 5)) return undefined;
      await withProgress(vscode.l10n.t('Moving the maintenance window of {0}…', db.name), (signal) =>
        setDatabaseMaintenance(client(node), db.id, { day: chosenDay, hour }, signal),
      );
      log.info(`[${node.account.label}] Database ${db.name}: maintenance window ${chosenDay} ${hour} UTC`);
      model.reloadKind(node.account, databaseCluster.kind, false);
      void input.notify('info', vscode.l10n.t('{0} is maintained on {1} from {2} UTC.', db.name, day(chosenDay), hour));
    }),

    registerCommand(deps, 'digitalocean.database.installUpdate', vscode.l10n.t('Install database update'), async (arg) => {
      const { node, db } = await cluster(
        arg,
        vscode.l10n.t('Install the pending update of a database cluster'),
        (c) => Boolean(c.maintenance_window?.pending),
        (c) => vscode.l10n.t('{0} has no pending update.', c.name),
      );
      const what = db.maintenance_window?.description?.filter(Boolean).join('; ');
      await input.confirm(
        vscode.l10n.t('Install the pending update of {0} now?', db.name),
        [
          what,
          vscode.l10n.t(
            'It would otherwise be applied in the maintenance window ({0} {1} UTC).',
            day(db.maintenance_window!.day),
            db.maintenance_window!.hour.slice(0, 5),
          ),
          vscode.l10n.t('Connections may drop for a moment while nodes are replaced.'),
        ]
          .filter(Boolean)
          .join(' '),
        vscode.l10n.t('Install Now'),
      );
      await withProgress(vscode.l10n.t('Starting the update of {0}…', db.name), (signal) => installDatabaseUpdate(client(node), db.id, signal));
      log.info(`[${node.account.label}] Database ${db.name}: update started`);
      model.reloadKind(node.account, databaseCluster.kind, false);
      void input.notify('info', vscode.l10n.t('The update of {0} has started.', db.name));
    }),

    registerCommand(deps, 'digitalocean.database.setSqlMode', vscode.l10n.t('Set SQL mode'), async (arg) => {
      const { node, db } = await cluster(
        arg,
        vscode.l10n.t('Set the SQL mode of a MySQL cluster'),
        (c) => c.engine === 'mysql',
        (c) => vscode.l10n.t('SQL mode is a MySQL setting; {0} is {1}.', c.name, engineName(c.engine)),
      );
      const current = sqlModesOf(
        await withProgress(vscode.l10n.t('Reading the SQL mode of {0}…', db.name), (signal) => databaseSqlMode(client(node), db.id, signal)),
      );
      // a mode the server has that this list does not know is offered too, picked
      const known = [...MYSQL_SQL_MODES, ...current.filter((m) => !(MYSQL_SQL_MODES as readonly string[]).includes(m))];
      let modes: string[];
      for (;;) {
        const picked = (
          await input.quickPickMany(
            known.map((m) => ({ label: m, picked: current.includes(m) })),
            { title: vscode.l10n.t('SQL mode of {0}', db.name), placeHolder: vscode.l10n.t('Now: {0}', current.join(', ') || vscode.l10n.t('none')) },
          )
        ).map((p) => p.label);
        // in the list's order, whatever order they were picked in
        modes = known.filter((m) => picked.includes(m));
        if (modes.length) break;
        void input.notify('warning', vscode.l10n.t('Choose at least one mode: an empty SQL mode is refused.'));
      }
      if (modes.length === current.length && modes.every((m) => current.includes(m))) return undefined;
      await withProgress(vscode.l10n.t('Setting the SQL mode of {0}…', db.name), (signal) => setDatabaseSqlMode(client(node), db.id, modes, signal));
      log.info(`[${node.account.label}] Database ${db.name}: SQL mode ${modes.join(',')}`);
      void input.notify('info', vscode.l10n.t('The SQL mode of {0} is {1}.', db.name, modes.join(', ')));
    }),

    registerCommand(deps, 'digitalocean.database.setEvictionPolicy', vscode.l10n.t('Set eviction policy'), async (arg) => {
      const { node, db } = await cluster(
        arg,
        vscode.l10n.t('Set the eviction policy of a Valkey or Redis cluster'),
        (c) => c.engine === 'valkey' || c.engine === 'redis',
        (c) => vscode.l10n.t('Eviction policies are for Valkey and Redis clusters; {0} is {1}.', c.name, engineName(c.engine)),
      );
      const current = await withProgress(vscode.l10n.t('Reading the eviction policy of {0}…', db.name), (signal) =>
        databaseEvictionPolicy(client(node), db.id, signal),
      );
      const policy = (
        await input.quickPick(
          EVICTION_POLICIES.map((p) => ({
            label: p.label,
            description: p.id === current ? vscode.l10n.t('{0} (current)', p.id) : p.id,
            detail: p.description,
            picked: p.id === current,
            id: p.id,
          })),
          { title: vscode.l10n.t('Eviction policy of {0}', db.name), placeHolder: vscode.l10n.t('What happens when memory is full') },
        )
      ).id;
      if (policy === current) return undefined;
      await withProgress(vscode.l10n.t('Setting the eviction policy of {0}…', db.name), (signal) =>
        setDatabaseEvictionPolicy(client(node), db.id, policy, signal),
      );
      log.info(`[${node.account.label}] Database ${db.name}: eviction policy ${policy}`);
      void input.notify('info', vscode.l10n.t('The eviction policy of {0} is {1}.', db.name, policy));
    }),

    registerCommand(deps, 'digitalocean.database.editPool', vscode.l10n.t('Edit connection pool'), async (arg) => {
      const node = nodeArgument(arg, connectionPoolPresenter);
      const [clusterId] = node.parents.slice(-1);
      const cache = model.cacheFor(node.account);
      const [pool, dbs, users] = await withProgress(vscode.l10n.t('Reading pool {0}…', node.name), (signal) =>
        Promise.all([
          cache.client.get<ConnectionPool>(connectionPool, node.resourceId, { parents: [clusterId], signal }),
          cache.list(databaseDb, [clusterId]),
          cache.list(databaseUser, [clusterId]),
        ]),
      );
      const title = vscode.l10n.t('Edit pool {0}', pool.name);
      const what = (
        await input.quickPick(
          [
            { label: vscode.l10n.t('Mode'), description: pool.mode, what: 'mode' as const },
            { label: vscode.l10n.t('Size'), description: vscode.l10n.t('{0} connections', pool.size), what: 'size' as const },
            { label: vscode.l10n.t('Database'), description: pool.db, what: 'db' as const },
            { label: vscode.l10n.t('User'), description: pool.user ?? vscode.l10n.t('the connecting user'), what: 'user' as const },
          ],
          { title, placeHolder: vscode.l10n.t('What to change') },
        )
      ).what;
      const next = { name: pool.name, mode: pool.mode, size: pool.size, db: pool.db, user: pool.user };
      if (what === 'mode') {
        next.mode = (
          await input.quickPick(
            (['transaction', 'session', 'statement'] as const).map((m) => ({
              label: m,
              description: m === pool.mode ? vscode.l10n.t('current') : m === 'transaction' ? vscode.l10n.t('recommended') : undefined,
              picked: m === pool.mode,
              m,
            })),
            { title, placeHolder: vscode.l10n.t('Pool mode') },
          )
        ).m;
      } else if (what === 'size') {
        next.size = Number(
          await input.inputBox({
            title,
            prompt: vscode.l10n.t('Connections in the pool'),
            value: String(pool.size),
            validateInput: (v) => numberProblem(v, 1, 100, vscode.l10n.t('Connections')),
          }),
        );
      } else if (what === 'db') {
        next.db = (
          await input.quickPick(
            dbs.map((d) => ({ label: d.name, picked: d.name === pool.db })),
            { title, placeHolder: vscode.l10n.t('Database the pool connects to') },
          )
        ).label;
      } else {
        next.user = (
          await input.quickPick(
            users.map((u) => ({ label: u.name, picked: u.name === pool.user })),
            { title, placeHolder: vscode.l10n.t('User the pool connects as') },
          )
        ).label;
      }
      if (next.mode === pool.mode && next.size === pool.size && next.db === pool.db && next.user === pool.user) return undefined;
      await withProgress(vscode.l10n.t('Updating pool {0}…', pool.name), (signal) => updateConnectionPool(cache.client, clusterId, next, signal));
      log.info(`[${node.account.label}] Connection pool ${pool.name}: ${what} changed`);
      model.reloadKind(node.account, connectionPool.kind, false);
      void input.notify('info', vscode.l10n.t('Pool {0} is updated.', pool.name));
    }),
  ];
}
