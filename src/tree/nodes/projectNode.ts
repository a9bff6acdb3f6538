import * as vscode from 'vscode';
import { app } from '../../api/resources/app';
import { type Project } from '../../api/resources/project';
import { md, perMonth, relativeTime } from '../format';
import { type AnyPresenter, PROJECT_PRESENTERS } from '../kinds';
import type { TreeServices } from '../services';
import type { ProjectContents } from '../../model/accountCache';
import type { AccountInfo } from '../../accounts/accountStore';
import type { KeptSummary } from '../../accounts/summaryStore';
import { ExplorerNode, MessageNode } from './base';
import { errorNode } from './folderNode';
import { KindGroupNode } from './kindGroupNode';

export interface ProjectSummary {
  count: number;
  cost?: number;
  /** Set when the figures are the ones kept from an earlier load, not yet refreshed. */
  kept?: KeptSummary;
}

/** What a project node needs of the account node above it. */
export interface ProjectParent extends ExplorerNode {
  readonly account: AccountInfo;
  /** Counts and costs by project id, shared by every instance of a project node. */
  summaryOf(projectId: string): ProjectSummary | undefined;
  /** "updating" or "as of …", for figures kept from an earlier load. */
  keptNote(kept: KeptSummary): string;
  forgetSummary(projectId: string): void;
}

/** A project: its resources grouped by kind, resolved from its URNs against the kind lists. */
export class ProjectNode extends ExplorerNode {
  readonly id: string;

  constructor(
    override readonly parent: ProjectParent,
    readonly project: Project,
    private readonly services: TreeServices,
  ) {
    super();
    this.id = `${parent.id}/project:${project.id}`;
  }

  /** Counts and cost, kept by the account node so every instance of this project shows them. */
  get summary(): ProjectSummary | undefined {
    return this.parent.summaryOf(this.project.id);
  }

  toTreeItem(): vscode.TreeItem {
    const p = this.project;
    const item = new vscode.TreeItem(p.name, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.contextValue = p.is_default ? 'project.default' : 'project';
    const environment = p.environment && p.environment !== p.name ? p.environment : undefined;
    const summary = this.summary;
    const count = summary ? `${summary.count} resource${summary.count === 1 ? '' : 's'}` : undefined;
    const kept = summary?.kept ? this.parent.keptNote(summary.kept) : undefined;
    item.description = [p.is_default ? 'default' : undefined, environment, count, perMonth(summary?.cost), kept].filter(Boolean).join(' · ');
    item.tooltip = new vscode.MarkdownString(
      [
        // names and texts anyone on the team can set: shown as text, never read as Markdown
        `**${md(p.name)}**`,
        p.description ? md(p.description) : undefined,
        p.purpose ? md(p.purpose) : undefined,
        summary?.cost !== undefined
          ? vscode.l10n.t('Estimated {0} (droplets, volumes, Kubernetes nodes, load balancers, reserved IPs)', String(perMonth(summary.cost)))
          : undefined,
        summary?.kept
          ? vscode.l10n.t(
              'Counts and cost as they were {0}; the current ones replace them once the lists are in.',
              relativeTime(new Date(summary.kept.savedAt).toISOString()),
            )
          : undefined,
      ]
        .filter(Boolean)
        .join('\n\n'),
    );
    item.iconPath = new vscode.ThemeIcon(p.is_default ? 'star-full' : 'folder');
    item.accessibilityInformation = {
      label: [
        vscode.l10n.t('Project {0}', p.name),
        p.is_default ? vscode.l10n.t('default project') : undefined,
        environment,
        count,
        perMonth(summary?.cost),
        kept,
      ]
        .filter(Boolean)
        .join(', '),
    };
    return item;
  }

  private get cache() {
    return this.services.cacheFor(this.parent.account);
  }

  private contents(): Promise<ProjectContents> {
    return this.cache.projectContents(this.project);
  }

  private itemsOf(presenter: AnyPresenter, ids: Set<string>): Promise<unknown[]> {
    return this.cache.list(presenter.kind, [], presenter.listQuery).then((all) => all.filter((i) => ids.has(presenter.kind.idOf(i as never))));
  }

  override async getChildren(): Promise<ExplorerNode[]> {
    let contents: ProjectContents;
    try {
      contents = await this.contents();
    } catch (error) {
      return [errorNode(this, vscode.l10n.t("Could not list the project's resources"), error)];
    }
    const account = this.parent.account;
    const nodes: ExplorerNode[] = [];
    for (const presenter of PROJECT_PRESENTERS) {
      if (presenter.kind.kind === app.kind && contents.appsError) {
        const error = contents.appsError;
        nodes.push(new KindGroupNode(this, account, presenter, () => Promise.reject(error), this.services));
        continue;
      }
      const ids = contents.ids.get(presenter.kind.kind);
      if (!ids?.size) continue;
      nodes.push(new KindGroupNode(this, account, presenter, () => this.itemsOf(presenter, ids), this.services, ids.size, ids));
    }
    if (contents.other.length) {
      nodes.push(
        new MessageNode(`${this.id}/other`, vscode.l10n.t('{0} other resource{1}', contents.other.length, contents.other.length === 1 ? '' : 's'), {
          detail: contents.other.join(', '),
        }),
      );
    }
    return nodes.length ? nodes : [new MessageNode(`${this.id}/empty`, vscode.l10n.t('No resources in this project'))];
  }

  /** Counts and estimated cost of the project's resources; undefined when a list failed. */
  async computeSummary(): Promise<ProjectSummary | undefined> {
    try {
      const contents = await this.contents();
      // Sizes first: node pool costs are priced from them.
      await this.cache.sizes();
      const ctx = this.services.present(this.parent.account);
      let count = contents.other.length;
      let cost = 0;
      let costKnown = true;
      await Promise.all(
        PROJECT_PRESENTERS.map(async (presenter) => {
          const ids = contents.ids.get(presenter.kind.kind);
          if (!ids?.size) return;
          count += ids.size;
          if (!presenter.monthlyCost) return;
          for (const item of await this.itemsOf(presenter, ids)) {
            const c = presenter.monthlyCost(item, ctx);
            if (c === undefined) costKnown = false;
            else cost += c;
          }
        }),
      );
      return { count, cost: costKnown ? cost : undefined };
    } catch {
      return undefined;
    }
  }

  override invalidate(): void {
    this.cache.invalidate('project_resource');
    this.parent.forgetSummary(this.project.id);
  }
}
