/**
 * Which droplets have a Host entry that *Connect in New Window* wrote in the user's ssh config:
 * the tree marks them ("sshconfig" in their contextValue), so that *Remove SSH Config Entry* is
 * offered only on those. Node only (the browser build has no ssh config). The file is read after
 * activation returns and again whenever it changes (a watcher on that one file, from whichever
 * program), or when the user points remote.SSH.configFile elsewhere. Reading is all it does.
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { type Droplet, droplet } from '../../api/resources/droplet';
import { hostAlias, ourHosts, sshConfigPath } from '../../credentials/sshConfig';
import { userSettingPath } from '../../ui/userSettings';
import type { CommandDeps } from '../deps';

export const SSH_CONFIG_MARK = 'sshconfig';

export function watchSshConfigEntries(deps: Pick<CommandDeps, 'explorer' | 'log'>): vscode.Disposable {
  const { explorer, log } = deps;
  let aliases = new Set<string>();
  let watcher: vscode.FileSystemWatcher | undefined;
  let reading = Promise.resolve();

  const file = (): string | undefined => {
    try {
      return sshConfigPath(userSettingPath('remote.SSH', 'configFile'));
    } catch {
      return undefined; // an unusable setting: the connect commands say why when they run
    }
  };

  const read = (at: string | undefined) => {
    reading = reading.then(async () => {
      const text = at ? await fs.readFile(at, 'utf8').catch(() => '') : '';
      const next = new Set(ourHosts(text));
      if (next.size === aliases.size && [...next].every((a) => aliases.has(a))) return;
      aliases = next;
      explorer.remark(droplet.kind);
    });
    reading.catch((error: unknown) => log.warn(`Could not read the ssh config: ${error instanceof Error ? error.message : String(error)}`));
  };

  const follow = () => {
    watcher?.dispose();
    const at = file();
    watcher = at ? vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(path.dirname(at)), path.basename(at))) : undefined;
    if (watcher) {
      const again = () => read(at);
      watcher.onDidChange(again);
      watcher.onDidCreate(again);
      watcher.onDidDelete(again);
    }
    read(at);
  };

  const marker = explorer.addMarker(droplet.kind, SSH_CONFIG_MARK, (item) => aliases.has(hostAlias((item as Droplet).name)));
  const started = setTimeout(follow, 0);
  const settings = vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration('remote.SSH.configFile')) follow();
  });
  return new vscode.Disposable(() => {
    clearTimeout(started);
    settings.dispose();
    watcher?.dispose();
    marker.dispose();
  });
}
