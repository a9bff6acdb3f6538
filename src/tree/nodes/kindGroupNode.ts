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

  constructor(
    override readonly parent: ExplorerNode,
    readonly account: AccountInfo,
    readonly presenter: AnyPresenter,
    private readonly load: () => Promise<unknown[]>,
    private readonly services: TreeServices,
    private readonly count?: number,
  ) {
    super();
    this.id = `${parent.id}/kind:${presenter.kind.kind}`;
  }

  toTreeItem(): vscode.TreeItem {
    const label = this.presenter.kind.pluralLabel;
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.description = this.count === undefined ? undefined : String(this.count);
    item.iconPath = new vscode.ThemeIcon(this.presenter.icon);
    item.contextValue = `group.${this.presenter.kind.kind}`;
    item.accessibilityInformation = { label: this.count === undefined ? label : `${label}, ${this.count}` };
    return item;
  }

  override async getChildren(): Promise<ExplorerNode[]> {
    let items: unknown[];
    try {
      items = await this.load();
    } catch (error) {
      return [errorNode(this, `Could not list ${this.presenter.kind.pluralLabel.toLowerCase()}`, error)];
    }
    const shown = items.filter((i) => matchesFilter(this.presenter, i, this.services.filter));
    if (shown.length === 0) {
      return [new MessageNode(`${this.id}/empty`, this.services.filter ? 'Nothing matches the filter' : `No ${this.presenter.kind.pluralLabel.toLowerCase()}`)];
    }
    return shown.map((i) => new ResourceNode(this, this.account, this.presenter, i, [], this.services));
  }

  /** Refresh re-asks the API for this kind. */
  override invalidate(): void {
    this.services.cacheFor(this.account).invalidate(this.presenter.kind.kind);
  }
}
