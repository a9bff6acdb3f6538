/**
 * Buckets the user named, per account: where a bucket list cannot be read (a browser: S3's list
 * answers no CORS preflight), these are the buckets shown. Names and regions only, in the
 * extension's state (globalState).
 */
import type { Bucket } from '../api/spaces/spaces';
import type { StateStore } from './accountStore';

const KEY = 'digitalocean.spaces.namedBuckets';

export class NamedBucketStore {
  constructor(private readonly state: StateStore) {}

  private all(): Record<string, Bucket[]> {
    return this.state.get<Record<string, Bucket[]>>(KEY) ?? {};
  }

  get(accountId: string): Bucket[] {
    return this.all()[accountId] ?? [];
  }

  async set(accountId: string, buckets: Bucket[]): Promise<void> {
    const all = { ...this.all() };
    if (buckets.length) all[accountId] = buckets;
    else delete all[accountId];
    await this.state.update(KEY, all);
  }

  /** Forgets the buckets of every account not in `accountIds` (removed ones), in one update. */
  async keepOnly(accountIds: ReadonlySet<string>): Promise<void> {
    const all = this.all();
    const kept = Object.fromEntries(Object.entries(all).filter(([id]) => accountIds.has(id)));
    if (Object.keys(kept).length < Object.keys(all).length) await this.state.update(KEY, kept);
  }
}
