/**
 * Writing a file the user owns (kubeconfig, docker config) without ever losing it:
 *  - a `.lock` file next to it (created exclusively) keeps two writers apart, ours or doctl's;
 *  - the previous content is copied to `<file>.bak` once per operation;
 *  - the new content goes to a temp file in the same directory, is flushed, then renamed over
 *    the original (atomic on one filesystem), so a crash leaves the old or the new file, never half;
 *  - a new file gets `mode` (0600), an existing one keeps its mode; missing directories are created.
 */
import { constants, promises as fs } from 'node:fs';
import * as path from 'node:path';

export interface SafeWriteOptions {
  /** Mode of a new file. */
  mode?: number;
  /** Mode of directories created on the way. */
  dirMode?: number;
  /** How long to wait for another writer's lock before giving up. */
  lockTimeoutMs?: number;
  /** A lock older than this is considered left behind by a crashed writer. */
  staleLockMs?: number;
  /** Test hook: runs after the temp file is written, before it replaces the original. */
  beforeRename?: (tempPath: string) => Promise<void> | void;
}

export class FileLockedError extends Error {
  constructor(readonly file: string) {
    super(`${file} is being changed by another program (${file}.lock exists). Try again in a moment.`);
    this.name = 'FileLockedError';
  }
}

/** The file's text, or undefined when it does not exist. */
export async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Reads the file under its lock, lets `change` compute the new text from the old (undefined when
 * missing), and writes it safely. `change` may return undefined to leave the file as it is.
 */
export async function updateFile(
  file: string,
  change: (current: string | undefined) => Promise<string | undefined> | string | undefined,
  options: SafeWriteOptions = {},
): Promise<{ changed: boolean; backup?: string }> {
  await fs.mkdir(path.dirname(file), { recursive: true, mode: options.dirMode ?? 0o700 });
  const release = await lock(file, options);
  try {
    const current = await readIfExists(file);
    const next = await change(current);
    if (next === undefined || next === current) return { changed: false };
    let backup: string | undefined;
    let mode = options.mode ?? 0o600;
    if (current !== undefined) {
      mode = (await fs.stat(file)).mode & 0o777;
      backup = `${file}.bak`;
      await fs.copyFile(file, backup);
      await fs.chmod(backup, mode & 0o600);
    }
    await writeAtomic(file, next, mode, options.beforeRename);
    return { changed: true, backup };
  } finally {
    await release();
  }
}

async function writeAtomic(file: string, content: string, mode: number, beforeRename?: SafeWriteOptions['beforeRename']): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  const handle = await fs.open(temp, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, mode);
  try {
    await handle.writeFile(content, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.chmod(temp, mode); // the umask may have narrowed it
    await beforeRename?.(temp);
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}

async function lock(file: string, options: SafeWriteOptions): Promise<() => Promise<void>> {
  const lockFile = `${file}.lock`;
  const deadline = Date.now() + (options.lockTimeoutMs ?? 5_000);
  const stale = options.staleLockMs ?? 60_000;
  for (;;) {
    try {
      const handle = await fs.open(lockFile, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, 0o600);
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => fs.rm(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = await fs.stat(lockFile).then((s) => Date.now() - s.mtimeMs, () => 0);
      if (age > stale) {
        await fs.rm(lockFile, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new FileLockedError(file);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
