/**
 * Private temporary directories for credentials that live as long as a terminal (a database
 * shell's password file, a kubectl terminal's kubeconfig): 0700 (mkdtemp), named with the
 * prefix of their use and the id of the process that made them, so that what a crashed or
 * killed editor left behind is found and removed the next time the extension starts — at once
 * when its process no longer runs, after `maxAgeMs` otherwise. No vscode here.
 */
import { promises as fs, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** Every use of private directories, with how long its credentials can be valid. */
export const PRIVATE_DIRS = {
  databaseShell: { prefix: 'do-explorer-dbshell-', maxAgeMs: 12 * 3600 * 1000 },
  kubectl: { prefix: 'do-explorer-kubectl-', maxAgeMs: 4 * 3600 * 1000 },
} as const;

/** A new private directory `<tmp>/<prefix><pid>-XXXXXX` (mode 0700). */
export function makePrivateDir(prefix: string, tmp = os.tmpdir()): Promise<string> {
  return fs.mkdtemp(path.join(tmp, `${prefix}${process.pid}-`));
}

/** Whether a process with this id runs (signal 0 checks without sending anything). */
export function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes a directory now, before returning (for disposal, when nothing waits for promises). */
export function removeNow(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Removes the directories of this prefix that are left over: their process no longer runs, or
 * they are older than their credentials can live (and names without a process id, from before
 * names had one). Those of running processes (other windows, this one) are left alone.
 * Returns what was removed.
 */
export async function sweepLeftovers(prefix: string, maxAgeMs: number, tmp = os.tmpdir(), now = Date.now()): Promise<string[]> {
  const names = await fs.readdir(tmp).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names.filter((n) => n.startsWith(prefix))) {
    const dir = path.join(tmp, name);
    const stat = await fs.lstat(dir).catch(() => undefined);
    if (!stat?.isDirectory()) continue;
    const pid = /^(\d+)-/.exec(name.slice(prefix.length))?.[1];
    const orphaned = pid !== undefined && Number(pid) !== process.pid && !processRuns(Number(pid));
    if (orphaned || now - stat.mtimeMs > maxAgeMs) {
      await fs.rm(dir, { recursive: true, force: true }).catch(() => undefined);
      removed.push(dir);
    }
  }
  return removed;
}

/** Every use's leftovers (at activation). */
export async function sweepAllLeftovers(tmp = os.tmpdir()): Promise<string[]> {
  const all = await Promise.all(Object.values(PRIVATE_DIRS).map((d) => sweepLeftovers(d.prefix, d.maxAgeMs, tmp)));
  return all.flat();
}
