import * as assert from 'node:assert/strict';
import { RateLimiter } from '../../src/api/rateLimit';

function headers(values: Record<string, string>): Headers {
  return new Headers(values);
}

describe('RateLimiter', () => {
  it('lets requests through while the budget is healthy', () => {
    let now = 1_000_000;
    const limiter = new RateLimiter({ now: () => now });
    limiter.observe(headers({ 'ratelimit-limit': '5000', 'ratelimit-remaining': '4000', 'ratelimit-reset': String(now / 1000 + 1800) }));
    assert.equal(limiter.delayBeforeNext(), 0);
    now += 1;
    assert.equal(limiter.delayBeforeNext(), 0);
  });

  it('spreads the last part of the hourly budget until the reset, before it reaches zero', () => {
    const now = 2_000_000_000;
    const limiter = new RateLimiter({ now: () => now, reserve: 100 });
    limiter.observe(headers({ 'ratelimit-limit': '5000', 'ratelimit-remaining': '50', 'ratelimit-reset': String(now / 1000 + 100) }));
    // 50 requests left for 100 s: one every 2 s.
    assert.equal(limiter.delayBeforeNext(), 2000);
    limiter.observe(headers({ 'ratelimit-remaining': '0' }));
    assert.equal(limiter.delayBeforeNext(), 100_000);
  });

  it('keeps the client under its per-minute budget with a sliding window', () => {
    let now = 5_000_000;
    const limiter = new RateLimiter({ now: () => now, perMinute: 3 });
    for (let i = 0; i < 3; i++) {
      assert.equal(limiter.delayBeforeNext(), 0);
      limiter.started();
      now += 1_000;
    }
    // The oldest of the three started 3 s ago: the next may start 57 s from now.
    assert.equal(limiter.delayBeforeNext(), 57_000);
    now += 57_000;
    assert.equal(limiter.delayBeforeNext(), 0);
  });

  it('on a 429 waits retry-after, else until the reset', () => {
    const now = 3_000_000_000;
    const limiter = new RateLimiter({ now: () => now });
    assert.equal(limiter.throttled(headers({ 'retry-after': '7' })), 7_000);
    assert.equal(limiter.delayBeforeNext(), 7_000);
    const other = new RateLimiter({ now: () => now });
    other.observe(headers({ 'ratelimit-reset': String(now / 1000 + 30) }));
    assert.equal(other.throttled(headers({})), 30_000);
  });
});
