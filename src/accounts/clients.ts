/**
 * One DigitalOcean client per account, made on first use and dropped when the account, its
 * token or the API settings change. Every request is logged (method, path, status, time,
 * request id: never a header or a token) and a 401 marks the account as needing a new token.
 */
import * as path from 'node:path';
import { DigitalOceanClient, isLoopbackHost, type Account, type ExchangeRecord, RateLimiter } from '../api';
import type { AccountInfo, AccountStore } from './accountStore';

export interface ApiSettings {
  apiUrl: string;
  timeoutMs: number;
}

export interface ClientLog {
  debug(message: string): void;
  warn(message: string): void;
}

/** The demo account's API: in process, or an HTTP fake on loopback when `npm start` runs one. */
export interface DemoApi {
  baseUrl?: string;
  fetch?: typeof globalThis.fetch;
}

export class ClientRegistry {
  private readonly clients = new Map<string, DigitalOceanClient>();
  /** Rate limits are per token, so they outlive a client rebuilt after a settings change. */
  private readonly limiters = new Map<string, RateLimiter>();

  constructor(
    private readonly store: AccountStore,
    private readonly settings: () => ApiSettings,
    private readonly log: ClientLog,
    private readonly userAgent: string,
    private readonly demoApi: () => DemoApi = defaultDemoApi,
  ) {}

  clientFor(account: AccountInfo): DigitalOceanClient {
    let client = this.clients.get(account.id);
    if (!client) {
      client = this.create(account);
      this.clients.set(account.id, client);
    }
    return client;
  }

  /** A throw-away client for a token not stored yet: validates it with GET /v2/account. */
  async validate(token: string, signal?: AbortSignal): Promise<Account> {
    const { apiUrl, timeoutMs } = this.settings();
    const client = new DigitalOceanClient({ token, baseUrl: apiUrl, timeoutMs, userAgent: this.userAgent, maxRetries: 1, onExchange: (r) => this.logExchange('new account', r) });
    return client.account({ signal });
  }

  /** Forget one account's client (token updated, account removed), or all (settings changed). */
  invalidate(accountId?: string): void {
    if (accountId) {
      this.clients.delete(accountId);
      this.limiters.delete(accountId);
    } else {
      this.clients.clear();
    }
  }

  private create(account: AccountInfo): DigitalOceanClient {
    const { apiUrl, timeoutMs } = this.settings();
    let limiter = this.limiters.get(account.id);
    if (!limiter) {
      limiter = new RateLimiter();
      this.limiters.set(account.id, limiter);
    }
    const onExchange = (record: ExchangeRecord) => {
      this.logExchange(account.label, record);
      if (record.status === 401 && !account.demo) void this.store.setNeedsToken(account.id, true);
    };
    if (account.demo) {
      const demo = this.demoApi();
      return new DigitalOceanClient({ token: 'demo', baseUrl: demo.baseUrl, fetch: demo.fetch, timeoutMs, userAgent: this.userAgent, rateLimiter: limiter, onExchange });
    }
    return new DigitalOceanClient({
      token: async () => {
        const token = await this.store.token(account.id);
        if (!token) throw new Error(`No token is stored for ${account.label}. Use "Update Token" to add one.`);
        return token;
      },
      baseUrl: apiUrl,
      timeoutMs,
      userAgent: this.userAgent,
      rateLimiter: limiter,
      onExchange,
    });
  }

  private logExchange(label: string, r: ExchangeRecord): void {
    const outcome = r.status !== undefined ? String(r.status) : r.errorKind ?? 'failed';
    const line = `[${label}] ${r.method} ${r.path} → ${outcome} in ${r.durationMs} ms${r.attempt ? ` (retry ${r.attempt})` : ''}${r.requestId ? ` request ${r.requestId}` : ''}`;
    if (r.errorKind && r.errorKind !== 'cancelled') this.log.warn(line);
    else this.log.debug(line);
  }
}

/**
 * DIGITALOCEAN_DEMO_API_URL (set by `npm start` and the tests) points the demo account at an HTTP
 * fake on loopback; otherwise the fake runs in this process (dist/demo.js, loaded on first use).
 */
function defaultDemoApi(): DemoApi {
  const url = process.env.DIGITALOCEAN_DEMO_API_URL;
  if (url) {
    try {
      if (isLoopbackHost(new URL(url).hostname)) return { baseUrl: url };
    } catch {
      // not a URL: fall back to the in-process demo
    }
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily, a separate bundle
  const demo = require(path.join(__dirname, 'demo.js')) as { demoFetch(): typeof globalThis.fetch };
  return { fetch: demo.demoFetch() };
}
