import * as l10n from '@vscode/l10n';
/**
 * The accounts the user added. Tokens live only in SecretStorage (key `digitalocean.token.<id>`);
 * everything else (label, email, team, whether the token was rejected) is non-secret metadata
 * in globalState. Written against two small interfaces so it does not depend on VS Code itself.
 */

export interface SecretStore {
  get(key: string): PromiseLike<string | undefined>;
  store(key: string, value: string): PromiseLike<void>;
  delete(key: string): PromiseLike<void>;
}

export interface StateStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

export interface AccountInfo {
  /** Our own id for the account (not DigitalOcean's). */
  id: string;
  /** What the tree shows: the team name, else the email; the user may rename it. */
  label: string;
  email?: string;
  teamName?: string;
  teamUuid?: string;
  /** DigitalOcean's uuid of the user the token belongs to. */
  userUuid?: string;
  /** The built-in demo account (needs no token). */
  demo?: boolean;
  /** The API rejected the token (401): the user must update it. */
  needsToken?: boolean;
  addedAt: string;
}

const STATE_KEY = 'digitalocean.accounts';
const secretKey = (id: string) => `digitalocean.token.${id}`;

export class AccountStore {
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly secrets: SecretStore,
    private readonly state: StateStore,
  ) {}

  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  list(): AccountInfo[] {
    return [...(this.state.get<AccountInfo[]>(STATE_KEY) ?? [])];
  }

  get(id: string): AccountInfo | undefined {
    return this.list().find((a) => a.id === id);
  }

  /** The account with the same DigitalOcean user and team, if one was added already. */
  findSame(userUuid: string | undefined, teamUuid: string | undefined): AccountInfo | undefined {
    if (!userUuid) return undefined;
    return this.list().find((a) => a.userUuid === userUuid && a.teamUuid === teamUuid);
  }

  async add(info: Omit<AccountInfo, 'id' | 'addedAt'>, token: string | undefined): Promise<AccountInfo> {
    const account: AccountInfo = { ...info, id: newId(), addedAt: new Date().toISOString() };
    if (token !== undefined) await this.secrets.store(secretKey(account.id), token);
    await this.save([...this.list(), account]);
    return account;
  }

  async token(id: string): Promise<string | undefined> {
    return this.secrets.get(secretKey(id));
  }

  async updateToken(id: string, token: string, details: Partial<AccountInfo> = {}): Promise<void> {
    await this.secrets.store(secretKey(id), token);
    await this.patch(id, { ...details, needsToken: false });
  }

  async rename(id: string, label: string): Promise<void> {
    await this.patch(id, { label });
  }

  async setNeedsToken(id: string, needsToken: boolean): Promise<void> {
    if (this.get(id)?.needsToken === needsToken) return;
    await this.patch(id, { needsToken });
  }

  async remove(id: string): Promise<void> {
    await this.secrets.delete(secretKey(id));
    // its Spaces key pair too (spacesKeys.ts): a removed account leaves no secret behind
    await this.secrets.delete(`digitalocean.spaces.${id}`);
    await this.save(this.list().filter((a) => a.id !== id));
  }

  private async patch(id: string, changes: Partial<AccountInfo>): Promise<void> {
    const accounts = this.list();
    const index = accounts.findIndex((a) => a.id === id);
    if (index < 0) return;
    accounts[index] = { ...accounts[index], ...changes, id };
    await this.save(accounts);
  }

  private async save(accounts: AccountInfo[]): Promise<void> {
    // Memento.get reflects an update at once, but the update's promise waits for a round trip
    // to the main process: tell listeners now, so nobody rebuilds from the old list meanwhile.
    const written = this.state.update(STATE_KEY, accounts);
    for (const listener of this.listeners) listener();
    await written;
  }
}

function newId(): string {
  const bytes = new Uint8Array(8);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Plausible DigitalOcean token: `dop_v1_`/`doo_v1_`/… + 64 hex, or 64 hex (older tokens). */
export function tokenProblem(value: string): string | undefined {
  const token = value.trim();
  if (!token) return l10n.t('Paste a personal access token.');
  if (/\s/.test(token)) return l10n.t('A token has no spaces or line breaks.');
  if (!/^(do[a-z]_v1_)?[a-f0-9]{64}$/.test(token)) {
    return l10n.t('That does not look like a DigitalOcean token (dop_v1_ followed by 64 hexadecimal characters).');
  }
  return undefined;
}
