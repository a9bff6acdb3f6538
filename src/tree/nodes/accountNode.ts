import * as vscode from 'vscode';
import { ApiError, project as projectKind, type Project } from '../../api';
import type { AccountInfo } from '../../accounts/accountStore';
import { md, perMonth } from '../format';
import { ACCOUNT_PRESENTERS, type AnyPresenter, PRESENTERS } from '../kinds';
import type { TreeServices } from '../services';
import { ExplorerNode, MessageNode } from './base';
import { FolderNode, errorNode } from './folderNode';
import { KindGroupNode } from './kindGroupNode';
import { ProjectNode } from './projectNode';

/** One DigitalOcean account (a token). Below it: projects, kinds or regions, by the view's grouping. */
export class AccountNode extends ExplorerNode {
  readonly id: string;
  /** Estimated monthly cost of what has been loaded, once the project summaries are in. */
  cost?: number;

  constructor(
    readonly account: AccountInfo,
    private readonly services: TreeServices,
  ) {
    super();
    this.id = `account:${account.id}`;
  }

  private get cache() {
    return this.services.cacheFor(this.account);
  }

  toTreeItem(): vscode.TreeItem {
    const a = this.account;
    const item = new vscode.TreeItem(a.label, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    const state = a.needsToken ? 'needsToken' : a.demo ? 'demo' : 'ok';
    item.contextValue = `account.${state}`;
    item.description = a.needsToken ? 'token rejected — update token' : [a.demo ? 'demo' : a.email, perMonth(this.cost)].filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon(a.needsToken ? 'warning' : a.teamName ? 'organization' : 'account', a.needsToken ? new vscode.ThemeColor('list.warningForeground') : undefined);
    item.tooltip = this.tooltip();
    item.accessibilityInformation = {
      label: `DigitalOcean account ${a.label}${a.needsToken ? ', token rejected, needs a new token' : a.demo ? ', demo account' : ''}${this.cost !== undefined ? `, about ${perMonth(this.cost)}` : ''}`,
    };
    return item;
  }

  /** The tooltip; with the balance when `resolveTooltip` has fetched it (on hover). */
  tooltip(balance?: { month_to_date_usage: string; account_balance: string; generated_at: string }): vscode.MarkdownString {
    const a = this.account;
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.appendMarkdown(`**${md(a.label)}**${a.demo ? ' (built-in demo data)' : ''}\n\n`);
    if (a.email) tooltip.appendMarkdown(`Email: ${md(a.email)}\n\n`);
    if (a.teamName) tooltip.appendMarkdown(`Team: ${md(a.teamName)}\n\n`);
    if (this.cost !== undefined) tooltip.appendMarkdown(`Estimated monthly cost of the resources listed: ${md(perMonth(this.cost))}\n\n`);
    if (balance) {
      tooltip.appendMarkdown(`Month-to-date usage: $${md(balance.month_to_date_usage)} · Balance: $${md(balance.account_balance)}\n\n`);
    }
    if (a.needsToken) tooltip.appendMarkdown("$(warning) DigitalOcean rejected this account's token. Use **Update Token**.");
    return tooltip;
  }

  async resolveTooltip(): Promise<vscode.MarkdownString | undefined> {
    if (this.account.needsToken) return undefined;
    try {
      return this.tooltip(await this.cache.balance());
    } catch {
      return undefined;
    }
  }

  override async getChildren(): Promise<ExplorerNode[]> {
    if (this.account.needsToken) {
      return [
        new MessageNode(`${this.id}/needs-token`, 'Token rejected by DigitalOcean', {
          detail: 'Update Token…',
          icon: 'key',
          command: { command: 'digitalocean.updateToken', title: 'Update Token', arguments: [this] },
          contextValue: 'message.needsToken',
        }),
      ];
    }
    try {
      switch (this.services.grouping) {
        case 'kind':
          return PRESENTERS.map((p) => this.wholeKind(this, p));
        case 'region':
          return await this.byRegion();
        default:
          return await this.byProject();
      }
    } catch (error) {
      if (error instanceof ApiError && error.kind === 'unauthorized') return []; // the store change rebuilds this node
      return [errorNode(this, 'Could not list projects', error)];
    }
  }

  private wholeKind(parent: ExplorerNode, presenter: AnyPresenter): KindGroupNode {
    return new KindGroupNode(parent, this.account, presenter, () => this.cache.list(presenter.kind, [], presenter.listQuery), this.services);
  }

  private async byProject(): Promise<ExplorerNode[]> {
    const projects = sortProjects(await this.cache.list(projectKind));
    const nodes = projects.map((p) => new ProjectNode(this, p, this.services));
    const accountWide: FolderNode = new FolderNode(this, 'account-wide', 'Account-wide', 'globe', async (): Promise<ExplorerNode[]> => ACCOUNT_PRESENTERS.map((p) => this.wholeKind(accountWide, p)), this.services, 'not in projects');
    void this.loadSummaries(nodes);
    return [...nodes, accountWide];
  }

  private async loadSummaries(projects: ProjectNode[]): Promise<void> {
    await Promise.all(projects.map((p) => p.loadSummary()));
    const costs = projects.map((p) => p.summary?.cost);
    if (costs.every((c) => c !== undefined)) {
      this.cost = (costs as number[]).reduce((a, b) => a + b, 0);
      this.services.changed(this);
    }
  }

  /** Every regional kind, loaded in parallel, grouped by region (then by kind). */
  private async byRegion(): Promise<ExplorerNode[]> {
    const regional = PRESENTERS.filter((p) => p.region);
    const lists = await Promise.all(regional.map((p) => this.cache.list(p.kind, [], p.listQuery).then((items) => ({ p, items }), (error: unknown) => ({ p, error }))));
    const regions = new Map<string, Map<AnyPresenter, unknown[]>>();
    const failures: ExplorerNode[] = [];
    for (const entry of lists) {
      if ('error' in entry) {
        failures.push(new KindGroupNode(this, this.account, entry.p, () => Promise.reject(entry.error), this.services));
        continue;
      }
      for (const item of entry.items) {
        const region = entry.p.region!(item) ?? 'global';
        if (!regions.has(region)) regions.set(region, new Map());
        const byKind = regions.get(region)!;
        if (!byKind.has(entry.p)) byKind.set(entry.p, []);
        byKind.get(entry.p)!.push(item);
      }
    }
    const nodes = [...regions.keys()].sort().map((region) => {
      const byKind = regions.get(region)!;
      const count = [...byKind.values()].reduce((sum, items) => sum + items.length, 0);
      const folder: FolderNode = new FolderNode(
        this,
        `region:${region}`,
        region,
        'location',
        async () => [...byKind.entries()].map(([p, items]) => new KindGroupNode(folder, this.account, p, async () => items, this.services, items.length)),
        this.services,
        `${count} resource${count === 1 ? '' : 's'}`,
      );
      return folder;
    });
    return [...nodes, ...failures];
  }

  override invalidate(): void {
    this.cache.invalidate();
    this.cost = undefined;
  }
}

/** The default project first, then by name. */
export function sortProjects(projects: Project[]): Project[] {
  return [...projects].sort((a, b) => Number(b.is_default) - Number(a.is_default) || a.name.localeCompare(b.name));
}
