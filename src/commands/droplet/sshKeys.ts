/**
 * SSH keys of the account, what needs no file of this machine (so the web build has it too):
 * Rename (PUT /v2/account/keys/{id}; the name checked before the request, another key's name
 * refused). Adding a key from ~/.ssh is in sshKey.node.ts; Delete is the shared one.
 */
import * as vscode from 'vscode';
import { type SshKey, sshKey as sshKeyKind } from '../../api/resources/sshKey';
import { sshKeyPresenter } from '../../tree/kinds/sshKey';
import { withProgress } from '../../ui/progress';
import type { CommandDeps } from '../deps';
import { resourceTarget } from '../pick';
import { registerCommand } from '../register';

export function registerSshKeyCommands(deps: CommandDeps): vscode.Disposable[] {
  const { input, model, log } = deps;
  return [
    registerCommand(deps, 'digitalocean.sshKey.rename', vscode.l10n.t('Rename SSH key'), async (arg) => {
      const node = await resourceTarget(deps, arg, sshKeyPresenter, vscode.l10n.t('Rename an SSH key'));
      const key = node.item as SshKey;
      const others = (await model.cacheFor(node.account).list(sshKeyKind)).filter((k) => k.id !== key.id).map((k) => k.name);
      const name = (
        await input.inputBox({
          title: vscode.l10n.t('Rename {0}', key.name),
          prompt: vscode.l10n.t('Droplets keep the key: only its name in DigitalOcean changes.'),
          value: key.name,
          validateInput: (v) => sshKeyKind.nameProblem?.(v, others) ?? (v.trim() === key.name ? vscode.l10n.t('That is its name already.') : undefined),
        })
      ).trim();
      await withProgress(vscode.l10n.t('Renaming {0}…', key.name), (signal) =>
        model.client(node.account).update<SshKey>(sshKeyKind, String(key.id), { name }, { signal, method: 'PUT' }),
      );
      log.info(`[${node.account.label}] SSH key ${key.name} renamed to ${name}`);
      model.reloadKind(node.account, sshKeyKind.kind, false);
      return name;
    }),
  ];
}
