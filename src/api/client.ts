/**
 * The DigitalOcean API client. It knows nothing of VS Code: it could be published on its own.
 * Kind-driven: every method takes a {@link ResourceKind} descriptor that says where a kind lives
 * and how its answers are keyed.
 */
import { type Action, type ReadyState, type WaitForActionOptions, type WaitForReadyOptions, waitForAction, waitForReady } from './actions';
import { ApiError } from './errors';
import { type Account, type Balance } from './resources/account';
import { collectionPath, itemPath, type ResourceKind } from './resources/descriptor';
import { type HttpMethod, type QueryValue, type RequestOptions, Transport, type TransportOptions } from './transport';
import * as l10n from '@vscode/l10n';

export interface ClientOptions extends TransportOptions {
  /** Pages fetched at once by listAll after the first one. */
  listConcurrency?: number;
  /** Items per page; the API allows up to 200. */
  perPage?: number;
  /** Interval for waitForAction in ms; a back-off from 1 s to 5 s when not given. */
  actionPollInterval?: number;
  /** The most pages one listing may take (1,000 pages of 200 = 200,000 items by default). */
  maxPages?: number;
}

export interface CallOptions {
  signal?: AbortSignal;
  /** Ids of the parent resources, for nested kinds (node pools, database users, records, …). */
  parents?: readonly string[];
  query?: Record<string, QueryValue>;
}

export interface ListPage<T> {
  items: T[];
  page: number;
  /** The last page number, when the API said. */
  lastPage?: number;
  total?: number;
  /** Items per full page: what was asked for, or fewer when the endpoint caps it lower. */
  pageSize?: number;
  /** Whether this page links a next one. */
  next?: boolean;
}

interface ListBody {
  links?: { pages?: { next?: string; last?: string } };
  meta?: { total?: number };
  [key: string]: unknown;
}

export class DigitalOceanClient {
  readonly transport: Transport;
  private readonly listConcurrency: number;
  private readonly perPage: number;
  private readonly actionPollInterval?: number;
  private readonly maxPages: number;

  constructor(options: ClientOptions) {
    this.maxPages = Math.max(1, options.maxPages ?? 1_000);
    this.transport = new Transport(options);
    this.listConcurrency = Math.max(1, options.listConcurrency ?? 8);
    this.perPage = Math.min(200, Math.max(1, options.perPage ?? 200));
    this.actionPollInterval = options.actionPollInterval;
  }

  request<T>(method: HttpMethod, path: string, options?: RequestOptions): Promise<T> {
    return this.transport.request<T>(method, path, options);
  }

  /** `GET /v2/account`: also how a token is validated. */
  async account(options: CallOptions = {}): Promise<Account> {
    const body = await this.request<{ account: Account }>('GET', '/v2/account', { signal: options.signal });
    return expectKey(body, 'account', '/v2/account');
  }

  async balance(options: CallOptions = {}): Promise<Balance> {
    return this.request<Balance>('GET', '/v2/customers/my/balance', { signal: options.signal });
  }

  /** One item; a singleton kind (the registry) lives at its collection path, which takes no id. */
  async get<T>(kind: ResourceKind<T>, id: string, options: CallOptions = {}): Promise<T> {
    const path = kind.singleton ? collectionPath(kind as ResourceKind<unknown>, options.parents) : itemPath(kind as ResourceKind<unknown>, id, options.parents);
    const body = await this.request<Record<string, unknown>>('GET', path, { signal: options.signal, query: options.query });
    return expectKey(body, kind.singleKey, path) as T;
  }

  /** One page of a collection. */
  async listPage<T>(kind: ResourceKind<T>, page: number, options: CallOptions = {}): Promise<ListPage<T>> {
    const path = collectionPath(kind as ResourceKind<unknown>, options.parents);
    if (kind.singleton) {
      try {
        const body = await this.request<Record<string, unknown>>('GET', path, { signal: options.signal, query: options.query });
        return { items: [expectKey(body, kind.singleKey, path) as T], page: 1, lastPage: 1, total: 1 };
      } catch (error) {
        if (error instanceof ApiError && error.kind === 'not_found') return { items: [], page: 1, lastPage: 1, total: 0 };
        throw error;
      }
    }
    const query = kind.paginated ? { ...options.query, page, per_page: this.perPage } : options.query;
    const body = await this.request<ListBody>('GET', path, { signal: options.signal, query });
    const items = expectKey(body, kind.collectionKey, path);
    if (!Array.isArray(items)) {
      throw new ApiError({ kind: 'invalid_response', message: l10n.t('The answer to {0} has no "{1}" list.', path, kind.collectionKey), path, method: 'GET' });
    }
    const total = typeof body.meta?.total === 'number' && Number.isSafeInteger(body.meta.total) && body.meta.total >= 0 ? body.meta.total : undefined;
    let lastPage = pageNumber(body.links?.pages?.last);
    const more = Boolean(body.links?.pages?.next) || (lastPage !== undefined && lastPage > page);
    // an endpoint that caps per_page lower than we asked shows it on its first, full page
    const pageSize = more && items.length > 0 && items.length < this.perPage ? items.length : this.perPage;
    const pagesOfTotal = total === undefined ? undefined : Math.max(1, Math.ceil(total / pageSize));
    if (page === 1 && lastPage !== undefined && pagesOfTotal !== undefined && lastPage !== pagesOfTotal && lastPage > page) {
      throw pagingError(
        path,
        l10n.t(
          'it says the last page is {0} but also that there are {1} items ({2} pages of {3})',
          String(lastPage),
          String(total),
          String(pagesOfTotal),
          String(pageSize),
        ),
      );
    }
    if (lastPage === undefined && pagesOfTotal !== undefined) lastPage = pagesOfTotal;
    if (lastPage === undefined && !body.links?.pages?.next) lastPage = page;
    if (lastPage !== undefined && lastPage > this.maxPages) {
      throw pagingError(path, l10n.t('it says there are {0} pages, more than the {1} this client reads in one listing', lastPage, this.maxPages));
    }
    return { items: items as T[], page, lastPage, total, pageSize, next: Boolean(body.links?.pages?.next) };
  }

  /**
   * Every item of a collection. The first page says how many pages there are; the rest are
   * fetched `listConcurrency` at a time and joined in order. A page that fails is retried by the
   * transport; if it still fails, the whole call fails: a page is never silently dropped.
   */
  async listAll<T>(kind: ResourceKind<T>, options: CallOptions = {}): Promise<T[]> {
    try {
      return await this.listAllOnce(kind, options);
    } catch (error) {
      // Items created or deleted while the pages were read shift them; one fresh listing settles that.
      if (error instanceof IncompleteListing) return this.listAllOnce(kind, options);
      throw error;
    }
  }

  private async listAllOnce<T>(kind: ResourceKind<T>, options: CallOptions): Promise<T[]> {
    const first = await this.listPage(kind, 1, options);
    if (!kind.paginated || kind.singleton) return first.items;
    if (first.lastPage === undefined) return this.listSequentially(kind, first, options);
    if (first.lastPage <= 1) {
      this.checkComplete(collectionPath(kind as ResourceKind<unknown>, options.parents), first, [first.items], first);
      return dedupe(kind, first.items);
    }

    const pages: T[][] = new Array(first.lastPage);
    pages[0] = first.items;
    const controller = new AbortController();
    const onAbort = () => controller.abort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    let next = 2;
    const last = first.lastPage;
    let lastOne: ListPage<T> | undefined;
    const worker = async () => {
      while (next <= last) {
        const page = next++;
        const result = await this.listPage(kind, page, { ...options, signal: controller.signal });
        pages[page - 1] = result.items;
        if (page === last) lastOne = result;
      }
    };
    try {
      // The first failure rejects the whole call and stops the other workers; the cancellations
      // it causes come later, so Promise.all reports the real failure.
      const failFast = (error: unknown) => {
        controller.abort();
        throw error;
      };
      await Promise.all(Array.from({ length: Math.min(this.listConcurrency, last - 1) }, () => worker().catch(failFast)));
    } finally {
      options.signal?.removeEventListener('abort', onAbort);
    }
    this.checkComplete(collectionPath(kind as ResourceKind<unknown>, options.parents), first, pages, lastOne);
    return dedupe(kind, pages.flat());
  }

  /**
   * Every page but the last must be full, and the items must reach the total the first page
   * announced; otherwise the listing is incomplete (an `IncompleteListing`, which listAll retries
   * once and then reports) rather than silently short. The page that `total` makes the last must
   * not link a next one: `total` and the links would contradict each other, and trusting `total`
   * would drop the rest. More items than announced are kept (the official spec's own example for
   * reserved IPv6 lists 2 with a total of 1): nothing is lost, and duplicates go by id.
   */
  private checkComplete<T>(path: string, first: ListPage<T>, pages: T[][], lastOne: ListPage<T> | undefined): void {
    if (lastOne?.next && first.total !== undefined) {
      throw pagingError(path, l10n.t('it announced {0} items ({1} pages) but page {2} links a next page', first.total, pages.length, pages.length));
    }
    const pageSize = first.pageSize ?? this.perPage;
    const short = pages.findIndex((items, i) => i < pages.length - 1 && items.length < pageSize);
    const count = pages.reduce((n, items) => n + items.length, 0);
    if (short >= 0) {
      throw new IncompleteListing(
        path,
        l10n.t('page {0} of {1} had {2} items instead of {3}', short + 1, pages.length, pages[short].length, pageSize),
        count,
        first.total,
      );
    }
    if (first.total !== undefined && count < first.total) {
      throw new IncompleteListing(path, l10n.t('{0} of the {1} items it announced arrived', count, first.total), count, first.total);
    }
  }

  /**
   * For collections that give a `next` link but no last page: follow it one page at a time, at
   * most `maxPages`, and stop with an error when the server answers the same page again (it
   * ignores `page`): that would otherwise loop for ever.
   */
  private async listSequentially<T>(kind: ResourceKind<T>, first: ListPage<T>, options: CallOptions): Promise<T[]> {
    const path = collectionPath(kind as ResourceKind<unknown>, options.parents);
    const items = [...first.items];
    let current = first;
    while (current.lastPage === undefined && current.items.length > 0) {
      if (current.page >= this.maxPages) throw pagingError(path, l10n.t('it still offered a next page after {0} pages', this.maxPages));
      const next = await this.listPage(kind, current.page + 1, options);
      if (next.items.length > 0 && sameIds(kind, next.items, current.items)) {
        throw pagingError(path, l10n.t('page {0} repeats page {1} (the server ignores the page asked for)', next.page, current.page));
      }
      current = next;
      items.push(...current.items);
    }
    return dedupe(kind, items);
  }

  async create<T>(kind: ResourceKind<T>, body: unknown, options: CallOptions = {}): Promise<T> {
    const path = collectionPath(kind as ResourceKind<unknown>, options.parents);
    const answer = await this.request<Record<string, unknown>>('POST', path, { body, signal: options.signal });
    return expectKey(answer, kind.singleKey, path) as T;
  }

  /** Replaces one (`PUT`), or with `method: 'PATCH'` changes only the fields given. */
  async update<T>(kind: ResourceKind<T>, id: string, body: unknown, options: CallOptions & { method?: 'PUT' | 'PATCH' } = {}): Promise<T> {
    const path = itemPath(kind as ResourceKind<unknown>, id, options.parents);
    const answer = await this.request<Record<string, unknown>>(options.method ?? 'PUT', path, { body, signal: options.signal });
    return expectKey(answer, kind.singleKey, path) as T;
  }

  async remove(kind: ResourceKind<unknown> | ResourceKind<never>, id: string, options: CallOptions = {}): Promise<void> {
    await this.request<void>('DELETE', itemPath(kind as ResourceKind<unknown>, id, options.parents), { signal: options.signal });
  }

  /** `POST <item>/actions` with `{type, …params}`; answers the action to wait for. */
  async act(
    kind: ResourceKind<unknown> | ResourceKind<never>,
    id: string,
    type: string,
    params: Record<string, unknown> = {},
    options: CallOptions = {},
  ): Promise<Action> {
    const k = kind as ResourceKind<unknown>;
    if (k.actions && !k.actions.includes(type)) {
      throw new ApiError({ kind: 'client', message: l10n.t('{0} has no action "{1}".', k.label, type) });
    }
    const path = `${itemPath(k, id, options.parents)}/actions`;
    const answer = await this.request<{ action: Action }>('POST', path, { body: { ...params, type }, signal: options.signal });
    return expectKey(answer, 'action', path);
  }

  waitForAction(id: number, options: WaitForActionOptions = {}): Promise<Action> {
    return waitForAction(this.transport, id, { ...(this.actionPollInterval ? { interval: this.actionPollInterval } : {}), ...options });
  }

  /** Polls a new resource until `state` calls it ready (a cluster running, a database online); see waitForReady. */
  waitForReady<T>(kind: ResourceKind<T>, id: string, state: (item: T) => ReadyState, options: Partial<WaitForReadyOptions> = {}): Promise<T> {
    return waitForReady((signal) => this.get(kind, id, { signal }), state, {
      what: l10n.t('The {0} {1}', kind.label.toLowerCase(), id),
      ...(this.actionPollInterval ? { interval: this.actionPollInterval } : {}),
      ...options,
    });
  }
}

function expectKey<B extends object, K extends string>(body: B | undefined, key: K, path: string): K extends keyof B ? B[K] : never {
  const value = body && (body as Record<string, unknown>)[key];
  if (value === undefined || value === null) {
    throw new ApiError({ kind: 'invalid_response', message: l10n.t('The answer to {0} has no "{1}".', path, key), path });
  }
  return value as K extends keyof B ? B[K] : never;
}

/** A listing whose pages do not add up; listAll lists once more before reporting it. */
class IncompleteListing extends ApiError {
  constructor(
    path: string,
    detail: string,
    readonly count: number,
    readonly total: number | undefined,
  ) {
    super({ kind: 'invalid_response', message: l10n.t("The DigitalOcean API's listing of {0} is incomplete: {1}.", path, detail), path, method: 'GET' });
  }
}

function pagingError(path: string, detail: string): ApiError {
  return new ApiError({
    kind: 'invalid_response',
    message: l10n.t("The DigitalOcean API's paging of {0} cannot be trusted: {1}.", path, detail),
    path,
    method: 'GET',
  });
}

function sameIds<T>(kind: ResourceKind<T>, a: T[], b: T[]): boolean {
  return a.length === b.length && a.every((item, i) => kind.idOf(item) === kind.idOf(b[i]));
}

function pageNumber(link: string | undefined): number | undefined {
  if (!link) return undefined;
  try {
    const page = Number(new URL(link, 'https://x.invalid').searchParams.get('page'));
    return Number.isSafeInteger(page) && page > 0 ? page : undefined;
  } catch {
    return undefined;
  }
}

/** Items can shift between pages while they are fetched; keep each id once, first place wins. */
function dedupe<T>(kind: ResourceKind<T>, items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const id = kind.idOf(item);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
