/**
 * Private files that live as long as a terminal: a kubectl terminal's kubeconfig, a database
 * shell's password file. Each terminal gets a directory of its own (mkdtemp: 0700) whose files
 * are written 0600 and exclusively; the directory is removed when the terminal closes, when the
 * extension stops, and, for windows that crashed, by the next use once it is older than the
 * credentials it holds can live.
 */
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Logger } from '../log';

export class TerminalFiles implements vscode.Disposable {
  private readonly dirs = new Map<vscode.Terminal, string>();
  private readonly pending = new Set<string>();
  private readonly closing: vscode.Disposable;

  /** `prefix`: the directories' name in the temp dir; `maxAgeMs`: how long their credentials last. */
  constructor(
    private readonly log: Logger,
    private readonly prefix: string,
    private readonly maxAgeMs: number,
  ) {
    this.closing = vscode.window.onDidCloseTerminal((terminal) => {
      const dir = this.dirs.get(terminal);
      if (!dir) return;
      this.dirs.delete(terminal);
      void this.remove(dir);
    });
  }

  /** A new private directory with `files` in it (0600); removed again if writing fails. */
  async create(files: Record<string, string>): Promise<{ dir: string; paths: Record<string, string> }> {
    void this.sweep();
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), this.prefix));
    this.pending.add(dir);
    try {
      const paths: Record<string, string> = {};
      for (const [name, content] of Object.entries(files)) {
        paths[name] = path.join(dir, name);
        await fs.writeFile(paths[name], content, { mode: 0o600, flag: 'wx' });
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

  dispose(): void {
    this.closing.dispose();
    for (const dir of [...this.dirs.values(), ...this.pending]) void this.remove(dir);
    this.dirs.clear();
  }

  private async remove(dir: string): Promise<void> {
    this.pending.delete(dir);
    await fs.rm(dir, { recursive: true, force: true }).catch((error: unknown) => this.log.warn(`Could not remove ${dir}: ${String(error)}`));
  }

  private async sweep(): Promise<void> {
    const tmp = os.tmpdir();
    const names = await fs.readdir(tmp).catch(() => [] as string[]);
    for (const name of names.filter((n) => n.startsWith(this.prefix))) {
      const dir = path.join(tmp, name);
      const stat = await fs.stat(dir).catch(() => undefined);
      if (stat && Date.now() - stat.mtimeMs > this.maxAgeMs) await this.remove(dir);
    }
  }
}
