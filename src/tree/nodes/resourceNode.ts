import * as vscode from 'vscode';
import type { AccountInfo } from '../../accounts/accountStore';
import { type ResourceRef, resourceKey } from '../../model/resourceModel';
import type { AnyPresenter } from '../kinds';
import type { ChildContext } from '../kinds/presenter';
import type { TreeServices } from '../services';
import { ExplorerNode, MessageNode } from './base';
import { FolderNode, errorNode } from './folderNode';

/** One resource (a droplet, a node pool, a DNS record, …), presented by its kind's presenter. */
export class ResourceNode extends ExplorerNode {
  readonly id: string;

  constructor(
    override readonly parent: ExplorerNode,
    readonly account: AccountInfo,
    readonly presenter: AnyPresenter,
    /** The copy this node was made with; the model's newer copy wins once there is one. */
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the presenter knows the type
    private readonly initial: any,
    /** Ids of the parent resources, for nested kinds (cluster id for a node pool, …). */
    readonly parents: string[],
    private readonly services: TreeServices,
    /** Not shown in the tree (a resource picked in the command palette): not tracked. */
    detached = false,
  ) {
    super();
    this.id = `${parent.id}/${presenter.kind.kind}:${this.resourceId}`;
    if (!detached) services.track(this);
  }

  get resourceId(): string {
    return this.presenter.kind.idOf(this.initial);
  }

  /** Identifies the resource regardless of where it is shown. */
  get resourceKey(): string {
    return resourceKey(this.account.id, this.presenter.kind.kind, this.parents, this.resourceId);
  }

  /**
   * The resource this node shows, as the model knows it: what commands and panels act on. Made
   * when asked, not kept: 12,000 nodes would otherwise hold 12,000 of them.
   */
  get ref(): ResourceRef {
    return { account: this.account, kind: this.presenter.kind as ResourceRef['kind'], id: this.resourceId, parents: this.parents };
  }

  /** The copy this node was made with. */
  get ownItem(): unknown {
    return this.initial;
  }

  /** The newest copy of the resource (the model's, after a poll or an action), else the node's own. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the presenter knows the type
  get item(): any {
    return this.services.itemOf(this.resourceKey) ?? this.initial;
  }

  get name(): string {
    return this.presenter.label?.(this.item) ?? this.presenter.kind.nameOf(this.item);
  }

  get ip(): string | undefined {
    return this.presenter.ip?.(this.item);
  }

  get transitional(): boolean {
    return this.presenter.transitional?.(this.item) ?? false;
  }

  toTreeItem(): vscode.TreeItem {
    const p = this.presenter;
    const ctx = this.services.present(this.account);
    const item = new vscode.TreeItem(this.name, p.children ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    const transition = this.services.transitionOf(this.resourceKey);
    const style = transition ? { state: 'busy', icon: 'loading~spin', color: 'charts.yellow' } : p.style?.(this.item);
    item.description = transition ? `${transition} · ${p.description(this.item, ctx)}` : p.description(this.item, ctx);
    item.tooltip = new vscode.MarkdownString(p.tooltip(this.item, ctx));
    item.iconPath = new vscode.ThemeIcon(style?.icon ?? p.icon, style?.color ? new vscode.ThemeColor(style.color) : undefined);
    const state = style?.state ?? 'ok';
    // kind, state and flags, so menus can depend on them: "resource.droplet.running.ip"
    item.contextValue = [
      'resource',
      p.kind.kind,
      state.replace(/[^a-z0-9-]/gi, '-'),
      this.ip ? 'ip' : '',
      p.consoleUrl ? 'console' : '',
      p.kind.deletable ? 'deletable' : '',
      ...(p.flags?.(this.item) ?? []),
      ...this.services.marksOf(p.kind.kind, this.item),
    ]
      .filter(Boolean)
      .join('.');
    if (this.services.openDetailsOnSelect)
      item.command = { command: 'digitalocean.showDetails', title: vscode.l10n.t('Show Details'), arguments: [this, { preserveFocus: true, preview: true }] };
    item.accessibilityInformation = { label: [p.kind.label, this.name, style?.state, item.description].filter(Boolean).join(', ') };
    return item;
  }

  override async getChildren(): Promise<ExplorerNode[]> {
    const children = this.presenter.children;
    if (!children) return [];
    try {
      return await children.call(this.presenter, this.item, this.parents, this.childContext());
    } catch (error) {
      return [errorNode(this, vscode.l10n.t('Could not load {0}', this.name), error)];
    }
  }

  consoleUrl(): string | undefined {
    return this.presenter.consoleUrl?.(this.item, this.parents);
  }

  private childContext(): ChildContext {
    const cache = this.services.cacheFor(this.account);
    return {
      ...this.services.present(this.account),
      list: (kind, parents) => cache.list(kind, parents),
      resources: (presenter, items, parents) => items.map((i) => new ResourceNode(this, this.account, presenter, i, parents, this.services)),
      group: (key, label, icon, load, description) => new FolderNode(this, key, label, icon, load, this.services, description),
      message: (key, label, detail, icon) => new MessageNode(`${this.id}/${key}`, label, { detail, icon }),
      read: (call) => call(cache.client),
    };
  }
}
