/**
 * A shell where each resource lives: an SSH terminal or a Remote-SSH window on a droplet, and a
 * kubectl terminal on a cluster.
 *  - SSH runs the system `ssh` (Remote-SSH's `remote.SSH.path` when set), so the user's ssh
 *    config and agent apply; with `remote.SSH.configFile` set, ssh reads that file. Both are
 *    read from the user's settings only, must be absolute paths, and are shown in the
 *    terminal's first line: a cloned repository's settings cannot choose what runs
 *    (ui/userSettings.ts). The terminal starts in the home folder, and `--` ends ssh's options
 *    before the address.
 *  - The login and address are asked once per droplet and remembered (globalState, no secret).
 *  - "Connect in New Window" writes a marked `Host do-<name>` block into the ssh config Remote-SSH
 *    reads (src/credentials/sshConfig.ts, through safeWrite.ts) and opens a window on it.
 *  - A kubectl terminal gets `KUBECONFIG` pointing at a private temporary file (0600, in a 0700
 *    directory) holding only that cluster with short-lived credentials; it is deleted when the
 *    terminal closes (and when the extension stops); ~/.kube/config is not touched.
 */
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as vscode from 'vscode';
import { kubernetesKubeconfig } from '../../api';
import { type Droplet } from '../../api/resources/droplet';
import { terminalSafe } from '../../api/terminalText';
import { type KubernetesCluster } from '../../api/resources/kubernetes';
import { sshKey as sshKeyKind } from '../../api/resources/sshKey';
import type { AccountInfo } from '../../accounts/accountStore';
import { PRIVATE_DIRS } from '../../credentials/privateDirs';
import { updateFile } from '../../credentials/safeWrite';
import { hostAlias, ourHosts, removeHost, sshConfigPath, upsertHost } from '../../credentials/sshConfig';
import { localPublicKeys } from '../../credentials/sshKeys';
import { findOnPath } from '../../credentials/tools';
import { dropletPresenter } from '../../tree/kinds/droplet';
import { kubernetesClusterPresenter } from '../../tree/kinds/kubernetes';
import { withProgress } from '../../ui/progress';
import { userSettingPath, workspaceSets } from '../../ui/userSettings';
import type { CommandDeps } from '../deps';
import { resourceTarget } from '../pick';
import { registerCommand } from '../register';
import { TerminalFiles } from '../terminalFiles.node';
import { dropletKeysGiven } from './dropletKeys';

const SSH_CHOICES_KEY = 'digitalocean.ssh.choices';
/** A kubectl terminal's credentials last this long; its file is removed when it closes. */
const KUBECTL_EXPIRY_SECONDS = PRIVATE_DIRS.kubectl.maxAgeMs / 1000;
/** An ssh that ends with 255 this soon did not get in: time for the key hint. */
const LOGIN_WINDOW_MS = 60_000;

type AddressKind = 'public' | 'private' | 'ipv6';

interface SshChoice {
  user: string;
  address: AddressKind;
}

interface Address {
  kind: AddressKind;
  ip: string;
  label: string;
}

/** The droplet's addresses, public IPv4 first. */
export function dropletAddresses(d: Droplet): Address[] {
  const v4 = (type: string) => d.networks?.v4?.find((n) => n.type === type)?.ip_address;
  const v6 = d.networks?.v6?.find((n) => n.type === 'public')?.ip_address;
  const all: (Address | undefined)[] = [
    v4('public') ? { kind: 'public', ip: v4('public')!, label: vscode.l10n.t('Public IPv4') } : undefined,
    v4('private') ? { kind: 'private', ip: v4('private')!, label: vscode.l10n.t('Private IPv4 (from inside its VPC)') } : undefined,
    v6 ? { kind: 'ipv6', ip: v6, label: vscode.l10n.t('Public IPv6') } : undefined,
  ];
  return all.filter((a): a is Address => a !== undefined);
}

/** A login name ssh accepts: letters, digits, ".", "_" and "-", not starting with "-". */
export function sshUserProblem(value: string): string | undefined {
  const user = value.trim();
  if (!user) return vscode.l10n.t('A user name is required (DigitalOcean images log in as root).');
  if (user.length > 32) return vscode.l10n.t('At most 32 characters.');
  return /^[A-Za-z_][A-Za-z0-9._-]*$/.test(user) ? undefined : vscode.l10n.t('Letters, digits, ".", "_" and "-", starting with a letter or "_".');
}

export function registerConnectCommands(deps: CommandDeps): vscode.Disposable[] {
  const { input, state, log, model, windows } = deps;
  const kubeFiles = new TerminalFiles(log, PRIVATE_DIRS.kubectl);

  const dropletTarget = (arg: unknown, title: string) => resourceTarget(deps, arg, dropletPresenter, title);
  const choiceKey = (account: AccountInfo, d: Droplet) => `${account.id}/${d.id}`;
  /** What a workspace sets for ssh is not used: said in the log, once per key and session. */
  const ignoredSaid = new Set<string>();
  const sshSetting = (key: 'path' | 'configFile') => {
    if (workspaceSets('remote.SSH', key) && !ignoredSaid.has(key)) {
      ignoredSaid.add(key);
      log.warn(`This workspace sets remote.SSH.${key}; it is not used (only your user settings choose the program and files ssh runs with).`);
    }
    return userSettingPath('remote.SSH', key);
  };
  /** The ssh config the user named in their settings (absolute or ~), else undefined. */
  const configuredConfigFile = () => {
    const configured = sshSetting('configFile');
    return configured === undefined ? undefined : sshConfigPath(configured);
  };
  const configFile = () => configuredConfigFile() ?? sshConfigPath(undefined);

  /** The droplet must be running and reachable: said before anything starts. */
  function checkReachable(d: Droplet): Address[] {
    if (d.status !== 'active')
      throw new Error(vscode.l10n.t('{0} is {1}: power it on first, then connect.', d.name, d.status === 'off' ? vscode.l10n.t('powered off') : d.status));
    const addresses = dropletAddresses(d);
    if (addresses.length === 0) throw new Error(vscode.l10n.t('{0} has no IP address to connect to yet.', d.name));
    return addresses;
  }

  /** The login and address for this droplet: remembered, or asked (and remembered) when `ask`. */
  async function sshChoice(account: AccountInfo, d: Droplet, addresses: Address[], ask: boolean): Promise<{ user: string; address: Address }> {
    const remembered = state.get<Record<string, SshChoice>>(SSH_CHOICES_KEY)?.[choiceKey(account, d)];
    const rememberedAddress = addresses.find((a) => a.kind === remembered?.address);
    if (remembered && rememberedAddress && !ask) return { user: remembered.user, address: rememberedAddress };
    const address =
      addresses.length === 1
        ? addresses[0]
        : (
            await input.quickPick(
              addresses.map((a) => ({ label: a.ip, description: a.label, address: a })),
              { title: vscode.l10n.t('Connect to {0}: which address?', d.name) },
            )
          ).address;
    const user = (
      await input.inputBox({
        title: vscode.l10n.t('Connect to {0}: log in as', d.name),
        prompt: vscode.l10n.t('Remembered for this droplet ("Open SSH Terminal As…" asks again)'),
        value: remembered?.user ?? 'root',
        validateInput: sshUserProblem,
      })
    ).trim();
    await state.update(SSH_CHOICES_KEY, { ...state.get<Record<string, SshChoice>>(SSH_CHOICES_KEY), [choiceKey(account, d)]: { user, address: address.kind } });
    return { user, address };
  }

  async function sshExecutable(): Promise<string> {
    const configured = sshSetting('path');
    const found = await findOnPath(configured ?? 'ssh');
    if (!found)
      throw new Error(
        configured
          ? vscode.l10n.t('remote.SSH.path names {0}, which is not an executable.', configured)
          : vscode.l10n.t('ssh is not installed or not on PATH: install an OpenSSH client, then try again.'),
      );
    return found;
  }

  /** Why a login may have failed: the keys the droplet was given (or the account's) against ~/.ssh/*.pub. */
  async function keyHint(account: AccountInfo, d: Droplet, login: string): Promise<string> {
    const [accountKeys, local] = await Promise.all([
      model
        .cacheFor(account)
        .list(sshKeyKind)
        .catch(() => []),
      localPublicKeys(),
    ]);
    const given = dropletKeysGiven(state, account.id, d.id);
    const keys = given ? accountKeys.filter((k) => given.includes(k.id)) : accountKeys;
    const home = os.homedir();
    const describe = keys.map((k) => {
      const match = local.find((l) => l.md5 === k.fingerprint);
      const where = match
        ? vscode.l10n.t('on this machine as {0} ({1})', match.file.startsWith(home) ? '~' + match.file.slice(home.length) : match.file, match.sha256)
        : vscode.l10n.t('not in ~/.ssh');
      return `"${k.name}" (${k.fingerprint}, ${where})`;
    });
    const which = given
      ? vscode.l10n.t('It was created with {0}', given.length === 1 ? vscode.l10n.t('the key') : vscode.l10n.t('the keys'))
      : vscode.l10n.t('DigitalOcean does not say which keys a droplet has; the account has');
    const keysText = describe.length
      ? `${which} ${describe.join(', ')}.`
      : given
        ? vscode.l10n.t('It was created with no SSH key (log in with the root password sent by email).')
        : vscode.l10n.t('The account has no SSH key.');
    return vscode.l10n.t(
      'Could not log in to {0} as {1} (ssh exited with code 255). {2} A key must be loaded in your ssh agent or named by IdentityFile in your ssh config; ssh -v shows what was tried.',
      d.name,
      login,
      keysText,
    );
  }

  async function openSshTerminal(arg: unknown, ask: boolean): Promise<vscode.Terminal> {
    const node = await dropletTarget(arg, vscode.l10n.t('Open an SSH terminal'));
    const d = node.item as Droplet;
    const addresses = checkReachable(d);
    const ssh = await sshExecutable();
    const { user, address } = await sshChoice(node.account, d, addresses, ask);
    const config = configuredConfigFile();
    // `--`: nothing after it is read as an option, whatever the address
    const args = [...(config ? ['-F', config] : []), '-l', user, '--', address.ip];
    const terminal = vscode.window.createTerminal({
      name: `SSH: ${d.name}`,
      shellPath: ssh,
      shellArgs: args,
      // the home folder, not the workspace: nothing of a cloned repository is where ssh starts
      cwd: os.homedir(),
      iconPath: new vscode.ThemeIcon('remote'),
      isTransient: true,
      message: vscode.l10n.t('Running {0}', terminalSafe([ssh, ...args].join(' '))),
    });
    const opened = Date.now();
    log.info(`[${node.account.label}] SSH terminal to ${d.name}: ${user}@${address.ip}`);
    const watch = vscode.window.onDidCloseTerminal(async (closed) => {
      if (closed !== terminal) return;
      watch.dispose();
      if (closed.exitStatus?.code !== 255 || Date.now() - opened > LOGIN_WINDOW_MS) return;
      const hint = await keyHint(node.account, d, `${user}@${address.ip}`);
      log.warn(`[${node.account.label}] ${hint}`);
      const choice = await input.notify('warning', hint, vscode.l10n.t('Try Again'), vscode.l10n.t('Log In As…'));
      if (choice === vscode.l10n.t('Try Again')) void vscode.commands.executeCommand('digitalocean.droplet.sshTerminal', node);
      if (choice === vscode.l10n.t('Log In As…')) void vscode.commands.executeCommand('digitalocean.droplet.sshTerminalAs', node);
    });
    terminal.show();
    return terminal;
  }

  return [
    kubeFiles,

    registerCommand(deps, 'digitalocean.droplet.sshTerminal', vscode.l10n.t('Open SSH terminal'), (arg) => openSshTerminal(arg, false)),
    registerCommand(deps, 'digitalocean.droplet.sshTerminalAs', vscode.l10n.t('Open SSH terminal'), (arg) => openSshTerminal(arg, true)),

    registerCommand(deps, 'digitalocean.droplet.connectRemoteSsh', vscode.l10n.t('Connect in new window'), async (arg) => {
      const node = await dropletTarget(arg, vscode.l10n.t('Connect to a droplet in a new window'));
      const d = node.item as Droplet;
      const addresses = checkReachable(d);
      if (!windows.remoteSshExtension()) {
        const install = windows.remoteSshToInstall();
        const choice = await input.notify(
          'warning',
          vscode.l10n.t('Connecting to {0} in a new window needs the Remote - SSH extension ({1}), which is not installed.', d.name, install),
          vscode.l10n.t('Install Remote - SSH'),
          vscode.l10n.t('Open SSH Terminal'),
        );
        if (choice === vscode.l10n.t('Install Remote - SSH')) await vscode.commands.executeCommand('workbench.extensions.installExtension', install);
        if (choice === vscode.l10n.t('Open SSH Terminal')) await vscode.commands.executeCommand('digitalocean.droplet.sshTerminal', node);
        return undefined;
      }
      const { user, address } = await sshChoice(node.account, d, addresses, false);
      const alias = hostAlias(d.name);
      const file = configFile();
      await updateFile(
        file,
        (current) => upsertHost(current, { alias, hostName: address.ip, user, about: vscode.l10n.t('droplet {0} (id {1})', d.name, d.id) }),
        { mode: 0o600, dirMode: 0o700 },
      );
      log.info(`[${node.account.label}] ${file}: Host ${alias} → ${user}@${address.ip}; opening a Remote-SSH window`);
      const authority = `ssh-remote+${alias}`;
      await windows.openRemote(authority);
      return authority;
    }),

    registerCommand(deps, 'digitalocean.droplet.removeSshConfigEntry', vscode.l10n.t('Remove SSH config entry'), async (arg) => {
      const file = configFile();
      let alias: string;
      if (arg !== undefined) {
        alias = hostAlias(((await dropletTarget(arg, vscode.l10n.t('Remove a droplet from your ssh config'))).item as Droplet).name);
      } else {
        const text = await fs.readFile(file, 'utf8').catch(() => '');
        const ours = ourHosts(text);
        if (ours.length === 0) {
          await input.notify('info', vscode.l10n.t('{0} has no entry written by DigitalOcean Explorer.', file));
          return undefined;
        }
        alias = (
          await input.quickPick(
            ours.map((a) => ({ label: a })),
            { title: vscode.l10n.t('Remove an entry from {0}', file) },
          )
        ).label;
      }
      const result = await updateFile(file, (current) => removeHost(current, alias));
      if (!result.changed) {
        await input.notify('info', vscode.l10n.t('{0} has no entry for {1} written by DigitalOcean Explorer.', file, alias));
        return undefined;
      }
      log.info(`${file}: Host ${alias} removed`);
      void input.notify(
        'info',
        vscode.l10n.t('Removed Host {0} from {1}{2}.', alias, file, result.backup ? vscode.l10n.t(' (the previous file is {0})', result.backup) : ''),
      );
      return alias;
    }),

    registerCommand(deps, 'digitalocean.kubernetes.kubectlTerminal', vscode.l10n.t('Open kubectl terminal'), async (arg) => {
      const node = await resourceTarget(deps, arg, kubernetesClusterPresenter, vscode.l10n.t('Open a kubectl terminal'));
      const cluster = node.item as KubernetesCluster;
      if (!(await findOnPath('kubectl'))) {
        throw new Error('kubectl is not installed or not on PATH: install it (https://kubernetes.io/docs/tasks/tools/), then try again.');
      }
      const text = await withProgress(vscode.l10n.t('Getting credentials for {0}…', cluster.name), (signal) =>
        kubernetesKubeconfig(model.client(node.account), cluster.id, KUBECTL_EXPIRY_SECONDS, signal),
      );
      const { dir, paths } = await kubeFiles.create({ config: text });
      const file = paths.config;
      const terminal = vscode.window.createTerminal({
        name: `kubectl: ${cluster.name}`,
        env: { KUBECONFIG: file },
        iconPath: new vscode.ThemeIcon('server-environment'),
        isTransient: true,
        message: vscode.l10n.t(
          'KUBECONFIG is a temporary file for {0} only (credentials valid {1} h), deleted when this terminal closes. ~/.kube/config is unchanged.',
          cluster.name,
          KUBECTL_EXPIRY_SECONDS / 3600,
        ),
      });
      kubeFiles.attach(terminal, dir);
      log.info(`[${node.account.label}] kubectl terminal for ${cluster.name} (temporary KUBECONFIG, removed on close)`);
      terminal.show();
      return terminal;
    }),
  ];
}
