import type { AccountInfo, AccountStore } from './accountStore';
import * as l10n from '@vscode/l10n';

export const DEMO_LABEL = l10n.t('Acme Demo Team (demo)');

/** The demo account, added if it is not there yet. It has no token: its API is the built-in fake. */
export async function ensureDemoAccount(store: AccountStore): Promise<{ account: AccountInfo; added: boolean }> {
  const existing = store.list().find((a) => a.demo);
  if (existing) return { account: existing, added: false };
  const account = await store.add({ label: DEMO_LABEL, demo: true, email: 'demo@acme.example', teamName: l10n.t('Acme Demo Team') }, undefined);
  return { account, added: true };
}
