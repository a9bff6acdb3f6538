/**
 * SSH keys of an account: upload one of the user's public keys (`~/.ssh/*.pub`), or make a new
 * pair with `ssh-keygen` first. ssh-keygen runs in a terminal, so the passphrase is typed into
 * ssh-keygen itself and never passes through the extension or a command line.
 */
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { sshKey as sshKeyKind, parsePublicKey } from '../../api/resources/sshKey';
import type { AccountInfo } from '../../accounts/accountStore';
import { type LocalPublicKey, localPublicKeys } from '../../credentials/sshKeys';
import { findOnPath } from '../../credentials/tools';
import { withProgress } from '../../ui/progress';
import type { CommandDeps } from '../deps';
import { accountTarget } from '../pick';
import { registerCommand } from '../register';

const GENERATE = vscode.l10n.t('Generate a new key with ssh-keygen…');

/** A new key file's name: a plain file name in ~/.ssh that does not exist yet. */
export function keyFileProblem(value: string, existing: readonly string[]): string | undefined {
  const name = value.trim();
  if (!name) return vscode.l10n.t('A file name is required.');
  if (!/^[A-Za-z0-9._-]+$/.test(name) || name.startsWith('.')) return vscode.l10n.t('A plain file name: letters, digits, ".", "_" and "-".');
  if (name.endsWith('.pub')) return vscode.l10n.t('The name of the private key: ssh-keygen adds .pub for the public one.');
  if (existing.includes(name) || existing.includes(`${name}.pub`)) return vscode.l10n.t('~/.ssh/{0} exists already.', name);
  return undefined;
}

export function registerSshKeyCommands(deps: CommandDeps): vscode.Disposable[] {
  const { input, log, model } = deps;

  async function upload(account: AccountInfo, key: Pick<LocalPublicKey, 'publicKey' | 'md5' | 'comment' | 'file'>): Promise<string> {
    const existing = await model.cacheFor(account).list(sshKeyKind);
    const same = existing.find((k) => k.fingerprint === key.md5);
    if (same) throw new Error(vscode.l10n.t('{0} is in {1} already, as "{2}".', path.basename(key.file), account.label, same.name));
    const suggested = key.comment || path.basename(key.file, '.pub');
    const name = (
      await input.inputBox({
        title: vscode.l10n.t('Add {0} to {1}: name', path.basename(key.file), account.label),
        value: suggested,
        validateInput: (v) =>
          sshKeyKind.nameProblem?.(
            v,
            existing.map((k) => k.name),
          ),
      })
    ).trim();
    const created = await withProgress(vscode.l10n.t('Adding SSH key {0}…', name), (signal) =>
      model.client(account).create(sshKeyKind, { name, public_key: key.publicKey }, { signal }),
    );
    log.info(`[${account.label}] SSH key ${created.name} (${created.fingerprint}) added from ${key.file}`);
    model.reloadKind(account, sshKeyKind.kind, false);
    void input.notify(
      'info',
      vscode.l10n.t('Added {0} ({1}) to {2}. New droplets can use it; existing ones do not get it.', name, created.fingerprint, account.label),
    );
    return String(created.id);
  }

  /** ssh-keygen in a terminal; resolves the new public key once it has exited successfully. */
  async function generate(): Promise<LocalPublicKey> {
    const keygen = await findOnPath('ssh-keygen');
    if (!keygen) throw new Error(vscode.l10n.t('ssh-keygen is not installed or not on PATH: install an OpenSSH client, then try again.'));
    const dir = path.join(os.homedir(), '.ssh');
    const existing = await fs.readdir(dir).catch(() => [] as string[]);
    const name = (
      await input.inputBox({
        title: vscode.l10n.t('New SSH key: file name in ~/.ssh'),
        value: 'id_ed25519_digitalocean',
        validateInput: (v) => keyFileProblem(v, existing),
      })
    ).trim();
    await fs.mkdir(dir, { recursive: true, mode: 0o700 });
    const file = path.join(dir, name);
    const terminal = vscode.window.createTerminal({
      name: 'ssh-keygen',
      shellPath: keygen,
      shellArgs: ['-t', 'ed25519', '-f', file, '-C', `${os.userInfo().username}@${os.hostname()} (DigitalOcean)`],
      isTransient: true,
      message: vscode.l10n.t('Type a passphrase for the new key (or leave it empty); it stays with ssh-keygen.'),
    });
    terminal.show();
    const code = await new Promise<number | undefined>((resolve) => {
      const watch = vscode.window.onDidCloseTerminal((closed) => {
        if (closed !== terminal) return;
        watch.dispose();
        resolve(closed.exitStatus?.code);
      });
    });
    const line = await fs.readFile(`${file}.pub`, 'utf8').catch(() => undefined);
    const parsed = line ? parsePublicKey(line) : undefined;
    if (code !== 0 || !parsed)
      throw new Error(vscode.l10n.t('ssh-keygen did not make {0}.pub{1}.', file, code !== undefined ? vscode.l10n.t(' (exit code {0})', code) : ''));
    return { file: `${file}.pub`, ...parsed };
  }

  return [
    registerCommand(deps, 'digitalocean.sshKey.add', vscode.l10n.t('Add SSH key'), async (arg) => {
      const account = await accountTarget(deps, arg, vscode.l10n.t('Add an SSH key to which account?'));
      const [local, existing] = await withProgress(vscode.l10n.t('Reading ~/.ssh…'), () =>
        Promise.all([localPublicKeys(), model.cacheFor(account).list(sshKeyKind)]),
      );
      const items = [
        ...local.map((k) => {
          const same = existing.find((e) => e.fingerprint === k.md5);
          return {
            label: path.basename(k.file),
            description: `${k.type} ${k.comment}`,
            detail: same ? vscode.l10n.t('in {0} already, as "{1}"', account.label, same.name) : k.sha256,
            key: k as LocalPublicKey | undefined,
          };
        }),
        { label: GENERATE, description: vscode.l10n.t('ed25519, in ~/.ssh'), detail: undefined, key: undefined },
      ];
      const picked = await input.quickPick(items, {
        title: vscode.l10n.t('Add an SSH key to {0}', account.label),
        placeHolder: local.length ? vscode.l10n.t('A public key from ~/.ssh') : vscode.l10n.t('No public key in ~/.ssh yet'),
      });
      return upload(account, picked.key ?? (await generate()));
    }),
  ];
}
