/** Account commands: add (token or demo), rename, update token, remove. Import Tokens, which reads files, is accountImport.node.ts. */
import * as vscode from 'vscode';
import type { Account } from '../../api/resources/account';
import { type AccountInfo, tokenProblem } from '../../accounts/accountStore';
import { ensureDemoAccount } from '../../accounts/demoAccount';
import { AccountNode } from '../../tree/nodes/accountNode';
import { accountTarget } from '../pick';
import { registerCommand } from '../register';
import { withProgress } from '../../ui/progress';
import type { CommandDeps } from '../deps';
import { addValidatedToken, describeAccount } from './accountTokens';

export function registerAccountCommands(deps: CommandDeps): vscode.Disposable[] {
  const { store, clients, explorer, input } = deps;

  const pickAccount = (arg: unknown, title: string, filter: (a: AccountInfo) => boolean = () => true) => accountTarget(deps, arg, title, filter);

  /** Shows the account in the view; best effort, the account is added whether or not this works. */
  const reveal = async (accountId: string) => {
    try {
      await vscode.commands.executeCommand('digitalocean.resources.focus');
      await explorer.getChildren();
      const node = explorer.accountNodes().find((n) => n.account.id === accountId);
      if (node) await deps.treeView.reveal(node, { select: true, focus: true });
    } catch (error) {
      deps.log.debug(`Could not reveal the account: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const askToken = (title: string) =>
    input.inputBox({
      title,
      prompt: vscode.l10n.t("Paste a personal access token from cloud.digitalocean.com → API → Tokens. It is stored in VS Code's secret storage only."),
      placeHolder: vscode.l10n.t('dop_v1_…'),
      password: true,
      validateInput: tokenProblem,
    });

  const validate = (token: string) => withProgress(vscode.l10n.t('Checking the token with DigitalOcean…'), (signal) => clients.validate(token.trim(), signal));

  const addValidated = (token: string, account: Account) => addValidatedToken(deps, token, account);

  return [
    registerCommand(deps, 'digitalocean.addAccount', vscode.l10n.t('Add account'), async () => {
      const token = (await askToken(vscode.l10n.t('Add DigitalOcean account'))).trim();
      const account = await validate(token);
      const { info, isNew } = await addValidated(token, account);
      deps.log.info(`Account ${isNew ? 'added' : 'token updated'}: ${info.label}`);
      if (!isNew) void vscode.window.showInformationMessage(vscode.l10n.t('{0} was already added; its token has been replaced.', info.label));
      await reveal(info.id);
      return info.id;
    }),

    registerCommand(deps, 'digitalocean.addDemoAccount', vscode.l10n.t('Add demo account'), async () => {
      const { account, added } = await ensureDemoAccount(store);
      if (added) deps.log.info('Demo account added');
      await reveal(account.id);
      return account.id;
    }),

    registerCommand(deps, 'digitalocean.renameAccount', vscode.l10n.t('Rename account'), async (arg) => {
      const account = await pickAccount(arg, vscode.l10n.t('Rename account'));
      const label = await input.inputBox({
        title: vscode.l10n.t('Rename {0}', account.label),
        value: account.label,
        validateInput: (v) =>
          !v.trim() ? vscode.l10n.t('The name cannot be empty.') : v.trim().length > 60 ? vscode.l10n.t('At most 60 characters.') : undefined,
      });
      await store.rename(account.id, label.trim());
    }),

    registerCommand(deps, 'digitalocean.updateToken', vscode.l10n.t('Update token'), async (arg) => {
      const target = arg instanceof AccountNode ? arg.account : await pickAccount(undefined, vscode.l10n.t('Update token'), (a) => !a.demo);
      if (target.demo) return;
      const token = (await askToken(vscode.l10n.t('New token for {0}', target.label))).trim();
      const account = await validate(token);
      if (target.userUuid && account.uuid !== target.userUuid) {
        await input.confirm(
          vscode.l10n.t('This token belongs to {0}, not to the user of {1}.', account.email, target.label),
          vscode.l10n.t('Use it for this account anyway?'),
          vscode.l10n.t('Use Token'),
        );
      }
      const details = describeAccount(account);
      await store.updateToken(target.id, token, { email: details.email, teamName: details.teamName, teamUuid: details.teamUuid, userUuid: details.userUuid });
      clients.invalidate(target.id);
      deps.log.info(`Token updated for ${target.label}`);
    }),

    registerCommand(deps, 'digitalocean.removeAccount', vscode.l10n.t('Remove account'), async (arg) => {
      const account = await pickAccount(arg, vscode.l10n.t('Remove account'));
      await input.confirm(
        vscode.l10n.t('Remove {0} from VS Code?', account.label),
        account.demo
          ? vscode.l10n.t('The demo data is discarded.')
          : vscode.l10n.t(
              "Its token is deleted from VS Code's secret storage. Nothing changes at DigitalOcean; the token itself stays valid until you revoke it there.",
            ),
        vscode.l10n.t('Remove'),
      );
      await store.remove(account.id);
      clients.invalidate(account.id);
      deps.log.info(`Account removed: ${account.label}`);
    }),

    registerCommand(deps, 'digitalocean.showLog', vscode.l10n.t('Show log'), () => deps.log.show(true)),
  ];
}
