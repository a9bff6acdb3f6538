/**
 * Keeps a client within DigitalOcean's rate limits (per token: 5,000 requests an hour and 250 a
 * minute) by slowing down *before* the budget runs out rather than waiting for 429s.
 *
 * Two budgets are tracked:
 *  - the server's hourly budget from the `ratelimit-limit` / `ratelimit-remaining` /
 *    `ratelimit-reset` headers: once the remaining part falls under a reserve, the remaining
 *    requests are spread evenly until the reset;
 *  - a per-minute sliding window kept on the client (the API reports no header for it).
 */

export interface RateLimitSnapshot {
  limit?: number;
  remaining?: number;
  /** Unix time in seconds at which the hourly budget is refilled. */
  resetAt?: number;
  /** Requests started in the last 60 s by this client. */
  lastMinute: number;
}

export interface RateLimiterOptions {
  /** Requests allowed in any 60 s window; DigitalOcean allows 250: we stay well inside. */
  perMinute?: number;
  /** Below this many remaining requests of the hourly budget, requests are spaced out. */
  reserve?: number;
  now?: () => number;
}

const MINUTE_MS = 60_000;
/** The first wait after a 429 that says nothing of when to retry. */
const BLIND_WAIT_MS = 2_000;

export class RateLimiter {
  private limit?: number;
  private remaining?: number;
  private resetAt?: number;
  private blockedUntil = 0;
  /** 429s in a row that said nothing of when to retry (no readable retry-after or reset). */
  private blindThrottles = 0;
  /** When the last request spaced out over the hourly budget was planned to start. */
  private lastSpacedStart = 0;
  /** Planned start times (ms) of the requests of the last minute, in order. */
  private readonly starts: number[] = [];
  private readonly perMinute: number;
  private readonly reserve: number;
  private readonly now: () => number;

  constructor(options: RateLimiterOptions = {}) {
    this.perMinute = options.perMinute ?? 200;
    this.reserve = options.reserve ?? 100;
    this.now = options.now ?? Date.now;
  }

  /**
   * Plans the next request and records it: returns how long it must wait before it starts, in ms
   * (0 when it may start now). Called once per request, so the wait is computed once: a request
   * waits its own slot, never "until the budget looks healthy again".
   *  - after a 429: until the time the API asked for;
   *  - per minute: until the oldest request in the window is a minute old;
   *  - hourly budget below the reserve: one slot every (time to reset ÷ requests remaining),
   *    counted from the previous spaced request; with nothing remaining, the reset itself.
   */
  schedule(): number {
    const now = this.now();
    let start = Math.max(now, this.blockedUntil);

    while (this.starts.length && this.starts[0] <= now - MINUTE_MS) this.starts.shift();
    if (this.starts.length >= this.perMinute) {
      start = Math.max(start, this.starts[this.starts.length - this.perMinute] + MINUTE_MS);
    }

    if (this.remaining !== undefined && this.resetAt !== undefined && this.remaining < this.reserve) {
      const resetMs = this.resetAt * 1000;
      if (resetMs > now) {
        if (this.remaining <= 0) {
          start = Math.max(start, resetMs);
        } else {
          start = Math.max(start, this.lastSpacedStart + (resetMs - now) / this.remaining);
        }
        this.lastSpacedStart = start;
      }
    }
    if (this.remaining !== undefined) this.remaining = Math.max(0, this.remaining - 1);

    // keep the window sorted: a planned start may lie ahead of requests planned earlier
    let i = this.starts.length;
    while (i > 0 && this.starts[i - 1] > start) i--;
    this.starts.splice(i, 0, start);
    return Math.ceil(start - now);
  }

  /**
   * Reads the rate-limit headers of any response. A browser hides those a cross-origin answer
   * does not expose (headers.get gives null): then the limiter knows only the 429s (throttled()).
   */
  observe(headers: Headers, status?: number): void {
    if (status !== undefined && status !== 429) this.blindThrottles = 0;
    const limit = intHeader(headers, 'ratelimit-limit');
    const remaining = intHeader(headers, 'ratelimit-remaining');
    const reset = intHeader(headers, 'ratelimit-reset');
    if (limit !== undefined) this.limit = limit;
    if (remaining !== undefined) this.remaining = remaining;
    if (reset !== undefined) this.resetAt = reset;
  }

  /**
   * Records a 429 and returns how long to wait before retrying, in ms: the `retry-after` seconds
   * when given, else until the reset; with neither (or neither readable, in a browser), 2 s,
   * doubling with each 429 in a row up to a minute. Never more than `maxWaitMs`. Requests
   * planned after it wait as long.
   */
  throttled(headers: Headers, maxWaitMs = Number.POSITIVE_INFINITY): number {
    const now = this.now();
    const retryAfter = retryAfterMs(headers, now);
    let wait: number;
    if (retryAfter !== undefined) {
      wait = retryAfter;
    } else if (this.resetAt !== undefined && this.resetAt * 1000 > now) {
      wait = this.resetAt * 1000 - now;
    } else {
      wait = Math.min(MINUTE_MS, BLIND_WAIT_MS * 2 ** this.blindThrottles);
      this.blindThrottles++;
    }
    wait = Math.min(wait, maxWaitMs);
    this.blockedUntil = Math.max(this.blockedUntil, now + wait);
    return wait;
  }

  /** Forgets a 429's block: the user chose to stop waiting and try again. */
  unblock(): void {
    this.blockedUntil = 0;
  }

  snapshot(): RateLimitSnapshot {
    const now = this.now();
    return {
      limit: this.limit,
      remaining: this.remaining,
      resetAt: this.resetAt,
      lastMinute: this.starts.filter((t) => t > now - MINUTE_MS && t <= now).length,
    };
  }
}

function intHeader(headers: Headers, name: string): number | undefined {
  const raw = headers.get(name);
  if (raw === null || raw.trim() === '') return undefined;
  const value = Number(raw);
  return Number.isFinite(value) ? Math.floor(value) : undefined;
}

/** `retry-after` as ms: either delta-seconds or an HTTP date. */
export function retryAfterMs(headers: Headers, now: number): number | undefined {
  const raw = headers.get('retry-after');
  if (raw === null || raw.trim() === '') return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
