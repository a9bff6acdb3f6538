/**
 * Spaces in the model: per account, the S3 client made from its Spaces key, the buckets of every
 * Spaces region, and the listings of the prefixes someone opened (pages of 1,000, loaded on
 * demand). The tree, the file system and the commands read and change Spaces through it.
 */
import type { AccountInfo } from '../accounts/accountStore';
import type { SpacesKeyStore } from '../accounts/spacesKeys';
import { ApiError, isBrowserBlocked } from '../api/errors';
import { type Bucket, SPACES_REGIONS, type SpacesObject, defaultEndpoint } from '../api/spaces/spaces';
import type { SpacesClient, SpacesClientOptions } from '../api/spaces/spacesClient';

/** The S3 client's bundle (dist/spaces.js: aws4fetch and fast-xml-parser), loaded on first use. */
export type SpacesClientFactory = (options: SpacesClientOptions) => SpacesClient;

import { Emitter, type Disposable } from './emitter';
import * as l10n from '@vscode/l10n';

export interface SpacesSettings {
  /** The regions whose buckets are listed. */
  regions: readonly string[];
  /** Region → endpoint, where one is not `https://<region>.digitaloceanspaces.com`. */
  endpoints: Readonly<Record<string, string>>;
  timeoutMs: number;
}

export interface SpacesChange {
  accountId: string;
  bucket?: string;
  /** The prefix whose listing changed ("" for the bucket's top). */
  prefix?: string;
}

/** What the tree shows of a prefix: the pages loaded so far. */
export interface PrefixListing {
  readonly prefixes: string[];
  readonly objects: SpacesObject[];
  /** Set while there are more pages. */
  nextToken?: string;
}

export interface BucketList {
  buckets: Bucket[];
  /** Regions that could not be listed, with why. */
  failures: { region: string; error: unknown }[];
  /**
   * No region could be listed because the browser blocked every answer (the web build: S3's
   * bucket list answers no CORS preflight). `buckets` holds the ones the user named.
   */
  listBlocked?: boolean;
}

/** Buckets the user named (where they cannot be listed), per account; kept in the extension's state. */
export interface NamedBuckets {
  get(accountId: string): Bucket[];
  set(accountId: string, buckets: Bucket[]): Promise<void>;
}

/** The account has no Spaces key yet (or the demo account, no S3 endpoint to use). */
export class NoSpacesKeyError extends Error {
  constructor(
    readonly account: AccountInfo,
    message = l10n.t('{0} has no Spaces key here yet: Spaces use an access key, not the API token.', account.label),
  ) {
    super(message);
    this.name = 'NoSpacesKeyError';
  }
}

const listingKey = (accountId: string, bucket: string, prefix: string) => `${accountId}\u0000${bucket}\u0000${prefix}`;

export class SpacesModel implements Disposable {
  private readonly changes = new Emitter<SpacesChange>();
  readonly onDidChange = this.changes.event;
  private readonly clients = new Map<string, Promise<SpacesClient>>();
  private readonly bucketLists = new Map<string, Promise<BucketList>>();
  private readonly listings = new Map<string, PrefixListing>();
  private readonly loading = new Map<string, Promise<PrefixListing>>();
  private readonly subscription: Disposable;

  constructor(
    private readonly keys: SpacesKeyStore,
    private readonly settings: () => SpacesSettings,
    /**
     * The S3 client's code (on Node, the bundle dist/spaces.js), asked for when Spaces are first
     * used; none where Spaces are not offered.
     */
    private readonly makeClient: (() => SpacesClientFactory) | undefined,
    private readonly fetchImpl?: typeof globalThis.fetch,
    private readonly named?: NamedBuckets,
  ) {
    this.subscription = keys.onDidChange((accountId) => this.forgetAccount(accountId));
  }

  /** Whether this build offers Spaces at all. */
  get available(): boolean {
    return this.makeClient !== undefined;
  }

  /** The regions listed for an account: the demo account only uses endpoints configured for it. */
  regions(account: AccountInfo): string[] {
    const { regions, endpoints } = this.settings();
    return account.demo ? regions.filter((r) => endpoints[r]) : [...regions];
  }

  endpointFor(region: string): string {
    return this.settings().endpoints[region] ?? defaultEndpoint(region);
  }

  async hasKey(account: AccountInfo): Promise<boolean> {
    return this.available && (await this.keys.get(account.id)) !== undefined;
  }

  /** The account's S3 client; NoSpacesKeyError when it has no key. */
  client(account: AccountInfo): Promise<SpacesClient> {
    let client = this.clients.get(account.id);
    if (!client) {
      client = (async () => {
        if (account.demo && this.regions(account).length === 0) {
          throw new NoSpacesKeyError(
            account,
            l10n.t('The demo account has no Spaces: its buckets would need an S3 server (the setting digitalocean.spaces.endpoints).'),
          );
        }
        if (!this.makeClient) throw new Error(l10n.t('Spaces are not available in this build of the extension.'));
        const credentials = await this.keys.get(account.id);
        if (!credentials) throw new NoSpacesKeyError(account);
        return this.makeClient()({ credentials, endpointFor: (r) => this.endpointFor(r), fetch: this.fetchImpl, timeoutMs: this.settings().timeoutMs });
      })();
      client.catch(() => this.clients.delete(account.id));
      this.clients.set(account.id, client);
    }
    return client;
  }

  /** The buckets of every region, listed in parallel (cached until a refresh). */
  buckets(account: AccountInfo): Promise<BucketList> {
    let list = this.bucketLists.get(account.id);
    if (!list) {
      list = this.listBuckets(account);
      list.catch(() => this.bucketLists.delete(account.id));
      this.bucketLists.set(account.id, list);
    }
    return list;
  }

  private async listBuckets(account: AccountInfo): Promise<BucketList> {
    const client = await this.client(account);
    const regions = this.regions(account);
    const results = await Promise.all(
      regions.map((region) =>
        client.listBuckets(region).then(
          (buckets) => ({ region, buckets }),
          (error: unknown) => ({ region, error }),
        ),
      ),
    );
    let failures = results.filter((r): r is { region: string; error: unknown } => 'error' in r);
    const allFailedAlike = failures.length === regions.length && failures.length > 0;
    // One bad key fails every region the same way: say it once, as the error it is.
    if (allFailedAlike && failures.every((f) => f.error instanceof ApiError && (f.error.kind === 'forbidden' || f.error.kind === 'unauthorized')))
      throw failures[0].error;
    // In a browser the bucket list may never be readable (no CORS on S3's service endpoint): the
    // buckets are the ones the user named, and the tree says how to name one.
    const listBlocked = allFailedAlike && failures.every((f) => isBrowserBlocked(f.error));
    if (listBlocked) failures = [];
    // An endpoint may list buckets of other regions too: a name seen in several is asked where it is.
    const seen = new Map<string, Bucket[]>();
    for (const r of results) if ('buckets' in r) for (const b of r.buckets) seen.set(b.name, [...(seen.get(b.name) ?? []), b]);
    const buckets = await Promise.all(
      [...seen.values()].map(async (copies) => {
        if (copies.length === 1) return copies[0];
        const where = await client.bucketRegion(copies[0].region, copies[0].name).catch(() => undefined);
        return copies.find((c) => c.region === where) ?? copies[0];
      }),
    );
    for (const b of this.named?.get(account.id) ?? []) if (!buckets.some((l) => l.name === b.name)) buckets.push(b);
    buckets.sort((a, b) => a.name.localeCompare(b.name));
    return { buckets, failures, ...(listBlocked ? { listBlocked } : {}) };
  }

  /** Remembers a bucket the user named (one that cannot be listed here), and shows it. */
  async nameBucket(account: AccountInfo, bucket: Bucket): Promise<void> {
    if (!this.named) throw new Error(l10n.t('This build cannot remember buckets.'));
    const others = this.named.get(account.id).filter((b) => b.name !== bucket.name);
    await this.named.set(account.id, [...others, { name: bucket.name, region: bucket.region }]);
    this.bucketsChanged(account);
  }

  /** Forgets a named bucket (it was deleted, or named by mistake). */
  async forgetNamedBucket(account: AccountInfo, name: string): Promise<boolean> {
    const before = this.named?.get(account.id) ?? [];
    if (!before.some((b) => b.name === name)) return false;
    await this.named!.set(
      account.id,
      before.filter((b) => b.name !== name),
    );
    this.bucketsChanged(account);
    return true;
  }

  isNamed(account: AccountInfo, name: string): boolean {
    return (this.named?.get(account.id) ?? []).some((b) => b.name === name);
  }

  async bucket(account: AccountInfo, name: string): Promise<Bucket | undefined> {
    return (await this.buckets(account)).buckets.find((b) => b.name === name);
  }

  /** The listing of a prefix as loaded so far, if it was loaded. */
  cachedListing(account: AccountInfo, bucket: string, prefix: string): PrefixListing | undefined {
    return this.listings.get(listingKey(account.id, bucket, prefix));
  }

  /** The first page of a prefix (or what was loaded already). */
  async listing(account: AccountInfo, bucket: Bucket, prefix: string): Promise<PrefixListing> {
    return this.cachedListing(account, bucket.name, prefix) ?? this.loadPage(account, bucket, prefix, undefined);
  }

  /** The next page of a prefix, added to its listing. */
  async loadMore(account: AccountInfo, bucket: Bucket, prefix: string): Promise<PrefixListing> {
    const listing = this.cachedListing(account, bucket.name, prefix);
    if (!listing) return this.listing(account, bucket, prefix);
    if (!listing.nextToken) return listing;
    return this.loadPage(account, bucket, prefix, listing);
  }

  private loadPage(account: AccountInfo, bucket: Bucket, prefix: string, previous: PrefixListing | undefined): Promise<PrefixListing> {
    const key = listingKey(account.id, bucket.name, prefix);
    let pending = this.loading.get(key);
    if (!pending) {
      pending = (async () => {
        const client = await this.client(account);
        const page = await client.listPage(bucket.region, bucket.name, prefix, { delimiter: '/', token: previous?.nextToken });
        // a folder marker ("photos/" itself, an empty object) is the folder, not a file in it
        const objects = page.objects.filter((o) => o.key !== prefix);
        const listing: PrefixListing = previous
          ? { prefixes: [...previous.prefixes, ...page.prefixes], objects: [...previous.objects, ...objects], nextToken: page.nextToken }
          : { prefixes: page.prefixes, objects, nextToken: page.nextToken };
        this.listings.set(key, listing);
        if (previous) this.changes.fire({ accountId: account.id, bucket: bucket.name, prefix });
        return listing;
      })().finally(() => this.loading.delete(key));
      this.loading.set(key, pending);
    }
    return pending;
  }

  /**
   * Something in a bucket changed (an upload, a delete, a save): its listings are loaded again
   * when next shown. With `prefix`, only that prefix and the ones above it.
   */
  changed(account: AccountInfo, bucket: string, prefix?: string): void {
    for (const key of [...this.listings.keys()]) {
      const [accountId, b, p] = key.split('\u0000');
      if (accountId !== account.id || b !== bucket) continue;
      if (prefix === undefined || prefix.startsWith(p)) this.listings.delete(key);
    }
    this.changes.fire({ accountId: account.id, bucket, prefix });
  }

  /** Buckets were created or deleted. */
  bucketsChanged(account: AccountInfo): void {
    this.bucketLists.delete(account.id);
    this.changes.fire({ accountId: account.id });
  }

  /** Forgets everything of an account (a refresh, a new key). */
  forgetAccount(accountId: string): void {
    this.clients.delete(accountId);
    this.bucketLists.delete(accountId);
    for (const key of [...this.listings.keys()]) if (key.startsWith(`${accountId}\u0000`)) this.listings.delete(key);
    this.changes.fire({ accountId });
  }

  /** Settings changed: new endpoints, new clients. */
  reset(): void {
    const accounts = new Set([...this.clients.keys(), ...this.bucketLists.keys()]);
    this.clients.clear();
    this.bucketLists.clear();
    this.listings.clear();
    for (const accountId of accounts) this.changes.fire({ accountId });
  }

  dispose(): void {
    this.subscription.dispose();
    this.changes.dispose();
  }
}

export { SPACES_REGIONS };

/** The scheme of Spaces objects as files: `digitalocean-spaces://<account id>/<region>/<bucket>/<key>`. */
export const SPACES_SCHEME = 'digitalocean-spaces';

export interface SpacesLocation {
  accountId: string;
  region?: string;
  bucket?: string;
  /** The object key or folder prefix, without a trailing "/" ("" for the bucket's top). */
  key: string;
}

/** The path part of a Spaces URI (each key segment encoded by the URI itself). */
export function spacesUriParts(location: Required<Pick<SpacesLocation, 'accountId' | 'region' | 'bucket'>> & { key: string }): {
  authority: string;
  path: string;
} {
  return { authority: location.accountId, path: `/${location.region}/${location.bucket}${location.key ? `/${location.key.replace(/\/+$/, '')}` : ''}` };
}

/** Where a Spaces URI points, from its authority and (decoded) path. */
export function parseSpacesUri(authority: string, path: string): SpacesLocation {
  const [, region, bucket, ...rest] = path.split('/');
  return { accountId: authority, region: region || undefined, bucket: bucket || undefined, key: rest.join('/') };
}
