/**
 * App Platform: live logs and a console, each in a terminal.
 *
 * Logs go to a terminal (a Pseudoterminal) rather than an output channel: each component gets
 * its colour, status lines (dropped, reconnecting, reconnected) stand apart dimmed, and the
 * terminal is the thing to close to stop following (Ctrl+C stops too and keeps the text). The
 * follower (src/api/appLogs.ts) reconnects with back-off and shows each line once.
 * Log lines are other people's text (an app logs its visitors' request paths and User-Agents):
 * only printable text and SGR colours reach the terminal, every other escape is shown escaped.
 * The console is the component's `exec` websocket in a Pseudoterminal: typing, Ctrl+C and the
 * terminal's size go to it; it ends when the socket closes. It is a terminal by design (a shell
 * in the container, with its own full-screen programs), so its output is passed through raw.
 */
import * as vscode from 'vscode';
import { AppConsole, appExecUrl, appInstances, appLogUrls, type AppLogType, type FollowStatus, LogFollower, type LogLine, parseLogLine } from '../../api/appLogs';
import { cancelAppDeployment, commitAppRollback, createAppDeployment, restartApp, revertAppRollback, rollbackApp, validateAppRollback, appDeployments } from '../../api';
import { type App } from '../../api/resources/app';
import { terminalSafe, terminalSafeLines } from '../../api/terminalText';
import type { AccountInfo } from '../../accounts/accountStore';
import { appPresenter } from '../../tree/kinds/app';
import { withProgress } from '../../ui/progress';
import type { CommandDeps } from '../deps';
import { resourceTarget } from '../pick';
import { registerCommand } from '../register';

const ALL = vscode.l10n.t('All components');
const TYPES: { label: string; type: AppLogType; detail: string }[] = [
  { label: vscode.l10n.t('Run'), type: 'RUN', detail: vscode.l10n.t('what the running instances print, followed live') },
  { label: vscode.l10n.t('Build'), type: 'BUILD', detail: vscode.l10n.t('the latest deployment\'s build') },
  { label: vscode.l10n.t('Deploy'), type: 'DEPLOY', detail: vscode.l10n.t('the latest deployment\'s rollout') },
  { label: vscode.l10n.t('Restarted'), type: 'RUN_RESTARTED', detail: vscode.l10n.t('instances that crashed or restarted') },
];
/** Colours for components, in turn (ANSI 36 cyan, 35 magenta, 33 yellow, 32 green, 34 blue). */
const COLOURS = [36, 35, 33, 32, 34];
const DIM = (text: string) => `\x1b[2m${text}\x1b[0m`;

export function componentsOf(app: App): string[] {
  const spec = app.spec as App['spec'] & { workers?: { name: string }[]; jobs?: { name: string }[] };
  return [...(spec.services ?? []), ...(spec.workers ?? []), ...(spec.jobs ?? []), ...(spec.static_sites ?? [])].map((c) => c.name);
}

/** A log view: what the command returns (tests listen to it). */
export class LogView implements vscode.Pseudoterminal {
  private readonly writes = new vscode.EventEmitter<string>();
  private readonly closes = new vscode.EventEmitter<void>();
  private readonly lines = new vscode.EventEmitter<LogLine>();
  private readonly statuses = new vscode.EventEmitter<FollowStatus>();
  readonly onDidWrite = this.writes.event;
  readonly onDidClose = this.closes.event;
  readonly onDidShowLine = this.lines.event;
  readonly onDidChangeStatus = this.statuses.event;
  private readonly colours = new Map<string, number>();
  private follower?: LogFollower;
  private opened = false;
  private readonly early: string[] = [];
  lineCount = 0;

  constructor(private readonly start: (view: LogView) => LogFollower | undefined) {}

  open(): void {
    this.opened = true;
    for (const text of this.early.splice(0)) this.writes.fire(text);
    this.follower = this.start(this);
  }

  close(): void {
    this.follower?.stop();
    this.dispose();
  }

  handleInput(data: string): void {
    if (data === '\x03' && this.follower && !this.follower.stopped) {
      this.follower.stop();
      this.status(vscode.l10n.t('stopped following (Ctrl+C); close the terminal when done'));
    }
  }

  stop(): void {
    this.follower?.stop();
  }

  line(line: LogLine): void {
    this.lineCount++;
    this.lines.fire(line);
    // remote text: only printable text and SGR colours reach the terminal (api/terminalText.ts)
    if (line.component === undefined) return this.write(`${terminalSafeLines(line.text)}\x1b[0m\r\n`);
    let colour = this.colours.get(line.component);
    if (colour === undefined) {
      colour = COLOURS[this.colours.size % COLOURS.length];
      this.colours.set(line.component, colour);
    }
    const time = line.timestamp?.slice(11, 23) ?? '';
    this.write(`\x1b[${colour}m${terminalSafe(line.component)}\x1b[0m ${DIM(time)} ${terminalSafeLines(line.message)}\x1b[0m\r\n`);
  }

  status(text: string): void {
    this.write(DIM(`— ${terminalSafe(text)} —`) + '\r\n');
  }

  followStatus(status: FollowStatus): void {
    this.statuses.fire(status);
    if (status.kind === 'connected') this.status(status.attempt === 1 ? vscode.l10n.t('following live') : vscode.l10n.t('reconnected (attempt {0})', status.attempt));
    if (status.kind === 'dropped') this.status(vscode.l10n.t('{0}; reconnecting in {1} s', status.reason, (status.retryInMs / 1000).toFixed(1)));
    if (status.kind === 'stopped' && status.reason) this.status(`stopped: ${status.reason}`);
  }

  private write(text: string): void {
    if (this.opened) this.writes.fire(text);
    else this.early.push(text);
  }

  dispose(): void {
    this.writes.dispose();
    this.lines.dispose();
    this.statuses.dispose();
    this.closes.fire();
    this.closes.dispose();
  }
}

/** A component's console: what the command returns. */
export class ConsoleView implements vscode.Pseudoterminal {
  private readonly writes = new vscode.EventEmitter<string>();
  private readonly closes = new vscode.EventEmitter<number | void>();
  readonly onDidWrite = this.writes.event;
  readonly onDidClose = this.closes.event;
  private socket?: AppConsole;
  private size?: vscode.TerminalDimensions;

  constructor(
    private readonly url: () => Promise<string>,
    private readonly title: string,
    private readonly log: CommandDeps['log'],
  ) {}

  open(dimensions: vscode.TerminalDimensions | undefined): void {
    this.size = dimensions;
    this.writes.fire(vscode.l10n.t('[2mConnecting to {0}…[0m\r\n', this.title));
    this.url().then(
      (url) => {
        this.socket = new AppConsole(url, {
          onOpen: () => {
            if (this.size) this.socket?.resize(this.size.columns, this.size.rows);
          },
          onOutput: (data) => this.writes.fire(data),
          onError: (message) => {
            this.log.warn(`Console ${this.title}: ${message}`);
            this.writes.fire(vscode.l10n.t('\r\n[31mThe console failed: {0}[0m\r\n', message));
          },
          onClose: (code) => {
            this.writes.fire(vscode.l10n.t('\r\n[2m— console closed{0} —[0m\r\n', code !== 1000 ? ` (${code})` : ''));
            this.closes.fire(code === 1000 ? 0 : 1);
          },
        });
        if (this.size) this.socket.resize(this.size.columns, this.size.rows);
      },
      (error: unknown) => {
        this.writes.fire(vscode.l10n.t('[31mCould not open the console: {0}[0m\r\n', error instanceof Error ? error.message : String(error)));
        this.closes.fire(1);
      },
    );
  }

  handleInput(data: string): void {
    this.socket?.input(data);
  }

  setDimensions(dimensions: vscode.TerminalDimensions): void {
    this.size = dimensions;
    this.socket?.resize(dimensions.columns, dimensions.rows);
  }

  close(): void {
    this.socket?.close();
  }
}

export function registerAppCommands(deps: CommandDeps): vscode.Disposable[] {
  const { input, model, log } = deps;

  async function appAndComponent(arg: unknown, title: string, allowAll: boolean): Promise<{ account: AccountInfo; app: App; component?: string }> {
    const node = await resourceTarget(deps, arg, appPresenter, title);
    const app = node.item as App;
    const components = componentsOf(app);
    if (components.length === 0) throw new Error(vscode.l10n.t('{0} has no components.', app.spec.name));
    const choices = [...(allowAll && components.length > 1 ? [ALL] : []), ...components];
    const component = choices.length === 1 ? choices[0] : (await input.quickPick(choices.map((label) => ({ label })), { title: `${title}: ${app.spec.name}`, placeHolder: vscode.l10n.t('Component') })).label;
    return { account: node.account, app, component: component === ALL ? undefined : component };
  }

  /** The app node the command was run on, or one picked; `valid` filters the palette's list. */
  const appTarget = (arg: unknown, title: string, valid?: (a: App) => boolean) => resourceTarget(deps, arg, appPresenter, title, valid ? (a) => valid(a as App) : undefined);

  /** After a call that starts a deployment: the app's fresh copy, followed by the poller until it settles. */
  async function followDeployment(node: Awaited<ReturnType<typeof appTarget>>, what: string): Promise<void> {
    log.info(`[${node.account.label}] ${what}`);
    await model.reloadResource(node.ref);
    vscode.window.setStatusBarMessage(`$(rocket) ${what}`, 5000);
  }

  return [
    registerCommand(deps, 'digitalocean.app.deploy', vscode.l10n.t('Deploy app'), async (arg) => {
      const node = await appTarget(arg, vscode.l10n.t('Deploy an app'));
      const a = node.item as App;
      if (a.in_progress_deployment) throw new Error(vscode.l10n.t('{0} is deploying already ({1}).', a.spec.name, a.in_progress_deployment.phase.toLowerCase()));
      const force = (
        await input.quickPick(
          [
            { label: vscode.l10n.t('Deploy'), detail: vscode.l10n.t('the current spec, re-using a cached build where it fits'), force: false },
            { label: vscode.l10n.t('Deploy and Rebuild'), detail: vscode.l10n.t('build every component from source again'), force: true },
          ],
          { title: vscode.l10n.t('Deploy {0}', a.spec.name) },
        )
      ).force;
      const deployment = await withProgress(vscode.l10n.t('Starting a deployment of {0}…', a.spec.name), (signal) => createAppDeployment(model.client(node.account), a.id, force, signal));
      await followDeployment(node, vscode.l10n.t('Deployment {0} of {1} started{2}', deployment.id.slice(0, 8), a.spec.name, force ? ' (rebuilding)' : ''));
      return deployment.id;
    }),

    registerCommand(deps, 'digitalocean.app.cancelDeployment', vscode.l10n.t('Cancel deployment'), async (arg) => {
      const node = await appTarget(arg, vscode.l10n.t('Cancel a deployment'), (a) => a.in_progress_deployment !== undefined);
      const a = node.item as App;
      const running = a.in_progress_deployment;
      if (!running) throw new Error(vscode.l10n.t('{0} has no deployment in progress.', a.spec.name));
      await input.confirm(vscode.l10n.t('Cancel the deployment of {0}?', a.spec.name), vscode.l10n.t('It is {0}; the active deployment keeps serving.', running.phase.toLowerCase().replace(/_/g, ' ')), vscode.l10n.t('Cancel Deployment'));
      await withProgress(vscode.l10n.t('Canceling the deployment…'), (signal) => cancelAppDeployment(model.client(node.account), a.id, running.id, signal));
      await followDeployment(node, vscode.l10n.t('Deployment {0} of {1} canceled', running.id.slice(0, 8), a.spec.name));
      return running.id;
    }),

    registerCommand(deps, 'digitalocean.app.restart', vscode.l10n.t('Restart app'), async (arg) => {
      const node = await appTarget(arg, vscode.l10n.t('Restart an app'));
      const a = node.item as App;
      const components = componentsOf(a);
      const chosen = components.length === 1 ? components : (await input.quickPickMany(components.map((label) => ({ label, picked: true })), { title: vscode.l10n.t('Restart {0}: which components?', a.spec.name) })).map((c) => c.label);
      if (chosen.length === 0) throw new Error(vscode.l10n.t('Choose at least one component to restart.'));
      const all = chosen.length === components.length;
      const deployment = await withProgress(vscode.l10n.t('Restarting {0}…', a.spec.name), (signal) => restartApp(model.client(node.account), a.id, all ? [] : chosen, signal));
      await followDeployment(node, `${a.spec.name}: restarting ${all ? vscode.l10n.t('every component') : chosen.join(', ')}`);
      return deployment.id;
    }),

    registerCommand(deps, 'digitalocean.app.rollback', vscode.l10n.t('Roll back app'), async (arg) => {
      const node = await appTarget(arg, vscode.l10n.t('Roll back an app'));
      const a = node.item as App;
      const client = model.client(node.account);
      const past = (await withProgress(vscode.l10n.t('Listing {0}\'s deployments…', a.spec.name), (signal) => appDeployments(client, a.id, signal))).filter((d) => d.id !== a.active_deployment?.id);
      if (past.length === 0) throw new Error(vscode.l10n.t('{0} has no earlier deployment to roll back to.', a.spec.name));
      const target = (
        await input.quickPick(
          past.map((d) => ({ label: d.cause ?? d.id.slice(0, 8), description: `${d.phase.toLowerCase()} · ${d.created_at.slice(0, 16).replace('T', ' ')}`, detail: d.id, deployment: d })),
          { title: vscode.l10n.t('Roll back {0} to…', a.spec.name) },
        )
      ).deployment;
      const check = await withProgress(vscode.l10n.t('Checking the rollback…'), (signal) => validateAppRollback(client, a.id, target.id, signal));
      if (!check.valid) throw new Error(vscode.l10n.t('{0} cannot roll back to that deployment: {1}.', a.spec.name, check.error?.message ?? check.error?.code ?? vscode.l10n.t('the API refused it')));
      const warnings = (check.warnings ?? []).map((w) => w.message ?? w.code).filter(Boolean);
      await input.confirm(
        vscode.l10n.t('Roll back {0} to "{1}"?', a.spec.name, target.cause ?? target.id.slice(0, 8)),
        [vscode.l10n.t('The app is pinned to it (no new deployments, auto-deploy paused) until you commit the rollback or revert it.'), ...warnings].join('\n'),
        vscode.l10n.t('Roll Back'),
      );
      const deployment = await withProgress(vscode.l10n.t('Rolling back {0}…', a.spec.name), (signal) => rollbackApp(client, a.id, target.id, signal));
      await followDeployment(node, vscode.l10n.t('{0} rolling back to {1}', a.spec.name, target.id.slice(0, 8)));
      void input.notify('info', vscode.l10n.t('{0} is rolling back. Commit the rollback to keep it, or revert it, from the app\'s menu.', a.spec.name));
      return deployment.id;
    }),

    registerCommand(deps, 'digitalocean.app.commitRollback', vscode.l10n.t('Commit rollback'), async (arg) => {
      const node = await appTarget(arg, vscode.l10n.t('Commit a rollback'), (a) => a.pinned_deployment !== undefined);
      const a = node.item as App;
      await withProgress(vscode.l10n.t('Committing the rollback…'), (signal) => commitAppRollback(model.client(node.account), a.id, signal));
      await followDeployment(node, vscode.l10n.t('{0}: rollback committed', a.spec.name));
      return a.id;
    }),

    registerCommand(deps, 'digitalocean.app.revertRollback', vscode.l10n.t('Revert rollback'), async (arg) => {
      const node = await appTarget(arg, vscode.l10n.t('Revert a rollback'), (a) => a.pinned_deployment !== undefined);
      const a = node.item as App;
      await input.confirm(vscode.l10n.t('Revert the rollback of {0}?', a.spec.name), vscode.l10n.t('The deployment that was active before it is deployed again.'), vscode.l10n.t('Revert'));
      const deployment = await withProgress(vscode.l10n.t('Reverting the rollback…'), (signal) => revertAppRollback(model.client(node.account), a.id, signal));
      await followDeployment(node, vscode.l10n.t('{0}: rollback reverted', a.spec.name));
      return deployment.id;
    }),

    registerCommand(deps, 'digitalocean.app.showLogs', vscode.l10n.t('Show app logs'), async (arg) => {
      const { account, app, component } = await appAndComponent(arg, vscode.l10n.t('Show logs'), true);
      const type = (await input.quickPick(TYPES.map((t) => ({ label: t.label, detail: t.detail, type: t.type })), { title: vscode.l10n.t('Logs of {0}{1}', app.spec.name, component ? ` · ${component}` : ''), placeHolder: vscode.l10n.t('Which logs?') })).type;
      const client = model.client(account);
      // build and deploy logs belong to a deployment: the current one (live), or an earlier one (archived)
      let deploymentId: string | undefined;
      if (type === 'BUILD' || type === 'DEPLOY') {
        const past = (await withProgress(vscode.l10n.t('Listing {0}\'s deployments…', app.spec.name), (signal) => appDeployments(client, app.id, signal))).filter((d) => d.id !== (app.in_progress_deployment ?? app.active_deployment)?.id);
        if (past.length > 0) {
          deploymentId = (
            await input.quickPick(
              [{ label: vscode.l10n.t('Current deployment'), description: vscode.l10n.t('followed live'), id: undefined as string | undefined }, ...past.map((d) => ({ label: d.cause ?? d.id.slice(0, 8), description: `${d.phase.toLowerCase()} · ${d.created_at.slice(0, 16).replace('T', ' ')}`, id: d.id as string | undefined }))],
              { title: vscode.l10n.t('{0} logs of {1}: which deployment?', type === 'BUILD' ? vscode.l10n.t('Build') : vscode.l10n.t('Deploy'), app.spec.name) },
            )
          ).id;
        }
      }
      return openLogView(deps, account, app, type, component, deploymentId);
    }),

    registerCommand(deps, 'digitalocean.app.console', vscode.l10n.t('Open app console'), async (arg) => {
      const { account, app, component } = await appAndComponent(arg, vscode.l10n.t('Open a console'), false);
      const client = model.client(account);
      const instances = (await withProgress(vscode.l10n.t('Listing {0}\'s instances…', app.spec.name), (signal) => appInstances(client, app.id, signal))).filter((i) => i.component_name === component);
      if (instances.length === 0) throw new Error(vscode.l10n.t('{0} of {1} has no running instance to open a console on.', String(component), app.spec.name));
      const instance =
        instances.length === 1
          ? instances[0]
          : (await input.quickPick(instances.map((i) => ({ label: i.instance_alias ?? i.instance_name, description: i.instance_name, instance: i })), { title: vscode.l10n.t('Console on {0} · {1}', app.spec.name, String(component)), placeHolder: vscode.l10n.t('Instance') })).instance;
      const title = `${app.spec.name} · ${instance.instance_alias ?? instance.instance_name}`;
      const view = new ConsoleView(() => appExecUrl(client, { appId: app.id, component: component! }, instance.instance_name), title, log);
      const terminal = vscode.window.createTerminal({ name: vscode.l10n.t('Console: {0}', title), pty: view, iconPath: new vscode.ThemeIcon('terminal'), isTransient: true });
      terminal.show();
      log.info(`[${account.label}] Console on ${title}`);
      return view;
    }),
  ];
}

/** The archived logs of an earlier deployment, read once. */
async function showArchived(view: LogView, urls: string[]): Promise<void> {
  if (urls.length === 0) return view.status(vscode.l10n.t('no logs yet'));
  view.status(vscode.l10n.t('archived logs'));
  for (const url of urls) {
    try {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      for (const text of (await response.text()).split('\n').filter(Boolean)) view.line(parseLogLine(text));
    } catch (error) {
      view.status(vscode.l10n.t('could not read an archived log: {0}', error instanceof Error ? error.message : String(error)));
    }
  }
  view.status(vscode.l10n.t('end of archived logs'));
}

/**
 * Opens a terminal that shows an app's logs of one type: followed live (reconnecting, each line
 * once), or the archived logs of an earlier deployment.
 */
export async function openLogView(deps: Pick<CommandDeps, 'model' | 'log'>, account: AccountInfo, app: App, type: AppLogType, component?: string, deploymentId?: string): Promise<LogView> {
  const { model, log } = deps;
  const client = model.client(account);
  const scope = { appId: app.id, component, deploymentId };
  const first = await withProgress(vscode.l10n.t('Finding {0}\'s logs…', app.spec.name), (signal) => appLogUrls(client, scope, type, true, signal));
  const name = vscode.l10n.t('Logs: {0}{1} · {2}{3}', app.spec.name, component ? ` · ${component}` : '', type.toLowerCase().replace('_', ' '), deploymentId ? ` · ${deploymentId.slice(0, 8)}` : '');
  let firstUrl: string | undefined = first.live_url;
  const view = new LogView((v) => {
    if (!first.live_url) {
      void showArchived(v, first.historic_urls ?? []);
      return undefined;
    }
    const follower = new LogFollower({
      // the first URL is the one just fetched; each reconnection asks for a fresh one
      liveUrl: async (signal) => {
        const url = firstUrl ?? (await appLogUrls(client, scope, type, true, signal)).live_url;
        firstUrl = undefined;
        if (!url) throw new Error(vscode.l10n.t('the API gave no live log address'));
        return url;
      },
      onLine: (line) => v.line(line),
      onStatus: (status) => v.followStatus(status),
    });
    void follower.run();
    return follower;
  });
  const terminal = vscode.window.createTerminal({ name, pty: view, iconPath: new vscode.ThemeIcon('output'), isTransient: true });
  terminal.show(true);
  log.info(`[${account.label}] Following ${type} logs of ${app.spec.name}${component ? `/${component}` : ''}`);
  return view;
}
