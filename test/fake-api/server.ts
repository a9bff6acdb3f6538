/**
 * The fake DigitalOcean API over HTTP on loopback, with fault switches for tests.
 *
 * - `/v2/...` is answered by FakeDigitalOcean (src/demo/fakeApi.ts), after any matching fault.
 * - `/__fake/...` is the control surface tests use directly (never through Prism):
 *     POST /__fake/reset                      back to the seeded state, log and faults cleared
 *     POST /__fake/faults  {faults: Fault[]}  queue faults;  DELETE /__fake/faults clears them
 *     POST /__fake/config  {latencyMs?, actionDurationMs?, failNextActions?, exposeHeaders?}
 *
 * CORS as the real API answers it (the spec's "Cross Origin Resource Sharing"): a request with an
 * `Origin` gets it reflected, with credentials allowed and the headers the client reads exposed
 * (`exposeHeaders` in the config narrows them, to test a client that cannot read some); an
 * `OPTIONS` preflight gets the methods and headers asked for, and a max age. The control surface
 * answers cross-origin too: the web suites call it from the web worker extension host.
 *     POST /__fake/tokens  {add?, revoke?, restore?: string[], profiles?: {token: {email, teamName}}}
 *     GET  /__fake/log                        requests seen: [{method, path, status, at}]
 *     POST /__fake/log/clear
 *     GET  /__fake/data                       the whole current state (for assertions)
 *     POST /__fake/create-droplet {name, region, size}   a droplet that starts as "new"
 *     POST /__fake/patch {collection, where: {key: value}, set: {...}}   change seeded items
 *                                             (names with markup for XSS tests, say)
 *     POST /__fake/database-ca {name, pem}    the CA a database cluster's /ca answers with
 *     GET  /__fake/my-ip                      a stand-in "what is my IP" service (plain text)
 *     GET  /__fake/my-ip/count                how often it was asked: {count}
 *
 * Run as a program: `node server.js [--port N] [--tokens a,b] [--action-ms N] [--latency-ms N]
 * [--extra-droplets N] [--scale PROJECTSxPERKIND]`; it prints `FAKE_API_URL=http://127.0.0.1:<port>` once listening.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeDigitalOcean, type FakeOptions } from '../../src/demo/fakeApi';
import { createDroplet } from '../../src/demo/routes/droplet';
import { FakeStreams, type LogStreamConfig } from './streams';

/**
 * - status: answer an error status (429, 5xx, …) instead of the fake;
 * - hang: never answer; drop: close the connection before answering;
 * - malformed: a truncated JSON body;
 * - redirect: a 3xx to `location`;
 * - reset-after: let the fake do the work, then close the connection instead of answering
 *   (a DELETE that happened although the client never heard so);
 * - respond: answer `status` (200) with `body` as given (a string is sent as it is);
 * - rewrite: the fake's answer, changed: `dropItems` removes that many items from the end of its
 *   list, `links` / `meta` replace those parts (a server lying about its paging);
 * Any kind may add `headers` to its answer (e.g. ratelimit-remaining), and with `passThrough` a
 * fault that matches only adds its headers to the fake's own answer.
 */
export type FaultKind = 'status' | 'hang' | 'malformed' | 'drop' | 'redirect' | 'reset-after' | 'respond' | 'rewrite';

export interface Fault {
  kind: FaultKind;
  /** Only requests with this method (any when absent). */
  method?: string;
  /** Only paths starting with this (any when absent). */
  path?: string;
  /** Only URLs (path and query) containing this text. */
  urlIncludes?: string;
  /** For `status`: put the request's Authorization header in the error message (redaction tests). */
  echoAuthorization?: boolean;
  /** For `status`: the status to answer, e.g. 429, 500, 503. */
  status?: number;
  /** For `status`: a retry-after header value in seconds. */
  retryAfter?: number;
  /** How many matching requests it hits; 1 by default. */
  times?: number;
  /** For `redirect`: where to. */
  location?: string;
  /** For `respond`: the body (an object is sent as JSON). */
  body?: unknown;
  /** For `rewrite`. */
  dropItems?: number;
  links?: unknown;
  meta?: unknown;
  /** Extra response headers; `{authorization}` in a value is replaced by the request's Authorization header. */
  headers?: Record<string, string>;
  /** Answer as the fake would, with `headers` added. */
  passThrough?: boolean;
}

/** The headers the API exposes to a browser (the client reads these). */
export const CORS_EXPOSED = ['ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset', 'retry-after', 'x-request-id', 'link'];

export interface FakeServerConfig {
  latencyMs: number;
  ipLookups: number;
  /** Access-Control-Expose-Headers for cross-origin requests. */
  exposeHeaders: string[];
}

export interface FakeServerOptions extends FakeOptions {
  port?: number;
  latencyMs?: number;
}

export interface FakeServer {
  url: string;
  fake: FakeDigitalOcean;
  streams: FakeStreams;
  faults: Fault[];
  config: FakeServerConfig;
  /** Every /v2 request that arrived, faulted or not. */
  seen: { method: string; url: string }[];
  close(): Promise<void>;
}

export async function startFakeServer(options: FakeServerOptions = {}): Promise<FakeServer> {
  const fake = new FakeDigitalOcean(options);
  const faults: Fault[] = [];
  const config: FakeServerConfig = { latencyMs: options.latencyMs ?? 0, ipLookups: 0, exposeHeaders: [...CORS_EXPOSED] };
  const sockets = new Set<import('node:net').Socket>();
  const seen: { method: string; url: string }[] = [];
  let baseUrl = '';
  const streams = new FakeStreams(() => baseUrl);
  fake.streams = {
    liveLogUrl: () => streams.liveLogUrl(),
    historicLogUrl: () => streams.historicLogUrl(),
    execUrl: (_app, component, instance) => streams.execUrl(component, instance),
  };

  const server = http.createServer((req, res) => {
    const origin = headerValue(req, 'origin');
    if (origin) {
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('access-control-allow-credentials', 'true');
      res.setHeader('access-control-expose-headers', config.exposeHeaders.join(', '));
      res.setHeader('vary', 'Origin');
      if (req.method === 'OPTIONS' && headerValue(req, 'access-control-request-method')) {
        res.writeHead(204, {
          'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS',
          'access-control-allow-headers': headerValue(req, 'access-control-request-headers') ?? 'authorization, content-type',
          'access-control-max-age': '86400',
        });
        res.end();
        req.resume();
        return;
      }
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const url = req.url ?? '/';
      if (streams.handleHttp(req, res)) return;
      if (url.startsWith('/__fake/logs') || url.startsWith('/__fake/exec')) {
        if (req.method === 'POST' && url.startsWith('/__fake/logs')) streams.start(JSON.parse(body || '{}') as Partial<LogStreamConfig>);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(streams.status(url.includes('lines=1'))));
        return;
      }
      if (url.startsWith('/__fake/')) {
        control(fake, faults, config, seen, req.method ?? 'GET', url, body, res);
        return;
      }
      seen.push({ method: req.method ?? 'GET', url });
      const answer = () => {
        const fault = takeFault(faults, req.method ?? 'GET', url);
        const extraHeaders: Record<string, string> = {};
        for (const [name, value] of Object.entries(fault?.headers ?? {}))
          extraHeaders[name] = value.split('{authorization}').join(req.headers.authorization ?? '');
        const fakeAnswer = () => fake.handle({ method: req.method ?? 'GET', url, headers: { get: (n) => headerValue(req, n) }, body });
        if (fault && !fault.passThrough) {
          if (fault.kind === 'hang') return; // never answer; the client's timeout must end it
          if (fault.kind === 'drop') {
            req.socket.destroy();
            return;
          }
          if (fault.kind === 'malformed') {
            res.writeHead(200, { 'content-type': 'application/json' });
            res.end('{"droplets": [ {"id": 1, "name": "trunc');
            return;
          }
          if (fault.kind === 'redirect') {
            res.writeHead(fault.status ?? 302, {
              location: fault.location ?? 'https://elsewhere.invalid/',
              'content-type': 'application/json',
              ...extraHeaders,
            });
            res.end(JSON.stringify({ droplets: [], links: {}, meta: { total: 0 } }));
            return;
          }
          if (fault.kind === 'reset-after') {
            fakeAnswer();
            req.socket.destroy();
            return;
          }
          if (fault.kind === 'respond') {
            const status = fault.status ?? 200;
            res.writeHead(status, { ...(status === 204 ? {} : { 'content-type': 'application/json' }), ...extraHeaders });
            res.end(status === 204 || fault.body === undefined ? '' : typeof fault.body === 'string' ? fault.body : JSON.stringify(fault.body));
            return;
          }
          if (fault.kind === 'rewrite') {
            const answer = fakeAnswer();
            const value = JSON.parse(answer.body) as Record<string, unknown>;
            const listKey = Object.keys(value).find((k) => Array.isArray(value[k]));
            if (listKey && fault.dropItems) (value[listKey] as unknown[]).splice(-fault.dropItems, fault.dropItems);
            if (fault.links !== undefined) value.links = fault.links;
            if (fault.meta !== undefined) value.meta = fault.meta;
            res.writeHead(answer.status, { ...answer.headers, ...extraHeaders });
            res.end(JSON.stringify(value));
            return;
          }
          const status = fault.status ?? 500;
          const headers: Record<string, string> = { 'content-type': 'application/json', 'x-request-id': `fault-${Date.now()}`, ...extraHeaders };
          if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter);
          const id = status === 429 ? 'too_many_requests' : status >= 500 ? 'server_error' : 'fault';
          const message = fault.echoAuthorization
            ? `Injected failure for ${req.headers.authorization ?? ''}`
            : status === 429
              ? 'API Rate limit exceeded.'
              : 'Injected failure from the fake API.';
          res.writeHead(status, headers);
          res.end(JSON.stringify({ id, message, request_id: headers['x-request-id'] }));
          return;
        }
        const response = fakeAnswer();
        res.writeHead(response.status, { ...response.headers, ...extraHeaders });
        res.end(response.bytes ?? response.body);
      };
      if (config.latencyMs > 0) setTimeout(answer, config.latencyMs);
      else answer();
    });
  });
  // Longer than any client here keeps an idle socket: Prism's proxy reuses its keep-alive sockets
  // to the fake without a timeout of its own, and a socket the fake closed after 5 s idle, just as
  // Prism sent on it, came back as "socket hang up" — a spec violation no code of ours caused
  // (seen once in a narrowed integration run). close() destroys the sockets anyway.
  server.keepAliveTimeout = 10 * 60_000;
  server.on('upgrade', (req, socket, head) => {
    if (!streams.handleUpgrade(req, socket, head)) socket.destroy();
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://127.0.0.1:${port}`;
  return {
    url: `http://127.0.0.1:${port}`,
    fake,
    streams,
    faults,
    config,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        streams.close();
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

function headerValue(req: http.IncomingMessage, name: string): string | null {
  const value = req.headers[name.toLowerCase()];
  return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
}

function takeFault(faults: Fault[], method: string, url: string): Fault | undefined {
  const path = url.split('?')[0];
  const index = faults.findIndex(
    (f) =>
      (!f.method || f.method.toUpperCase() === method.toUpperCase()) && (!f.path || path.startsWith(f.path)) && (!f.urlIncludes || url.includes(f.urlIncludes)),
  );
  if (index < 0) return undefined;
  const fault = faults[index];
  const times = (fault.times ?? 1) - 1;
  if (times <= 0) faults.splice(index, 1);
  else fault.times = times;
  return fault;
}

function control(
  fake: FakeDigitalOcean,
  faults: Fault[],
  config: FakeServerConfig,
  seen: { method: string; url: string }[],
  method: string,
  url: string,
  body: string,
  res: http.ServerResponse,
): void {
  const send = (status: number, value?: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(value === undefined ? '' : JSON.stringify(value));
  };
  let input: Record<string, unknown> = {};
  try {
    input = body ? JSON.parse(body) : {};
  } catch {
    return send(400, { error: 'invalid JSON' });
  }
  const path = url.split('?')[0];
  switch (`${method} ${path}`) {
    case 'POST /__fake/reset':
      fake.reset();
      faults.length = 0;
      seen.length = 0;
      config.latencyMs = 0;
      config.ipLookups = 0;
      config.exposeHeaders = [...CORS_EXPOSED];
      return send(200, { ok: true });
    case 'POST /__fake/faults':
      faults.push(...((input.faults as Fault[]) ?? []));
      return send(200, { queued: faults.length });
    case 'DELETE /__fake/faults':
      faults.length = 0;
      return send(200, { ok: true });
    case 'POST /__fake/config':
      if (typeof input.latencyMs === 'number') config.latencyMs = input.latencyMs;
      if (typeof input.actionDurationMs === 'number') fake.actionDurationMs = input.actionDurationMs;
      if (typeof input.failNextActions === 'number') fake.failNextActions = input.failNextActions;
      if (Array.isArray(input.exposeHeaders)) config.exposeHeaders = input.exposeHeaders.map(String);
      return send(200, { ok: true });
    case 'POST /__fake/tokens':
      for (const t of (input.add as string[]) ?? []) fake.tokens.add(t);
      for (const t of (input.revoke as string[]) ?? []) fake.revoked.add(t);
      for (const t of (input.restore as string[]) ?? []) fake.revoked.delete(t);
      for (const [t, profile] of Object.entries((input.profiles as Record<string, { email: string; teamName: string }>) ?? {})) {
        fake.profiles.set(t, profile);
      }
      return send(200, { ok: true });
    case 'GET /__fake/log':
      return send(200, { handled: fake.log, seen });
    case 'POST /__fake/log/clear':
      fake.log.length = 0;
      seen.length = 0;
      return send(200, { ok: true });
    case 'POST /__fake/create-droplet': {
      const created = createDroplet(fake, { image: 'ubuntu-24-04-x64', ...input });
      res.writeHead(created.status, { 'content-type': 'application/json' });
      res.end(created.body);
      return;
    }
    case 'POST /__fake/patch': {
      const collection = (fake.data as unknown as Record<string, unknown>)[String(input.collection)];
      if (!Array.isArray(collection)) return send(400, { error: `no collection ${String(input.collection)}` });
      const where = (input.where ?? {}) as Record<string, unknown>;
      const matches = collection.filter((item: Record<string, unknown>) => Object.entries(where).every(([k, v]) => String(item[k]) === String(v)));
      for (const item of matches) Object.assign(item, input.set);
      return send(200, { patched: matches.length });
    }
    case 'POST /__fake/database-ca': {
      const db = fake.data.databases.find((d) => d.name === input.name);
      if (!db) return send(404, { error: `no database cluster ${String(input.name)}` });
      fake.data.databaseCas[String(db.id)] = String(input.pem);
      return send(200, { ok: true });
    }
    case 'GET /__fake/my-ip':
      config.ipLookups++;
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('203.0.113.77\n');
      return;
    case 'GET /__fake/my-ip/count':
      return send(200, { count: config.ipLookups });
    case 'GET /__fake/data':
      fake.settle();
      return send(200, fake.data);
    default:
      return send(404, { error: `no control endpoint ${method} ${path}` });
  }
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (require.main === module) {
  const tokens = arg('tokens');
  startFakeServer({
    port: Number(arg('port') ?? 0),
    tokens: tokens ? tokens.split(',').filter(Boolean) : [],
    actionDurationMs: arg('action-ms') === undefined ? undefined : Number(arg('action-ms')),
    latencyMs: Number(arg('latency-ms') ?? 0),
    extraDroplets: Number(arg('extra-droplets') ?? 0),
    scale: arg('scale') ? { projects: Number(arg('scale')!.split('x')[0]), perKind: Number(arg('scale')!.split('x')[1]) } : undefined,
  }).then((s) => {
    process.stdout.write(`FAKE_API_URL=${s.url}\n`);
    const stop = () => void s.close().then(() => process.exit(0));
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
}
