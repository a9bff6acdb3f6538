/**
 * Settings that name a program, a file or a URL the extension uses: read from the user's own
 * settings only. A cloned repository's `.vscode/settings.json` is not trusted — also for keys
 * another extension owns (Remote-SSH's `remote.SSH.path`, `remote.SSH.configFile`): when that
 * extension is not installed, VS Code does not know their scope and would apply a workspace
 * value, even in Restricted Mode. Our own such settings are `application`-scoped in
 * package.json, which VS Code already reads from the user's settings alone.
 */
import * as vscode from 'vscode';

/** The value the user set (user settings, not the workspace's or a folder's), trimmed; undefined when unset or empty. */
export function userSettingText(section: string, key: string): string | undefined {
  const value = vscode.workspace.getConfiguration(section).inspect<unknown>(key)?.globalValue;
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** Whether a workspace or folder sets `key` (the value itself is not used): worth a line in the log. */
export function workspaceSets(section: string, key: string): boolean {
  const inspected = vscode.workspace.getConfiguration(section).inspect<unknown>(key);
  return inspected?.workspaceValue !== undefined || inspected?.workspaceFolderValue !== undefined;
}

/** Whether `value` is an absolute path on this platform (`/x`, `C:\x`, `\\server\x`), or starts at the home folder (`~/x`). */
export function isAbsoluteOrHome(value: string): boolean {
  return (
    value.startsWith('/') || /^[A-Za-z]:[\\/]/.test(value) || value.startsWith('\\\\') || value === '~' || value.startsWith('~/') || value.startsWith('~\\')
  );
}

/**
 * A program or file named by the user's setting `section.key`: undefined when unset; an error
 * that says why when it is not an absolute path (a relative one would be looked up from
 * wherever the program runs).
 */
export function userSettingPath(section: string, key: string, allowHome = true): string | undefined {
  const value = userSettingText(section, key);
  if (value === undefined) return undefined;
  if (!isAbsoluteOrHome(value) || (!allowHome && value.startsWith('~'))) {
    throw new Error(vscode.l10n.t('The setting {0}.{1} must be an absolute path ({2} is not): set it in your user settings.', section, key, value));
  }
  return value;
}
