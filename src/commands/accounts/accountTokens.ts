/**
 * Storing a token the API has validated: a new account, or the token of the account already there
 * for the same user and team. Shared by Add Account (accounts.ts) and Import Tokens
 * (accountImport.node.ts).
 */
import type { AccountInfo } from '../../accounts/accountStore';
import type { Account } from '../../api/resources/account';
import type { CommandDeps } from '../deps';

/** What the store keeps of the account a token belongs to. */
export function describeAccount(account: Account) {
  return {
    label: account.team?.name || account.email,
    email: account.email,
    teamName: account.team?.name,
    teamUuid: account.team?.uuid,
    userUuid: account.uuid,
  };
}

export async function addValidatedToken(
  deps: Pick<CommandDeps, 'store' | 'clients'>,
  token: string,
  account: Account,
): Promise<{ info: AccountInfo; isNew: boolean }> {
  const { store, clients } = deps;
  const details = describeAccount(account);
  const same = store.findSame(details.userUuid, details.teamUuid);
  if (same) {
    await store.updateToken(same.id, token, { email: details.email, teamName: details.teamName });
    clients.invalidate(same.id);
    return { info: same, isNew: false };
  }
  return { info: await store.add(details, token), isNew: true };
}
