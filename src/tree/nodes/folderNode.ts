import * as vscode from 'vscode';
import { ApiError } from '../../api';
import type { TreeServices } from '../services';
import { ExplorerNode, MessageNode } from './base';

/** A folder whose children load when it is expanded (database users, repositories, …). */
export class FolderNode extends ExplorerNode {
  readonly id: string;

  constructor(
    override readonly parent: ExplorerNode,
    key: string,
    private readonly label: string,
    private readonly icon: string,
    private readonly load: () => Promise<ExplorerNode[]>,
    protected readonly services: TreeServices,
    private readonly description?: string,
  ) {
    super();
    this.id = `${parent.id}/${key}`;
  }

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.description = this.description;
    item.iconPath = new vscode.ThemeIcon(this.icon);
    item.contextValue = 'folder';
    return item;
  }

  override async getChildren(): Promise<ExplorerNode[]> {
    try {
      return await this.load();
    } catch (error) {
      return [errorNode(this, vscode.l10n.t('Could not load {0}', this.label.toLowerCase()), error)];
    }
  }
}

/** An error as a node: the API's message and request id, with Retry (refreshes `retryTarget`). */
export function errorNode(retryTarget: ExplorerNode, label: string, error: unknown): MessageNode {
  const detail = error instanceof ApiError ? error.describe() : error instanceof Error ? error.message : String(error);
  const unauthorized = error instanceof ApiError && error.kind === 'unauthorized';
  return new MessageNode(`${retryTarget.id}/error`, `${label}: ${detail}`, {
    detail: unauthorized ? vscode.l10n.t('Update token') : vscode.l10n.t('Retry'),
    icon: 'error',
    command: unauthorized
      ? { command: 'digitalocean.updateToken', title: vscode.l10n.t('Update Token') }
      : { command: 'digitalocean.refresh', title: vscode.l10n.t('Retry'), arguments: [retryTarget] },
    contextValue: unauthorized ? 'message.needsToken' : 'message.error',
  });
}
