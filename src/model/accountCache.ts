/**
 * The lists of one account: each fetched at most once until refreshed, with concurrent askers
 * sharing one request. A failed list is not cached, so Retry asks again. Kept by the model
 * (ResourceModel.cacheFor); views never call the client for lists directly.
 */
import { ApiError, type DigitalOceanClient, type QueryValue, type ResourceKind } from '../api';
import { type Balance } from '../api/resources/account';
import { type DropletSize, dropletSize } from '../api/resources/droplet';
import { type Project, type ProjectResource, projectResource } from '../api/resources/project';
import { type App, app } from '../api/resources/app';
import { parseUrn } from '../api/resources';

/** What a project holds, by kind: its URNs resolved, and the apps that name it. */
export interface ProjectContents {
  /** kind → ids of that kind in the project */
  ids: Map<string, Set<string>>;
  /** URNs of kinds the extension does not know (Spaces buckets, …) */
  other: string[];
  /** The app list could not be read (apps carry project_id rather than being listed by URN). */
  appsError?: unknown;
}

const BALANCE_TTL_MS = 5 * 60_000;

export class AccountCache {
  private readonly lists = new Map<string, Promise<unknown[]>>();
  private readonly settled = new Map<string, unknown[]>();
  private balanceEntry?: { at: number; value: Promise<Balance> };

  /** The client is asked for each time: updating the token replaces it. */
  constructor(private readonly clientFor: () => DigitalOceanClient) {}

  get client(): DigitalOceanClient {
    return this.clientFor();
  }

  /** Every item of a kind (under its parents), from cache or from one shared request. */
  list<T>(kind: ResourceKind<T>, parents: readonly string[] = [], query?: Record<string, QueryValue>): Promise<T[]> {
    const key = cacheKey(kind as ResourceKind<unknown>, parents, query);
    let entry = this.lists.get(key);
    if (!entry) {
      const started = this.client.listAll(kind as ResourceKind<unknown>, { parents, query }).then(
        (items) => {
          // a list forgotten while it was on its way (invalidate) is not the cache's any more
          if (this.lists.get(key) === started) this.settled.set(key, items);
          return items;
        },
        (error: unknown) => {
          if (this.lists.get(key) === started) this.lists.delete(key);
          throw error;
        },
      );
      entry = started;
      this.lists.set(key, entry);
    }
    return entry as Promise<T[]>;
  }

  /** The list if it has been loaded, without asking the API. */
  peek<T>(kind: ResourceKind<T>, parents: readonly string[] = [], query?: Record<string, QueryValue>): T[] | undefined {
    return this.settled.get(cacheKey(kind as ResourceKind<unknown>, parents, query)) as T[] | undefined;
  }

  projectResources(projectId: string): Promise<ProjectResource[]> {
    return this.list(projectResource, [projectId]);
  }

  /** What is in a project: one request for its URNs, plus the account's app list (apps carry project_id; the default project has those with none). */
  async projectContents(project: Project): Promise<ProjectContents> {
    const [urns, apps] = await Promise.all([
      this.projectResources(project.id),
      this.list(app).then(
        (a) => ({ a }),
        (e: unknown) => ({ e }),
      ),
    ]);
    const ids = new Map<string, Set<string>>();
    const other: string[] = [];
    for (const resource of urns) {
      const { kind, id } = parseUrn(resource.urn);
      if (!kind) {
        other.push(resource.urn);
        continue;
      }
      if (!ids.has(kind.kind)) ids.set(kind.kind, new Set());
      ids.get(kind.kind)!.add(id);
    }
    if ('e' in apps) return { ids, other, appsError: apps.e };
    const mine = apps.a.filter((x: App) => x.project_id === project.id || (!x.project_id && project.is_default));
    if (mine.length) ids.set(app.kind, new Set(mine.map((x: App) => x.id)));
    return { ids, other };
  }

  balance(): Promise<Balance> {
    if (!this.balanceEntry || Date.now() - this.balanceEntry.at > BALANCE_TTL_MS) {
      const value = this.client.balance();
      this.balanceEntry = { at: Date.now(), value };
      value.catch(() => (this.balanceEntry = undefined));
    }
    return this.balanceEntry.value;
  }

  /** Sizes with prices, for costs; an account without access to /v2/sizes just shows no node pool cost. */
  async sizes(): Promise<Map<string, DropletSize>> {
    try {
      const sizes = await this.list(dropletSize);
      return new Map(sizes.map((s) => [s.slug, s]));
    } catch (error) {
      if (error instanceof ApiError && error.kind !== 'cancelled') return new Map();
      throw error;
    }
  }

  /** Puts a fresh copy of one item into every cached list of its kind (after a poll). */
  replace<T>(kind: ResourceKind<T>, item: T): void {
    const id = kind.idOf(item);
    for (const [key, items] of this.settled) {
      if (!key.startsWith(`${kind.kind}|`)) continue;
      const index = (items as T[]).findIndex((x) => kind.idOf(x) === id);
      if (index >= 0) (items as T[])[index] = item;
    }
  }

  /** Forgets lists: one kind's, or everything. */
  invalidate(kind?: string): void {
    for (const key of [...this.lists.keys()]) {
      if (!kind || key.startsWith(`${kind}|`)) {
        this.lists.delete(key);
        this.settled.delete(key);
      }
    }
    if (!kind) this.balanceEntry = undefined;
  }
}

function cacheKey(kind: ResourceKind<unknown>, parents: readonly string[], query?: Record<string, QueryValue>): string {
  return `${kind.kind}|${parents.join('/')}|${query ? JSON.stringify(query) : ''}`;
}
