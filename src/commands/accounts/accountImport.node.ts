/**
 * Import Tokens: DIGITALOCEAN_ACCESS_TOKEN and doctl's contexts, each validated before it is
 * stored. A family of its own because it reads doctl's config from disk (Node only), so the rest
 * of the account commands can go in the browser build.
 */
import * as vscode from 'vscode';
import { doctlConfigPath, findExistingTokens } from '../../credentials/tokenSources';
import { withProgress } from '../../ui/progress';
import { addValidatedToken } from './accountTokens';
import type { CommandDeps } from '../deps';
import { registerCommand } from '../register';

export function registerAccountImportCommands(deps: CommandDeps): vscode.Disposable[] {
  const { clients, input } = deps;
  return [
    registerCommand(deps, 'digitalocean.importTokens', vscode.l10n.t('Import tokens'), async () => {
      const found = await findExistingTokens();
      if (found.length === 0) {
        void vscode.window.showInformationMessage(
          vscode.l10n.t('No token to import: DIGITALOCEAN_ACCESS_TOKEN is not set and there is no doctl config at {0}.', doctlConfigPath()),
        );
        return [];
      }
      const chosen = await input.quickPickMany(
        found.map((f) => ({ label: f.source, description: vscode.l10n.t('import this token'), picked: true, found: f })),
        { title: vscode.l10n.t('Import DigitalOcean tokens'), placeHolder: vscode.l10n.t("Choose the tokens to store in VS Code's secret storage") },
      );
      const imported: string[] = [];
      const failed: string[] = [];
      await withProgress(vscode.l10n.t('Checking tokens with DigitalOcean…'), async (signal) => {
        for (const { found: f } of chosen) {
          try {
            const account = await clients.validate(f.token, signal);
            imported.push((await addValidatedToken(deps, f.token, account)).info.label);
          } catch (error) {
            if (signal.aborted) throw error;
            failed.push(`${f.source} (${error instanceof Error ? error.message : String(error)})`);
          }
        }
      });
      const parts = [imported.length ? vscode.l10n.t('Imported {0}.', imported.join(', ')) : vscode.l10n.t('Nothing imported.')];
      if (failed.length) parts.push(vscode.l10n.t('Rejected: {0}.', failed.join('; ')));
      deps.log.info(parts.join(' '));
      void (failed.length ? vscode.window.showWarningMessage(parts.join(' ')) : vscode.window.showInformationMessage(parts.join(' ')));
      return imported;
    }),
  ];
}
