/**
 * One DigitalOcean client per account, made on first use and dropped when the account, its
 * token or the API settings change. Every request is logged (method, path, status, time,
 * request id: never a header or a token) and a 401 marks the account as needing a new token.
 */
import { DigitalOceanClient, type ExchangeRecord, RateLimiter, type WaitRecord } from '../api';
import { type Account } from '../api/resources/account';
import type { AccountInfo, AccountStore } from './accountStore';
import * as l10n from '@vscode/l10n';

export interface ApiSettings {
  apiUrl: string;
  timeoutMs: number;
}

/**
 * `digitalocean.requestTimeoutSeconds` as ms, held to the 5–300 s the setting declares: the
 * manifest's bounds are only advice to the settings editor, and a hand-edited settings.json can say
 * 0, -1, 1e9 or "30". Anything that is not a finite number gives the 30 s default.
 */
export function requestTimeoutMs(setting: unknown): number {
  const seconds = typeof setting === 'number' && Number.isFinite(setting) ? setting : 30;
  return Math.round(Math.min(300, Math.max(5, seconds)) * 1000);
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

/** A request of an account's client waits for the API's rate limit; `cancel` ends every such wait. */
export interface RateLimitWait {
  account: AccountInfo;
  wait: WaitRecord;
  cancel(): void;
}

export class ClientRegistry {
  private readonly clients = new Map<string, DigitalOceanClient>();
  private readonly waitListeners = new Set<(event: RateLimitWait) => void>();
  /** Rate limits are per token, so they outlive a client rebuilt after a settings change. */
  private readonly limiters = new Map<string, RateLimiter>();

  constructor(
    private readonly store: AccountStore,
    private readonly settings: () => ApiSettings,
    private readonly log: ClientLog,
    private readonly userAgent: string,
    private readonly demoApi: () => DemoApi,
  ) {}

  clientFor(account: AccountInfo): DigitalOceanClient {
    let client = this.clients.get(account.id);
    if (!client) {
      client = this.create(account);
      this.clients.set(account.id, client);
    }
    return client;
  }

  /** Tells when a request waits for the rate limit (to show it, and let the user cancel it). */
  onRateLimitWait(listener: (event: RateLimitWait) => void): { dispose(): void } {
    this.waitListeners.add(listener);
    return { dispose: () => this.waitListeners.delete(listener) };
  }

  /** A throw-away client for a token not stored yet: validates it with GET /v2/account. */
  async validate(token: string, signal?: AbortSignal): Promise<Account> {
    const { apiUrl, timeoutMs } = this.settings();
    const client = new DigitalOceanClient({
      token,
      baseUrl: apiUrl,
      timeoutMs,
      userAgent: this.userAgent,
      maxRetries: 1,
      onExchange: (r) => this.logExchange(l10n.t('new account'), r),
    });
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
    let client: DigitalOceanClient | undefined;
    const onWait = (wait: WaitRecord) => {
      if (wait.reason !== 'rate_limited') return;
      this.log.warn(`[${account.label}] ${wait.method} ${wait.path} waits ${Math.ceil(wait.ms / 1000)} s for the API's rate limit`);
      for (const listener of this.waitListeners) listener({ account, wait, cancel: () => client?.transport.cancelWaits() });
    };
    const common = { timeoutMs, userAgent: this.userAgent, rateLimiter: limiter, onExchange, onWait };
    if (account.demo) {
      const demo = this.demoApi();
      client = new DigitalOceanClient({ ...common, token: 'demo', baseUrl: demo.baseUrl, fetch: demo.fetch });
      return client;
    }
    client = new DigitalOceanClient({
      ...common,
      token: async () => {
        const token = await this.store.token(account.id);
        if (!token) throw new Error(l10n.t('No token is stored for {0}. Use "Update Token" to add one.', account.label));
        return token;
      },
      baseUrl: apiUrl,
    });
    return client;
  }

  private logExchange(label: string, r: ExchangeRecord): void {
    const outcome = r.status !== undefined ? String(r.status) : (r.errorKind ?? 'failed');
    const line = l10n.t(
      '[{0}] {1} {2} → {3} in {4} ms{5}{6}',
      label,
      r.method,
      r.path,
      outcome,
      r.durationMs,
      r.attempt ? ` (retry ${r.attempt})` : '',
      r.requestId ? ` request ${r.requestId}` : '',
    );
    if (r.errorKind && r.errorKind !== 'cancelled') this.log.warn(line);
    else this.log.debug(line);
  }
}
