/**
 * When the Spaces key an account uses is deleted (from the view, a bulk delete or elsewhere, seen
 * as the key list changing), its stored secret is forgotten and the user told. Runs from
 * activation: it is no command, and the commands that delete keys live in other families.
 */
import * as vscode from 'vscode';
import { spacesKey } from '../../api/resources/spacesKey';
import type { CommandDeps } from '../deps';

export function watchSpacesKeys(deps: Pick<CommandDeps, 'model' | 'store' | 'spacesKeys' | 'log' | 'input'>): vscode.Disposable {
  const { model, store, log, input } = deps;
  return model.onDidChange((change) => {
    if (change.type !== 'lists' || change.kind !== spacesKey.kind) return;
    const account = store.get(change.accountId);
    if (!account) return;
    void (async () => {
      const current = await deps.spacesKeys.get(account.id);
      if (!current) return;
      const keys = await model.cacheFor(account).list(spacesKey);
      if (keys.some((k) => k.access_key === current.accessKey)) return;
      await deps.spacesKeys.forget(account.id);
      log.info(`[${account.label}] Spaces key ${current.accessKey} was deleted: its secret is forgotten`);
      void input.notify('info', vscode.l10n.t('{0} no longer has the Spaces key it used ({1}): set another to use Spaces.', account.label, current.accessKey));
    })().catch((error: unknown) =>
      log.warn(`[${account.label}] could not check the Spaces key in use: ${error instanceof Error ? error.message : String(error)}`),
    );
  });
}
