/**
 * Open Database Shell: the engine's own client in a terminal, logged in as a user the user picks,
 * over TLS as DigitalOcean requires, the server verified against the cluster's own CA
 * (`GET /v2/databases/{id}/ca`, written beside the password file) and its host name. User and
 * database names are data (anyone with access to the cluster can make them): they reach the
 * client only as option values, never as arguments it would read as options. The password never
 * reaches a command line, the terminal's options (other extensions can read those), its text, a
 * log or a file that outlives it: it goes
 * into a 0600 file in a private directory that is removed when the terminal closes
 * (terminalFiles.node.ts), and the client is pointed at the file (psql: PGPASSFILE; mysql/mariadb:
 * --defaults-extra-file; mongosh: a connect script run with --shell) or, for redis-cli/valkey-cli,
 * a shell reads it into REDISCLI_AUTH and deletes it before the client starts
 * (src/credentials/databaseClients.ts).
 */
import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import { databaseCaCertificate } from '../../api';
import { terminalSafe } from '../../api/terminalText';
import { type DatabaseCluster, type DatabaseUser, databaseDb, databaseFirewallRule, databaseUser, hasShell, supportsUsers } from '../../api/resources/database';
import { ENGINE_CLIENTS, type ShellTarget, shellTargetProblem } from '../../credentials/databaseClients';
import { PRIVATE_DIRS } from '../../credentials/privateDirs';
import { findOnPath } from '../../credentials/tools';
import { databaseClusterPresenter, engineName } from '../../tree/kinds/database';
import { withProgress } from '../../ui/progress';
import { UserCancelledError } from '../../ui/userInput';
import type { CommandDeps } from '../deps';
import { resourceTarget } from '../pick';
import { registerCommand } from '../register';
import { TerminalFiles } from '../terminalFiles.node';

export function registerDatabaseShellCommands(deps: CommandDeps): vscode.Disposable[] {
  const { input, log, model } = deps;
  const files = new TerminalFiles(log, PRIVATE_DIRS.databaseShell);

  return [
    files,
    registerCommand(deps, 'digitalocean.database.shell', vscode.l10n.t('Open database shell'), async (arg) => {
      const node = await resourceTarget(
        deps,
        arg,
        databaseClusterPresenter,
        vscode.l10n.t('Open a database shell'),
        (c) => (c as DatabaseCluster).status === 'online',
      );
      const db = node.item as DatabaseCluster;
      const client = hasShell(db.engine) ? ENGINE_CLIENTS[db.engine] : undefined;
      if (!client)
        throw new Error(
          vscode.l10n.t("{0} has no interactive shell to open; use its tools with the connection details in the cluster's panel.", engineName(db.engine)),
        );
      if (db.status !== 'online') throw new Error(vscode.l10n.t('{0} is {1}: open a shell when it is online.', db.name, db.status));
      let program: string | undefined;
      for (const name of client.programs) program ??= await findOnPath(name);
      if (!program) throw new Error(vscode.l10n.t('Opening a shell on {0} needs {1}, which is not on PATH.', db.name, client.install));
      const connection = db.connection;
      if (!connection?.host) throw new Error(vscode.l10n.t('DigitalOcean gave no connection details for {0} yet.', db.name));
      const hostProblem = shellTargetProblem({ host: connection.host, port: connection.port, user: connection.user || 'doadmin' });
      if (hostProblem) throw new Error(vscode.l10n.t('Not opening a shell on {0}: {1}.', db.name, hostProblem));

      const cache = model.cacheFor(node.account);
      const [users, dbs, rules, ca] = await withProgress(vscode.l10n.t("Loading {0}'s users…", db.name), (signal) =>
        Promise.all([
          supportsUsers(db.engine) ? cache.list(databaseUser, [db.id]) : Promise.resolve([] as DatabaseUser[]),
          client.picksDatabase ? cache.list(databaseDb, [db.id]).catch(() => []) : Promise.resolve([]),
          cache.list(databaseFirewallRule, [db.id]).catch(() => []),
          // without the CA the server cannot be verified: no shell rather than an unverified one
          databaseCaCertificate(model.client(node.account), db.id, signal),
        ]),
      );
      const candidates: DatabaseUser[] = users.length ? users : [{ name: connection.user, password: connection.password }];
      const user =
        candidates.length === 1
          ? candidates[0]
          : (
              await input.quickPick(
                candidates.map((u) => ({ label: u.name, description: u.role === 'primary' ? 'admin' : undefined, user: u })),
                { title: vscode.l10n.t('Shell on {0}: log in as', db.name) },
              )
            ).user;
      const password = user.password ?? (user.name === connection.user ? connection.password : undefined);
      if (!password)
        throw new Error(
          vscode.l10n.t("DigitalOcean does not show {0}'s password (it was made elsewhere): reset it in the control panel, then try again.", user.name),
        );
      const database =
        client.picksDatabase && dbs.length > 1
          ? (
              await input.quickPick(
                dbs.map((d) => ({ label: d.name, description: d.name === connection.database ? 'default' : undefined })),
                { title: vscode.l10n.t('Shell on {0}: database', db.name) },
              )
            ).label
          : (dbs[0]?.name ?? connection.database);

      // Trusted sources that name no IP address can only be droplets, clusters, apps or tags.
      if (rules.length > 0 && !rules.some((r) => r.type === 'ip_addr')) {
        const choice = await input.notify(
          'warning',
          vscode.l10n.t(
            '{0} accepts connections only from its trusted sources ({1}), which would refuse this machine.',
            db.name,
            rules.map((r) => `${r.type} ${r.value}`).join(', '),
          ),
          vscode.l10n.t('Add My IP…'),
          vscode.l10n.t('Connect Anyway'),
        );
        if (choice === undefined) throw new UserCancelledError();
        if (choice === 'Add My IP…') await vscode.commands.executeCommand('digitalocean.database.addTrustedSource', node);
      }

      const target: ShellTarget = { host: connection.host, port: connection.port, user: user.name, password, database, ca };
      const launch = client.launch(target);
      // Debian's `mysql` is MariaDB's client by another name: its TLS options are MariaDB's
      const resolved = await fs.realpath(program).catch(() => program);
      const { dir, paths } = await files.create(launch.files);
      let terminal: vscode.Terminal;
      try {
        const { shellPath, shellArgs, env } = launch.command(program, paths, resolved);
        terminal = vscode.window.createTerminal({
          name: `${client.programs[0]}: ${db.name}`,
          shellPath,
          shellArgs,
          env,
          isTransient: true,
          iconPath: new vscode.ThemeIcon('database'),
          message: vscode.l10n.t(
            "{0} over TLS, the server verified with the cluster's CA certificate. The password is in a private file removed when this terminal closes.",
            terminalSafe(`${user.name}@${connection.host}:${connection.port}${client.picksDatabase ? `/${database}` : ''}`),
          ),
        });
      } catch (error) {
        await files.abandon(dir);
        throw error;
      }
      files.attach(terminal, dir);
      log.info(`[${node.account.label}] Database shell on ${db.name} as ${user.name}${client.picksDatabase ? ` (${database})` : ''}`);
      terminal.show();
      return terminal;
    }),
  ];
}
