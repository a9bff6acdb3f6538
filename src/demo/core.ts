/**
 * A stateful, in-memory DigitalOcean API. It answers like the real API for every endpoint the
 * extension uses: same paths, bodies, pagination links, rate-limit headers and error bodies, with
 * asynchronous actions that stay in progress for a while and then really change the resource.
 *
 * It is a pure request → response function (no sockets), so it serves two masters:
 *  - the built-in demo account, in process, through {@link createInProcessFetch};
 *  - the tests and `npm start`, behind a small HTTP server (test/fake-api/server.ts) that adds
 *    fault switches and sits behind Stoplight Prism, which holds both sides to the official spec.
 */
import { type DemoData, type Json, seedDemo, type SeedOptions, stableUuid, region } from './seed';

export interface FakeRequest {
  method: string;
  /** Path and query, e.g. "/v2/droplets?page=2". */
  url: string;
  headers: { get(name: string): string | null };
  body?: string;
}

export interface FakeResponse {
  status: number;
  headers: Record<string, string>;
  /** JSON or other text. */
  body: string;
  /** A file's bytes (an invoice's PDF): sent instead of `body`. */
  bytes?: Uint8Array<ArrayBuffer>;
}

export interface FakeOptions extends SeedOptions {
  /** Tokens the API accepts; anything else gets 401. Empty: every bearer token is accepted. */
  tokens?: string[];
  /** How long an action stays in progress, in ms. */
  actionDurationMs?: number;
  /** Host used in pagination links. */
  linkBase?: string;
  clock?: () => number;
  /** Requests allowed per token per hour (the ratelimit-limit header). */
  hourlyLimit?: number;
}

interface PendingAction {
  action: Json;
  dueAt: number;
  effect: () => void;
  fail: boolean;
  /** Runs when the action ends, completed or errored (unlocking a droplet). */
  always?: () => void;
}

type Handler = (params: string[], ctx: Ctx) => FakeResponse;
interface Ctx {
  query: URLSearchParams;
  body: Json;
  path: string;
  /** The request's headers (an endpoint that asks for one: `X-Dangerous`). */
  headers: { get(name: string): string | null };
}

export interface RequestLogEntry {
  method: string;
  path: string;
  status: number;
  at: number;
}

/**
 * The fake's state and plumbing (data, tokens, rate limits, actions, paging, errors); the routes
 * (src/demo/routes/, one module per family of endpoints) are added by FakeDigitalOcean.
 */
export class FakeCore {
  data: DemoData;
  readonly tokens: Set<string>;
  readonly revoked = new Set<string>();
  readonly log: RequestLogEntry[] = [];
  actionDurationMs: number;
  /** The next N actions end as "errored" instead of "completed". */
  failNextActions = 0;
  /** The most items a page holds, whatever per_page asks (some real endpoints cap it lower). */
  maxPerPage = 200;
  /** Tokens that belong to another user or team than the demo one (several accounts in tests). */
  readonly profiles = new Map<string, { email: string; teamName: string }>();
  currentToken = '';
  /**
   * Where live logs and consoles are served: only a fake with a server around it has them (the
   * server sets this); the in-process demo answers without a live URL.
   */
  streams?: {
    liveLogUrl(appId: string, component: string | undefined, type: string): string;
    historicLogUrl(appId: string, component: string | undefined, type: string): string;
    execUrl(appId: string, component: string, instance: string): string;
  };

  readonly clock: () => number;
  readonly linkBase: string;
  readonly hourlyLimit: number;
  readonly usage = new Map<string, { hour: number; count: number }>();
  readonly pending = new Map<number, PendingAction>();
  readonly actions = new Map<number, Json>();
  nextActionId = 2_900_000_001;
  nextId = 350_000_001;
  readonly routes: [string, RegExp, Handler][] = [];
  /** Routes answered only when no route of a family matches (the catalog's plain collections). */
  readonly fallbacks: [string, RegExp, Handler][] = [];
  /** Changes due at a time (an app deployment's phases), applied when a request comes after it. */
  readonly scheduled: { dueAt: number; change: () => void }[] = [];
  readonly seedOptions: FakeOptions;

  constructor(options: FakeOptions = {}) {
    this.seedOptions = options;
    this.data = seedDemo(options);
    this.tokens = new Set(options.tokens ?? []);
    this.actionDurationMs = options.actionDurationMs ?? 3_000;
    this.clock = options.clock ?? Date.now;
    this.linkBase = options.linkBase ?? 'https://api.digitalocean.com';
    this.hourlyLimit = options.hourlyLimit ?? 5_000;
  }

  /** Back to the seeded state; tokens and revocations are kept. */
  reset(): void {
    this.data = seedDemo(this.seedOptions);
    this.pending.clear();
    this.actions.clear();
    this.log.length = 0;
    this.failNextActions = 0;
    // and each token's hourly budget: a test suite that resets before each test is a new start,
    // not 5,000 requests shared by every suite of the run (which ran out mid-run, and then every
    // request waited for the next hour)
    this.usage.clear();
  }

  /** Whether anything is still in progress (an action or a resource settling). */
  get busy(): boolean {
    return this.pending.size > 0;
  }

  handle(request: FakeRequest): FakeResponse {
    const url = new URL(request.url, 'http://fake.invalid');
    const method = request.method.toUpperCase();
    let response: FakeResponse;
    try {
      response = this.route(method, url, request);
    } catch (err) {
      // A fault in a route is a bug in the fake: answer 500 like a server would, and say so
      // loudly, instead of taking the whole fake (and every other test's requests) down with it.
      console.error(`fake API: ${method} ${url.pathname} threw`, err);
      response = this.error(500, 'server_error', `The fake API failed on ${method} ${url.pathname}: ${err instanceof Error ? err.message : String(err)}`);
    }
    this.log.push({ method, path: url.pathname, status: response.status, at: this.clock() });
    return response;
  }

  route(method: string, url: URL, request: FakeRequest): FakeResponse {
    const auth = request.headers.get('authorization') ?? '';
    const token = /^Bearer\s+(.+)$/i.exec(auth)?.[1]?.trim();
    if (!token || this.revoked.has(token) || (this.tokens.size > 0 && !this.tokens.has(token))) {
      return this.error(401, 'unauthorized', 'Unable to authenticate you');
    }
    this.currentToken = token;
    const limit = this.countRequest(token);
    if (limit.remaining < 0) {
      return this.withLimit(this.error(429, 'too_many_requests', 'API Rate limit exceeded.'), limit, {
        'retry-after': String(limit.reset - Math.floor(this.clock() / 1000)),
      });
    }
    this.settle();

    let body: Json;
    if (request.body !== undefined && request.body !== '') {
      try {
        body = JSON.parse(request.body);
      } catch {
        return this.withLimit(this.error(400, 'bad_request', 'The request body is not valid JSON.'), limit);
      }
    }
    const path = url.pathname.replace(/\/+$/, '') || '/';
    for (const [routeMethod, pattern, handler] of [...this.routes, ...this.fallbacks]) {
      if (routeMethod !== method) continue;
      const match = pattern.exec(path);
      if (!match) continue;
      const params = match.slice(1).map((p) => decodeURIComponent(p));
      return this.withLimit(handler(params, { query: url.searchParams, body, path, headers: request.headers }), limit);
    }
    return this.withLimit(this.error(404, 'not_found', 'The resource you were accessing could not be found.'), limit);
  }

  // ---- plumbing -------------------------------------------------------------------------------

  countRequest(token: string): { limit: number; remaining: number; reset: number } {
    const nowS = Math.floor(this.clock() / 1000);
    const hour = Math.floor(nowS / 3600);
    let entry = this.usage.get(token);
    if (!entry || entry.hour !== hour) {
      entry = { hour, count: 0 };
      this.usage.set(token, entry);
    }
    entry.count++;
    return { limit: this.hourlyLimit, remaining: this.hourlyLimit - entry.count, reset: (hour + 1) * 3600 };
  }

  withLimit(response: FakeResponse, limit: { limit: number; remaining: number; reset: number }, extra: Record<string, string> = {}): FakeResponse {
    response.headers['ratelimit-limit'] = String(limit.limit);
    response.headers['ratelimit-remaining'] = String(Math.max(0, limit.remaining));
    response.headers['ratelimit-reset'] = String(limit.reset);
    Object.assign(response.headers, extra);
    return response;
  }

  requestId(): string {
    return stableUuid(`req-${this.log.length}-${this.clock()}`);
  }

  json(status: number, body: Json): FakeResponse {
    return { status, headers: { 'content-type': 'application/json; charset=utf-8', 'x-request-id': this.requestId() }, body: JSON.stringify(body) };
  }

  error(status: number, id: string, message: string): FakeResponse {
    const requestId = this.requestId();
    return {
      status,
      headers: { 'content-type': 'application/json; charset=utf-8', 'x-request-id': requestId },
      body: JSON.stringify({ id, message, request_id: requestId }),
    };
  }

  noContent(): FakeResponse {
    return { status: 204, headers: { 'x-request-id': this.requestId() }, body: '' };
  }

  notFound(): FakeResponse {
    return this.error(404, 'not_found', 'The resource you were accessing could not be found.');
  }

  /**
   * Droplet metrics like the Monitoring API's: deterministic waves per droplet, sampled on a grid
   * over [start, end]. Droplets without the "monitoring" feature (no agent) have no series.
   */
  /**
   * A Monitoring API answer (a Prometheus-style matrix) for `[start, end]` of the query: `points`
   * gives each series' value at a time, sampled about 120 times; a bad window is a 400.
   */
  metricMatrix(ctx: { query: URLSearchParams }, points: (t: number) => { metric: Record<string, string>; value: number }[]): FakeResponse {
    const start = Number(ctx.query.get('start'));
    const end = Number(ctx.query.get('end'));
    if (!Number.isFinite(start) || !Number.isFinite(end) || end <= start)
      return this.error(400, 'bad_request', 'start and end must be unix times with start before end.');
    const results = new Map<string, { metric: Record<string, string>; values: [number, string][] }>();
    const step = Math.max(60, Math.ceil((end - start) / 120 / 60) * 60);
    for (let t = Math.ceil(start / step) * step; t <= end; t += step) {
      for (const point of points(t)) {
        const key = JSON.stringify(point.metric);
        if (!results.has(key)) results.set(key, { metric: point.metric, values: [] });
        results.get(key)!.values.push([t, String(Math.round(point.value * 1000) / 1000)]);
      }
    }
    return this.json(200, { status: 'success', data: { resultType: 'matrix', result: [...results.values()] } });
  }

  unprocessable(message: string): FakeResponse {
    return this.error(422, 'unprocessable_entity', message);
  }

  now(): string {
    return new Date(this.clock()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  /** A paginated list answer: `{key: items, links, meta}` like the real API. */
  page(key: string, items: Json[], ctx: Ctx): FakeResponse {
    const perPage = Math.min(this.maxPerPage, Math.max(1, Number(ctx.query.get('per_page') ?? 20) || 20));
    const pageNo = Math.max(1, Number(ctx.query.get('page') ?? 1) || 1);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const slice = items.slice((pageNo - 1) * perPage, pageNo * perPage);
    const link = (p: number) => {
      const q = new URLSearchParams(ctx.query);
      q.set('page', String(p));
      q.set('per_page', String(perPage));
      return `${this.linkBase}${ctx.path}?${q.toString()}`;
    };
    const pages: Record<string, string> = {};
    if (pageNo > 1) {
      pages.first = link(1);
      pages.prev = link(Math.min(pageNo - 1, last));
    }
    if (pageNo < last) {
      pages.next = link(pageNo + 1);
      pages.last = link(last);
    }
    return this.json(200, { [key]: slice, links: { pages }, meta: { total: items.length } });
  }

  /** A route that answers only where no family's route does: what a kind's descriptor gives every kind. */
  fallback(method: string, pattern: string, handler: Handler): void {
    this.fallbacks.push([method, FakeCore.regexOf(pattern), handler]);
  }

  private static regexOf(pattern: string): RegExp {
    return new RegExp('^' + pattern.replace(/\{[a-z_]+\}/g, '([^/]+)') + '$');
  }

  on(method: string, pattern: string, handler: Handler): void {
    const regex = FakeCore.regexOf(pattern);
    // A literal path ("/v2/databases/options") wins over a pattern that would also match it.
    if (pattern.includes('{')) this.routes.push([method, regex, handler]);
    else this.routes.unshift([method, regex, handler]);
  }

  // ---- actions ----------------------------------------------------------------------------------

  /** Starts an action that completes after actionDurationMs and then applies its effect. */
  startAction(type: string, resourceType: string, resourceId: number | null, regionSlug: string | null, effect: () => void, always?: () => void): Json {
    const id = this.nextActionId++;
    const action: Json = {
      id,
      status: 'in-progress',
      type,
      started_at: this.now(),
      completed_at: null,
      resource_id: resourceId,
      resource_type: resourceType,
      region: regionSlug ? region(regionSlug) : null,
      region_slug: regionSlug,
    };
    this.actions.set(id, action);
    const fail = this.failNextActions > 0;
    if (fail) this.failNextActions--;
    this.pending.set(id, { action, dueAt: this.clock() + this.actionDurationMs, effect, fail, always });
    if (this.actionDurationMs <= 0) this.settle();
    return action;
  }

  /** Completes every action whose time has come. */
  settle(): void {
    const now = this.clock();
    for (const [id, pending] of this.pending) {
      if (pending.dueAt > now) continue;
      this.pending.delete(id);
      pending.action.completed_at = this.now();
      if (pending.fail) {
        pending.action.status = 'errored';
      } else {
        pending.action.status = 'completed';
        pending.effect();
      }
      pending.always?.();
    }
    const due = this.scheduled.filter((s) => s.dueAt <= now).sort((a, b) => a.dueAt - b.dueAt);
    for (const item of due) {
      this.scheduled.splice(this.scheduled.indexOf(item), 1);
      item.change();
    }
  }

  /** Applies `change` once `afterMs` have passed (at the next request after that). */
  later(afterMs: number, change: () => void): void {
    this.scheduled.push({ dueAt: this.clock() + afterMs, change });
  }

  /** An asynchronous delete's end: `item` leaves `list` one action's time from now. */
  removeLater(list: Json[], item: Json): void {
    this.later(this.actionDurationMs, () => {
      const at = list.indexOf(item);
      if (at >= 0) list.splice(at, 1);
    });
  }

  // ---- routes -----------------------------------------------------------------------------------

  /**
   * `DELETE …/{id}`: removes the item of `list` whose id is `id`, and its project assignment when
   * it has a URN; 404 when there is none, and `refuse`'s answer when this one must stay.
   */
  deleteItem(
    list: Json[],
    id: string,
    idOf: (x: Json) => string,
    options: { urn?: (id: string) => string; refuse?: (x: Json) => FakeResponse | undefined; answer?: FakeResponse } = {},
  ): FakeResponse {
    const index = list.findIndex((x) => idOf(x) === id);
    if (index < 0) return this.notFound();
    const refused = options.refuse?.(list[index]);
    if (refused) return refused;
    list.splice(index, 1);
    if (options.urn) this.unassignUrn(options.urn(id));
    return options.answer ?? this.noContent();
  }

  unassignUrn(urn: string): void {
    for (const list of Object.values(this.data.projectResources)) {
      const at = list.findIndex((r) => r.urn === urn);
      if (at >= 0) list.splice(at, 1);
    }
  }

  /** A new resource goes into the project named, or else the default one, as at DigitalOcean. */
  intoProject(urn: string, projectId?: unknown): void {
    const project = this.data.projects.find((p) => p.id === projectId) ?? this.data.projects.find((p) => p.is_default);
    if (project) this.data.projectResources[project.id].push({ urn, assigned_at: this.now() });
  }

  /** Tags created but (maybe) not on any resource yet. */
  readonly explicitTags = new Set<string>();

  tags(): Json[] {
    const counts = new Map<string, number>([...this.explicitTags].map((t) => [t, 0]));
    const add = (tags: string[] | null | undefined) => {
      for (const t of tags ?? []) counts.set(t, (counts.get(t) ?? 0) + 1);
    };
    for (const x of this.data.droplets) add(x.tags);
    for (const x of this.data.volumes) add(x.tags);
    for (const x of this.data.databases) add(x.tags);
    for (const x of this.data.images) add(x.tags);
    return [...counts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([name, count]) => ({ name, resources: { count, last_tagged_uri: '' } }));
  }

  clusterToken(seed: string): string {
    return `demo-${stableUuid(`token-${seed}-${Math.floor(this.clock() / 1000)}`).replace(/-/g, '')}`;
  }
}

export function urnPath(urn: string): string {
  const [, kind, id] = urn.split(':');
  const map: Record<string, string> = {
    droplet: 'droplets',
    volume: 'volumes',
    kubernetes: 'kubernetes/clusters',
    dbaas: 'databases',
    loadbalancer: 'load_balancers',
    floatingip: 'floating_ips',
    domain: 'domains',
    app: 'apps',
  };
  return `${map[kind] ?? kind}/${id}`;
}

export function base64(text: string): string {
  return btoa(unescape(encodeURIComponent(text)));
}

/**
 * A fetch function answered by a FakeDigitalOcean in this process: how the built-in demo account
 * works with no network at all.
 */
export function createInProcessFetch(fake: FakeCore): typeof globalThis.fetch {
  return async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const headers = new Headers(init?.headers);
    const signal = init?.signal;
    if (signal?.aborted) throw signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
    const response = fake.handle({
      method: init?.method ?? 'GET',
      url: url.pathname + url.search,
      headers,
      body: typeof init?.body === 'string' ? init.body : undefined,
    });
    return new Response(response.status === 204 ? null : (response.bytes ?? response.body), { status: response.status, headers: response.headers });
  };
}
