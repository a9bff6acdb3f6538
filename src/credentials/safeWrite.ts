/**
 * Writing a file the user owns (kubeconfig, docker config) without ever losing it:
 *  - symlinks are followed: a dotfile manager's link stays a link, its target gets the new text
 *    (kubectl and docker write through the link too);
 *  - a `.lock` file beside the path as given (where kubectl and doctl put theirs, created
 *    exclusively) keeps writers apart; a lock older than `staleLockMs` is taken over under a
 *    second, short-lived guard so that two writers never both take it; every failure removes our
 *    lock (and closes its descriptor);
 *  - the previous content is kept as `<file>.bak`, itself written atomically: the old backup is
 *    replaced only by a complete new one;
 *  - the new content goes to a temp file (a random name) in the target's directory, is flushed,
 *    then renamed over the target (atomic on one filesystem); a failure at any step removes the
 *    temp file and leaves the user's file as it was;
 *  - the user's encoding and line endings are kept: a UTF-8 byte order mark and CRLF line endings
 *    are taken off before `change` sees the text and put back on what it returns;
 *  - a new file gets `mode` (0600), an existing one keeps its mode; missing directories are created.
 */
import { randomBytes } from 'node:crypto';
import { constants, promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';

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
    super(l10n.t('{0} is being changed by another program ({1}.lock exists). Try again in a moment.', file, file));
    this.name = 'FileLockedError';
  }
}

/** How a text file is written: its byte order mark and line ending, kept across an edit. */
export interface TextFormat {
  bom: boolean;
  eol: '\n' | '\r\n';
}

const BOM = '\uFEFF';

/**
 * The file's format (its BOM, its usual line ending), and its text without the BOM and with `\n`
 * line endings throughout — also in a file of mixed endings, whose lines keep their own when
 * written back (applyFormat with the original).
 */
export function splitFormat(raw: string): { text: string; format: TextFormat } {
  const bom = raw.startsWith(BOM);
  const body = bom ? raw.slice(1) : raw;
  const crlf = (body.match(/\r\n/g) ?? []).length;
  const lf = (body.match(/\n/g) ?? []).length - crlf;
  const eol = crlf > 0 && crlf >= lf ? '\r\n' : '\n';
  return { text: body.replace(/\r\n/g, '\n'), format: { bom, eol } };
}

/**
 * Puts a format back on text written with `\n`. Given the file as it was (`original`, its BOM
 * taken off), each line that is still there keeps its own ending — a file of mixed endings stays
 * mixed — and only new lines take the file's usual one.
 */
export function applyFormat(text: string, format: TextFormat, original?: string): string {
  const body =
    original !== undefined && /\r\n/.test(original) && /(^|[^\r])\n/.test(original)
      ? keepEndings(text, original, format.eol)
      : format.eol === '\r\n'
        ? text.replace(/\r?\n/g, '\r\n')
        : text;
  return format.bom ? BOM + body : body;
}

/** The most lines this matches line by line (a longest common subsequence); larger files take one ending. */
const KEEP_ENDINGS_MAX_CELLS = 4_000_000;

/**
 * `text` (with `\n`) with the line endings of `original` kept for the lines the two share, in
 * order (a longest common subsequence of lines: an edit inserts and removes lines, it does not
 * reorder them); inserted lines get `eol`.
 */
function keepEndings(text: string, original: string, eol: '\n' | '\r\n'): string {
  const before = original
    .split('\n')
    .map((line, i, all) => (i < all.length - 1 && line.endsWith('\r') ? { text: line.slice(0, -1), eol: '\r\n' } : { text: line, eol: '\n' }));
  const after = text.split('\n');
  const n = before.length;
  const m = after.length;
  if ((n + 1) * (m + 1) > KEEP_ENDINGS_MAX_CELLS) return eol === '\r\n' ? text.replace(/\r?\n/g, '\r\n') : text;
  // lcs[i * (m + 1) + j]: the longest common subsequence of before[i..] and after[j..]
  const lcs = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * (m + 1) + j] = before[i].text === after[j] ? lcs[(i + 1) * (m + 1) + j + 1] + 1 : Math.max(lcs[(i + 1) * (m + 1) + j], lcs[i * (m + 1) + j + 1]);
    }
  }
  const endings: string[] = new Array(m).fill(eol);
  for (let i = 0, j = 0; i < n && j < m;) {
    if (before[i].text === after[j]) {
      endings[j] = before[i].eol;
      i++;
      j++;
    } else if (lcs[(i + 1) * (m + 1) + j] >= lcs[i * (m + 1) + j + 1]) i++;
    else j++;
  }
  // every line but the last is followed by its ending; the last has none (text without a final newline)
  return after.map((line, j) => (j < m - 1 ? line + endings[j] : line)).join('');
}

/** The file's text (BOM taken off, `\n` line endings), or undefined when it does not exist. */
export async function readIfExists(file: string): Promise<string | undefined> {
  const raw = await readRaw(file);
  return raw === undefined ? undefined : splitFormat(raw.toString('utf8')).text;
}

async function readRaw(file: string): Promise<Buffer | undefined> {
  try {
    return await fs.readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * The file a path finally names: symlinks followed one by one (relative targets resolved from the
 * link's directory), up to a dangling link's target, which is where a new file will be created.
 */
export async function resolveLinks(file: string): Promise<string> {
  let current = path.resolve(file);
  for (let hops = 0; hops < 40; hops++) {
    let stat;
    try {
      stat = await fs.lstat(current);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return current;
      throw error;
    }
    if (!stat.isSymbolicLink()) return current;
    current = path.resolve(path.dirname(current), await fs.readlink(current));
  }
  throw new Error(l10n.t('{0}: too many levels of symbolic links.', file));
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
  const dirMode = options.dirMode ?? 0o700;
  await fs.mkdir(path.dirname(file), { recursive: true, mode: dirMode });
  const release = await lock(file, options);
  try {
    const target = await resolveLinks(file);
    await fs.mkdir(path.dirname(target), { recursive: true, mode: dirMode });
    const raw = await readRaw(target);
    const { text: current, format } = raw === undefined ? { text: undefined, format: { bom: false, eol: '\n' as const } } : splitFormat(raw.toString('utf8'));
    const next = await change(current);
    if (next === undefined || next === current) return { changed: false };
    let backup: string | undefined;
    let mode = options.mode ?? 0o600;
    if (raw !== undefined) {
      mode = (await fs.stat(target)).mode & 0o777;
      backup = `${file}.bak`;
      await writeAtomic(await resolveLinks(backup), raw, mode & 0o600);
    }
    const body = raw === undefined ? undefined : raw.toString('utf8').replace(/^\uFEFF/, '');
    await writeAtomic(target, applyFormat(next, format, body), mode, options.beforeRename);
    return { changed: true, backup };
  } finally {
    await release();
  }
}

/** Temp file in the same directory, flushed, then renamed over `file`; removed on any failure. */
async function writeAtomic(file: string, content: string | Buffer, mode: number, beforeRename?: SafeWriteOptions['beforeRename']): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await fs.open(temp, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, mode);
  try {
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.chmod(temp, mode); // the umask may have narrowed it
    await beforeRename?.(temp);
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}

/** Age of a file in ms, or undefined when it is not there. */
async function ageOf(file: string): Promise<number | undefined> {
  try {
    return Date.now() - (await fs.stat(file)).mtimeMs;
  } catch {
    return undefined;
  }
}

/** Creates `file` exclusively; false when it exists. The descriptor is always closed. */
async function createExclusive(file: string, content: string): Promise<boolean> {
  let handle;
  try {
    handle = await fs.open(file, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    // the pid is for people reading the lock; an empty lock (as kubectl leaves) works the same,
    // so a full disk that refuses these bytes does not refuse the lock
    await handle.writeFile(content).catch(() => undefined);
    await handle.close();
  } catch (error) {
    await fs.rm(file, { force: true });
    throw error;
  }
  return true;
}

async function lock(file: string, options: SafeWriteOptions): Promise<() => Promise<void>> {
  const lockFile = `${file}.lock`;
  const deadline = Date.now() + (options.lockTimeoutMs ?? 5_000);
  const stale = options.staleLockMs ?? 60_000;
  for (;;) {
    if (await createExclusive(lockFile, String(process.pid))) return () => fs.rm(lockFile, { force: true });
    const age = await ageOf(lockFile);
    if (age !== undefined && age > stale) {
      await takeOverStale(lockFile, stale);
      continue;
    }
    if (Date.now() > deadline) throw new FileLockedError(file);
    await new Promise((r) => setTimeout(r, 25 + Math.random() * 75));
  }
}

/**
 * Removes a stale lock, under a guard file so that of several writers who all saw it stale only
 * one removes it, and only while it is still stale: a writer who looks later sees the fresh lock
 * of whoever took it since, and waits. The guard lives for a few ms; one older than the stale
 * limit was left by a writer that died inside this function, and is removed.
 */
async function takeOverStale(lockFile: string, stale: number): Promise<void> {
  const guard = `${lockFile}.takeover`;
  if (!(await createExclusive(guard, String(process.pid)))) {
    const guardAge = await ageOf(guard);
    if (guardAge !== undefined && guardAge > stale) await fs.rm(guard, { force: true });
    await new Promise((r) => setTimeout(r, 10 + Math.random() * 20));
    return;
  }
  try {
    const age = await ageOf(lockFile);
    if (age !== undefined && age > stale) await fs.rm(lockFile, { force: true });
  } finally {
    await fs.rm(guard, { force: true });
  }
}
