import * as vscode from 'vscode';

/** A node of the Resources view. */
export abstract class ExplorerNode {
  abstract readonly id: string;
  /** The node above this one; undefined for accounts. */
  readonly parent?: ExplorerNode;
  abstract toTreeItem(): vscode.TreeItem;
  getChildren(): Promise<ExplorerNode[]> | ExplorerNode[] {
    return [];
  }

  /** Forgets what this node has loaded, so a refresh of it asks the API again. */
  invalidate(): void {
    // nothing cached by default
  }
}

/** A leaf that explains a problem and offers the command that fixes it (Retry, Update Token). */
export class MessageNode extends ExplorerNode {
  constructor(
    readonly id: string,
    private readonly label: string,
    private readonly options: { detail?: string; icon?: string; command?: vscode.Command; contextValue?: string; tooltip?: string } = {},
  ) {
    super();
  }

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = this.options.detail;
    item.tooltip = this.options.tooltip ?? (this.options.detail ? `${this.label}\n${this.options.detail}` : this.label);
    item.iconPath = new vscode.ThemeIcon(this.options.icon ?? 'info');
    item.command = this.options.command;
    item.contextValue = this.options.contextValue ?? 'message';
    // a screen reader reads the tooltip when there is no label for it: the message, not the explanation
    if (this.options.tooltip) item.accessibilityInformation = { label: this.options.detail ? `${this.label}, ${this.options.detail}` : this.label };
    return item;
  }
}
