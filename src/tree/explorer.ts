/**
 * The Resources view: accounts → projects (or kinds, or regions) → resources. A view of the
 * model (src/model): it keeps only nodes, grouping, filter and labels, and redraws what the model
 * says changed. Nothing is fetched until a node is expanded.
 */
import * as vscode from 'vscode';
import type { AccountInfo, AccountStore } from '../accounts/accountStore';
import type { AccountCache } from '../model/accountCache';
import type { ModelChange, ResourceModel } from '../model/resourceModel';
import type { SpacesChange, SpacesModel } from '../model/spaces';
import type { Bucket } from '../api/spaces/spaces';
import type { PresentContext } from './kinds/presenter';
import { ResourceDropController } from './dragAndDrop';
import { AccountNode } from './nodes/accountNode';
import { ExplorerNode } from './nodes/base';
import type { AnyPresenter } from './kinds';
import { ResourceNode } from './nodes/resourceNode';
import type { Grouping, ShownResource, TreeServices } from './services';
import { SummaryStore } from '../accounts/summaryStore';

const GROUPING_KEY = 'digitalocean.view.grouping';

/** A stand-in parent for resources picked in the palette (never shown). */
class PaletteRoot extends ExplorerNode {
  readonly id = 'palette';
  toTreeItem(): vscode.TreeItem {
    return new vscode.TreeItem('palette');
  }
}
const paletteRoot = new PaletteRoot();

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
  private readonly marksEmitter = new vscode.EventEmitter<string>();
  /** The marks of a kind's resources changed (addMarker): views that show them draw them again. */
  readonly onDidChangeMarks = this.marksEmitter.event;
  private readonly subscriptions: { dispose(): void }[] = [];
  private roots: AccountNode[] | undefined;
  /** The newest node shown for each resource key (what the model says changed is redrawn there). */
  private readonly shown = new Map<string, ResourceNode>();
  private currentFilter: string | undefined;
  private detailsOnSelect: boolean | undefined;
  /** Words added to resource nodes' contextValue by what the tree cannot know itself (files on this machine), by kind. */
  private readonly markers = new Map<string, Map<string, (item: unknown) => boolean>>();

  /** Files dropped on a bucket or folder are uploaded there. */
  readonly dropController = new ResourceDropController();
  readonly summaries: SummaryStore;
  /** The bucket nodes shown, by account and bucket name: a change in a bucket redraws its node. */
  private readonly shownBuckets = new Map<string, ExplorerNode & { readonly account: AccountInfo; readonly bucket: Bucket }>();

  constructor(
    private readonly model: ResourceModel,
    private readonly store: AccountStore,
    private readonly state: ViewState,
    readonly spaces: SpacesModel,
  ) {
    this.summaries = new SummaryStore(state);
    this.subscriptions.push(
      model.onDidChange((change) => this.modelChanged(change)),
      spaces.onDidChange((change) => this.spacesChanged(change)),
    );
  }

  showBucket(node: ExplorerNode & { readonly account: AccountInfo; readonly bucket: Bucket }): void {
    this.shownBuckets.set(`${node.account.id}/${node.bucket.name}`, node);
  }

  private spacesChanged(change: SpacesChange): void {
    if (change.bucket !== undefined) {
      const node = this.shownBuckets.get(`${change.accountId}/${change.bucket}`);
      if (node) this.changed(node);
      return;
    }
    // buckets came or went, or a new key: the account's Spaces node (wherever it is) is redrawn
    const spacesRoot = [...this.shownBuckets.values()].find((b) => b.account.id === change.accountId)?.parent;
    this.changed(spacesRoot ?? (this.roots ?? []).find((r) => r.account.id === change.accountId));
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
    return this.model.cacheFor(account);
  }

  present(account: AccountInfo): PresentContext {
    return { ...this.model.lookups(account), now: Date.now() };
  }

  changed(node?: ExplorerNode): void {
    this.changedEmitter.fire(node);
  }

  /**
   * Adds `mark` to the contextValue of resources of `kind` for which `has` is true, so that menus
   * can depend on it (an ssh config entry for a droplet). Call `remark` when `has` changes.
   */
  addMarker(kind: string, mark: string, has: (item: unknown) => boolean): vscode.Disposable {
    const forKind = this.markers.get(kind) ?? new Map<string, (item: unknown) => boolean>();
    this.markers.set(kind, forKind);
    forKind.set(mark, has);
    this.remark(kind);
    return new vscode.Disposable(() => {
      forKind.delete(mark);
      this.remark(kind);
    });
  }

  /** Redraws the shown resources of a kind (their marks changed). */
  remark(kind: string): void {
    this.marksEmitter.fire(kind);
    for (const node of this.shown.values()) if (node.presenter.kind.kind === kind) this.changedEmitter.fire(node);
  }

  marksOf(kind: string, item: unknown): string[] {
    const forKind = this.markers.get(kind);
    if (!forKind) return [];
    return [...forKind].filter(([, has]) => has(item)).map(([mark]) => mark);
  }

  track(node: ShownResource): void {
    if (node instanceof ResourceNode) this.shown.set(node.resourceKey, node);
    // presenters' `transitional` are plain functions of the item: passed as they are, no closure per resource
    this.model.show(node.ref, node.ownItem, node.presenter.transitional as ((item: unknown) => boolean) | undefined);
  }

  /**
   * The node a command gets for a resource: the one shown, else one made for the occasion (a
   * resource picked in the palette or a panel's button; not shown, not tracked).
   */
  nodeFor(account: AccountInfo, presenter: AnyPresenter, item: unknown, parents: string[]): ResourceNode {
    const detached = new ResourceNode(paletteRoot, account, presenter, item, parents, this, true);
    return this.shown.get(detached.resourceKey) ?? detached;
  }

  itemOf(resourceKey: string): unknown {
    return this.model.item(resourceKey);
  }

  transitionOf(resourceKey: string): string | undefined {
    return this.model.transitionOf(resourceKey);
  }

  private modelChanged(change: ModelChange): void {
    switch (change.type) {
      case 'resource': {
        const node = this.shown.get(change.key);
        if (node) this.changed(node);
        return;
      }
      case 'gone': {
        const node = this.shown.get(change.key);
        if (node) this.changed(node.parent);
        return;
      }
      case 'lists':
        for (const root of this.roots ?? []) {
          if (root.account.id !== change.accountId) continue;
          root.forgetSummaries();
          this.changed(root);
        }
        return;
      case 'accounts': {
        const present = new Set(this.store.list().map((a) => a.id));
        for (const key of [...this.shown.keys()]) {
          if (!present.has(key.split('/')[0])) this.shown.delete(key);
        }
        this.roots = undefined;
        this.changed();
        return;
      }
    }
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

  // ---- TreeDataProvider --------------------------------------------------------------------------

  /** Refresh a node (re-asking the API for what it shows), or everything. */
  refresh(node?: ExplorerNode): void {
    if (node) {
      node.invalidate();
    } else {
      this.model.forget();
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
    // on hover, with the balance when it can be had (the label, email and team without it)
    if (node instanceof AccountNode && item.tooltip === undefined) item.tooltip = (await node.resolveTooltip()) ?? node.tooltip();
    return item;
  }

  accountNodes(): AccountNode[] {
    return this.roots ?? [];
  }

  dispose(): void {
    this.changedEmitter.dispose();
    this.stateEmitter.dispose();
    this.marksEmitter.dispose();
    for (const sub of this.subscriptions) sub.dispose();
  }
}
