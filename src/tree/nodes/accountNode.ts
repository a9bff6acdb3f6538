import * as vscode from 'vscode';
import { ApiError, project as projectKind, type Project } from '../../api';
import type { AccountInfo } from '../../accounts/accountStore';
import type { ClientRegistry } from '../../accounts/clients';
import { ExplorerNode, MessageNode } from './base';
import { ProjectNode } from './projectNode';

/** One DigitalOcean account (a token): its projects below it. */
export class AccountNode extends ExplorerNode {
  readonly id: string;

  constructor(
    readonly account: AccountInfo,
    private readonly clients: ClientRegistry,
  ) {
    super();
    this.id = `account:${account.id}`;
  }

  toTreeItem(): vscode.TreeItem {
    const a = this.account;
    const item = new vscode.TreeItem(a.label, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    const state = a.needsToken ? 'needsToken' : a.demo ? 'demo' : 'ok';
    item.contextValue = `account.${state}`;
    item.description = a.needsToken ? 'token rejected — update token' : a.demo ? 'demo' : a.email;
    item.iconPath = new vscode.ThemeIcon(a.needsToken ? 'warning' : a.teamName ? 'organization' : 'account', a.needsToken ? new vscode.ThemeColor('list.warningForeground') : undefined);
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.appendMarkdown(`**${escapeMarkdown(a.label)}**${a.demo ? ' (built-in demo data)' : ''}\n\n`);
    if (a.email) tooltip.appendMarkdown(`Email: ${escapeMarkdown(a.email)}\n\n`);
    if (a.teamName) tooltip.appendMarkdown(`Team: ${escapeMarkdown(a.teamName)}\n\n`);
    if (a.needsToken) tooltip.appendMarkdown('$(warning) DigitalOcean rejected this account\'s token. Use **Update Token**.');
    item.tooltip = tooltip;
    item.accessibilityInformation = {
      label: `DigitalOcean account ${a.label}${a.needsToken ? ', token rejected, needs a new token' : a.demo ? ', demo account' : ''}`,
    };
    return item;
  }

  override async getChildren(): Promise<ExplorerNode[]> {
    if (this.account.needsToken) {
      return [
        new MessageNode(`${this.id}:needs-token`, 'Token rejected by DigitalOcean', {
          detail: 'Update Token…',
          icon: 'key',
          command: { command: 'digitalocean.updateToken', title: 'Update Token', arguments: [this] },
          contextValue: 'message.needsToken',
        }),
      ];
    }
    try {
      const projects = await this.clients.clientFor(this.account).listAll(projectKind);
      return sortProjects(projects).map((p) => new ProjectNode(this, p));
    } catch (error) {
      if (error instanceof ApiError && error.kind === 'unauthorized') {
        // The registry has marked the account; the store's change event rebuilds this node.
        return [];
      }
      return [errorNode(`${this.id}:error`, 'Could not list projects', error, this)];
    }
  }
}

export function errorNode(id: string, label: string, error: unknown, retryTarget: ExplorerNode): MessageNode {
  const detail = error instanceof ApiError ? error.describe() : error instanceof Error ? error.message : String(error);
  return new MessageNode(id, `${label}: ${detail}`, {
    detail: 'Retry',
    icon: 'error',
    command: { command: 'digitalocean.refresh', title: 'Retry', arguments: [retryTarget] },
    contextValue: 'message.error',
  });
}

/** The default project first, then by name. */
export function sortProjects(projects: Project[]): Project[] {
  return [...projects].sort((a, b) => Number(b.is_default) - Number(a.is_default) || a.name.localeCompare(b.name));
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>$]/g, '\\$&');
}
