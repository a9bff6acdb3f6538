/**
 * What an account's projects held when it was last loaded, so that the next start shows their
 * counts and costs at once (marked "updating") while the fresh lists are fetched: the account's
 * estimated monthly cost and, per project id, how many resources it holds and their cost. Ids,
 * counts and costs only: no name, nothing secret. Kept in the extension's state (globalState),
 * per account; forgotten with the account.
 */
import type { StateStore } from './accountStore';

const KEY = 'digitalocean.view.summaries';

export interface KeptProject {
  id: string;
  count: number;
  cost?: number;
}

export interface KeptSummary {
  /** When the figures were fresh (ms since the epoch). */
  savedAt: number;
  /** The account's estimated monthly cost, when every project's was known. */
  cost?: number;
  projects: KeptProject[];
}

/** Only what the type says survives a read: the state is a file anyone with the profile can edit. */
function valid(value: unknown): value is KeptSummary {
  const s = value as KeptSummary;
  const num = (n: unknown) => typeof n === 'number' && Number.isFinite(n) && n >= 0;
  return (
    typeof s === 'object' &&
    s !== null &&
    num(s.savedAt) &&
    (s.cost === undefined || num(s.cost)) &&
    Array.isArray(s.projects) &&
    s.projects.every((p) => typeof p === 'object' && p !== null && typeof p.id === 'string' && num(p.count) && (p.cost === undefined || num(p.cost)))
  );
}

export class SummaryStore {
  constructor(private readonly state: StateStore) {}

  private all(): Record<string, unknown> {
    const all = this.state.get<Record<string, unknown>>(KEY);
    return typeof all === 'object' && all !== null ? all : {};
  }

  get(accountId: string): KeptSummary | undefined {
    const kept = this.all()[accountId];
    return valid(kept) ? kept : undefined;
  }

  async set(accountId: string, summary: KeptSummary): Promise<void> {
    await this.state.update(KEY, { ...this.all(), [accountId]: summary });
  }

  /** Forgets the summaries of every account not in `accountIds` (removed ones), in one update. */
  async keepOnly(accountIds: ReadonlySet<string>): Promise<void> {
    const all = this.all();
    const kept = Object.fromEntries(Object.entries(all).filter(([id]) => accountIds.has(id)));
    if (Object.keys(kept).length < Object.keys(all).length) await this.state.update(KEY, kept);
  }
}
