/**
 * The Resources view: accounts → projects (or kinds, or regions) → resources. Nothing is fetched
 * until a node is expanded; each account has one cache; only resources in transition are polled,
 * and only while the view is visible.
 */
import * as vscode from 'vscode';
import { ApiError, droplet, dropletSize, type Droplet, type DropletSize } from '../api';
import type { AccountInfo, AccountStore } from '../accounts/accountStore';
import type { ClientRegistry } from '../accounts/clients';
import { AccountCache } from './cache';
import type { PresentContext } from './kinds/presenter';
import { AccountNode } from './nodes/accountNode';
import { ExplorerNode } from './nodes/base';
import type { ResourceNode } from './nodes/resourceNode';
import { TransitionPoller, type PollerOptions } from './poller';
import type { Grouping, TreeServices } from './services';

const GROUPING_KEY = 'digitalocean.view.grouping';

export interface ViewState {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void>;
}

export class ResourceExplorer implements vscode.TreeDataProvider<ExplorerNode>, TreeServices, vscode.Disposable {
  private readonly changedEmitter = new vscode.EventEmitter<ExplorerNode | undefined>();
  readonly onDidChangeTreeData = this.changedEmitter.event;
  private readonly stateEmitter = new vscode.EventEmitter<void>();
  /** Grouping or filter changed. */
  readonly onDidChangeViewState = this.stateEmitter.event;
  private readonly subscriptions: { dispose(): void }[] = [];
  private roots: AccountNode[] | undefined;
  private readonly caches = new Map<string, AccountCache>();
  /** The newest node shown for each resource key (polls update it). */
  private readonly liveNodes = new Map<string, ResourceNode>();
  private readonly lookups = new WeakMap<object, Map<string | number, unknown>>();
  readonly poller: TransitionPoller;
  private currentFilter: string | undefined;
  private readonly transitions = new Map<string, string>();
  private detailsOnSelect: boolean | undefined;

  constructor(
    private readonly store: AccountStore,
    private readonly clients: ClientRegistry,
    private readonly state: ViewState,
    pollerOptions?: PollerOptions,
  ) {
    this.poller = new TransitionPoller(pollerOptions);
    // Any change to the accounts rebuilds the top level, so no node, cache or poll of a removed
    // or re-keyed account survives.
    this.subscriptions.push(store.onDidChange(() => this.accountsChanged()));
  }

  // ---- TreeServices ------------------------------------------------------------------------------

  get grouping(): Grouping {
    return this.state.get<Grouping>(GROUPING_KEY) ?? 'project';
  }

  get filter(): string | undefined {
    return this.currentFilter;
  }

  /** Read once per full refresh (a settings change refreshes everything), not per tree item. */
  get openDetailsOnSelect(): boolean {
    this.detailsOnSelect ??= vscode.workspace.getConfiguration('digitalocean').get<boolean>('openDetailsOnSelect', true);
    return this.detailsOnSelect;
  }

  cacheFor(account: AccountInfo): AccountCache {
    let cache = this.caches.get(account.id);
    if (!cache) {
      cache = new AccountCache(() => this.clients.clientFor(account));
      this.caches.set(account.id, cache);
    }
    return cache;
  }

  present(account: AccountInfo): PresentContext {
    const cache = this.cacheFor(account);
    const sizes = this.lookup<DropletSize>(cache.peek(dropletSize), (s) => s.slug);
    const droplets = this.lookup<Droplet>(cache.peek(droplet), (d) => d.id);
    return {
      size: (slug) => sizes?.get(slug),
      dropletName: (id) => droplets?.get(id)?.name,
      now: Date.now(),
    };
  }

  changed(node?: ExplorerNode): void {
    this.changedEmitter.fire(node);
  }

  track(node: ResourceNode): void {
    const key = node.resourceKey;
    this.liveNodes.set(key, node);
    if (node.transitional && node.parents.length === 0) this.watch(node);
  }

  /** The node shown for a resource, if any. */
  liveNode(resourceKey: string): ResourceNode | undefined {
    return this.liveNodes.get(resourceKey);
  }

  transitionOf(resourceKey: string): string | undefined {
    return this.transitions.get(resourceKey);
  }

  /** Shows (or, with undefined, clears) what an action is doing to a resource. */
  setTransition(node: ResourceNode, text: string | undefined): void {
    if (text) this.transitions.set(node.resourceKey, text);
    else this.transitions.delete(node.resourceKey);
    this.changed(this.liveNodes.get(node.resourceKey) ?? node);
  }

  /**
   * Fetches one resource again and shows it wherever it is displayed. Resolves false when the
   * resource is gone (its list is then reloaded).
   */
  async reloadResource(node: ResourceNode, signal?: AbortSignal): Promise<boolean> {
    const live = this.liveNodes.get(node.resourceKey) ?? node;
    const cache = this.cacheFor(live.account);
    let fresh: unknown;
    try {
      fresh = await cache.client.get(live.presenter.kind, live.resourceId, { signal, parents: live.parents });
    } catch (error) {
      if (error instanceof ApiError && error.kind === 'not_found') {
        cache.invalidate(live.presenter.kind.kind);
        this.changed(live.parent);
        return false;
      }
      throw error;
    }
    const before = cache.peek(live.presenter.kind);
    cache.replace(live.presenter.kind, fresh as never);
    if (before) this.lookups.delete(before);
    live.item = fresh;
    this.changed(live);
    if (live.transitional && live.parents.length === 0) this.watch(live);
    return true;
  }

  /** Forgets a kind's lists of an account and shows the resource's list again (after create/delete). */
  reloadList(node: ResourceNode): void {
    this.reloadKind(node.account, node.presenter.kind.kind, node.parent);
  }

  /** Forgets a kind's lists (and project contents) of an account, then redraws (after a create). */
  reloadKind(account: AccountInfo, kind: string, node?: ExplorerNode): void {
    this.cacheFor(account).invalidate(kind);
    this.cacheFor(account).invalidate('project_resource');
    for (const root of this.roots ?? []) if (root.account.id === account.id) root.summaries.clear();
    this.changed(node);
  }

  private watch(node: ResourceNode): void {
    const key = node.resourceKey;
    this.poller.watch({
      key,
      poll: async (signal) => {
        const live = this.liveNodes.get(key) ?? node;
        if (!(await this.reloadResource(live, signal))) return false;
        return (this.liveNodes.get(key) ?? live).transitional;
      },
    });
  }

  // ---- view state --------------------------------------------------------------------------------

  async setGrouping(grouping: Grouping): Promise<void> {
    await this.state.update(GROUPING_KEY, grouping);
    this.stateEmitter.fire();
    this.refresh();
  }

  setFilter(text: string | undefined): void {
    const trimmed = text?.trim().toLowerCase();
    this.currentFilter = trimmed ? trimmed : undefined;
    this.stateEmitter.fire();
    this.changed();
  }

  setVisible(visible: boolean): void {
    this.poller.setVisible(visible);
  }

  // ---- TreeDataProvider --------------------------------------------------------------------------

  /** Refresh a node (re-asking the API for what it shows), or everything. */
  refresh(node?: ExplorerNode): void {
    if (node) {
      node.invalidate();
    } else {
      for (const cache of this.caches.values()) cache.invalidate();
      this.roots = undefined;
      this.detailsOnSelect = undefined;
    }
    this.changed(node);
  }

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    return node.toTreeItem();
  }

  async getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    if (node) return node.getChildren();
    this.roots ??= this.store.list().map((account) => new AccountNode(account, this));
    return this.roots;
  }

  getParent(node: ExplorerNode): ExplorerNode | undefined {
    return node.parent;
  }

  async resolveTreeItem(item: vscode.TreeItem, node: ExplorerNode): Promise<vscode.TreeItem> {
    if (node instanceof AccountNode) {
      const tooltip = await node.resolveTooltip();
      if (tooltip) item.tooltip = tooltip;
    }
    return item;
  }

  accountNodes(): AccountNode[] {
    return this.roots ?? [];
  }

  dispose(): void {
    this.poller.dispose();
    this.changedEmitter.dispose();
    this.stateEmitter.dispose();
    for (const s of this.subscriptions) s.dispose();
  }

  private accountsChanged(): void {
    const present = new Set(this.store.list().map((a) => a.id));
    for (const id of [...this.caches.keys()]) {
      if (!present.has(id)) {
        this.caches.delete(id);
        this.poller.unwatchPrefix(`${id}/`);
      }
    }
    for (const key of [...this.liveNodes.keys()]) {
      if (!present.has(key.split('/')[0])) this.liveNodes.delete(key);
    }
    this.roots = undefined;
    this.changed();
  }

  private lookup<T>(items: T[] | undefined, keyOf: (item: T) => string | number): Map<string | number, T> | undefined {
    if (!items) return undefined;
    let map = this.lookups.get(items) as Map<string | number, T> | undefined;
    if (!map) {
      map = new Map(items.map((i) => [keyOf(i), i]));
      this.lookups.set(items, map);
    }
    return map;
  }
}
