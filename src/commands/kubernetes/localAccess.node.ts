/**
 * One-click kubeconfig for Kubernetes clusters and docker credentials for the container registry.
 * The files are merged, never clobbered (src/credentials); the user is asked before a same-named
 * entry is overwritten; the secret never appears in a message or the log.
 */
import { statSync } from 'node:fs';
import * as os from 'node:os';
import * as vscode from 'vscode';
import { kubernetesKubeconfig, redact } from '../../api';
import { type KubernetesCluster } from '../../api/resources/kubernetes';
import { type Registry } from '../../api/resources/registry';
import type { AccountInfo } from '../../accounts/accountStore';
import { REGISTRY_HOST, credentialHelper, dockerConfigPath, runCredentialHelper, withRegistryAuth, withoutRegistryAuth } from '../../credentials/dockerConfig';
import {
  clashes,
  contextNames,
  doctlExecUser,
  mergeKubeconfig,
  parseIncoming,
  removeContext,
  renameEntries,
  replaceUserCredentials,
  resolveKubeconfigPath,
  setCurrentContext,
  userOfContext,
} from '../../credentials/kubeconfig';
import { readIfExists, updateFile } from '../../credentials/safeWrite';
import { doctlContextForToken } from '../../credentials/tokenSources';
import { findOnPath } from '../../credentials/tools';
import type { AnyPresenter } from '../../tree/kinds';
import { kubernetesClusterPresenter } from '../../tree/kinds/kubernetes';
import { registryPresenter } from '../../tree/kinds/registry';
import { resourceTarget } from '../pick';
import { UserCancelledError } from '../../ui/userInput';
import { registerCommand } from '../register';
import { kubeconfigExpiryDays, pickDockerAccess, registryAuth } from './registryAccess';
import { withProgress } from '../../ui/progress';
import type { CommandDeps } from '../deps';

const CONTEXTS_KEY = 'digitalocean.kubeconfig.contexts';

function kubeconfigFile(): string {
  return resolveKubeconfigPath(process.env, process.platform, os.homedir(), (file) => {
    try {
      return statSync(file).isFile();
    } catch {
      return false;
    }
  });
}

function openFileAction(message: string, file: string, extra: string[] = []): void {
  void vscode.window.showInformationMessage(message, ...extra, vscode.l10n.t('Open File')).then(async (choice) => {
    if (choice === vscode.l10n.t('Open File')) await vscode.window.showTextDocument(vscode.Uri.file(file));
    if (choice === vscode.l10n.t('Copy Endpoint'))
      await vscode.env.clipboard.writeText(message.match(/registry\.digitalocean\.com\/[^\s)]+/)?.[0] ?? REGISTRY_HOST);
  });
}

export function registerCredentialCommands(deps: CommandDeps): vscode.Disposable[] {
  const { input, state, log, store, model } = deps;

  /** The cluster or registry the command was run on, or one the user picks among every account's. */
  async function target<T>(arg: unknown, presenter: AnyPresenter, title: string): Promise<{ account: AccountInfo; item: T }> {
    const node = await resourceTarget(deps, arg, presenter, title);
    return { account: node.account, item: node.item as T };
  }

  const contextFor = (cluster: KubernetesCluster) => state.get<Record<string, string>>(CONTEXTS_KEY)?.[cluster.id] ?? `do-${cluster.region}-${cluster.name}`;
  const rememberContext = (cluster: KubernetesCluster, name: string) =>
    state.update(CONTEXTS_KEY, { ...state.get<Record<string, string>>(CONTEXTS_KEY), [cluster.id]: name });

  const expirySeconds = () => Math.round(kubeconfigExpiryDays() * 86_400);

  async function fetchKubeconfig(account: AccountInfo, cluster: KubernetesCluster, signal: AbortSignal): Promise<string> {
    return kubernetesKubeconfig(model.client(account), cluster.id, expirySeconds(), signal);
  }

  return [
    registerCommand(deps, 'digitalocean.kubernetes.addToKubeconfig', vscode.l10n.t('Add to kubeconfig'), async (arg) => {
      const { account, item: cluster } = await target<KubernetesCluster>(arg, kubernetesClusterPresenter, vscode.l10n.t('Add a cluster to your kubeconfig'));
      const file = kubeconfigFile();
      const days = expirySeconds() / 86_400;
      // The plugin is offered only when a doctl context holds this account's token: doctl must be
      // told which account's cluster it is, or it answers "cluster not found".
      const doctlContext =
        !account.demo && (await findOnPath('doctl')) !== undefined ? await doctlContextForToken((await store.token(account.id)) ?? '') : undefined;
      const useExec =
        doctlContext !== undefined &&
        (
          await input.quickPick(
            [
              { label: vscode.l10n.t('Token that expires in {0} day{1}', days, days === 1 ? '' : 's'), exec: false },
              {
                label: vscode.l10n.t('doctl credential plugin'),
                description: vscode.l10n.t('a fresh token on every use from doctl context "{0}"; none stored in the file', doctlContext),
                exec: true,
              },
            ],
            { title: vscode.l10n.t('Credentials for {0}', cluster.name) },
          )
        ).exec;
      const setCurrent = (
        await input.quickPick(
          [
            { label: vscode.l10n.t('Add and switch to it'), description: vscode.l10n.t('sets current-context'), current: true },
            { label: vscode.l10n.t('Add only'), current: false },
          ],
          { title: vscode.l10n.t('Add {0} to {1}', cluster.name, file) },
        )
      ).current;

      let entries = parseIncoming(
        await withProgress(vscode.l10n.t('Fetching the kubeconfig of {0}…', cluster.name), (signal) => fetchKubeconfig(account, cluster, signal)),
      );
      if (useExec) entries = { ...entries, user: { ...entries.user, user: doctlExecUser(cluster.id, doctlContext) } };

      const clash = clashes(await readIfExists(file), entries);
      if (clash.length) {
        const choice = await input.quickPick(
          [
            { label: vscode.l10n.t('Keep both'), description: vscode.l10n.t('add this cluster under another name'), action: 'alias' as const },
            { label: vscode.l10n.t('Overwrite'), description: vscode.l10n.t('replace the existing {0}', clash.join(', ')), action: 'overwrite' as const },
            { label: vscode.l10n.t('Cancel'), action: 'cancel' as const },
          ],
          { title: vscode.l10n.t('Your kubeconfig already has {0}', clash.join(', ')) },
        );
        if (choice.action === 'cancel') throw new UserCancelledError();
        if (choice.action === 'alias') {
          const taken = new Set(contextNames(await readIfExists(file)));
          const suggestion = `${entries.context.name}-${account.label
            .toLowerCase()
            .replace(/[^a-z0-9]+/g, '-')
            .replace(/^-|-$/g, '')}`;
          const alias = await input.inputBox({
            title: vscode.l10n.t('Name for the new context'),
            value: suggestion,
            validateInput: (v) =>
              !/^[A-Za-z0-9][A-Za-z0-9._-]{0,252}$/.test(v)
                ? vscode.l10n.t('Letters, digits, ".", "_" and "-" only.')
                : taken.has(v) || taken.has(`${v}-admin`)
                  ? vscode.l10n.t('{0} is already in your kubeconfig.', v)
                  : undefined,
          });
          entries = renameEntries(entries, alias);
        }
      }
      const { backup } = await updateFile(file, (current) => mergeKubeconfig(current, entries, { setCurrent }));
      await rememberContext(cluster, entries.context.name);
      const message = vscode.l10n.t('Context {0} added to {1}{2}.', entries.context.name, file, setCurrent ? vscode.l10n.t(' and set as current') : '');
      log.info(`${message}${backup ? vscode.l10n.t(' Previous file kept as {0}.', backup) : ''}`);
      openFileAction(message, file);
      return { context: entries.context.name, file };
    }),

    registerCommand(deps, 'digitalocean.kubernetes.removeFromKubeconfig', vscode.l10n.t('Remove from kubeconfig'), async (arg) => {
      const { item: cluster } = await target<KubernetesCluster>(arg, kubernetesClusterPresenter, vscode.l10n.t('Remove a cluster from your kubeconfig'));
      const file = kubeconfigFile();
      const context = contextFor(cluster);
      if (!contextNames(await readIfExists(file)).includes(context)) {
        void vscode.window.showInformationMessage(vscode.l10n.t('There is no context {0} in {1}.', context, file));
        return undefined;
      }
      await input.confirm(
        vscode.l10n.t('Remove context {0} from {1}?', context, file),
        vscode.l10n.t('Its cluster and user entries go too, unless another context uses them. A backup is kept next to the file.'),
        vscode.l10n.t('Remove'),
      );
      await updateFile(file, (current) => removeContext(current, context));
      log.info(`Context ${context} removed from ${file}`);
      void vscode.window.showInformationMessage(vscode.l10n.t('Context {0} removed from {1}.', context, file));
      return { context, file };
    }),

    registerCommand(deps, 'digitalocean.kubernetes.setCurrentContext', vscode.l10n.t('Set as current context'), async (arg) => {
      const { item: cluster } = await target<KubernetesCluster>(arg, kubernetesClusterPresenter, vscode.l10n.t('Switch kubectl to a cluster'));
      const file = kubeconfigFile();
      const context = contextFor(cluster);
      await updateFile(file, (current) => setCurrentContext(current, context));
      vscode.window.setStatusBarMessage(`$(check) kubectl now uses ${context}`, 5000);
      return { context, file };
    }),

    registerCommand(deps, 'digitalocean.kubernetes.refreshCredentials', vscode.l10n.t('Refresh credentials'), async (arg) => {
      const { account, item: cluster } = await target<KubernetesCluster>(arg, kubernetesClusterPresenter, vscode.l10n.t("Refresh a cluster's credentials"));
      const file = kubeconfigFile();
      const context = contextFor(cluster);
      const user = userOfContext(await readIfExists(file), context);
      if (!user) throw new Error(vscode.l10n.t('There is no context {0} in {1}. Use "Add to kubeconfig" first.', context, file));
      const fresh = parseIncoming(
        await withProgress(vscode.l10n.t('Fetching fresh credentials for {0}…', cluster.name), (signal) => fetchKubeconfig(account, cluster, signal)),
      );
      await updateFile(file, (current) => replaceUserCredentials(current, user, fresh.user.user));
      log.info(`Credentials of ${context} refreshed in ${file}`);
      openFileAction(vscode.l10n.t('Fresh credentials for {0} are in {1}.', context, file), file);
      return { context, file };
    }),

    registerCommand(deps, 'digitalocean.registry.login', vscode.l10n.t('Log in Docker'), async (arg) => {
      const { account, item: reg } = await target<Registry>(arg, registryPresenter, vscode.l10n.t('Log Docker in to a registry'));
      const access = await pickDockerAccess(input, vscode.l10n.t('Docker credentials for {0}', reg.name));
      const expiry = await input.quickPick(
        [
          { label: '30 days', seconds: 30 * 86_400 },
          { label: '7 days', seconds: 7 * 86_400 },
          { label: '1 day', seconds: 86_400 },
          { label: vscode.l10n.t('Never expires'), seconds: 0 },
        ],
        { title: vscode.l10n.t('The credentials expire after') },
      );
      const { auth, username, secret } = await withProgress(vscode.l10n.t('Fetching docker credentials…'), (signal) =>
        registryAuth(model.client(account), access.readWrite, expiry.seconds, signal),
      );
      const file = dockerConfigPath(process.env, os.homedir());
      let helperUsed: string | undefined;
      try {
        await updateFile(
          file,
          async (current) => {
            helperUsed = credentialHelper(current);
            if (helperUsed) {
              await runCredentialHelper(helperUsed, 'store', JSON.stringify({ ServerURL: REGISTRY_HOST, Username: username, Secret: secret }));
              return withRegistryAuth(current, undefined);
            }
            return withRegistryAuth(current, auth);
          },
          { mode: 0o600, dirMode: 0o700 },
        );
      } catch (error) {
        // A helper's error output could echo its input: keep the secret out of what is shown.
        throw new Error(redact(error instanceof Error ? error.message : String(error), [secret, auth]));
      }
      const endpoint = `${REGISTRY_HOST}/${reg.name}`;
      const where = helperUsed ? `docker-credential-${helperUsed}` : file;
      const message = vscode.l10n.t(
        'Docker is logged in to {0} ({1}, {2}; stored in {3}).',
        endpoint,
        access.readWrite ? 'read-write' : 'read-only',
        expiry.seconds ? vscode.l10n.t('expires in {0}', expiry.label) : vscode.l10n.t('no expiry'),
        where,
      );
      log.info(message);
      openFileAction(message, file, [vscode.l10n.t('Copy Endpoint')]);
      return { endpoint, file, helper: helperUsed, username };
    }),

    registerCommand(deps, 'digitalocean.registry.logout', vscode.l10n.t('Log out Docker'), async () => {
      const file = dockerConfigPath(process.env, os.homedir());
      let helperUsed: string | undefined;
      await updateFile(
        file,
        async (current) => {
          helperUsed = credentialHelper(current);
          if (helperUsed) await runCredentialHelper(helperUsed, 'erase', REGISTRY_HOST);
          return withoutRegistryAuth(current);
        },
        { mode: 0o600, dirMode: 0o700 },
      );
      const message = vscode.l10n.t('Docker is logged out of {0}.', REGISTRY_HOST);
      log.info(message);
      void vscode.window.showInformationMessage(message);
      return { file, helper: helperUsed };
    }),

    registerCommand(deps, 'digitalocean.registry.copyEndpoint', vscode.l10n.t('Copy registry endpoint'), async (arg) => {
      const { item: reg } = await target<Registry>(arg, registryPresenter, vscode.l10n.t('Copy a registry endpoint'));
      const endpoint = `${REGISTRY_HOST}/${reg.name}`;
      await vscode.env.clipboard.writeText(endpoint);
      vscode.window.setStatusBarMessage(`$(check) Copied ${endpoint}`, 4000);
      return endpoint;
    }),
  ];
}
