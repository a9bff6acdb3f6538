/**
 * The counts and costs kept per account for a warm start (src/accounts/summaryStore.ts): they
 * round-trip, a removed account's go with it, and whatever else the state holds under the key
 * (an older format, a hand-edited profile) is never shown as a figure.
 */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import type { StateStore } from '../../src/accounts/accountStore';
import { SummaryStore, type KeptSummary } from '../../src/accounts/summaryStore';

class MemoryState implements StateStore {
  readonly values = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    return this.values.get(key) as T | undefined;
  }
  update(key: string, value: unknown): Promise<void> {
    this.values.set(key, value);
    return Promise.resolve();
  }
}

const summary = (cost?: number): KeptSummary => ({ savedAt: 1_765_000_000_000, cost, projects: [{ id: 'p1', count: 12, cost }] });

describe('SummaryStore', () => {
  it('keeps a summary per account and forgets the removed ones in one update', async () => {
    const state = new MemoryState();
    const store = new SummaryStore(state);
    await store.set('a', summary(286));
    await store.set('b', summary(undefined));
    assert.deepEqual(store.get('a'), summary(286));
    assert.deepEqual(store.get('b'), summary(undefined));
    await store.keepOnly(new Set(['b']));
    assert.equal(store.get('a'), undefined);
    assert.deepEqual(store.get('b'), summary(undefined));
    assert.deepEqual(Object.keys(state.get<Record<string, unknown>>('digitalocean.view.summaries') ?? {}), ['b']);
  });

  it('shows nothing from a state that does not hold a summary of the right shape (1,000 generated)', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: false }), fc.anything(), (whole, entry) => {
        for (const value of [whole, { a: entry }, { a: { savedAt: 1, projects: [entry] } }, { a: { savedAt: 1, cost: entry, projects: [] } }]) {
          const state = new MemoryState();
          state.values.set('digitalocean.view.summaries', value);
          const kept = new SummaryStore(state).get('a');
          if (kept === undefined) continue;
          // whatever passes is what the tree reads: numbers that are figures, ids that are strings
          assert.ok(Number.isFinite(kept.savedAt) && kept.savedAt >= 0);
          assert.ok(kept.cost === undefined || (Number.isFinite(kept.cost) && kept.cost >= 0));
          for (const p of kept.projects) {
            assert.equal(typeof p.id, 'string');
            assert.ok(Number.isFinite(p.count) && p.count >= 0);
            assert.ok(p.cost === undefined || (Number.isFinite(p.cost) && p.cost >= 0));
          }
        }
      }),
      { numRuns: 1_000 },
    );
    const state = new MemoryState();
    state.values.set('digitalocean.view.summaries', { a: { savedAt: 1, projects: [{ id: 'p', count: -1 }] }, b: { savedAt: '1', projects: [] } });
    assert.equal(new SummaryStore(state).get('a'), undefined, 'a negative count');
    assert.equal(new SummaryStore(state).get('b'), undefined, 'a date as text');
  });
});
