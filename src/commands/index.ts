/**
 * Every command of the extension, registered from one table: each command family is a file in
 * this folder exporting `register<Family>Commands(deps)` (found by that name, see
 * scripts/kindFiles.mjs), and its ids are literal strings in that file
 * (`registerCommand(deps, 'digitalocean.droplet.powerOff', …)`), so a search for an id finds its
 * handler. package.json declares the same set: the integration suite checks that every declared
 * command is registered and every registered one declared.
 */
import type * as vscode from 'vscode';
import kindModules from 'kind-files:.';
import type { CommandDeps } from './deps';

type CommandFamily = (deps: CommandDeps) => vscode.Disposable[];

/** The families, by the name of their register function. */
export const COMMAND_FAMILIES: ReadonlyMap<string, CommandFamily> = new Map(
  kindModules.flatMap((m) =>
    Object.entries(m).filter((e): e is [string, CommandFamily] => /^register\w+Commands$/.test(e[0]) && typeof e[1] === 'function'),
  ),
);

export function registerCommands(deps: CommandDeps): vscode.Disposable[] {
  return [...COMMAND_FAMILIES.values()].flatMap((register) => register(deps));
}
