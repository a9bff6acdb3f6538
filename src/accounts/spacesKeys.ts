/**
 * The Spaces key an account uses for buckets and objects. Spaces speak S3 and sign with an access
 * key pair, not the API token. The pair lives only in SecretStorage (`digitalocean.spaces.<id>`,
 * access key and secret together); nothing about it is kept in settings or state.
 */
import type { SecretStore } from './accountStore';
import type { SpacesCredentials } from '../api/spaces/spaces';
import * as l10n from '@vscode/l10n';

const secretKey = (accountId: string) => `digitalocean.spaces.${accountId}`;

/** What is wrong with a pasted access key id; undefined when it looks like one. */
export function accessKeyProblem(value: string): string | undefined {
  const key = value.trim();
  if (!key) return l10n.t('An access key is required.');
  if (!/^[A-Za-z0-9]{16,128}$/.test(key)) return l10n.t('An access key is letters and digits only (Spaces keys look like DO00ABCD…, 20 characters).');
  return undefined;
}

/** What is wrong with a pasted secret; undefined when it looks like one. */
export function secretKeyProblem(value: string): string | undefined {
  const secret = value.trim();
  if (!secret) return l10n.t('The secret is required.');
  if (!/^[A-Za-z0-9+/=]{20,128}$/.test(secret)) return 'A secret key is 20 or more letters, digits, "+", "/" or "=" (no spaces).';
  return undefined;
}

export class SpacesKeyStore {
  private readonly listeners = new Set<(accountId: string) => void>();
  /** Read once per account: SecretStorage is a round trip to the main process. */
  private readonly cache = new Map<string, SpacesCredentials | undefined>();

  constructor(private readonly secrets: SecretStore) {}

  onDidChange(listener: (accountId: string) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  async get(accountId: string): Promise<SpacesCredentials | undefined> {
    if (this.cache.has(accountId)) return this.cache.get(accountId);
    const raw = await this.secrets.get(secretKey(accountId));
    let value: SpacesCredentials | undefined;
    try {
      const parsed = raw ? (JSON.parse(raw) as Partial<SpacesCredentials>) : undefined;
      if (parsed?.accessKey && parsed.secretKey) value = { accessKey: parsed.accessKey, secretKey: parsed.secretKey };
    } catch {
      value = undefined;
    }
    this.cache.set(accountId, value);
    return value;
  }

  async set(accountId: string, credentials: SpacesCredentials): Promise<void> {
    const value = { accessKey: credentials.accessKey.trim(), secretKey: credentials.secretKey.trim() };
    await this.secrets.store(secretKey(accountId), JSON.stringify(value));
    this.cache.set(accountId, value);
    this.fire(accountId);
  }

  async forget(accountId: string): Promise<void> {
    await this.secrets.delete(secretKey(accountId));
    this.cache.set(accountId, undefined);
    this.fire(accountId);
  }

  private fire(accountId: string): void {
    for (const listener of this.listeners) listener(accountId);
  }
}
