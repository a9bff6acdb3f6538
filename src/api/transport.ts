/**
 * One HTTP exchange with the DigitalOcean API, made safe: bearer auth, user agent, a timeout and
 * cancellation on every call, rate limiting, and retries only where repeating cannot hurt.
 *
 * Retry policy:
 *  - 429: always retried (the API did nothing), after `retry-after` or the budget reset;
 *  - 5xx except 501, network errors, timeouts and malformed bodies: retried for GET, HEAD, PUT and
 *    DELETE only. A POST may have created something before failing; repeating it can create a
 *    duplicate droplet that the user pays for, so it is never retried after it may have arrived;
 *  - a refused connection is retried for every method: the request never left.
 *  - a DELETE retried after an answer that never arrived (reset, timeout, 5xx) and then told 404
 *    succeeded: the first attempt did the delete.
 *  Backoff is exponential from `retryBaseMs`, capped at `retryMaxMs`, with jitter.
 *
 * Waits (rate limits, `retry-after`, back-off) never exceed `maxWaitMs` (60 s): a server that asks
 * for an hour does not freeze the client for an hour. Every wait is reported through `onWait` and
 * ends early, as a cancelled request, when the caller's signal fires or `cancelWaits()` is called.
 *
 * Only paths on the API's origin are requested: an absolute URL is refused before any header is
 * built, and a redirect is never followed (the token and a POST body would go with it).
 */
import { createFetch, type FetchResponse } from 'ofetch';
import { ApiError, type ApiErrorKind, kindForStatus, redact } from './errors';
import { RateLimiter, retryAfterMs } from './rateLimit';
import * as l10n from '@vscode/l10n';

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type QueryValue = string | number | boolean | undefined;

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
  timeoutMs?: number;
  /** `text` for endpoints that answer something other than JSON (kubeconfig YAML); `bytes` for files (a PDF), as a Uint8Array. */
  responseType?: 'json' | 'text' | 'bytes';
  /** Headers an endpoint asks for (`X-Dangerous: true`); never the Authorization header, which the transport sets. */
  headers?: Record<string, string>;
}

export interface ExchangeRecord {
  method: HttpMethod;
  path: string;
  status?: number;
  errorKind?: ApiErrorKind;
  attempt: number;
  durationMs: number;
  requestId?: string;
}

export interface WaitRecord {
  method: HttpMethod;
  path: string;
  /** How long this request waits before it (re)starts. */
  ms: number;
  /** `rate_limited`: the API's budget or a 429; `retry`: back-off after a failed attempt. */
  reason: 'rate_limited' | 'retry';
}

export interface TransportOptions {
  token: string | (() => string | Promise<string>);
  baseUrl?: string;
  userAgent?: string;
  timeoutMs?: number;
  maxRetries?: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
  rateLimiter?: RateLimiter;
  /** The longest a request waits for the rate limit or a retry, in ms (60 s by default). */
  maxWaitMs?: number;
  /** A fetch implementation; the global one by default (the demo account uses an in-process one). */
  fetch?: typeof globalThis.fetch;
  /** Called after every attempt; gets no headers and no token, so it is safe to log. */
  onExchange?: (record: ExchangeRecord) => void;
  /** Called when a request is about to wait (rate limit, retry-after, back-off). */
  onWait?: (record: WaitRecord) => void;
}

export const DEFAULT_API_URL = 'https://api.digitalocean.com';
const IDEMPOTENT: ReadonlySet<HttpMethod> = new Set(['GET', 'HEAD', 'PUT', 'DELETE']);

/** Throws unless the URL is https, or plain http to a loopback address. */
export function assertSafeBaseUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ApiError({ kind: 'client', message: l10n.t('The API URL "{0}" is not a valid URL.', raw) });
  }
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return url;
  throw new ApiError({
    kind: 'client',
    message: l10n.t('The API URL must use https (plain http is allowed only for loopback addresses): {0}', url.origin),
  });
}

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

export class Transport {
  readonly baseUrl: string;
  readonly rateLimiter: RateLimiter;
  private readonly opts: Required<Omit<TransportOptions, 'token' | 'rateLimiter' | 'fetch' | 'onExchange' | 'onWait' | 'baseUrl'>> &
    Pick<TransportOptions, 'onExchange' | 'onWait'>;
  private readonly token: () => Promise<string>;
  private readonly $fetch: ReturnType<typeof createFetch>;
  private lastToken?: string;
  /** Aborted by cancelWaits(): ends every wait under way, then replaced. */
  private waits = new AbortController();

  constructor(options: TransportOptions) {
    this.baseUrl = assertSafeBaseUrl(options.baseUrl ?? DEFAULT_API_URL).origin;
    const token = options.token;
    this.token = async () => (typeof token === 'function' ? await token() : token);
    this.rateLimiter = options.rateLimiter ?? new RateLimiter();
    this.opts = {
      userAgent: options.userAgent ?? 'digitalocean-explorer',
      timeoutMs: options.timeoutMs ?? 30_000,
      maxRetries: options.maxRetries ?? 4,
      retryBaseMs: options.retryBaseMs ?? 500,
      retryMaxMs: options.retryMaxMs ?? 30_000,
      maxWaitMs: options.maxWaitMs ?? 60_000,
      onExchange: options.onExchange,
      onWait: options.onWait,
    };
    const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.$fetch = createFetch({ fetch: fetchImpl, Headers: globalThis.Headers, AbortController: globalThis.AbortController });
  }

  async request<T>(method: HttpMethod, path: string, options: RequestOptions = {}): Promise<T> {
    this.assertApiPath(method, path);
    const token = await this.token();
    this.lastToken = token;
    let ambiguousDelete = false;
    for (let attempt = 0; ; attempt++) {
      await this.wait(Math.min(this.rateLimiter.schedule(), this.opts.maxWaitMs), 'rate_limited', method, path, options.signal);
      const started = Date.now();
      const outcome = await this.attempt<T>(method, path, options, token);
      this.opts.onExchange?.({
        method,
        path,
        status: outcome.status,
        errorKind: outcome.error?.kind,
        attempt,
        durationMs: Date.now() - started,
        requestId: outcome.error?.requestId ?? outcome.requestId,
      });
      if (!outcome.error) return outcome.value as T;
      // The earlier attempt may have deleted it before its answer was lost: gone is what was asked.
      if (ambiguousDelete && outcome.error.kind === 'not_found') return undefined as T;

      const waitMs = this.retryDelay(method, outcome, attempt);
      if (waitMs === undefined) throw outcome.error;
      if (method === 'DELETE' && !outcome.neverSent && outcome.error.kind !== 'rate_limited') ambiguousDelete = true;
      await this.wait(waitMs, outcome.error.kind === 'rate_limited' ? 'rate_limited' : 'retry', method, path, options.signal);
    }
  }

  /**
   * Ends every wait under way (rate limit, retry) with a cancelled error, and forgets a 429's
   * block: the user chose to stop waiting, so their next request (Retry) goes out at once.
   * Requests on the wire go on.
   */
  cancelWaits(): void {
    const current = this.waits;
    this.waits = new AbortController();
    this.rateLimiter.unblock();
    current.abort();
  }

  private async wait(ms: number, reason: WaitRecord['reason'], method: HttpMethod, path: string, signal?: AbortSignal): Promise<void> {
    if (ms <= 0) return;
    this.opts.onWait?.({ method, path, ms, reason });
    const waits = this.waits.signal;
    const either = new AbortController();
    const abort = () => either.abort();
    if (signal?.aborted || waits.aborted) abort();
    signal?.addEventListener('abort', abort, { once: true });
    waits.addEventListener('abort', abort, { once: true });
    try {
      await sleep(ms, either.signal, method, path);
    } finally {
      signal?.removeEventListener('abort', abort);
      waits.removeEventListener('abort', abort);
    }
  }

  /** Only paths on the API's own origin: an absolute or protocol-relative URL is refused before any header (and the token) is built. */
  private assertApiPath(method: HttpMethod, path: string): void {
    let sameOrigin = false;
    if (path.startsWith('/') && !path.startsWith('//') && !path.includes('\\')) {
      try {
        sameOrigin = new URL(path, this.baseUrl).origin === this.baseUrl;
      } catch {
        sameOrigin = false;
      }
    }
    if (!sameOrigin) {
      throw new ApiError({
        kind: 'client',
        message: l10n.t('Refused to send a request to "{0}": only paths on the DigitalOcean API ({1}) are requested.', path.slice(0, 100), this.baseUrl),
        method,
      });
    }
  }

  /** ms to wait before retrying, or undefined when the error is final. */
  private retryDelay(method: HttpMethod, outcome: Outcome<unknown>, attempt: number): number | undefined {
    const error = outcome.error!;
    if (attempt >= this.opts.maxRetries) return undefined;
    if (error.kind === 'rate_limited') {
      return outcome.headers ? this.rateLimiter.throttled(outcome.headers, this.opts.maxWaitMs) : this.backoff(attempt);
    }
    const safeToRepeat = IDEMPOTENT.has(method) || outcome.neverSent === true;
    if (!safeToRepeat) return undefined;
    const transient =
      (error.kind === 'server' && error.status !== 501) || error.kind === 'network' || error.kind === 'timeout' || error.kind === 'invalid_response';
    if (!transient) return undefined;
    const asked = outcome.headers ? retryAfterMs(outcome.headers, Date.now()) : undefined;
    return asked !== undefined ? Math.min(asked, this.opts.retryMaxMs) : this.backoff(attempt);
  }

  private backoff(attempt: number): number {
    const ceiling = Math.min(this.opts.retryMaxMs, this.opts.retryBaseMs * 2 ** attempt);
    return ceiling / 2 + Math.random() * (ceiling / 2);
  }

  /** One try: sent (with its time-out and cancellation), then its answer read. */
  private async attempt<T>(method: HttpMethod, path: string, options: RequestOptions, token: string): Promise<Outcome<T>> {
    const sent = await this.send(method, path, options, token);
    return 'failed' in sent ? sent.failed : this.classify<T>(method, path, options, sent.response);
  }

  /** Sends the request: the answer, or the outcome of a request that got none (cancelled, timed out, unreachable). */
  private async send(
    method: HttpMethod,
    path: string,
    options: RequestOptions,
    token: string,
  ): Promise<{ response: FetchResponse<string> } | { failed: Outcome<never> }> {
    const controller = new AbortController();
    let timedOut = false;
    const timeoutMs = options.timeoutMs ?? this.opts.timeoutMs;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const parent = options.signal;
    const onParentAbort = () => controller.abort();
    if (parent?.aborted) {
      clearTimeout(timer);
      return { failed: { error: this.error({ kind: 'cancelled', message: l10n.t('The request was cancelled.'), method, path }) } };
    }
    parent?.addEventListener('abort', onParentAbort, { once: true });

    let response: FetchResponse<string>;
    try {
      response = await this.$fetch.raw<string, 'text'>(path, {
        baseURL: this.baseUrl,
        method,
        query: options.query ? dropUndefined(options.query) : undefined,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        headers: {
          ...options.headers,
          Authorization: `Bearer ${token}`,
          'User-Agent': this.opts.userAgent,
          Accept: options.responseType && options.responseType !== 'json' ? '*/*' : 'application/json',
          ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        responseType: (options.responseType === 'bytes' ? 'arrayBuffer' : 'text') as 'text',
        retry: false,
        ignoreResponseError: true,
        redirect: 'manual',
        signal: controller.signal,
      });
    } catch (error) {
      if (parent?.aborted) {
        return { failed: { error: this.error({ kind: 'cancelled', message: l10n.t('The request was cancelled.'), method, path }) } };
      }
      if (timedOut) {
        return {
          failed: {
            error: this.error({ kind: 'timeout', message: l10n.t('No answer from the DigitalOcean API within {0} s.', timeoutMs / 1000), method, path }),
          },
        };
      }
      const code = networkCode(error);
      const failed = {
        neverSent: code === 'ECONNREFUSED',
        error: this.error({
          kind: 'network',
          message: l10n.t('Could not reach the DigitalOcean API ({0}).', code ?? 'network error'),
          method,
          path,
          cause: code,
        }),
      };
      return { failed };
    } finally {
      clearTimeout(timer);
      parent?.removeEventListener('abort', onParentAbort);
    }
    return { response };
  }

  /** What an answer means: the value, or a typed error (a redirect not followed, an API error, a body that is not JSON). */
  private classify<T>(method: HttpMethod, path: string, options: RequestOptions, response: FetchResponse<string>): Outcome<T> {
    const headers = response.headers;
    this.rateLimiter.observe(headers, response.status);
    const requestIdHeader = this.redacted(headers.get('x-request-id') ?? undefined);
    const data: unknown = response._data;
    const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : undefined;
    const text = bytes ? (response.status >= 400 ? new TextDecoder().decode(bytes) : '') : ((data as string | undefined) ?? '');

    // fetch with redirect "manual": Node shows the 3xx, a browser an opaque redirect (status 0)
    if ((response.status >= 300 && response.status < 400) || response.type === 'opaqueredirect' || response.status === 0) {
      const location = headers.get('location');
      let where = l10n.t('another address');
      try {
        if (location) where = new URL(location, this.baseUrl).origin;
      } catch {
        // unparsable Location: say nothing more of it
      }
      return {
        status: response.status,
        headers,
        error: this.error({
          kind: 'redirected',
          status: response.status || undefined,
          message: l10n.t(
            'The DigitalOcean API answered with a redirect to {0}; it was not followed, since requests and the token go only to {1}.',
            where,
            this.baseUrl,
          ),
          requestId: requestIdHeader,
          method,
          path,
        }),
      };
    }

    if (response.status >= 400) {
      const body = parseJsonObject(text);
      const apiMessage = typeof body?.message === 'string' ? body.message : problemDetails(body);
      return {
        status: response.status,
        headers,
        error: this.error({
          kind: kindForStatus(response.status),
          status: response.status,
          id: typeof body?.id === 'string' ? body.id : undefined,
          message: apiMessage || l10n.t('The DigitalOcean API answered HTTP {0}.', response.status),
          requestId: typeof body?.request_id === 'string' && body.request_id ? body.request_id : requestIdHeader,
          retryAfterSeconds: retrySeconds(headers),
          method,
          path,
        }),
      };
    }

    if (options.responseType === 'text' || bytes) {
      return { status: response.status, value: (bytes ?? text) as T, requestId: requestIdHeader };
    }
    if (response.status === 204 || text.trim() === '') {
      return { status: response.status, value: undefined as T, requestId: requestIdHeader };
    }
    const parsed = parseJsonObject(text);
    if (!parsed) {
      return {
        status: response.status,
        headers,
        error: this.error({
          kind: 'invalid_response',
          status: response.status,
          message: l10n.t('The DigitalOcean API sent an answer that is not valid JSON.'),
          requestId: requestIdHeader,
          method,
          path,
        }),
      };
    }
    return { status: response.status, value: parsed as T, requestId: requestIdHeader };
  }

  /** Builds an error whose texts have the token removed: every string kept from a response. */
  private error(details: ConstructorParameters<typeof ApiError>[0]): ApiError {
    return new ApiError({
      ...details,
      message: redact(details.message, [this.lastToken]),
      id: this.redacted(details.id),
      requestId: this.redacted(details.requestId),
    });
  }

  private redacted(text: string | undefined): string | undefined {
    return text === undefined ? undefined : redact(text, [this.lastToken]);
  }
}

interface Outcome<T> {
  value?: T;
  error?: ApiError;
  status?: number;
  headers?: Headers;
  requestId?: string;
  /** True when the request certainly never reached the server. */
  neverSent?: boolean;
}

function dropUndefined(query: Record<string, QueryValue>): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) out[key] = value;
  }
  return out;
}

function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The text of an RFC 7807 problem body (as proxies answer): title, detail, validation messages. */
function problemDetails(body: Record<string, unknown> | undefined): string | undefined {
  if (!body || typeof body.title !== 'string') return undefined;
  const parts = [body.title, typeof body.detail === 'string' ? body.detail : undefined];
  if (Array.isArray(body.validation)) {
    for (const v of body.validation.slice(0, 3)) {
      if (v && typeof v === 'object' && typeof (v as { message?: unknown }).message === 'string') parts.push((v as { message: string }).message);
    }
  }
  return parts.filter(Boolean).join(' — ');
}

function retrySeconds(headers: Headers): number | undefined {
  const ms = retryAfterMs(headers, Date.now());
  return ms === undefined ? undefined : Math.ceil(ms / 1000);
}

/** The system error code (ECONNREFUSED, ECONNRESET, …) somewhere in a fetch error's cause chain. */
function networkCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^E[A-Z_]+$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Waits, unless the signal fires first (then throws a cancelled ApiError). */
export function sleep(ms: number, signal?: AbortSignal, method?: string, path?: string): Promise<void> {
  const cancelled = () => new ApiError({ kind: 'cancelled', message: l10n.t('The request was cancelled.'), method, path });
  if (signal?.aborted) return Promise.reject(cancelled());
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(cancelled());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
