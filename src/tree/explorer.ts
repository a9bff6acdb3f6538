/**
 * The Resources view's data: one node per account, built from the account store. Nothing is
 * fetched until the user expands a node; a refresh of one node re-asks only that node.
 */
import * as vscode from 'vscode';
import type { AccountStore } from '../accounts/accountStore';
import type { ClientRegistry } from '../accounts/clients';
import { ExplorerNode } from './nodes/base';
import { AccountNode } from './nodes/accountNode';

export class ResourceExplorer implements vscode.TreeDataProvider<ExplorerNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ExplorerNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: { dispose(): void }[] = [];
  private roots: AccountNode[] | undefined;

  constructor(
    private readonly store: AccountStore,
    private readonly clients: ClientRegistry,
  ) {
    // Any change to the accounts (added, removed, renamed, token rejected or replaced) rebuilds
    // the top level, so no node of a removed or re-keyed account survives.
    this.subscriptions.push(store.onDidChange(() => this.refresh()));
  }

  refresh(node?: ExplorerNode): void {
    if (!node) this.roots = undefined;
    this.changed.fire(node);
  }

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    return node.toTreeItem();
  }

  async getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    if (node) return node.getChildren();
    this.roots ??= this.store.list().map((account) => new AccountNode(account, this.clients));
    return this.roots;
  }

  getParent(node: ExplorerNode): ExplorerNode | undefined {
    return node.parent;
  }

  accountNodes(): AccountNode[] {
    return this.roots ?? [];
  }

  dispose(): void {
    this.changed.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
