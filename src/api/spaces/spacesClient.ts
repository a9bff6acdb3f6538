/**
 * The S3 client for Spaces (no vscode here), a bundle of its own (dist/spaces.js) loaded when
 * Spaces are first used: signing is aws4fetch's (AWS Signature V4, fetch-based, also in
 * browsers), answers are XML read with fast-xml-parser. Requests go path-style to
 * `https://<region>.digitaloceanspaces.com` (or the endpoint configured for a region), signed
 * for region `us-east-1`, as DigitalOcean's docs tell S3 tools to: the endpoint picks the region
 * (a Spaces region in the signature makes S3-compatible servers refuse to create buckets). Failures are {@link ApiError}s like the API's: S3's error code,
 * message and request id.
 */
import { md5 as md5Of } from '@noble/hashes/legacy.js';
import { AwsClient } from 'aws4fetch';
import { XMLParser } from 'fast-xml-parser';
import { ApiError, BROWSER_BLOCKED, kindForStatus } from '../errors';
import { sleep } from '../transport';
import { contentTypeOf } from './contentType';
import { type CorsRule, corsXml } from './spacesCors';
import {
  type Bucket,
  type ListingPage,
  type ObjectHead,
  type SpacesCredentials,
  type SpacesObject,
  defaultEndpoint,
  encodeKey,
  unsafeKeyReason,
} from './spaces';

/** The ApiError id of a request refused before it was sent because a name would make it act elsewhere. */
export const UNSAFE_NAME = 'unsafe_name';
import * as l10n from '@vscode/l10n';

export interface SpacesClientOptions {
  credentials: SpacesCredentials;
  /** The endpoint of a region: `https://nyc3.digitaloceanspaces.com` unless configured otherwise. */
  endpointFor?: (region: string) => string;
  fetch?: typeof globalThis.fetch;
  /** Each request's time limit; a part upload gets four times as long. */
  timeoutMs?: number;
  /**
   * In a browser, the editor's origin: a request that gets no answer there is reported as what it
   * most likely is, the bucket's CORS rules not allowing that origin (the browser does not say).
   */
  browserOrigin?: string;
}

const xml = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: false,
  isArray: (name) =>
    [
      'Bucket',
      'Contents',
      'CommonPrefixes',
      'Upload',
      'Part',
      'CORSRule',
      'Rule',
      'AllowedOrigin',
      'AllowedMethod',
      'AllowedHeader',
      'ExposeHeader',
      'Deleted',
      'Error',
    ].includes(name),
});

type Xml = Record<string, unknown>;

function parse(text: string): Xml {
  try {
    return xml.parse(text) as Xml;
  } catch (cause) {
    throw new ApiError({ kind: 'invalid_response', message: l10n.t('Spaces answered with XML that could not be read.'), cause });
  }
}

function str(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}

function arr(value: unknown): Xml[] {
  return Array.isArray(value) ? (value as Xml[]) : value ? [value as Xml] : [];
}

const unquote = (etag: string) => etag.replace(/^"|"$/g, '');

/** Completions asked for before the object is looked at instead. */
const COMPLETE_ATTEMPTS = 3;
/** No bucket needs more pages of 1,000 than this (20 million objects): past it a listing is taken as endless. */
const MAX_LISTING_PAGES = 20_000;
/** Pages in a row with no key or prefix not seen before, after which a listing is taken as endless. */
const MAX_STALLED_PAGES = 3;

type RequestTarget = { bucket?: string; key?: string; query?: Record<string, string | undefined> };
type SpacesRequestInit = { headers?: Record<string, string>; body?: BodyInit | Uint8Array; signal?: AbortSignal; timeoutMs?: number; allow404?: boolean };

/** Tries of a request answered "slow down" (503 SlowDown, 429), and the pauses between them. */
const SLOW_DOWN_ATTEMPTS = 5;
const SLOW_DOWN_PAUSE_MS = 500;
const SLOW_DOWN_MAX_PAUSE_MS = 20_000;

/**
 * An answer's body, read to its end. A connection that breaks off mid-body rejects with fetch's
 * own untyped error ("TypeError: terminated"); it becomes the client's typed one, as a failure
 * before the answer does (a cancel or a timeout while reading, likewise).
 */
export async function bodyOf<T>(response: Response, read: (response: Response) => Promise<T>): Promise<T> {
  try {
    return await read(response);
  } catch (cause) {
    if (cause instanceof ApiError) throw cause;
    const path = response.url ? new URL(response.url).pathname : undefined;
    const name = (cause as { name?: unknown } | undefined)?.name;
    if (name === 'AbortError') throw new ApiError({ kind: 'cancelled', message: l10n.t('Cancelled.'), path, cause });
    if (name === 'TimeoutError')
      throw new ApiError({ kind: 'timeout', message: l10n.t('Spaces stopped sending its answer to {0} in time.', path ?? ''), path, cause });
    const why = cause instanceof Error ? (cause.cause instanceof Error ? cause.cause.message : cause.message) : String(cause);
    throw new ApiError({ kind: 'network', message: l10n.t('The answer of Spaces broke off ({0}).', why), path, cause });
  }
}

export class SpacesClient {
  private readonly signer: AwsClient;
  private readonly endpointFor: (region: string) => string;
  private readonly fetchImpl: typeof globalThis.fetch;
  private readonly timeoutMs: number;

  constructor(private readonly options: SpacesClientOptions) {
    // Retries are ours (the part uploads count and report theirs); aws4fetch's would hide them.
    this.signer = new AwsClient({
      accessKeyId: options.credentials.accessKey,
      secretAccessKey: options.credentials.secretKey,
      service: 's3',
      region: 'us-east-1',
      retries: 0,
    });
    this.endpointFor = options.endpointFor ?? defaultEndpoint;
    this.fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  get accessKey(): string {
    return this.options.credentials.accessKey;
  }

  /** The public (path-style) URL of an object; what "Copy URL" gives. */
  objectUrl(region: string, bucket: string, key: string): string {
    this.url(region, bucket, key); // refuses a name that would make the URL name another place
    const endpoint = this.endpointFor(region);
    if (endpoint === defaultEndpoint(region)) return `https://${bucket}.${region}.digitaloceanspaces.com/${encodeKey(key)}`;
    return `${endpoint.replace(/\/+$/, '')}/${bucket}/${encodeKey(key)}`;
  }

  private url(region: string, bucket?: string, key?: string, query?: Record<string, string | undefined>): string {
    let url = this.endpointFor(region).replace(/\/+$/, '');
    if (bucket) url += `/${encodeURIComponent(bucket)}`;
    if (key !== undefined) url += `/${encodeKey(key)}`;
    const q = Object.entries(query ?? {}).map(([k, v]) => (v === undefined ? encodeURIComponent(k) : `${encodeURIComponent(k)}=${encodeURIComponent(v)}`));
    const full = q.length ? `${url}?${q.join('&')}` : url;
    this.checkPath(full, region, bucket, key);
    return full;
  }

  /**
   * Refuses a request whose path, once parsed as the URL it will be sent as (and signed as), is
   * not exactly `/<bucket>/<encoded key>`: a bucket or key from a listing (someone else's text)
   * with `.`/`..` parts would otherwise act on another key or bucket (S3 signs and serves the
   * parsed path). Checked before signing.
   */
  private checkPath(url: string, region: string, bucket?: string, key?: string): void {
    const base = new URL(this.endpointFor(region)).pathname.replace(/\/+$/, '');
    const expected = `${base}${bucket ? `/${encodeURIComponent(bucket)}` : ''}${key !== undefined ? `/${encodeKey(key)}` : ''}` || '/';
    const reason = key !== undefined ? unsafeKeyReason(key) : undefined;
    if (new URL(url).pathname !== expected || reason || (bucket !== undefined && (bucket === '.' || bucket === '..' || bucket.includes('/')))) {
      const what = key !== undefined ? `${bucket}/${key}` : String(bucket);
      throw new ApiError({
        kind: 'client',
        id: UNSAFE_NAME,
        message: l10n.t(
          'Not sent: the name {0} cannot be used in a request safely ({1}).',
          JSON.stringify(what),
          reason ?? l10n.t('the URL would name another place'),
        ),
      });
    }
  }

  /**
   * A request whose answer's body nobody reads: the body is read to its end here. Left unread, a
   * server closing the connection after it trips an uncatchable assertion in Node's fetch (undici
   * #5360, `assert(!this.paused)`), seen once with moto in the integration suite.
   */
  private async done(...args: Parameters<SpacesClient['request']>): Promise<Headers> {
    const response = await this.request(...args);
    await response.arrayBuffer().catch(() => undefined);
    return response.headers;
  }

  /**
   * One signed request; a non-2xx answer becomes an ApiError with S3's code and request id. An
   * answer that asks to slow down (503 SlowDown, 429) is tried again, signed anew, after its
   * Retry-After or a growing pause — S3 did none of the work, so any request may be repeated —
   * unless the body is a stream that cannot be sent twice.
   */
  async request(method: string, region: string, target: RequestTarget, init: SpacesRequestInit = {}): Promise<Response> {
    const replayable = init.body === undefined || typeof init.body === 'string' || init.body instanceof Uint8Array;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.requestOnce(method, region, target, init);
      } catch (error) {
        const slowDown = error instanceof ApiError && (error.status === 503 || error.status === 429);
        if (!slowDown || !replayable || attempt >= SLOW_DOWN_ATTEMPTS) throw error;
        const asked = (error as ApiError & { retryAfterMs?: number }).retryAfterMs;
        const pause = Math.min(asked ?? SLOW_DOWN_PAUSE_MS * 2 ** (attempt - 1) * (0.5 + Math.random()), SLOW_DOWN_MAX_PAUSE_MS);
        await sleep(pause, init.signal, method, error.path);
      }
    }
  }

  private async requestOnce(method: string, region: string, target: RequestTarget, init: SpacesRequestInit): Promise<Response> {
    const url = this.url(region, target.bucket, target.key, target.query);
    const path = new URL(url).pathname;
    const timeout = AbortSignal.timeout(init.timeoutMs ?? this.timeoutMs);
    const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    const signed = await this.signer.sign(url, { method, headers: init.headers, body: init.body as BodyInit | undefined });
    let response: Response;
    try {
      response = await this.fetchImpl(signed.url, {
        method,
        headers: signed.headers,
        body: init.body as BodyInit | undefined,
        signal,
        redirect: 'manual',
        ...(init.body ? { duplex: 'half' } : {}),
      } as RequestInit);
    } catch (cause) {
      if (init.signal?.aborted) throw new ApiError({ kind: 'cancelled', message: l10n.t('Cancelled.'), method, path, cause });
      if (timeout.aborted)
        throw new ApiError({
          kind: 'timeout',
          message: l10n.t('Spaces did not answer {0} {1} within {2} s.', method, path, Math.round((init.timeoutMs ?? this.timeoutMs) / 1000)),
          method,
          path,
          cause,
        });
      if (this.options.browserOrigin) {
        const where = target.bucket ? l10n.t('bucket {0} in {1}', target.bucket, region) : l10n.t('Spaces in {0}', region);
        throw new ApiError({
          kind: 'network',
          id: BROWSER_BLOCKED,
          message: l10n.t(
            'The browser blocked the answer of {0}: its CORS rules do not allow this editor ({1}), or the network is down.',
            where,
            this.options.browserOrigin,
          ),
          method,
          path,
          cause,
        });
      }
      throw new ApiError({
        kind: 'network',
        message: l10n.t(
          'Could not reach Spaces ({0}): {1}',
          region,
          cause instanceof Error ? (cause.cause instanceof Error ? cause.cause.message : cause.message) : String(cause),
        ),
        method,
        path,
        cause,
      });
    }
    if (response.ok) return response;
    if (init.allow404 && response.status === 404) {
      await response.body?.cancel().catch(() => undefined); // nobody reads a 404's body: see done()
      return response;
    }
    const text = await response.text().catch(() => '');
    const error = (text.trimStart().startsWith('<') ? arr(parse(text).Error)[0] : undefined) ?? {};
    const code = str(error.Code) || `HTTP ${response.status}`;
    const message = str(error.Message) || (response.status === 404 ? l10n.t('Not found.') : response.statusText || l10n.t('Spaces refused the request.'));
    const failure = new ApiError({
      kind: response.status >= 300 && response.status < 400 ? 'redirected' : kindForStatus(response.status),
      status: response.status,
      id: code,
      message,
      requestId: str(error.RequestId) || response.headers.get('x-amz-request-id') || undefined,
      method,
      path,
    });
    const retryAfter = Number(response.headers.get('retry-after'));
    if (response.headers.has('retry-after') && Number.isFinite(retryAfter) && retryAfter >= 0) Object.assign(failure, { retryAfterMs: retryAfter * 1000 });
    throw failure;
  }

  private async xmlOf(response: Response): Promise<Xml> {
    return parse(await bodyOf(response, (r) => r.text()));
  }

  // ---- buckets -----------------------------------------------------------------------------------

  /** The buckets an endpoint lists. */
  async listBuckets(region: string, signal?: AbortSignal): Promise<Bucket[]> {
    const doc = await this.xmlOf(await this.request('GET', region, {}, { signal }));
    const result = (doc.ListAllMyBucketsResult ?? {}) as Xml;
    return arr((result.Buckets as Xml | undefined)?.Bucket).map((b) => ({ name: str(b.Name), created: str(b.CreationDate) || undefined, region }));
  }

  /** The region a bucket says it is in (LocationConstraint), or undefined when it does not say. */
  async bucketRegion(region: string, bucket: string, signal?: AbortSignal): Promise<string | undefined> {
    const doc = await this.xmlOf(await this.request('GET', region, { bucket, query: { location: undefined } }, { signal }));
    return str(doc.LocationConstraint).trim() || undefined;
  }

  /** A new bucket in the region whose endpoint is asked (Spaces take the region from the endpoint). */
  async createBucket(region: string, bucket: string, signal?: AbortSignal): Promise<void> {
    await this.done('PUT', region, { bucket }, { signal });
  }

  async deleteBucket(region: string, bucket: string, signal?: AbortSignal): Promise<void> {
    await this.done('DELETE', region, { bucket }, { signal });
  }

  /** The bucket's CORS rules as S3 gives them, or [] when it has none. */
  async corsRules(region: string, bucket: string, signal?: AbortSignal): Promise<CorsRule[]> {
    const response = await this.request('GET', region, { bucket, query: { cors: undefined } }, { signal, allow404: true });
    if (response.status === 404) return [];
    const doc = await this.xmlOf(response);
    return arr((doc.CORSConfiguration as Xml | undefined)?.CORSRule).map((r) => ({
      id: str(r.ID) || undefined,
      origins: arr(r.AllowedOrigin).map(str),
      methods: arr(r.AllowedMethod).map(str),
      headers: arr(r.AllowedHeader).map(str),
      exposeHeaders: arr(r.ExposeHeader).map(str),
      maxAgeSeconds: r.MaxAgeSeconds === undefined ? undefined : Number(r.MaxAgeSeconds),
    }));
  }

  /** Replaces the bucket's CORS rules (S3 wants the body's Content-MD5). */
  async putCorsRules(region: string, bucket: string, rules: readonly CorsRule[], signal?: AbortSignal): Promise<void> {
    const body = corsXml(rules);
    const md5 = btoa(String.fromCharCode(...md5Of(new TextEncoder().encode(body))));
    await this.done(
      'PUT',
      region,
      { bucket, query: { cors: undefined } },
      { body, headers: { 'content-type': 'application/xml', 'content-md5': md5 }, signal },
    );
  }

  /** The bucket's lifecycle rules as S3 gives them, or [] when it has none. */
  async lifecycleRules(
    region: string,
    bucket: string,
    signal?: AbortSignal,
  ): Promise<{ id: string; prefix: string; enabled: boolean; expirationDays?: number; abortIncompleteDays?: number }[]> {
    const response = await this.request('GET', region, { bucket, query: { lifecycle: undefined } }, { signal, allow404: true });
    if (response.status === 404) return [];
    const doc = await this.xmlOf(response);
    return arr((doc.LifecycleConfiguration as Xml | undefined)?.Rule).map((r) => {
      const filter = (r.Filter ?? {}) as Xml;
      const expiration = (r.Expiration ?? {}) as Xml;
      const abort = (r.AbortIncompleteMultipartUpload ?? {}) as Xml;
      return {
        id: str(r.ID),
        prefix: str(r.Prefix ?? filter.Prefix),
        enabled: str(r.Status) === 'Enabled',
        expirationDays: expiration.Days === undefined ? undefined : Number(expiration.Days),
        abortIncompleteDays: abort.DaysAfterInitiation === undefined ? undefined : Number(abort.DaysAfterInitiation),
      };
    });
  }

  // ---- listing -----------------------------------------------------------------------------------

  /**
   * One page (up to `maxKeys`, S3's own limit being 1,000) of what is directly under `prefix`
   * (with `delimiter` "/"), or of everything under it (`delimiter` undefined).
   */
  async listPage(
    region: string,
    bucket: string,
    prefix: string,
    options: { token?: string; delimiter?: string; maxKeys?: number; signal?: AbortSignal } = {},
  ): Promise<ListingPage> {
    return this.readPage(await this.pageText(region, bucket, prefix, options), bucket, prefix, options.token);
  }

  /** A listing page's XML, as the server sent it. */
  private async pageText(
    region: string,
    bucket: string,
    prefix: string,
    options: { token?: string; delimiter?: string; maxKeys?: number; signal?: AbortSignal },
  ): Promise<string> {
    const query: Record<string, string | undefined> = { 'list-type': '2', prefix, 'max-keys': String(options.maxKeys ?? 1000) };
    if (options.delimiter !== undefined) query.delimiter = options.delimiter;
    if (options.token) query['continuation-token'] = options.token;
    return bodyOf(await this.request('GET', region, { bucket, query }, { signal: options.signal }), (r) => r.text());
  }

  /** A listing page read from its XML (`token`: the one it was asked with), checked. */
  private readPage(text: string, bucket: string, prefix: string, token: string | undefined): ListingPage {
    const result = (parse(text).ListBucketResult ?? {}) as Xml;
    const truncated = str(result.IsTruncated) === 'true';
    const nextToken = str(result.NextContinuationToken) || undefined;
    if (truncated && !nextToken)
      throw new ApiError({
        kind: 'invalid_response',
        message: l10n.t('Spaces said the listing of {0}/{1} goes on but gave no continuation token.', bucket, prefix),
      });
    if (nextToken && nextToken === token)
      throw new ApiError({ kind: 'invalid_response', message: l10n.t('Spaces gave the same continuation token twice for {0}/{1}.', bucket, prefix) });
    return {
      prefixes: arr(result.CommonPrefixes).map((p) => str(p.Prefix)),
      objects: arr(result.Contents).map((o) => ({
        key: str(o.Key),
        size: Number(o.Size ?? 0),
        lastModified: str(o.LastModified),
        etag: unquote(str(o.ETag)),
        storageClass: str(o.StorageClass) || undefined,
      })),
      nextToken: truncated ? nextToken : undefined,
    };
  }

  /**
   * Every page of a listing, followed until it ends — and stopped with a typed error when it
   * would not: a continuation token seen before (A→B→A), pages that bring no key or prefix not
   * seen already (a server handing out fresh tokens forever), or more pages than any bucket has.
   *
   * Pages follow tokens, one after another; so that reading a page (1,000 keys of XML) does not
   * add to the wait for the next, the next page is asked for as soon as its token is seen in the
   * text (peekNextToken), while the page is read. The token the page is read with decides: when
   * they differ, or a check stops the listing, the request made ahead is cancelled.
   */
  async *pages(
    region: string,
    bucket: string,
    prefix: string,
    options: { delimiter?: string; signal?: AbortSignal; maxPages?: number } = {},
  ): AsyncGenerator<ListingPage> {
    const tokens = new Set<string>();
    const seen = new Set<string>();
    const maxPages = options.maxPages ?? MAX_LISTING_PAGES;
    let stalled = 0;
    let token: string | undefined;
    const ask = (t: string | undefined) => {
      const controller = new AbortController();
      const stop = () => controller.abort(options.signal?.reason);
      options.signal?.addEventListener('abort', stop, { once: true });
      const text = this.pageText(region, bucket, prefix, { token: t, delimiter: options.delimiter, signal: controller.signal }).finally(() =>
        options.signal?.removeEventListener('abort', stop),
      );
      // a request made ahead and then cancelled is nobody's failure
      text.catch(() => undefined);
      return { token: t, text, cancel: () => controller.abort() };
    };
    let pending: ReturnType<typeof ask> | undefined = ask(undefined);
    try {
      for (let n = 1; ; n++) {
        const text = await pending!.text;
        pending = undefined;
        const ahead = peekNextToken(text);
        if (ahead && ahead !== token && !tokens.has(ahead) && n < maxPages) pending = ask(ahead);
        const page = this.readPage(text, bucket, prefix, token);
        if (pending && pending.token !== page.nextToken) {
          pending.cancel();
          pending = undefined;
        }
        yield page;
        if (!page.nextToken) return;
        const lie = (message: string) =>
          new ApiError({ kind: 'invalid_response', message: l10n.t('The listing of {0}/{1} does not end: {2}', bucket, prefix, message) });
        if (tokens.has(page.nextToken)) throw lie(l10n.t('page {0} gave a continuation token it had given before.', n));
        tokens.add(page.nextToken);
        const before = seen.size;
        for (const o of page.objects) seen.add(`o:${o.key}`);
        for (const p of page.prefixes) seen.add(`p:${p}`);
        stalled = seen.size > before ? 0 : stalled + 1;
        if (stalled >= MAX_STALLED_PAGES) throw lie(l10n.t('{0} pages in a row brought nothing new.', stalled));
        if (n >= maxPages) throw lie(l10n.t('more than {0} pages.', maxPages.toLocaleString('en-US')));
        token = page.nextToken;
        pending ??= ask(token);
      }
    } finally {
      // the listing ended, failed, or its reader stopped: nothing asked ahead goes on
      pending?.cancel();
    }
  }

  /** Every object under a prefix (no delimiter), following the pages. */
  async listAll(region: string, bucket: string, prefix: string, signal?: AbortSignal, onPage?: (count: number) => void): Promise<SpacesObject[]> {
    const all: SpacesObject[] = [];
    for await (const page of this.pages(region, bucket, prefix, { signal })) {
      all.push(...page.objects);
      onPage?.(all.length);
    }
    return all;
  }

  // ---- objects -----------------------------------------------------------------------------------

  /** The object's size and ETag, or undefined when there is none. */
  async head(region: string, bucket: string, key: string, signal?: AbortSignal): Promise<ObjectHead | undefined> {
    const response = await this.request('HEAD', region, { bucket, key }, { signal, allow404: true });
    if (response.status === 404) return undefined;
    return {
      size: Number(response.headers.get('content-length') ?? 0),
      etag: unquote(response.headers.get('etag') ?? ''),
      lastModified: response.headers.get('last-modified') ?? '',
      contentType: response.headers.get('content-type') ?? undefined,
    };
  }

  async get(region: string, bucket: string, key: string, signal?: AbortSignal): Promise<{ body: Uint8Array; etag: string }> {
    const response = await this.request('GET', region, { bucket, key }, { signal, timeoutMs: this.timeoutMs * 10 });
    return { body: new Uint8Array(await bodyOf(response, (r) => r.arrayBuffer())), etag: unquote(response.headers.get('etag') ?? '') };
  }

  /** The response itself, for downloads that stream to a file. */
  async getStream(region: string, bucket: string, key: string, signal?: AbortSignal): Promise<Response> {
    return this.request('GET', region, { bucket, key }, { signal, timeoutMs: 3_600_000 });
  }

  async put(
    region: string,
    bucket: string,
    key: string,
    body: Uint8Array,
    options: { contentType?: string; acl?: 'private' | 'public-read'; signal?: AbortSignal } = {},
  ): Promise<string> {
    const headers: Record<string, string> = { 'content-type': options.contentType ?? contentTypeOf(key) };
    if (options.acl) headers['x-amz-acl'] = options.acl;
    const answer = await this.done('PUT', region, { bucket, key }, { body, headers, signal: options.signal, timeoutMs: this.timeoutMs * 10 });
    return unquote(answer.get('etag') ?? '');
  }

  async copy(region: string, bucket: string, fromKey: string, toKey: string, signal?: AbortSignal): Promise<void> {
    this.url(region, bucket, fromKey); // the copy's source is refused like any request's
    const response = await this.request(
      'PUT',
      region,
      { bucket, key: toKey },
      { headers: { 'x-amz-copy-source': `/${bucket}/${encodeKey(fromKey)}` }, signal, timeoutMs: this.timeoutMs * 10 },
    );
    // S3 may answer 200 with an error in the body when a copy fails late
    const doc = await this.xmlOf(response);
    const failure = arr(doc.Error)[0];
    if (failure)
      throw new ApiError({ kind: 'server', status: 200, id: str(failure.Code), message: str(failure.Message) || l10n.t('Copying {0} failed.', fromKey) });
  }

  async delete(region: string, bucket: string, key: string, signal?: AbortSignal): Promise<void> {
    await this.done('DELETE', region, { bucket, key }, { signal });
  }

  /** Deletes keys in batches of 1,000 (DeleteObjects); rejects with the first key S3 refused. */
  async deleteMany(region: string, bucket: string, keys: readonly string[], signal?: AbortSignal, onProgress?: (done: number) => void): Promise<void> {
    let done = 0;
    for (let i = 0; i < keys.length; i += 1000) {
      const batch = keys.slice(i, i + 1000);
      const body = `<Delete><Quiet>true</Quiet>${batch.map((k) => `<Object><Key>${escapeXml(k)}</Key></Object>`).join('')}</Delete>`;
      // @noble/hashes, not node:crypto: the same client serves the browser build (no MD5 in WebCrypto)
      const md5 = btoa(String.fromCharCode(...md5Of(new TextEncoder().encode(body))));
      const doc = await this.xmlOf(
        await this.request(
          'POST',
          region,
          { bucket, query: { delete: undefined } },
          { body, headers: { 'content-type': 'application/xml', 'content-md5': md5 }, signal },
        ),
      );
      const errors = arr((doc.DeleteResult as Xml | undefined)?.Error);
      if (errors.length) {
        throw new ApiError({
          kind: 'client',
          id: str(errors[0].Code),
          message: l10n.t('{0} of {1} deleted; {2} was not: {3}', done + batch.length - errors.length, keys.length, str(errors[0].Key), str(errors[0].Message)),
        });
      }
      done += batch.length;
      onProgress?.(done);
    }
  }

  /** Makes an object public (`public-read`) or private. */
  async setAcl(region: string, bucket: string, key: string, acl: 'private' | 'public-read', signal?: AbortSignal): Promise<void> {
    await this.done('PUT', region, { bucket, key, query: { acl: undefined } }, { headers: { 'x-amz-acl': acl }, signal });
  }

  /** Whether everyone may read the object (a READ grant to AllUsers). */
  async isPublic(region: string, bucket: string, key: string, signal?: AbortSignal): Promise<boolean> {
    const text = await bodyOf(await this.request('GET', region, { bucket, key, query: { acl: undefined } }, { signal }), (r) => r.text());
    return /global\/AllUsers<\/URI>\s*<\/Grantee>\s*<Permission>(READ|FULL_CONTROL)</.test(text.replace(/\n/g, ''));
  }

  /** A URL anyone can GET until it expires (at most 7 days, S3's limit). */
  async presign(region: string, bucket: string, key: string, expiresSeconds: number): Promise<string> {
    if (!Number.isInteger(expiresSeconds) || expiresSeconds < 1 || expiresSeconds > 604_800)
      throw new Error(l10n.t('A presigned URL lasts from 1 second to 7 days.'));
    const url = `${this.url(region, bucket, key)}?X-Amz-Expires=${expiresSeconds}`;
    const signed = await this.signer.sign(url, { method: 'GET', aws: { signQuery: true } });
    // what is handed out must name the object it was asked for, and nothing else
    this.checkPath(signed.url.split('?')[0], region, bucket, key);
    return signed.url;
  }

  // ---- multipart ---------------------------------------------------------------------------------

  async createMultipart(region: string, bucket: string, key: string, contentType?: string, signal?: AbortSignal): Promise<string> {
    const doc = await this.xmlOf(
      await this.request(
        'POST',
        region,
        { bucket, key, query: { uploads: undefined } },
        { headers: { 'content-type': contentType ?? contentTypeOf(key) }, signal },
      ),
    );
    const id = str((doc.InitiateMultipartUploadResult as Xml | undefined)?.UploadId);
    if (!id) throw new ApiError({ kind: 'invalid_response', message: l10n.t('Spaces started no multipart upload for {0}.', key) });
    return id;
  }

  async uploadPart(region: string, bucket: string, key: string, uploadId: string, partNumber: number, body: Uint8Array, signal?: AbortSignal): Promise<string> {
    const answer = await this.done(
      'PUT',
      region,
      { bucket, key, query: { partNumber: String(partNumber), uploadId } },
      { body, signal, timeoutMs: this.timeoutMs * 4 },
    );
    const etag = answer.get('etag');
    if (!etag) throw new ApiError({ kind: 'invalid_response', message: l10n.t('Spaces gave no ETag for part {0} of {1}.', partNumber, key) });
    return unquote(etag);
  }

  /**
   * Completes a multipart upload. Only a parsed <CompleteMultipartUploadResult> is success: a 200
   * whose body is blank or cut (S3 sends whitespace while it works, then the result, or an
   * <Error>) is asked again — completing is safe to repeat — and when that still gives no result,
   * the object is looked at: there with an ETag of this many parts, the upload is done; otherwise
   * a typed error, and the caller aborts the upload so that no parts stay behind.
   */
  async completeMultipart(
    region: string,
    bucket: string,
    key: string,
    uploadId: string,
    parts: readonly { partNumber: number; etag: string }[],
    signal?: AbortSignal,
  ): Promise<string> {
    const body = `<CompleteMultipartUpload>${parts.map((p) => `<Part><PartNumber>${p.partNumber}</PartNumber><ETag>"${p.etag}"</ETag></Part>`).join('')}</CompleteMultipartUpload>`;
    for (let attempt = 1; attempt <= COMPLETE_ATTEMPTS; attempt++) {
      let doc: Xml;
      try {
        const response = await this.request(
          'POST',
          region,
          { bucket, key, query: { uploadId } },
          { body, headers: { 'content-type': 'application/xml' }, signal, timeoutMs: this.timeoutMs * 4 },
        );
        doc = await this.xmlOf(response);
      } catch (error) {
        // a repeat after an unreadable answer: the upload may have completed then
        if (attempt > 1 && error instanceof ApiError && error.id === 'NoSuchUpload') break;
        // an answer that broke off (or never came): repeating Complete is safe, and says which it was
        if (attempt < COMPLETE_ATTEMPTS && error instanceof ApiError && (error.kind === 'network' || error.kind === 'timeout')) continue;
        throw error;
      }
      const failure = arr(doc.Error)[0];
      if (failure)
        throw new ApiError({
          kind: 'server',
          status: 200,
          id: str(failure.Code),
          message: str(failure.Message) || l10n.t('Completing the upload of {0} failed.', key),
        });
      const result = doc.CompleteMultipartUploadResult as Xml | undefined;
      if (result && typeof result === 'object') return unquote(str(result.ETag));
    }
    const head = await this.head(region, bucket, key, signal);
    if (head?.etag.endsWith(`-${parts.length}`)) return head.etag;
    throw new ApiError({
      kind: 'invalid_response',
      message: l10n.t('Spaces answered the completion of {0} without a result, and the object of its {1} parts is not there.', key, parts.length),
    });
  }

  async abortMultipart(region: string, bucket: string, key: string, uploadId: string, signal?: AbortSignal): Promise<void> {
    await this.done('DELETE', region, { bucket, key, query: { uploadId } }, { signal, allow404: true });
  }

  /** The part numbers an open multipart upload holds; undefined once the upload is gone (NoSuchUpload). */
  async uploadedParts(region: string, bucket: string, key: string, uploadId: string, signal?: AbortSignal): Promise<number[] | undefined> {
    const response = await this.request('GET', region, { bucket, key, query: { uploadId } }, { signal, allow404: true });
    if (response.status === 404) return undefined;
    const doc = await this.xmlOf(response);
    return arr((doc.ListPartsResult as Xml | undefined)?.Part).map((p) => Number(p.PartNumber));
  }

  /** Multipart uploads started in a bucket and neither completed nor aborted. */
  async listMultipartUploads(region: string, bucket: string, signal?: AbortSignal): Promise<{ key: string; uploadId: string; initiated: string }[]> {
    const doc = await this.xmlOf(await this.request('GET', region, { bucket, query: { uploads: undefined } }, { signal }));
    return arr((doc.ListMultipartUploadsResult as Xml | undefined)?.Upload).map((u) => ({
      key: str(u.Key),
      uploadId: str(u.UploadId),
      initiated: str(u.Initiated),
    }));
  }
}

function escapeXml(value: string): string {
  return value.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
}

/**
 * The continuation token in a listing page's XML, read ahead of the page (only to ask for the
 * next page early: the parsed page decides). Undefined when the page says it is the last.
 */
export function peekNextToken(xml: string): string | undefined {
  if (!/<IsTruncated>\s*true\s*<\/IsTruncated>/.test(xml)) return undefined;
  const raw = /<NextContinuationToken>([^<]*)<\/NextContinuationToken>/.exec(xml)?.[1];
  if (!raw) return undefined;
  // the five entities XML names, as the parser reads them; anything else is not guessed at
  if (/&(?!(amp|lt|gt|quot|apos);)/.test(raw)) return undefined;
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return raw.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => entities[e]);
}
