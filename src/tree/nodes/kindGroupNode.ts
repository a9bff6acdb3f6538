import * as vscode from 'vscode';
import type { AccountInfo } from '../../accounts/accountStore';
import { matchesFilter } from '../filter';
import type { AnyPresenter } from '../kinds';
import type { TreeServices } from '../services';
import { ExplorerNode, MessageNode } from './base';
import { errorNode } from './folderNode';
import { ResourceNode } from './resourceNode';

/** "Droplets (3)": the resources of one kind in a project, a region or the whole account. */
export class KindGroupNode extends ExplorerNode {
  readonly id: string;
  /** The whole list, where the group counts it (`countFromList`). */
  private listed: unknown[] | undefined;

  constructor(
    override readonly parent: ExplorerNode,
    readonly account: AccountInfo,
    readonly presenter: AnyPresenter,
    private readonly load: () => Promise<unknown[]>,
    private readonly services: TreeServices,
    private readonly count?: number,
    /**
     * The ids the group should hold (a project's URNs). Those the kind's list lacks (a droplet the
     * token cannot see, or one deleted a moment ago) are shown as such, not silently dropped.
     */
    private readonly expected?: ReadonlySet<string>,
  ) {
    super();
    this.id = `${parent.id}/kind:${presenter.kind.kind}`;
  }

  toTreeItem(): vscode.TreeItem {
    const label = this.presenter.kind.pluralLabel;
    const count = this.count ?? this.listed?.length;
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.description = count === undefined ? undefined : String(count);
    item.iconPath = new vscode.ThemeIcon(this.presenter.icon);
    item.contextValue = `group.${this.presenter.kind.kind}`;
    item.accessibilityInformation = { label: count === undefined ? label : `${label}, ${count}` };
    return item;
  }

  /**
   * For a group whose count nothing else gives (the Account-wide kinds: no project lists them),
   * the count of its whole list. `peek` gives the list when it is already loaded: then the count
   * is there at once and nothing is asked. Otherwise the list is asked for — the request
   * expanding the group makes, shared through the cache — and the group redrawn when it arrives;
   * a failure shows when the group is expanded.
   */
  countFromList(peek: () => unknown[] | undefined): this {
    if (this.count !== undefined) return this;
    this.listed = peek();
    if (this.listed) return this;
    this.load().then(
      (items) => {
        this.listed = items;
        this.services.changed(this);
      },
      () => undefined,
    );
    return this;
  }

  override async getChildren(): Promise<ExplorerNode[]> {
    let items: unknown[];
    try {
      items = await this.load();
    } catch (error) {
      return [errorNode(this, vscode.l10n.t('Could not list {0}', this.presenter.kind.pluralLabel.toLowerCase()), error)];
    }
    const shown = items.filter((i) => matchesFilter(this.presenter, i, this.services.filter));
    const unseen = this.unseen(items);
    if (shown.length === 0 && !unseen) {
      return [
        new MessageNode(
          `${this.id}/empty`,
          this.services.filter ? vscode.l10n.t('Nothing matches the filter') : vscode.l10n.t('No {0}', this.presenter.kind.pluralLabel.toLowerCase()),
        ),
      ];
    }
    const nodes: ExplorerNode[] = shown.map((i) => new ResourceNode(this, this.account, this.presenter, i, [], this.services));
    if (unseen) nodes.push(unseen);
    return nodes;
  }

  /** "1 droplet not visible to this token", with the URNs the project names, when the list lacks some. */
  private unseen(items: unknown[]): MessageNode | undefined {
    if (!this.expected) return undefined;
    const listed = new Set(items.map((i) => this.presenter.kind.idOf(i as never)));
    const missing = [...this.expected].filter((id) => !listed.has(id));
    if (missing.length === 0) return undefined;
    const kind = this.presenter.kind;
    const noun = missing.length === 1 ? kind.label.toLowerCase() : kind.pluralLabel.toLowerCase();
    const urns = missing.map((id) => `${kind.urnPrefix ?? `do:${kind.kind}:`}${id}`).join(', ');
    return new MessageNode(`${this.id}/unseen`, vscode.l10n.t('{0} {1} not visible to this token', missing.length, noun), {
      detail: urns,
      icon: 'eye-closed',
      contextValue: 'message.unseen',
    });
  }

  /** Refresh re-asks the API for this kind. */
  override invalidate(): void {
    this.services.cacheFor(this.account).invalidate(this.presenter.kind.kind);
  }
}
