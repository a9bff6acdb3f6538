/**
 * App Platform's terminals: live logs and the console, each a Pseudoterminal.
 *
 * Logs go to a terminal rather than an output channel: each component gets its colour, status
 * lines (dropped, reconnecting, reconnected) stand apart dimmed, and the terminal is the thing to
 * close to stop following (Ctrl+C stops too and keeps the text). The follower
 * (src/api/appLogs/follow.ts) reconnects with back-off and shows each line once.
 * Log lines are other people's text (an app logs its visitors' request paths and User-Agents):
 * only printable text and SGR colours reach the terminal, every other escape is shown escaped.
 * The console is the component's `exec` websocket in a Pseudoterminal: typing, Ctrl+C and the
 * terminal's size go to it; it ends when the socket closes. It is a terminal by design (a shell
 * in the container, with its own full-screen programs), so its output is passed through raw.
 */
import * as vscode from 'vscode';
import { AppConsole, appLogUrls, type AppLogType, type FollowStatus, LogFollower, type LogLine, parseLogLine, readArchivedLog } from '../../api/appLogs/follow';
import { type App } from '../../api/resources/app';
import { terminalSafe, terminalSafeLines } from '../../api/terminalText';
import type { AccountInfo } from '../../accounts/accountStore';
import { withProgress } from '../../ui/progress';
import type { CommandDeps } from '../deps';

/** Colours for components, in turn (ANSI 36 cyan, 35 magenta, 33 yellow, 32 green, 34 blue). */
const COLOURS = [36, 35, 33, 32, 34];
const DIM = (text: string) => `\x1b[2m${text}\x1b[0m`;

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
    if (status.kind === 'connected')
      this.status(status.attempt === 1 ? vscode.l10n.t('following live') : vscode.l10n.t('reconnected (attempt {0})', status.attempt));
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

/** The archived logs of an earlier deployment, read once. */
async function showArchived(view: LogView, urls: string[]): Promise<void> {
  if (urls.length === 0) return view.status(vscode.l10n.t('no logs yet'));
  view.status(vscode.l10n.t('archived logs'));
  for (const url of urls) {
    try {
      const { lines, cut } = await readArchivedLog(url);
      for (const text of lines) view.line(parseLogLine(text));
      if (cut) view.status(vscode.l10n.t('the rest of this archived log is too long to show'));
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
export async function openLogView(
  deps: Pick<CommandDeps, 'model' | 'log'>,
  account: AccountInfo,
  app: App,
  type: AppLogType,
  component?: string,
  deploymentId?: string,
  /** An event's or a job run's logs, with the words that name them in the terminal's title. */
  other?: { eventId?: string; jobInvocation?: { job: string; id: string }; title: string },
): Promise<LogView> {
  const { model, log } = deps;
  const client = model.client(account);
  const scope = { appId: app.id, component, deploymentId, eventId: other?.eventId, jobInvocation: other?.jobInvocation };
  const first = await withProgress(vscode.l10n.t("Finding {0}'s logs…", app.spec.name), (signal) => appLogUrls(client, scope, type, true, signal));
  const name = other
    ? vscode.l10n.t('Logs: {0} · {1}', app.spec.name, other.title)
    : vscode.l10n.t(
        'Logs: {0}{1} · {2}{3}',
        app.spec.name,
        component ? ` · ${component}` : '',
        type.toLowerCase().replace('_', ' '),
        deploymentId ? ` · ${deploymentId.slice(0, 8)}` : '',
      );
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
