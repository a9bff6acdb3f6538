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
import { type DemoData, type Json, seedDemo, type SeedOptions, SIZES, stableUuid, region, IMAGES, dropletJson } from './seed';

/** Kubernetes versions the fake offers, oldest first. */
export const K8S_VERSIONS = ['1.31.9-do.1', '1.32.5-do.2', '1.32.6-do.0', '1.33.1-do.0', '1.33.2-do.0', '1.34.0-do.0'];
const versionParts = (v: string) => v.split(/[.-]/).map((x) => Number(x.replace(/^do/, '')) || 0);
export function compareK8s(a: string, b: string): number {
  const [x, y] = [versionParts(a), versionParts(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}
export const minorOf = (v: string) => versionParts(v)[1];

/** Database node plans: slug, vCPUs, memory (GB), disk (GB), price per node per month. */
export const DB_SIZES = [
  { slug: 'db-s-1vcpu-1gb', vcpus: 1, memory: 1, disk: 10, price: 15 },
  { slug: 'db-s-1vcpu-2gb', vcpus: 1, memory: 2, disk: 30, price: 30 },
  { slug: 'db-s-2vcpu-4gb', vcpus: 2, memory: 4, disk: 60, price: 60 },
  { slug: 'db-s-4vcpu-8gb', vcpus: 4, memory: 8, disk: 115, price: 120 },
  { slug: 'db-s-6vcpu-16gb', vcpus: 6, memory: 16, disk: 270, price: 240 },
];

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
  body: string;
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
      return this.withLimit(handler(params, { query: url.searchParams, body, path }), limit);
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

  monitoring(): void {
    const metric = (name: string, series: (droplet: Json, t: number, query: URLSearchParams) => { metric: Record<string, string>; value: number }[]) => {
      this.on('GET', `/v2/monitoring/metrics/droplet/${name}`, (_, ctx) => {
        const hostId = ctx.query.get('host_id') ?? '';
        const droplet = this.data.droplets.find((x) => String(x.id) === hostId);
        if (!droplet) return this.notFound();
        const monitored = (droplet.features ?? []).includes('monitoring');
        return this.metricMatrix(ctx, (t) => (monitored ? series(droplet, t, ctx.query).map((p) => ({ ...p, metric: { host_id: hostId, ...p.metric } })) : []));
      });
    };
    const phase = (droplet: Json) => (Number(droplet.id) % 97) / 10;
    const busy = (droplet: Json, t: number) => 0.3 + 0.18 * Math.sin(t / 2400 + phase(droplet)) + 0.07 * Math.sin(t / 311);
    metric('cpu', (droplet, t) => {
      // cumulative seconds per mode since an epoch, like node_exporter's counters
      const vcpus = droplet.vcpus ?? 1;
      const base = t * vcpus;
      const used = base * 0.3 + vcpus * 2400 * 0.18 * -Math.cos(t / 2400 + phase(droplet)) + vcpus * 311 * 0.07 * -Math.cos(t / 311);
      return [
        { metric: { mode: 'idle' }, value: base - used },
        { metric: { mode: 'user' }, value: used * 0.75 },
        { metric: { mode: 'system' }, value: used * 0.25 },
      ];
    });
    const memTotal = (droplet: Json) => (droplet.memory ?? 1024) * 1024 * 1024;
    metric('memory_total', (droplet) => [{ metric: {}, value: memTotal(droplet) }]);
    metric('memory_available', (droplet, t) => [{ metric: {}, value: memTotal(droplet) * (0.62 - 0.5 * (busy(droplet, t) - 0.3)) }]);
    metric('memory_free', (droplet, t) => [{ metric: {}, value: memTotal(droplet) * (0.4 - 0.5 * (busy(droplet, t) - 0.3)) }]);
    metric('memory_cached', (droplet) => [{ metric: {}, value: memTotal(droplet) * 0.2 }]);
    const fs = { device: '/dev/vda1', fstype: 'ext4', mountpoint: '/' };
    const fsSize = (droplet: Json) => (droplet.disk ?? 25) * 1e9;
    metric('filesystem_size', (droplet) => [{ metric: fs, value: fsSize(droplet) }]);
    metric('filesystem_free', (droplet, t) => [{ metric: fs, value: fsSize(droplet) * (0.64 - ((t / 86_400) % 7) * 0.004) }]);
    for (const [name, factor] of [
      ['load_1', 1],
      ['load_5', 0.9],
      ['load_15', 0.8],
    ] as const) {
      metric(name, (droplet, t) => [{ metric: {}, value: busy(droplet, t) * (droplet.vcpus ?? 1) * 1.6 * factor }]);
    }
    metric('bandwidth', (droplet, t, query) => {
      const inbound = query.get('direction') === 'inbound';
      const scale = (inbound ? 2.4 : 0.9) * (query.get('interface') === 'public' ? 1 : 0.3);
      return [
        {
          metric: { direction: query.get('direction') ?? '', interface: query.get('interface') ?? '' },
          value: scale * (0.6 + 0.4 * Math.sin(t / 1800 + phase(droplet) + (inbound ? 0 : 1))),
        },
      ];
    });
  }

  /** Why a trusted source is refused: an unknown type, a bad address, or a resource that does not exist. */
  trustedSourceProblem(rule: Json): string | undefined {
    const value = typeof rule?.value === 'string' ? rule.value : '';
    switch (rule?.type) {
      case 'ip_addr':
        return /^(\d{1,3})(\.\d{1,3}){3}(\/(\d|[12]\d|3[0-2]))?$/.test(value) &&
          value
            .split('/')[0]
            .split('.')
            .every((o: string) => Number(o) <= 255)
          ? undefined
          : `${value} is not an IPv4 address or CIDR.`;
      case 'droplet':
        return this.data.droplets.some((x) => String(x.id) === value) ? undefined : `Droplet ${value} does not exist.`;
      case 'k8s':
        return this.data.kubernetesClusters.some((x) => x.id === value) ? undefined : `Kubernetes cluster ${value} does not exist.`;
      case 'app':
        return this.data.apps.some((x) => x.id === value) ? undefined : `App ${value} does not exist.`;
      case 'tag':
        return /^[a-zA-Z0-9_:\-]{1,255}$/.test(value) ? undefined : `${value} is not a valid tag.`;
      default:
        return `Unknown trusted source type: ${String(rule?.type)}`;
    }
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

  createVolume(body: Json): FakeResponse {
    const { name, size_gigabytes: size, region: regionSlug } = body ?? {};
    if (typeof name !== 'string' || !/^[a-z][a-z0-9-]{0,63}$/.test(name))
      return this.unprocessable('name must start with a lowercase letter and contain only lowercase letters, digits and dashes (at most 64).');
    if (!Number.isInteger(size) || size < 1 || size > 16384) return this.unprocessable('size_gigabytes must be between 1 and 16384.');
    if (!SIZES[0].regions.includes(regionSlug)) return this.unprocessable('You specified an invalid region.');
    if (this.data.volumes.some((v) => v.name === name && v.region.slug === regionSlug))
      return this.error(409, 'conflict', 'A volume with that name already exists in this region.');
    const vol: Json = {
      id: stableUuid(`volume-${name}-${this.nextId++}`),
      droplet_ids: [],
      name,
      description: body.description ?? '',
      size_gigabytes: size,
      created_at: this.now(),
      tags: body.tags ?? [],
      region: region(regionSlug),
      filesystem_type: body.filesystem_type ?? '',
      filesystem_label: body.filesystem_label ?? '',
    };
    this.data.volumes.push(vol);
    const project = this.data.projects.find((p) => p.is_default);
    if (project) this.data.projectResources[project.id].push({ urn: `do:volume:${vol.id}`, assigned_at: this.now() });
    return this.json(201, { volume: vol });
  }

  volumeAction(id: string, body: Json): FakeResponse {
    const vol = this.data.volumes.find((v) => v.id === id);
    if (!vol) return this.notFound();
    const regionSlug = vol.region.slug as string;
    const start = (type: string, effect: () => void) => this.json(202, { action: this.startAction(type, 'volume', null, regionSlug, effect) });
    if (body?.type === 'attach') {
      const target = this.data.droplets.find((x) => x.id === body.droplet_id);
      if (!target) return this.unprocessable('The droplet does not exist.');
      if (target.region.slug !== regionSlug) return this.unprocessable('The droplet must be in the same region as the volume.');
      if (vol.droplet_ids.length) return this.unprocessable('The volume is already attached to a droplet.');
      return start('attach_volume', () => {
        vol.droplet_ids = [target.id];
        if (!target.volume_ids.includes(vol.id)) target.volume_ids.push(vol.id);
      });
    }
    if (body?.type === 'detach') {
      if (!vol.droplet_ids.includes(body.droplet_id)) return this.unprocessable('The volume is not attached to that droplet.');
      return start('detach_volume', () => {
        vol.droplet_ids = [];
        const from = this.data.droplets.find((x) => x.id === body.droplet_id);
        if (from) from.volume_ids = from.volume_ids.filter((v: string) => v !== vol.id);
      });
    }
    if (body?.type === 'resize') {
      if (!Number.isInteger(body.size_gigabytes) || body.size_gigabytes <= vol.size_gigabytes)
        return this.unprocessable('A volume can only grow: give a larger size.');
      return start('resize', () => (vol.size_gigabytes = body.size_gigabytes));
    }
    return this.unprocessable(`${String(body?.type)} is not a valid volume action type.`);
  }

  nextIp = 100;

  createReservedIp(body: Json): FakeResponse {
    const hasDroplet = body && body.droplet_id !== undefined;
    const hasRegion = body && body.region !== undefined;
    if (hasDroplet === hasRegion) return this.unprocessable('Give exactly one of droplet_id or region.');
    const target = hasDroplet ? this.data.droplets.find((x) => x.id === body.droplet_id) : undefined;
    if (hasDroplet && !target) return this.unprocessable('The droplet does not exist.');
    const regionSlug = target ? target.region.slug : body.region;
    if (!target && !SIZES[0].regions.includes(regionSlug)) return this.unprocessable('You specified an invalid region.');
    const project = this.data.projects.find((p) => p.id === body.project_id) ?? this.data.projects.find((p) => p.is_default);
    const reserved: Json = { ip: `192.0.2.${this.nextIp++}`, region: region(regionSlug), droplet: target ?? null, locked: false, project_id: project?.id };
    this.data.reservedIps.push(reserved);
    if (project) this.data.projectResources[project.id].push({ urn: `do:floatingip:${reserved.ip}`, assigned_at: this.now() });
    const actions = target ? [this.startAction('assign_ip', 'reserved_ip', null, regionSlug, () => undefined)] : [];
    return this.json(202, {
      reserved_ip: reserved,
      links: {
        droplets: target ? [{ id: target.id, rel: 'droplet', href: `${this.linkBase}/v2/droplets/${target.id}` }] : [],
        actions: actions.map((a) => ({ id: a.id, rel: 'assign_ip', href: `${this.linkBase}/v2/actions/${a.id}` })),
      },
    });
  }

  reservedIpAction(ip: string, body: Json): FakeResponse {
    const reserved = this.data.reservedIps.find((r) => r.ip === ip);
    if (!reserved) return this.notFound();
    if (body?.type === 'unassign') {
      if (!reserved.droplet) return this.unprocessable('The reserved IP is not assigned.');
      return this.json(201, { action: this.startAction('unassign_ip', 'reserved_ip', null, reserved.region.slug, () => (reserved.droplet = null)) });
    }
    if (body?.type === 'assign') {
      const target = this.data.droplets.find((x) => x.id === body.droplet_id);
      if (!target) return this.unprocessable('The droplet does not exist.');
      if (target.region.slug !== reserved.region.slug) return this.unprocessable('The droplet must be in the same region as the reserved IP.');
      return this.json(201, { action: this.startAction('assign_ip', 'reserved_ip', null, reserved.region.slug, () => (reserved.droplet = target)) });
    }
    return this.unprocessable(`${String(body?.type)} is not a valid reserved IP action type.`);
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

  /** POST /v2/droplets, also used by tests directly (a droplet that starts in "new"). */
  createDroplet(body: Json): FakeResponse {
    if (!body || typeof body !== 'object') return this.unprocessable('A request body is required.');
    const { name, region: regionSlug, size, image } = body;
    if (typeof name !== 'string' || !/^[a-zA-Z0-9.-]{1,255}$/.test(name)) {
      return this.unprocessable('Name is invalid: only letters, numbers, dots and dashes are allowed.');
    }
    if (typeof regionSlug !== 'string' || !(regionSlug in { nyc1: 1, nyc3: 1, sfo3: 1, ams3: 1, fra1: 1, lon1: 1, sgp1: 1, tor1: 1 })) {
      return this.unprocessable('You specified an invalid region for Droplet creation.');
    }
    if (!SIZES.some((s) => s.slug === size)) return this.unprocessable('You specified an invalid size for Droplet creation.');
    const imageIndex = IMAGES.findIndex((i) => i.slug === image || i.id === image);
    const customImage = this.data.images.find((i) => i.id === image);
    if (imageIndex < 0 && !customImage) return this.unprocessable('You specified an invalid image for Droplet creation.');
    const id = this.nextId++;
    const droplet = dropletJson(id, name, regionSlug, size, 'new', this.now(), {
      tags: Array.isArray(body.tags) ? body.tags : [],
      imageIndex: Math.max(0, imageIndex),
      vpc: typeof body.vpc_uuid === 'string' ? body.vpc_uuid : undefined,
    });
    if (customImage) droplet.image = customImage;
    if (body.backups) addFeature(droplet, 'backups');
    if (body.ipv6) {
      addFeature(droplet, 'ipv6');
      droplet.networks.v6.push({ ip_address: `2001:db8:1001::${id % 1000}`, netmask: 64, gateway: '2001:db8:1001::1', type: 'public' });
    }
    this.data.droplets.push(droplet);
    const project = this.data.projects.find((p) => p.is_default);
    if (project) this.data.projectResources[project.id].push({ urn: `do:droplet:${id}`, assigned_at: this.now() });
    const action = this.startAction('create', 'droplet', id, regionSlug, () => {
      droplet.status = 'active';
    });
    return this.json(202, { droplet, links: { actions: [{ id: action.id, rel: 'create', href: `${this.linkBase}/v2/actions/${action.id}` }] } });
  }

  dropletAction(id: string, body: Json): FakeResponse {
    const droplet = this.data.droplets.find((x) => String(x.id) === id);
    if (!droplet) return this.notFound();
    const type = body?.type;
    const effects: Record<string, () => void> = {
      power_on: () => (droplet.status = 'active'),
      power_off: () => (droplet.status = 'off'),
      shutdown: () => (droplet.status = 'off'),
      reboot: () => (droplet.status = 'active'),
      power_cycle: () => (droplet.status = 'active'),
      password_reset: () => undefined,
      enable_backups: () => addFeature(droplet, 'backups'),
      disable_backups: () => (droplet.features = droplet.features.filter((f: string) => f !== 'backups')),
      enable_ipv6: () => {
        addFeature(droplet, 'ipv6');
        if (!droplet.networks.v6.length) {
          droplet.networks.v6.push({ ip_address: `2001:db8:1001::${droplet.id % 1000}`, netmask: 64, gateway: '2001:db8:1001::1', type: 'public' });
        }
      },
    };
    const regionSlug = droplet.region.slug as string;
    let effect = effects[type];
    if (type === 'snapshot') {
      const name = typeof body.name === 'string' && body.name ? body.name : `${droplet.name}-${Date.now()}`;
      effect = () => {
        const snapId = this.nextId++;
        this.data.snapshots.push({
          id: String(snapId),
          name,
          created_at: this.now(),
          regions: [regionSlug],
          resource_id: String(droplet.id),
          resource_type: 'droplet',
          min_disk_size: droplet.disk,
          size_gigabytes: Math.round(droplet.disk * 0.12 * 100) / 100,
          tags: [],
        });
        droplet.snapshot_ids.push(snapId);
      };
    } else if (type === 'rename') {
      if (typeof body.name !== 'string' || !body.name) return this.unprocessable('name is required');
      effect = () => (droplet.name = body.name);
    } else if (type === 'resize') {
      const target = SIZES.find((s) => s.slug === body.size);
      if (!target) return this.unprocessable('You specified an invalid size.');
      if (body.disk === true && droplet.status !== 'off') return this.unprocessable('Droplet must be powered off to resize its disk.');
      effect = () => {
        droplet.size = target;
        droplet.size_slug = target.slug;
        droplet.vcpus = target.vcpus;
        droplet.memory = target.memory;
        if (body.disk) droplet.disk = target.disk;
      };
    } else if (type === 'rebuild') {
      const image = [...IMAGES, ...this.data.images].find((i) => (i.slug && i.slug === body.image) || i.id === body.image);
      if (!image) return this.unprocessable('You specified an invalid image.');
      effect = () => (droplet.image = image);
    }
    if (!effect) return this.unprocessable(`${String(type)} is not a valid droplet action type.`);
    if (droplet.locked) return this.unprocessable('Droplet already has a pending event.');
    // Like the real API, the droplet is locked while the action runs.
    droplet.locked = true;
    const action = this.startAction(type, 'droplet', droplet.id, regionSlug, effect, () => {
      droplet.locked = false;
    });
    return this.json(201, { action });
  }
}

/** The API's own checks of a DNS record (a subset: enough to answer 422 like it does). */
export function recordProblem(rec: Json): string | undefined {
  if (!rec || typeof rec.type !== 'string') return 'type is required';
  if (typeof rec.name !== 'string' || !rec.name) return 'name is required';
  if (typeof rec.data !== 'string' || !rec.data) return 'data is required';
  if (rec.type === 'A' && !/^(\d{1,3}\.){3}\d{1,3}$/.test(rec.data)) return 'Data needs to be an IPv4 address.';
  if (rec.type === 'AAAA' && !rec.data.includes(':')) return 'Data needs to be an IPv6 address.';
  if ((rec.type === 'MX' || rec.type === 'SRV') && typeof rec.priority !== 'number') return 'Priority is required.';
  if (rec.type === 'SRV' && (typeof rec.port !== 'number' || typeof rec.weight !== 'number')) return 'Port and weight are required.';
  if (rec.type === 'CAA' && (typeof rec.flags !== 'number' || typeof rec.tag !== 'string')) return 'Flags and tag are required.';
  return undefined;
}

function addFeature(droplet: Json, feature: string): void {
  if (!droplet.features.includes(feature)) droplet.features.push(feature);
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

/** A syntactically valid, self-signed demo CA (base64 of a PEM); not used for any real TLS. */
export const DEMO_CA = base64('-----BEGIN CERTIFICATE-----\nMIIBdemoCAnotForRealUse\n-----END CERTIFICATE-----\n');

export function kubeconfigYaml(cluster: Json, token: string, expirySeconds: number): string {
  const name = `do-${cluster.region}-${cluster.name}`;
  return [
    'apiVersion: v1',
    'clusters:',
    '- cluster:',
    `    certificate-authority-data: ${DEMO_CA}`,
    `    server: ${cluster.endpoint}`,
    `  name: ${name}`,
    'contexts:',
    '- context:',
    `    cluster: ${name}`,
    `    user: ${name}-admin`,
    `  name: ${name}`,
    `current-context: ${name}`,
    'kind: Config',
    'preferences: {}',
    'users:',
    `- name: ${name}-admin`,
    '  user:',
    `    token: ${token}`,
    `# expires in ${expirySeconds} seconds`,
    '',
  ].join('\n');
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
    return new Response(response.status === 204 ? null : response.body, { status: response.status, headers: response.headers });
  };
}
