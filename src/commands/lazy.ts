/**
 * Commands load on first use. At activation every command of the platform's families is
 * registered as a stand-in; the first run of one gets its family's module (on Node, the bundle
 * dist/commands.<family>.js of a feature folder, built by scripts/lazyFeatures.mjs, which also
 * lists each family's ids from the sources), lets the
 * family register its real commands in the stand-ins' place, and runs the command with the same
 * arguments. A family is loaded once; its errors go through the same wrapper as any command's.
 */
import * as vscode from 'vscode';
import type { CommandDeps } from './deps';
import { registerCommand } from './register';

export interface CommandFamilyInfo {
  name: string;
  /** Its bundle's file in dist/. */
  bundle: string;
  /** The commands it registers (those of package.json). */
  ids: string[];
}

type Register = (deps: CommandDeps) => vscode.Disposable[];

export class LazyCommands implements vscode.Disposable {
  private readonly standIns = new Map<string, vscode.Disposable[]>();
  private readonly loaded = new Map<string, vscode.Disposable[]>();

  /**
   * `deps` is asked for when a family loads; `requireBundle` gives a family's bundle by its file
   * name (the Node entry requires it from dist/).
   */
  constructor(
    private readonly deps: () => CommandDeps,
    private readonly familyList: readonly CommandFamilyInfo[],
    private readonly requireBundle: (bundle: string) => unknown,
  ) {
    for (const family of familyList) {
      this.standIns.set(
        family.name,
        family.ids.map((id) =>
          registerCommand(deps(), id, id, (...args: unknown[]) => {
            this.load(family.name);
            return vscode.commands.executeCommand(id, ...args);
          }),
        ),
      );
    }
  }

  get families(): readonly CommandFamilyInfo[] {
    return this.familyList;
  }

  /** Whether a family of this build registers the command (the web build has fewer). */
  has(id: string): boolean {
    return this.familyList.some((f) => f.ids.includes(id));
  }

  isLoaded(name: string): boolean {
    return this.loaded.has(name);
  }

  /** Loads a family once: its stand-ins give way to its real commands. */
  load(name: string): void {
    if (this.loaded.has(name)) return;
    const family = this.familyList.find((f) => f.name === name);
    if (!family) throw new Error(`No command family ${name}.`);
    const module = this.requireBundle(family.bundle) as Record<string, unknown>;
    const register = Object.entries(module).find(([key, value]) => /^register\w+Commands$/.test(key) && typeof value === 'function')?.[1] as
      Register | undefined;
    if (!register) throw new Error(`${family.bundle} has no register…Commands function.`);
    for (const standIn of this.standIns.get(name) ?? []) standIn.dispose();
    this.standIns.delete(name);
    this.loaded.set(name, register(this.deps()));
  }

  dispose(): void {
    for (const d of [...this.standIns.values(), ...this.loaded.values()].flat()) d.dispose();
    this.standIns.clear();
    this.loaded.clear();
  }
}
