/**
 * Polls only resources in transition (a droplet being created or acted on, a cluster being
 * provisioned, an app deploying, …), each with back-off, and only while the view is visible;
 * a resource is dropped as soon as it settles. A per-minute cap keeps polling well inside the
 * API's 250 requests a minute, however many resources are in transition.
 */

export interface PollTarget {
  /** Identifies the resource; watching the same key again replaces the target. */
  key: string;
  /** Fetches the resource and updates the view; resolves true while it is still in transition. */
  poll(signal: AbortSignal): Promise<boolean>;
}

export interface PollerOptions {
  intervalsMs?: number[];
  maxPerMinute?: number;
  /** Polls of one resource before giving up on it. */
  maxAttempts?: number;
  now?: () => number;
}

interface Entry {
  target: PollTarget;
  attempt: number;
  timer?: ReturnType<typeof setTimeout>;
  running: boolean;
}

export class TransitionPoller {
  private readonly entries = new Map<string, Entry>();
  private readonly starts: number[] = [];
  private visible = false;
  private controller = new AbortController();
  private readonly intervals: number[];
  private readonly maxPerMinute: number;
  private readonly maxAttempts: number;
  private readonly now: () => number;

  constructor(options: PollerOptions = {}) {
    this.intervals = options.intervalsMs ?? [2_000, 3_000, 5_000, 8_000, 13_000, 20_000, 30_000];
    this.maxPerMinute = options.maxPerMinute ?? 60;
    this.maxAttempts = options.maxAttempts ?? 120;
    this.now = options.now ?? Date.now;
  }

  /** Keys of the resources being watched. */
  get watching(): string[] {
    return [...this.entries.keys()];
  }

  watch(target: PollTarget): void {
    const entry = this.entries.get(target.key);
    if (entry) {
      entry.target = target;
      return;
    }
    const fresh: Entry = { target, attempt: 0, running: false };
    this.entries.set(target.key, fresh);
    this.schedule(fresh);
  }

  unwatch(key: string): void {
    const entry = this.entries.get(key);
    if (entry?.timer) clearTimeout(entry.timer);
    this.entries.delete(key);
  }

  /** Drops every watched key that starts with the prefix (an account removed). */
  unwatchPrefix(prefix: string): void {
    for (const key of this.watching) if (key.startsWith(prefix)) this.unwatch(key);
  }

  setVisible(visible: boolean): void {
    if (visible === this.visible) return;
    this.visible = visible;
    if (visible) {
      this.controller = new AbortController();
      for (const entry of this.entries.values()) this.schedule(entry);
    } else {
      this.controller.abort();
      for (const entry of this.entries.values()) {
        if (entry.timer) clearTimeout(entry.timer);
        entry.timer = undefined;
      }
    }
  }

  dispose(): void {
    this.setVisible(false);
    this.entries.clear();
  }

  private schedule(entry: Entry): void {
    if (!this.visible || entry.timer || entry.running) return;
    let delay = this.intervals[Math.min(entry.attempt, this.intervals.length - 1)];
    const now = this.now();
    while (this.starts.length && this.starts[0] <= now - 60_000) this.starts.shift();
    if (this.starts.length >= this.maxPerMinute) {
      delay = Math.max(delay, this.starts[this.starts.length - this.maxPerMinute] + 60_000 - now);
    }
    entry.timer = setTimeout(() => void this.run(entry), delay);
  }

  private async run(entry: Entry): Promise<void> {
    entry.timer = undefined;
    if (!this.visible || this.entries.get(entry.target.key) !== entry) return;
    entry.running = true;
    this.starts.push(this.now());
    let still: boolean;
    try {
      still = await entry.target.poll(this.controller.signal);
    } catch {
      // A failed poll (network, 5xx) is tried again with the next, longer interval.
      still = true;
    } finally {
      entry.running = false;
    }
    entry.attempt++;
    if (!still || entry.attempt >= this.maxAttempts) {
      this.entries.delete(entry.target.key);
      return;
    }
    this.schedule(entry);
  }
}
