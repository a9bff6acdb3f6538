/**
 * The webview host every panel shares: the page shell (strict CSP, fresh nonce, the bundled
 * script as the only local resource), the message protocol's checks (anything unparsable, or
 * naming an id the last view did not offer, is dropped, counted and logged), one error report
 * per failed message, the render message and its event, and disposal. A panel describes its
 * content (`PanelView`) and handles the messages it accepts; nothing else.
 */
import * as vscode from 'vscode';
import type { Logger } from '../log';
import { reportError } from '../ui/errors';
import { panelHtml, webviewRoot } from './html';
import { type HostMessage, type PanelView, type WebviewMessage, parseWebviewMessage } from './protocol';

export interface PanelHostDeps {
  extensionUri: vscode.Uri;
  log: Logger;
}

export interface PanelHostOptions {
  /** The webview panel's view type (`digitalocean.details`, `digitalocean.bucket`). */
  viewType: string;
  title: string;
  preserveFocus?: boolean;
  /** What the log calls this kind of panel ("Detail panel", "Bucket panel"). */
  logName: string;
}

export abstract class PanelHost implements vscode.Disposable {
  protected readonly panel: vscode.WebviewPanel;
  protected readonly subscriptions: vscode.Disposable[] = [];
  protected disposed = false;
  private readonly renderedEmitter = new vscode.EventEmitter<PanelView>();
  /** Fires with each view sent to the webview (tests wait on it). */
  readonly onDidRender = this.renderedEmitter.event;
  /** The view sent last. */
  lastView: PanelView | undefined;
  /** Messages from the webview that were dropped as invalid (tests check it). */
  rejectedMessages = 0;

  constructor(
    private readonly hostDeps: PanelHostDeps,
    private readonly options: PanelHostOptions,
    private readonly onDispose: () => void,
  ) {
    this.panel = vscode.window.createWebviewPanel(
      options.viewType,
      options.title,
      { viewColumn: vscode.ViewColumn.Active, preserveFocus: options.preserveFocus ?? false },
      { enableScripts: true, enableFindWidget: true, localResourceRoots: [webviewRoot(hostDeps.extensionUri)] },
    );
    this.panel.iconPath = vscode.Uri.joinPath(hostDeps.extensionUri, 'media', 'digitalocean.svg');
    this.panel.webview.html = panelHtml(this.panel.webview, hostDeps.extensionUri, options.title);
    this.subscriptions.push(
      this.panel.webview.onDidReceiveMessage((raw: unknown) => void this.receive(raw)),
      this.panel.onDidDispose(() => this.dispose()),
    );
  }

  reveal(preserveFocus = false): void {
    this.panel.reveal(undefined, preserveFocus);
  }

  /** Whether `message` names only what the last view offered (a button, a copy, a link, …). */
  protected abstract accepts(message: WebviewMessage): boolean;
  /** Acts on an accepted message. */
  protected abstract handle(message: WebviewMessage): Promise<void>;
  /** The title a failure is reported under ("Details of web-1"). */
  protected abstract errorTitle(): string;
  /** Stops the panel's own work (timers, requests) when it closes. */
  protected disposing(): void {}

  /** Handles a message from the webview; anything not in the protocol, or not in the last view, is dropped. */
  async receive(raw: unknown): Promise<void> {
    const message = parseWebviewMessage(raw);
    if (!message || !this.accepts(message)) {
      this.rejectedMessages++;
      // the type only, cut short and reduced to plain characters: it came from the page, and a
      // line break or an escape in it must not write lines of its own into the log
      const type =
        typeof raw === 'object' && raw !== null
          ? String((raw as { type?: unknown }).type)
              .slice(0, 20)
              .replace(/[^\w.-]/g, '?')
          : typeof raw;
      this.hostDeps.log.warn(`${this.options.logName}: ignored an unexpected message from the webview (${type})`);
      return;
    }
    try {
      await this.handle(message);
    } catch (error) {
      reportError(this.hostDeps, this.errorTitle(), error);
    }
  }

  /** Sends `view` to the page (as data: the page renders it as text). */
  protected async show(view: PanelView): Promise<void> {
    if (this.disposed) return;
    this.lastView = view;
    this.panel.title = view.title;
    await this.panel.webview.postMessage({ type: 'render', view } satisfies HostMessage);
    this.renderedEmitter.fire(view);
  }

  /** A copy button's value to the clipboard, said in the status bar. */
  protected async copyToClipboard(text: string): Promise<void> {
    await vscode.env.clipboard.writeText(text);
    vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) Copied'), 3000);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.disposing();
    for (const s of this.subscriptions.splice(0)) s.dispose();
    this.renderedEmitter.dispose();
    this.panel.dispose();
    this.onDispose();
  }
}
