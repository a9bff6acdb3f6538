import * as vscode from 'vscode';
import { ApiError } from '../../api';
import { project as projectKind, type Project } from '../../api/resources/project';
import type { AccountInfo } from '../../accounts/accountStore';
import { md, perMonth, relativeTime } from '../format';
import { ACCOUNT_PRESENTERS, type AnyPresenter, PRESENTERS, PROJECT_PRESENTERS } from '../kinds';
import type { TreeServices } from '../services';
import { ExplorerNode, MessageNode } from './base';
import { FolderNode, errorNode } from './folderNode';
import { KindGroupNode } from './kindGroupNode';
import { ProjectNode, type ProjectSummary } from './projectNode';
import type { KeptSummary } from '../../accounts/summaryStore';
import { SpacesRootNode } from './spacesNodes';

const GLOBAL = vscode.l10n.t('Global');

/** One DigitalOcean account (a token). Below it: projects, kinds or regions, by the view's grouping. */
export class AccountNode extends ExplorerNode {
  readonly id: string;
  /** Estimated monthly cost, once every project's summary is in. */
  cost?: number;
  /** Project id → its counts and cost, loaded once per refresh. */
  private readonly summaries = new Map<string, ProjectSummary>();
  private summariesLoading?: Promise<void>;
  /** This node's own summaries are in (since it was made or last refreshed): the kept ones are no longer shown. */
  private summariesSettled = false;
  /** The account is being expanded or refreshed: kept figures are "updating", not just "as of". */
  private expanding = false;
  /** The kept summary as read from the store (null: none), until this node's own are in. */
  private keptRead?: KeptSummary | null;
  private readonly projectNodes = new Map<string, ProjectNode>();

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
    const kept = this.cost === undefined ? this.kept() : undefined;
    item.description = a.needsToken
      ? vscode.l10n.t('token rejected — update token')
      : [a.demo ? 'demo' : a.email, perMonth(this.cost ?? kept?.cost), kept?.cost !== undefined ? this.keptNote(kept) : undefined].filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon(
      a.needsToken ? 'warning' : a.teamName ? 'organization' : 'account',
      a.needsToken ? new vscode.ThemeColor('list.warningForeground') : undefined,
    );
    // left unset where the balance can be fetched: VS Code asks resolveTreeItem on hover only for
    // a tooltip that is undefined, so one set here hid the month-to-date usage and balance
    if (a.needsToken) item.tooltip = this.tooltip();
    item.accessibilityInformation = {
      label: vscode.l10n.t(
        'DigitalOcean account {0}{1}{2}',
        a.label,
        a.needsToken ? vscode.l10n.t(', token rejected, needs a new token') : a.demo ? vscode.l10n.t(', demo account') : '',
        this.cost !== undefined ? `, about ${perMonth(this.cost)}` : kept?.cost !== undefined ? `, about ${perMonth(kept.cost)}, ${this.keptNote(kept)}` : '',
      ),
    };
    return item;
  }

  /**
   * The counts and costs kept from when the account was last loaded (SummaryStore), until this
   * node has its own: shown at once on a warm start, and through a refresh, marked as such.
   */
  private kept(): KeptSummary | undefined {
    if (this.summariesSettled || this.account.needsToken || this.services.grouping !== 'project') return undefined;
    // read (and checked) once per load, not once per row drawn
    if (this.keptRead === undefined) this.keptRead = this.services.summaries.get(this.account.id) ?? null;
    return this.keptRead ?? undefined;
  }

  /** What a kept figure says of itself: "updating" while fresh lists are on their way, else its age. */
  keptNote(kept: KeptSummary): string {
    return this.expanding ? vscode.l10n.t('updating') : vscode.l10n.t('as of {0}', relativeTime(new Date(kept.savedAt).toISOString()));
  }

  /** A project's counts and cost: this node's own, else the kept ones (marked by `kept`). */
  summaryOf(projectId: string): ProjectSummary | undefined {
    const own = this.summaries.get(projectId);
    if (own) return own;
    const kept = this.kept();
    const project = kept?.projects.find((p) => p.id === projectId);
    return project && kept ? { count: project.count, cost: project.cost, kept } : undefined;
  }

  /** The tooltip; with the balance when `resolveTooltip` has fetched it (on hover). */
  tooltip(balance?: { month_to_date_usage: string; account_balance: string; generated_at: string }): vscode.MarkdownString {
    const a = this.account;
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.appendMarkdown(`**${md(a.label)}**${a.demo ? vscode.l10n.t(' (built-in demo data)') : ''}\n\n`);
    if (a.email) tooltip.appendMarkdown(vscode.l10n.t('Email: {0}\n\n', md(a.email)));
    if (a.teamName) tooltip.appendMarkdown(vscode.l10n.t('Team: {0}\n\n', md(a.teamName)));
    if (this.cost !== undefined) tooltip.appendMarkdown(vscode.l10n.t('Estimated monthly cost of the resources listed: {0}\n\n', md(perMonth(this.cost))));
    if (balance) {
      tooltip.appendMarkdown(vscode.l10n.t('Month-to-date usage: ${0} · Balance: ${1}\n\n', md(balance.month_to_date_usage), md(balance.account_balance)));
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
        new MessageNode(`${this.id}/needs-token`, vscode.l10n.t('Token rejected by DigitalOcean'), {
          detail: vscode.l10n.t('Update Token…'),
          icon: 'key',
          command: { command: 'digitalocean.updateToken', title: vscode.l10n.t('Update Token'), arguments: [this] },
          contextValue: 'message.needsToken',
        }),
      ];
    }
    try {
      switch (this.services.grouping) {
        case 'kind':
          return [...PRESENTERS.map((p) => this.wholeKind(this, p)), ...this.spacesRoot(this)];
        case 'region':
          return await this.byRegion();
        default:
          return await this.byProject();
      }
    } catch (error) {
      if (error instanceof ApiError && error.kind === 'unauthorized') return []; // the store change rebuilds this node
      return [errorNode(this, vscode.l10n.t('Could not list projects'), error)];
    }
  }

  /** The Spaces node, where this build offers Spaces (not the web build yet). */
  private spacesRoot(parent: ExplorerNode): SpacesRootNode[] {
    return this.services.spaces.available ? [new SpacesRootNode(parent, this.account, this.services)] : [];
  }

  private wholeKind(parent: ExplorerNode, presenter: AnyPresenter): KindGroupNode {
    // the lists its items' descriptions read (a peering's VPC names) come with its own, so that
    // they are drawn named the first time; one that fails leaves ids in their place, not an error
    const load = async () => {
      const [items] = await Promise.all([
        this.cache.list(presenter.kind, [], presenter.listQuery),
        ...(presenter.alongside ?? []).map((kind) => this.cache.list(kind).catch(() => [])),
      ]);
      return items;
    };
    return new KindGroupNode(parent, this.account, presenter, load, this.services);
  }

  private async byProject(): Promise<ExplorerNode[]> {
    const projects = sortProjects(await this.cache.list(projectKind));
    // The same node objects from one call to the next: VS Code refreshes elements by identity.
    const nodes = projects.map((p) => {
      let node = this.projectNodes.get(p.id);
      if (!node || node.project !== p) {
        node = new ProjectNode(this, p, this.services);
        this.projectNodes.set(p.id, node);
      }
      return node;
    });
    const accountWide: FolderNode = new FolderNode(
      this,
      'account-wide',
      vscode.l10n.t('Account-wide'),
      'globe',
      // no project lists these kinds: their counts come from their lists (cached, or asked once)
      async (): Promise<ExplorerNode[]> => [
        ...ACCOUNT_PRESENTERS.map((p) => this.wholeKind(accountWide, p).countFromList(() => this.cache.peek(p.kind, [], p.listQuery))),
        ...this.spacesRoot(accountWide),
      ],
      this.services,
      vscode.l10n.t('not in projects'),
    );
    this.expanding = true;
    void this.loadSummaries(nodes); // first: the projects' resources are the longer path
    this.prefetchForSummaries();
    return [...nodes, accountWide];
  }

  /**
   * Starts every list the summaries price from (the sizes, and each kind a project can hold that
   * has a cost) right after the projects' resources were asked for, so that both arrive together:
   * counts and costs then wait for three round trips (projects, their resources, its further
   * pages), not five. Started with the project list instead, their pages' parsing held up the
   * projects' own requests on the extension host's one thread. The summaries take the same
   * requests from the cache; a failure shows there.
   */
  private prefetchForSummaries(): void {
    if (this.summaries.size) return;
    const quiet = () => undefined;
    this.cache.sizes().catch(quiet);
    for (const p of PROJECT_PRESENTERS) if (p.monthlyCost) this.cache.list(p.kind, [], p.listQuery).catch(quiet);
  }

  /** Loads the project summaries once (until a refresh), then shows them and the account cost. */
  private loadSummaries(projects: ProjectNode[]): Promise<void> {
    if (projects.every((p) => this.summaries.has(p.project.id))) {
      this.expanding = false;
      return Promise.resolve();
    }
    this.summariesLoading ??= (async () => {
      const results = await Promise.all(projects.map(async (p) => [p, await p.computeSummary()] as const));
      for (const [p, summary] of results) if (summary) this.summaries.set(p.project.id, summary);
      const costs = results.map(([, summary]) => summary?.cost);
      this.cost = costs.every((c) => c !== undefined) ? (costs as number[]).reduce((a, b) => a + b, 0) : undefined;
      this.summariesLoading = undefined;
      this.summariesSettled = true;
      this.expanding = false;
      // kept for the next start: ids, counts and costs only
      const kept: KeptSummary = {
        savedAt: Date.now(),
        cost: this.cost,
        projects: results.flatMap(([p, summary]) => (summary ? [{ id: p.project.id, count: summary.count, cost: summary.cost }] : [])),
      };
      this.services.summaries.set(this.account.id, kept).catch(() => undefined);
      // The whole view, not just this node and its projects: the summaries can land while VS Code
      // is still fetching this node's children, and an element refresh then is lost. Everything
      // shown is cached, so this re-renders without a request.
      this.services.changed();
    })();
    return this.summariesLoading;
  }

  forgetSummary(projectId: string): void {
    this.summaries.delete(projectId);
    this.cost = undefined;
  }

  /** The lists changed: every summary is asked again; until then the kept ones show, "updating". */
  forgetSummaries(): void {
    this.summaries.clear();
    this.cost = undefined;
    this.summariesSettled = false;
    this.keptRead = undefined; // the newest saved, when shown through the refresh
  }

  /** Every kind, loaded in parallel, grouped by region (then by kind); kinds without a region last, as Global. */
  private async byRegion(): Promise<ExplorerNode[]> {
    const lists = await Promise.all(
      PRESENTERS.map((p) =>
        this.cache.list(p.kind, [], p.listQuery).then(
          (items) => ({ p, items }),
          (error: unknown) => ({ p, error }),
        ),
      ),
    );
    const regions = new Map<string, Map<AnyPresenter, unknown[]>>();
    const failures: ExplorerNode[] = [];
    for (const entry of lists) {
      if ('error' in entry) {
        failures.push(new KindGroupNode(this, this.account, entry.p, () => Promise.reject(entry.error), this.services));
        continue;
      }
      for (const item of entry.items) {
        const region = entry.p.region?.(item) ?? GLOBAL;
        if (!regions.has(region)) regions.set(region, new Map());
        const byKind = regions.get(region)!;
        if (!byKind.has(entry.p)) byKind.set(entry.p, []);
        byKind.get(entry.p)!.push(item);
      }
    }
    const order = [...regions.keys()].filter((r) => r !== GLOBAL).sort();
    if (regions.has(GLOBAL)) order.push(GLOBAL);
    const nodes = order.map((region) => {
      const byKind = regions.get(region)!;
      const count = [...byKind.values()].reduce((sum, items) => sum + items.length, 0);
      const folder: FolderNode = new FolderNode(
        this,
        `region:${region}`,
        region,
        region === GLOBAL ? 'globe' : 'location',
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
    this.projectNodes.clear();
    this.forgetSummaries();
  }
}

/** The default project first, then by name. */
export function sortProjects(projects: Project[]): Project[] {
  return [...projects].sort((a, b) => Number(b.is_default) - Number(a.is_default) || a.name.localeCompare(b.name));
}
