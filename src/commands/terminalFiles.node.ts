/**
 * Private files that live as long as a terminal: a kubectl terminal's kubeconfig, a database
 * shell's password file. Each terminal gets a directory of its own (mkdtemp: 0700, named with
 * this process's id: credentials/privateDirs.ts) whose files are written 0600 and exclusively;
 * the directory is removed when the terminal closes, when the extension stops (before dispose()
 * returns), and, for windows that crashed or were killed, when the extension next starts (their
 * process no longer runs) or by the next use once older than the credentials can live.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { makePrivateDir, removeNow, sweepLeftovers } from '../credentials/privateDirs';
import type { Logger } from '../log';

export class TerminalFiles implements vscode.Disposable {
  private readonly dirs = new Map<vscode.Terminal, string>();
  private readonly pending = new Set<string>();
  private readonly closing: vscode.Disposable;
  /** Removals under way (closed terminals' directories): dispose() removes these too, at once. */
  private readonly removing = new Set<string>();

  /** `use`: the directories' name in the temp dir and how long their credentials last (PRIVATE_DIRS). */
  constructor(
    private readonly log: Logger,
    private readonly use: { prefix: string; maxAgeMs: number },
  ) {
    this.closing = vscode.window.onDidCloseTerminal((terminal) => {
      const dir = this.dirs.get(terminal);
      if (!dir) return;
      this.dirs.delete(terminal);
      this.removing.add(dir);
      void this.remove(dir).finally(() => this.removing.delete(dir));
    });
  }

  /**
   * A new private directory with `files` in it (0600); removed again if writing fails. A file's
   * content may be made from the paths of all of them (a script that names another file).
   */
  async create(files: Record<string, string | ((paths: Record<string, string>) => string)>): Promise<{ dir: string; paths: Record<string, string> }> {
    void this.sweep();
    const dir = await makePrivateDir(this.use.prefix);
    this.pending.add(dir);
    try {
      const paths = Object.fromEntries(Object.keys(files).map((name) => [name, path.join(dir, name)]));
      for (const [name, content] of Object.entries(files)) {
        await fs.writeFile(paths[name], typeof content === 'function' ? content(paths) : content, { mode: 0o600, flag: 'wx' });
      }
      return { dir, paths };
    } catch (error) {
      await this.remove(dir);
      throw error;
    }
  }

  /** The terminal now owns `dir`: it goes when the terminal closes. */
  attach(terminal: vscode.Terminal, dir: string): void {
    this.pending.delete(dir);
    this.dirs.set(terminal, dir);
  }

  /** A directory no terminal took (the terminal could not be made): removed now. */
  async abandon(dir: string): Promise<void> {
    await this.remove(dir);
  }

  /** Removes every directory still here before it returns: the extension host may end right after. */
  dispose(): void {
    this.closing.dispose();
    for (const dir of [...this.dirs.values(), ...this.pending, ...this.removing]) {
      try {
        removeNow(dir);
      } catch (error) {
        this.log.warn(`Could not remove ${dir}: ${String(error)}`);
      }
    }
    this.dirs.clear();
    this.pending.clear();
  }

  private async remove(dir: string): Promise<void> {
    this.pending.delete(dir);
    await fs.rm(dir, { recursive: true, force: true }).catch((error: unknown) => this.log.warn(`Could not remove ${dir}: ${String(error)}`));
  }

  private async sweep(): Promise<void> {
    const removed = await sweepLeftovers(this.use.prefix, this.use.maxAgeMs).catch(() => []);
    for (const dir of removed) this.log.info(`Removed ${dir}, left by a window that no longer runs or older than its credentials`);
  }
}
