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
    assert.equal(limiter.schedule(), 0);
    now += 1;
    assert.equal(limiter.schedule(), 0);
  });

  it('spreads the last part of the hourly budget: one slot per (reset ÷ remaining), for every request, not only the first', () => {
    let now = 2_000_000_000;
    const limiter = new RateLimiter({ now: () => now, reserve: 100 });
    limiter.observe(headers({ 'ratelimit-limit': '5000', 'ratelimit-remaining': '50', 'ratelimit-reset': String(now / 1000 + 100) }));
    // 50 requests left for 100 s: about one every 2 s. The first goes at once.
    assert.equal(limiter.schedule(), 0);
    const waits: number[] = [];
    for (let i = 0; i < 5; i++) {
      const wait = limiter.schedule();
      waits.push(wait);
      now += wait; // the request starts when its slot comes
      limiter.observe(headers({ 'ratelimit-remaining': String(48 - i), 'ratelimit-reset': String(2_000_000_000 / 1000 + 100) }));
    }
    for (const wait of waits) assert.ok(wait > 1_500 && wait < 2_600, `each later request waits one slot of ~2 s, not until the reset: ${waits.join(', ')}`);
  });

  it('plans distinct slots for requests asked for at the same moment', () => {
    const now = 2_100_000_000;
    const limiter = new RateLimiter({ now: () => now, reserve: 100 });
    limiter.observe(headers({ 'ratelimit-remaining': '20', 'ratelimit-reset': String(now / 1000 + 20) }));
    const waits = Array.from({ length: 4 }, () => limiter.schedule());
    assert.equal(waits[0], 0);
    for (let i = 1; i < waits.length; i++) assert.ok(waits[i] - waits[i - 1] >= 1_000 && waits[i] - waits[i - 1] < 1_300, waits.join(', '));
  });

  it('waits for the reset only when nothing of the budget remains', () => {
    const now = 2_200_000_000;
    const limiter = new RateLimiter({ now: () => now, reserve: 100 });
    limiter.observe(headers({ 'ratelimit-remaining': '0', 'ratelimit-reset': String(now / 1000 + 20) }));
    assert.equal(limiter.schedule(), 20_000);
  });

  it('keeps the client under its per-minute budget with a sliding window', () => {
    let now = 5_000_000;
    const limiter = new RateLimiter({ now: () => now, perMinute: 3 });
    for (let i = 0; i < 3; i++) {
      assert.equal(limiter.schedule(), 0);
      now += 1_000;
    }
    // The oldest of the three started 3 s ago: the next may start 57 s from now.
    assert.equal(limiter.schedule(), 57_000);
    now += 57_000;
    // that one took the slot at +57 s; the window holds three again until the second is a minute old
    assert.equal(limiter.schedule(), 1_000);
  });

  it('on a 429 waits retry-after, else until the reset, never longer than the cap', () => {
    const now = 3_000_000_000;
    const limiter = new RateLimiter({ now: () => now });
    assert.equal(limiter.throttled(headers({ 'retry-after': '7' })), 7_000);
    assert.equal(limiter.schedule(), 7_000);
    const other = new RateLimiter({ now: () => now });
    other.observe(headers({ 'ratelimit-reset': String(now / 1000 + 30) }));
    assert.equal(other.throttled(headers({})), 30_000);
    const capped = new RateLimiter({ now: () => now });
    assert.equal(capped.throttled(headers({ 'retry-after': '3600' }), 60_000), 60_000);
    assert.equal(capped.schedule(), 60_000);
  });

  it('on 429s whose headers it cannot read (a browser, headers not exposed) backs off from 2 s, doubling, until an answer gets through', () => {
    let now = 3_000_000_000;
    const limiter = new RateLimiter({ now: () => now });
    const hidden = headers({}); // what a cross-origin response without Access-Control-Expose-Headers shows
    limiter.observe(hidden, 200);
    assert.deepEqual(
      [1, 2, 3, 4, 5, 6, 7].map(() => limiter.throttled(hidden)),
      [2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000],
    );
    now += 60_000;
    limiter.observe(hidden, 429);
    assert.equal(limiter.throttled(hidden), 60_000, 'a 429 does not end the streak');
    limiter.observe(hidden, 200);
    assert.equal(limiter.throttled(hidden), 2_000, 'an answer that got through does');
  });
});
