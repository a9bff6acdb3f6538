/**
 * One-click kubeconfig for Kubernetes clusters and docker credentials for the container registry.
 * The files are merged, never clobbered (src/credentials); the user is asked before a same-named
 * entry is overwritten; the secret never appears in a message or the log.
 */
import { statSync } from 'node:fs';
import * as os from 'node:os';
import * as vscode from 'vscode';
import { kubernetesKubeconfig, redact, registryDockerCredentials } from '../api';
import { type KubernetesCluster } from '../api/resources/kubernetes';
import { type Registry } from '../api/resources/registry';
import type { AccountInfo } from '../accounts/accountStore';
import { REGISTRY_HOST, credentialHelper, decodeAuth, dockerConfigPath, runCredentialHelper, withRegistryAuth, withoutRegistryAuth } from '../credentials/dockerConfig';
import { clashes, contextNames, doctlExecUser, mergeKubeconfig, parseIncoming, removeContext, renameEntries, replaceUserCredentials, resolveKubeconfigPath, setCurrentContext, userOfContext } from '../credentials/kubeconfig';
import { readIfExists, updateFile } from '../credentials/safeWrite';
import { doctlContextForToken } from '../credentials/tokenSources';
import { findOnPath } from '../credentials/tools';
import type { AnyPresenter } from '../tree/kinds';
import { kubernetesClusterPresenter } from '../tree/kinds/kubernetes';
import { registryPresenter } from '../tree/kinds/registry';
import { resourceTarget } from './pick';
import { UserCancelledError } from '../ui/userInput';
import {  registerCommand } from './register';
import { withProgress } from '../ui/progress';
import type { CommandDeps } from './deps';

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
  void vscode.window.showInformationMessage(message, ...extra, 'Open File').then(async (choice) => {
    if (choice === 'Open File') await vscode.window.showTextDocument(vscode.Uri.file(file));
    if (choice === 'Copy Endpoint') await vscode.env.clipboard.writeText(message.match(/registry\.digitalocean\.com\/[^\s)]+/)?.[0] ?? REGISTRY_HOST);
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
  const rememberContext = (cluster: KubernetesCluster, name: string) => state.update(CONTEXTS_KEY, { ...state.get<Record<string, string>>(CONTEXTS_KEY), [cluster.id]: name });

  const expirySeconds = () => Math.round((vscode.workspace.getConfiguration('digitalocean').get<number>('kubeconfig.tokenExpiryDays') ?? 7) * 86_400);

  async function fetchKubeconfig(account: AccountInfo, cluster: KubernetesCluster, signal: AbortSignal): Promise<string> {
    return kubernetesKubeconfig(model.client(account), cluster.id, expirySeconds(), signal);
  }

  return [
    registerCommand(deps, 'digitalocean.kubernetes.addToKubeconfig', 'Add to kubeconfig', async (arg) => {
      const { account, item: cluster } = await target<KubernetesCluster>(arg, kubernetesClusterPresenter, 'Add a cluster to your kubeconfig');
      const file = kubeconfigFile();
      const days = expirySeconds() / 86_400;
      // The plugin is offered only when a doctl context holds this account's token: doctl must be
      // told which account's cluster it is, or it answers "cluster not found".
      const doctlContext = !account.demo && (await findOnPath('doctl')) !== undefined ? await doctlContextForToken((await store.token(account.id)) ?? '') : undefined;
      const useExec =
        doctlContext !== undefined &&
        (
          await input.quickPick(
            [
              { label: `Token that expires in ${days} day${days === 1 ? '' : 's'}`, exec: false },
              { label: 'doctl credential plugin', description: `a fresh token on every use from doctl context "${doctlContext}"; none stored in the file`, exec: true },
            ],
            { title: `Credentials for ${cluster.name}` },
          )
        ).exec;
      const setCurrent = (
        await input.quickPick(
          [
            { label: 'Add and switch to it', description: 'sets current-context', current: true },
            { label: 'Add only', current: false },
          ],
          { title: `Add ${cluster.name} to ${file}` },
        )
      ).current;

      let entries = parseIncoming(await withProgress(`Fetching the kubeconfig of ${cluster.name}…`, (signal) => fetchKubeconfig(account, cluster, signal)));
      if (useExec) entries = { ...entries, user: { ...entries.user, user: doctlExecUser(cluster.id, doctlContext) } };

      const clash = clashes(await readIfExists(file), entries);
      if (clash.length) {
        const choice = await input.quickPick(
          [
            { label: 'Keep both', description: 'add this cluster under another name', action: 'alias' as const },
            { label: 'Overwrite', description: `replace the existing ${clash.join(', ')}`, action: 'overwrite' as const },
            { label: 'Cancel', action: 'cancel' as const },
          ],
          { title: `Your kubeconfig already has ${clash.join(', ')}` },
        );
        if (choice.action === 'cancel') throw new UserCancelledError();
        if (choice.action === 'alias') {
          const taken = new Set(contextNames(await readIfExists(file)));
          const suggestion = `${entries.context.name}-${account.label.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
          const alias = await input.inputBox({
            title: 'Name for the new context',
            value: suggestion,
            validateInput: (v) =>
              !/^[A-Za-z0-9][A-Za-z0-9._-]{0,252}$/.test(v) ? 'Letters, digits, ".", "_" and "-" only.' : taken.has(v) || taken.has(`${v}-admin`) ? `${v} is already in your kubeconfig.` : undefined,
          });
          entries = renameEntries(entries, alias);
        }
      }
      const { backup } = await updateFile(file, (current) => mergeKubeconfig(current, entries, { setCurrent }));
      await rememberContext(cluster, entries.context.name);
      const message = `Context ${entries.context.name} added to ${file}${setCurrent ? ' and set as current' : ''}.`;
      log.info(`${message}${backup ? ` Previous file kept as ${backup}.` : ''}`);
      openFileAction(message, file);
      return { context: entries.context.name, file };
    }),

    registerCommand(deps, 'digitalocean.kubernetes.removeFromKubeconfig', 'Remove from kubeconfig', async (arg) => {
      const { item: cluster } = await target<KubernetesCluster>(arg, kubernetesClusterPresenter, 'Remove a cluster from your kubeconfig');
      const file = kubeconfigFile();
      const context = contextFor(cluster);
      if (!contextNames(await readIfExists(file)).includes(context)) {
        void vscode.window.showInformationMessage(`There is no context ${context} in ${file}.`);
        return undefined;
      }
      await input.confirm(`Remove context ${context} from ${file}?`, 'Its cluster and user entries go too, unless another context uses them. A backup is kept next to the file.', 'Remove');
      await updateFile(file, (current) => removeContext(current, context));
      log.info(`Context ${context} removed from ${file}`);
      void vscode.window.showInformationMessage(`Context ${context} removed from ${file}.`);
      return { context, file };
    }),

    registerCommand(deps, 'digitalocean.kubernetes.setCurrentContext', 'Set as current context', async (arg) => {
      const { item: cluster } = await target<KubernetesCluster>(arg, kubernetesClusterPresenter, 'Switch kubectl to a cluster');
      const file = kubeconfigFile();
      const context = contextFor(cluster);
      await updateFile(file, (current) => setCurrentContext(current, context));
      vscode.window.setStatusBarMessage(`$(check) kubectl now uses ${context}`, 5000);
      return { context, file };
    }),

    registerCommand(deps, 'digitalocean.kubernetes.refreshCredentials', 'Refresh credentials', async (arg) => {
      const { account, item: cluster } = await target<KubernetesCluster>(arg, kubernetesClusterPresenter, 'Refresh a cluster\'s credentials');
      const file = kubeconfigFile();
      const context = contextFor(cluster);
      const user = userOfContext(await readIfExists(file), context);
      if (!user) throw new Error(`There is no context ${context} in ${file}. Use "Add to kubeconfig" first.`);
      const fresh = parseIncoming(await withProgress(`Fetching fresh credentials for ${cluster.name}…`, (signal) => fetchKubeconfig(account, cluster, signal)));
      await updateFile(file, (current) => replaceUserCredentials(current, user, fresh.user.user));
      log.info(`Credentials of ${context} refreshed in ${file}`);
      openFileAction(`Fresh credentials for ${context} are in ${file}.`, file);
      return { context, file };
    }),

    registerCommand(deps, 'digitalocean.registry.login', 'Log in Docker', async (arg) => {
      const { account, item: reg } = await target<Registry>(arg, registryPresenter, 'Log Docker in to a registry');
      const access = await input.quickPick(
        [
          { label: 'Read and write', description: 'push and pull', readWrite: true },
          { label: 'Read only', description: 'pull only', readWrite: false },
        ],
        { title: `Docker credentials for ${reg.name}` },
      );
      const expiry = await input.quickPick(
        [
          { label: '30 days', seconds: 30 * 86_400 },
          { label: '7 days', seconds: 7 * 86_400 },
          { label: '1 day', seconds: 86_400 },
          { label: 'Never expires', seconds: 0 },
        ],
        { title: 'The credentials expire after' },
      );
      const creds = await withProgress('Fetching docker credentials…', (signal) =>
        registryDockerCredentials(model.client(account), access.readWrite, expiry.seconds, signal),
      );
      const auth = creds.auths?.[REGISTRY_HOST]?.auth;
      if (!auth) throw new Error('DigitalOcean sent no credentials for registry.digitalocean.com.');
      const { username, secret } = decodeAuth(auth);
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
      const message = `Docker is logged in to ${endpoint} (${access.readWrite ? 'read-write' : 'read-only'}, ${expiry.seconds ? `expires in ${expiry.label}` : 'no expiry'}; stored in ${where}).`;
      log.info(message);
      openFileAction(message, file, ['Copy Endpoint']);
      return { endpoint, file, helper: helperUsed, username };
    }),

    registerCommand(deps, 'digitalocean.registry.logout', 'Log out Docker', async () => {
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
      const message = `Docker is logged out of ${REGISTRY_HOST}.`;
      log.info(message);
      void vscode.window.showInformationMessage(message);
      return { file, helper: helperUsed };
    }),

    registerCommand(deps, 'digitalocean.registry.copyEndpoint', 'Copy registry endpoint', async (arg) => {
      const { item: reg } = await target<Registry>(arg, registryPresenter, 'Copy a registry endpoint');
      const endpoint = `${REGISTRY_HOST}/${reg.name}`;
      await vscode.env.clipboard.writeText(endpoint);
      vscode.window.setStatusBarMessage(`$(check) Copied ${endpoint}`, 4000);
      return endpoint;
    }),
  ];
}
