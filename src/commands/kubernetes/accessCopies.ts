/**
 * Credentials handed to the user rather than written into their tools' files — what the web build
 * offers instead of *Add to kubeconfig* and *Log in Docker* (which edit ~/.kube/config and
 * ~/.docker/config.json), and what the desktop offers beside them:
 *  - *Download kubeconfig…*: the cluster's kubeconfig saved where the user picks (a save dialog
 *    that starts outside the workspace; VS Code's file system, so the workspace's own files on the
 *    web); on a local disk readable by the user alone (0600), and a warning first when the place
 *    is inside a git work tree;
 *  - *Copy Docker Password…*: the registry password to the clipboard only — never shown, logged
 *    or put in a notification — with the `docker login … --password-stdin` line to paste it into.
 */
import * as vscode from 'vscode';
import { kubernetesKubeconfig } from '../../api';
import { type KubernetesCluster } from '../../api/resources/kubernetes';
import { type Registry } from '../../api/resources/registry';
import { REGISTRY_HOST } from '../../credentials/registryAuth';
import { kubernetesClusterPresenter } from '../../tree/kinds/kubernetes';
import { registryPresenter } from '../../tree/kinds/registry';
import { withProgress } from '../../ui/progress';
import { gitWorkTreeOf } from '../../ui/transferFiles';
import { UserCancelledError } from '../../ui/userInput';
import type { CommandDeps } from '../deps';
import { resourceTarget } from '../pick';
import { registerCommand } from '../register';
import { kubeconfigExpiryDays, pickDockerAccess, registryAuth } from './registryAccess';

export function registerCredentialCopiesCommands(deps: CommandDeps): vscode.Disposable[] {
  const { input, log, model } = deps;
  return [
    registerCommand(deps, 'digitalocean.kubernetes.downloadKubeconfig', vscode.l10n.t('Download kubeconfig'), async (arg) => {
      const node = await resourceTarget(deps, arg, kubernetesClusterPresenter, vscode.l10n.t('Download the kubeconfig of which cluster?'));
      const cluster = node.item as KubernetesCluster;
      // outside the workspace where the platform has such a place: a credential in a project
      // folder is one commit away from a repository
      const folder = deps.machine.files.credentialFolder();
      const name = `${cluster.name.replace(/[^A-Za-z0-9._-]+/g, '-')}-kubeconfig.yaml`;
      const target = await input.saveDialog({
        defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
        title: vscode.l10n.t('Save the kubeconfig of {0}', cluster.name),
        saveLabel: vscode.l10n.t('Save kubeconfig'),
        filters: { YAML: ['yaml', 'yml'] },
      });
      const repository = await gitWorkTreeOf(target);
      if (repository) {
        const here = vscode.l10n.t('Save Here Anyway');
        const choice = await input.notify(
          'warning',
          vscode.l10n.t(
            '{0} is inside the git work tree {1}: the kubeconfig holds a credential to {2} and could be committed with it. Save it there anyway?',
            vscode.workspace.asRelativePath(target),
            repository.fsPath || repository.toString(),
            cluster.name,
          ),
          here,
        );
        if (choice !== here) throw new UserCancelledError();
      }
      const days = kubeconfigExpiryDays();
      const text = await withProgress(vscode.l10n.t('Fetching the kubeconfig of {0}…', cluster.name), (signal) =>
        kubernetesKubeconfig(model.client(node.account), cluster.id, Math.round(days * 86_400), signal),
      );
      await deps.machine.files.savePrivate(target, new TextEncoder().encode(text));
      const where = vscode.workspace.asRelativePath(target);
      log.info(`[${node.account.label}] kubeconfig of ${cluster.name} saved to ${where} (token expires in ${days} days)`);
      const open = vscode.l10n.t('Open');
      const choice = await input.notify(
        'info',
        vscode.l10n.t(
          'Saved the kubeconfig of {0} to {1}. Its token expires in {2} days; the file is a credential: keep it out of version control. Use it with KUBECONFIG={1} kubectl …',
          cluster.name,
          where,
          days,
        ),
        open,
      );
      if (choice === open) await vscode.window.showTextDocument(target);
      return target;
    }),

    registerCommand(deps, 'digitalocean.registry.copyDockerPassword', vscode.l10n.t('Copy Docker password'), async (arg) => {
      const node = await resourceTarget(deps, arg, registryPresenter, vscode.l10n.t('Copy a Docker password for which registry?'));
      const registry = node.item as Registry;
      const access = await pickDockerAccess(input, vscode.l10n.t('Docker password for {0}', registry.name));
      const expiry = await input.quickPick(
        [
          { label: vscode.l10n.t('1 hour'), seconds: 3_600 },
          { label: vscode.l10n.t('1 day'), seconds: 86_400 },
          { label: vscode.l10n.t('7 days'), seconds: 7 * 86_400 },
        ],
        { title: vscode.l10n.t('The password expires after') },
      );
      const { username, secret } = await withProgress(vscode.l10n.t('Fetching docker credentials…'), (signal) =>
        registryAuth(model.client(node.account), access.readWrite, expiry.seconds, signal),
      );
      await vscode.env.clipboard.writeText(secret);
      // the user name goes on the command line only when it is not the secret itself
      const user = username && username !== secret ? username : '<the same password>';
      const line = `docker login ${REGISTRY_HOST} --username ${user} --password-stdin`;
      log.info(
        `[${node.account.label}] Docker password for ${registry.name} (${access.readWrite ? 'read-write' : 'read-only'}, ${expiry.label}) copied to the clipboard`,
      );
      const copyLine = vscode.l10n.t('Copy Command');
      const choice = await input.notify(
        'info',
        vscode.l10n.t(
          'The Docker password for {0} is in the clipboard ({1}, expires in {2}). Run {3} and paste it.',
          registry.name,
          access.readWrite ? vscode.l10n.t('read-write') : vscode.l10n.t('read-only'),
          expiry.label,
          line,
        ),
        copyLine,
      );
      if (choice === copyLine) {
        // the command takes the password's place in the clipboard: offer it back for the paste
        await vscode.env.clipboard.writeText(line);
        const copyPassword = vscode.l10n.t('Copy Password');
        if (
          (await input.notify('info', vscode.l10n.t('The command is in the clipboard. Once it runs, copy the password again and paste it.'), copyPassword)) ===
          copyPassword
        ) {
          await vscode.env.clipboard.writeText(secret);
        }
      }
      return { username: user, line };
    }),
  ];
}
