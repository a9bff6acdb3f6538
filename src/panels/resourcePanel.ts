/**
 * One resource's detail panel: a webview that draws the newest copy the model has (so actions and
 * polling update it in place), fetches what its kind needs besides (graphs, users, deployments, …)
 * only while it is visible, and acts only on ids from the view it last sent.
 */
import * as vscode from 'vscode';
import { ApiError, type ResourceKind, readAlone } from '../api';
import type { Logger } from '../log';
import { type ModelChange, type ResourceModel, type ResourceRef, resourceKey } from '../model/resourceModel';
import type { ResourceExplorer } from '../tree/explorer';
import { presenterForKind } from '../tree/kinds';
import { type AnyPanelBuilder, type PanelButton, type PanelContext, type PanelTarget, ViewParts } from './kinds/builder';
import { builderFor } from './kinds';
import { maskedJson } from './kinds/properties';
import { PanelHost } from './panelHost';
import type { PanelView, Range, Tone, WebviewMessage } from './protocol';

/** Not a command: the button opens the resource's page in the control panel. */
const OPEN_CONSOLE = 'open-console';

function toneOf(color: string | undefined): Tone {
  if (!color) return 'muted';
  if (color.includes('green')) return 'ok';
  if (color.includes('red') || color.includes('error')) return 'error';
  if (color.includes('yellow') || color.includes('orange')) return 'busy';
  return 'muted';
}

export interface DetailPanelDeps {
  extensionUri: vscode.Uri;
  /** What the panel shows and reloads. */
  model: ResourceModel;
  /** Only to hand a panel button's command the node it would get from the tree. */
  explorer: ResourceExplorer;
  log: Logger;
  /** Whether this build has a command (the web build lacks the Node-only ones): no button for one it lacks. */
  hasCommand(id: string): boolean;
}

export function refOf(target: PanelTarget): ResourceRef {
  return { account: target.account, kind: target.presenter.kind as ResourceRef['kind'], id: target.presenter.kind.idOf(target.item), parents: target.parents };
}

export function panelKey(target: PanelTarget): string {
  const ref = refOf(target);
  return resourceKey(ref.account.id, ref.kind.kind, ref.parents, ref.id);
}

export class ResourcePanel extends PanelHost {
  readonly key: string;
  private readonly builder: AnyPanelBuilder;
  private range: Range = '1h';
  private readonly revealed = new Set<string>();
  private readonly memos = new Map<string, { at: number; value: Promise<unknown> }>();
  private parts = new ViewParts(new Set());
  private buttons: PanelButton[] = [];
  private building: AbortController | undefined;
  private scheduled: ReturnType<typeof setTimeout> | undefined;
  private gone = false;
  private pinned = false;
  private webviewReady = false;

  constructor(
    private readonly deps: DetailPanelDeps,
    private target: PanelTarget,
    preserveFocus: boolean,
    onDispose: () => void,
    private readonly openOther: (target: PanelTarget) => void,
    private readonly visibilityChanged: () => void,
  ) {
    super(deps, { viewType: 'digitalocean.details', title: titleOf(target), preserveFocus, logName: 'Detail panel' }, onDispose);
    this.key = panelKey(target);
    this.builder = builderFor(target.presenter.kind.kind);
    this.subscriptions.push(
      this.panel.onDidChangeViewState(() => {
        this.visibilityChanged();
        if (this.panel.visible) this.schedule(0);
      }),
      deps.model.onDidChange((change) => {
        if (this.concerns(change)) this.schedule(150);
      }),
    );
  }

  get visible(): boolean {
    return this.panel.visible;
  }

  /** Opened by a selection and not worked in since: the next selection replaces it. */
  get isPreview(): boolean {
    return !this.pinned;
  }

  /** Keeps the panel open when another resource is selected. */
  pin(): void {
    this.pinned = true;
  }

  private title(): string {
    return titleOf(this.target);
  }

  /** Whether a change in the model can touch this resource: it, something under it, or its account's lists. */
  private concerns(change: ModelChange): boolean {
    switch (change.type) {
      case 'resource':
      case 'gone':
        return change.key === this.key || change.key.startsWith(`${this.key}/`);
      case 'lists':
        return change.accountId === this.target.account.id;
      case 'accounts':
        return true;
    }
  }

  private schedule(delayMs: number): void {
    if (!this.webviewReady || !this.panel.visible) return; // drawn when shown again
    clearTimeout(this.scheduled);
    this.scheduled = setTimeout(() => void this.render(), delayMs);
  }

  protected errorTitle(): string {
    return vscode.l10n.t('Details of {0}', this.title());
  }

  protected accepts(message: WebviewMessage): boolean {
    switch (message.type) {
      case 'button':
        return this.buttons.some((b) => b.id === message.id);
      case 'copy':
        return this.parts.copies.has(message.id);
      case 'reveal':
        return this.parts.secrets.has(message.id);
      case 'link':
        return this.parts.links.has(message.id);
      default:
        return true;
    }
  }

  protected async handle(message: WebviewMessage): Promise<void> {
    if (message.type !== 'ready') this.pin(); // the user works in it: it stays
    switch (message.type) {
      case 'ready':
        this.webviewReady = true;
        await this.render();
        return;
      case 'refresh':
        this.memos.clear();
        await this.reload(true);
        return;
      case 'range':
        this.range = message.range as Range;
        await this.render();
        return;
      case 'reveal':
        this.revealed.add(message.id);
        await this.render();
        return;
      case 'copy':
        await this.copyToClipboard(this.parts.copies.get(message.id)!);
        return;
      case 'link': {
        const link = this.parts.links.get(message.id)!;
        if ('url' in link) {
          if (/^https:\/\//i.test(link.url)) await vscode.env.openExternal(vscode.Uri.parse(link.url));
        } else {
          this.openOther(link.resource);
        }
        return;
      }
      case 'button': {
        const button = this.buttons.find((b) => b.id === message.id)!;
        if (button.command === OPEN_CONSOLE) {
          const url = this.target.presenter.consoleUrl?.(this.target.item, this.target.parents);
          if (url) await vscode.env.openExternal(vscode.Uri.parse(url));
          return;
        }
        await vscode.commands.executeCommand(
          button.command,
          this.deps.explorer.nodeFor(this.target.account, this.target.presenter, this.target.item, this.target.parents),
        );
        // The command reloaded what it changed (the panel follows through the tree's events);
        // only a delete needs asking whether the resource is still there.
        if (button.command === 'digitalocean.resource.delete') await this.reload();
        else await this.render();
        return;
      }
    }
  }

  /**
   * Fetches the resource again (it may be gone), then draws it. With `everything` (Refresh), the
   * account's other lists the panel shows (users, snapshots, linked names, …) are fetched again too.
   */
  private async reload(everything = false): Promise<void> {
    const { model } = this.deps;
    const ref = refOf(this.target);
    if (everything) model.forget(this.target.account);
    try {
      // top-level kinds (and a few nested ones) have a GET of their own; other nested ones are found again in their parent's list
      const fresh = readAlone(ref.kind, ref.parents) ? await model.reloadResource(ref) : await model.reloadFromParentList(ref, this.target.item);
      if (fresh === undefined) this.gone = true;
      else this.target = { ...this.target, item: fresh };
    } catch (error) {
      if (error instanceof ApiError && error.kind === 'not_found') this.gone = true;
      else throw error;
    }
    await this.render();
  }

  private context(signal: AbortSignal, parts: ViewParts): PanelContext {
    const { account } = this.target;
    const cache = this.deps.model.cacheFor(account);
    const targetOf = (kind: ResourceKind<never>, item: unknown, parents: string[] = []): PanelTarget => {
      const presenter = presenterForKind(kind.kind);
      if (!presenter) throw new Error(vscode.l10n.t('no presenter for {0}', kind.kind));
      return { account, presenter, item, parents };
    };
    return {
      account,
      parents: this.target.parents,
      cache,
      range: this.range,
      signal,
      parts,
      now: Date.now(),
      target: targetOf,
      find: async (kind, id) => {
        const items = await cache.list(kind);
        const found = items.find((x) => String(kind.idOf(x)) === String(id));
        return found === undefined || !presenterForKind(kind.kind) ? undefined : targetOf(kind, found);
      },
      memo: <T>(key: string, maxAgeMs: number, fetch: () => Promise<T>): Promise<T> => {
        const hit = this.memos.get(key);
        if (hit && Date.now() - hit.at < maxAgeMs) return hit.value as Promise<T>;
        const value = fetch();
        this.memos.set(key, { at: Date.now(), value });
        value.catch(() => this.memos.delete(key));
        return value;
      },
    };
  }

  /** Builds the view from the newest copy of the resource and sends it. */
  async render(): Promise<void> {
    this.building?.abort();
    const controller = new AbortController();
    this.building = controller;
    const newest = this.deps.model.newest(refOf(this.target));
    if (newest !== undefined) this.target = { ...this.target, item: newest };
    const { presenter, item, account } = this.target;
    const parts = new ViewParts(this.revealed);
    const present = { ...this.deps.model.lookups(account), now: Date.now() };
    let sections: PanelView['sections'] = [];
    let notice: string | undefined;
    try {
      sections = await this.builder.sections(item, this.context(controller.signal, parts));
    } catch (error) {
      if (controller.signal.aborted) return;
      notice = vscode.l10n.t(
        'Part of this panel could not be loaded: {0}',
        error instanceof ApiError ? error.describe() : error instanceof Error ? error.message : String(error),
      );
    }
    if (controller.signal.aborted || this.disposed) return;
    const transition = this.deps.model.transitionOf(this.key);
    const style = presenter.style?.(item);
    const buttons: PanelButton[] = this.gone
      ? []
      : [
          ...(this.builder.buttons?.(item) ?? []).filter((b) => this.deps.hasCommand(b.command)),
          ...(presenter.consoleUrl ? [{ id: 'console', label: vscode.l10n.t('Open in Control Panel'), command: OPEN_CONSOLE }] : []),
          ...(presenter.kind.deletable ? [{ id: 'delete', label: vscode.l10n.t('Delete…'), command: 'digitalocean.resource.delete' }] : []),
        ];
    const view: PanelView = {
      kindLabel: presenter.kind.label,
      title: this.title(),
      subtitle: presenter.description(item, present),
      status: this.gone
        ? { text: 'deleted', tone: 'error' }
        : transition
          ? { text: transition, tone: 'busy' }
          : style?.state
            ? { text: style.state, tone: toneOf(style.color) }
            : undefined,
      buttons: buttons.map((b) => ({ id: b.id, label: b.label, primary: b.primary, disabled: Boolean(transition) && b.id !== 'console' })),
      sections,
      raw: maskedJson(item),
      notice: this.gone ? vscode.l10n.t('This resource no longer exists at DigitalOcean.') : notice,
    };
    this.parts = parts;
    this.buttons = buttons;
    await this.show(view);
  }

  protected override disposing(): void {
    clearTimeout(this.scheduled);
    this.building?.abort();
  }
}

function titleOf(target: PanelTarget): string {
  return target.presenter.label?.(target.item) ?? target.presenter.kind.nameOf(target.item);
}
