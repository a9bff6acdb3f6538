/**
 * Entries for droplets in the user's ssh config (the file Remote-SSH reads), edited as a document:
 * every line of the user's stays as it is and where it is; our entry is one `Host` block marked by
 * a comment line above it, so it can be found, updated and removed again.
 *
 *   # DigitalOcean Explorer: droplet web-1 (id 123). "Remove SSH Config Entry" removes it.
 *   Host do-web-1
 *     HostName 203.0.113.10
 *     User root
 *     Port 22
 *
 * ssh takes the first value it finds for an option, so our entries go before every line that
 * sets one: before the file's first option, `Include`, `Host` or `Match` line (and the comment
 * lines right above it, which are about it). When options for every host came first, they would
 * now sit inside our block, so a marked `Host *` line follows our entries: the options below it
 * apply to every host, as they did. A file of comments only gets the entry at its end. Removing
 * the last entry removes that line too, giving back the file as it was, byte for byte.
 * Updating an entry changes only its HostName, User and Port lines, so options the user added to
 * it stay. A `Host` line with our alias that we did not write is the user's: we refuse rather
 * than shadow it. Text only: files go through safeWrite.ts.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';

export interface SshHostEntry {
  /** The `Host` alias: `do-<droplet name>`. */
  alias: string;
  hostName: string;
  user: string;
  port?: number;
  /** What the marker comment says the entry is for: "droplet web-1 (id 123)". */
  about: string;
}

export class SshConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SshConfigError';
  }
}

const MARKER = '# DigitalOcean Explorer:';
const REMOVE_HINT = '"Remove SSH Config Entry" removes it.';
/** Above the `Host *` line that ends our entries when options for every host follow them. */
const SEPARATOR = `${MARKER} end of its entries; the options below apply to every host, as before.`;

/** The file to edit: Remote-SSH's `remote.SSH.configFile` when set (with `~` expanded), else ~/.ssh/config. */
export function sshConfigPath(configured: string | undefined, home = os.homedir()): string {
  const value = configured?.trim();
  if (!value) return path.join(home, '.ssh', 'config');
  if (value === '~') return home;
  if (value.startsWith('~/') || value.startsWith('~\\')) return path.join(home, value.slice(2));
  return path.resolve(value);
}

/** A `Host` alias for a droplet: `do-` and its name, with anything ssh would read as a pattern replaced. */
export function hostAlias(name: string): string {
  const safe = name
    .trim()
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `do-${safe || 'droplet'}`;
}

/** A config line's keyword (lower case) and value: `Host=a b`, `  HostName  x`, tabs; undefined for blanks and comments. */
function parseLine(line: string): { keyword: string; value: string } | undefined {
  const m = /^\s*([A-Za-z]+)(?:\s*=\s*|\s+)(.*?)\s*$/.exec(line);
  if (!m || line.trimStart().startsWith('#')) return undefined;
  return { keyword: m[1].toLowerCase(), value: m[2] };
}

const opensBlock = (line: string) => {
  const k = parseLine(line)?.keyword;
  return k === 'host' || k === 'match';
};

/** Patterns of a Host line, quotes taken off. */
function hostPatterns(value: string): string[] {
  return (value.match(/"[^"]*"|\S+/g) ?? []).map((p) => p.replace(/^"|"$/g, ''));
}

interface Block {
  /** Index of the marker comment line. */
  start: number;
  /** Index after the block's last line: its first blank line, the next block or marker, or the end. */
  end: number;
  hostLine: number;
  /**
   * Option lines the user added to the Host further down, after a blank line: ssh reads them as
   * this host's until the next Host or Match line, so they are the user's and stay where they are.
   */
  userOptions: number[];
}

const isComment = (line: string) => line.trimStart().startsWith('#');

/** The three lines we write under the Host line, in order; an entry without them was not written by us (or was changed). */
const OUR_KEYS = [/^ {2}HostName \S+$/, /^ {2}User \S+$/, /^ {2}Port \d+$/];

/** Whether line `i` starts an entry as we write it: our marker, `Host <one alias>`, our three lines. */
function isOurEntry(lines: string[], i: number): boolean {
  const host = parseLine(lines[i + 1] ?? '');
  return (
    lines[i].startsWith(MARKER) &&
    lines[i].endsWith(`. ${REMOVE_HINT}`) &&
    host?.keyword === 'host' &&
    hostPatterns(host.value).length === 1 &&
    OUR_KEYS.every((key, k) => key.test(lines[i + 2 + k] ?? ''))
  );
}

/**
 * Our marked block for `alias`, if any: our marker line as we write it, `Host <alias>` alone, then
 * our HostName, User and Port lines. A block under a marker that does not look so (a copy of our
 * comment above the user's own block, or an entry changed by hand) is refused, not taken as ours.
 */
function findOurs(lines: string[], alias: string): Block | undefined {
  for (let i = 0; i + 1 < lines.length; i++) {
    if (!lines[i].startsWith(MARKER) || lines[i] === SEPARATOR) continue;
    const host = parseLine(lines[i + 1]);
    if (host?.keyword !== 'host' || !hostPatterns(host.value).includes(alias)) continue;
    if (!isOurEntry(lines, i)) {
      throw new SshConfigError(
        l10n.t(
          "Line {0} of the ssh config carries DigitalOcean Explorer's comment, but the entry under it for Host {1} is not as it writes one (it was copied or changed by hand): it is left as it is. Remove the comment line to make the entry yours, or the entry to let DigitalOcean Explorer write it again.",
          i + 1,
          alias,
        ),
      );
    }
    let end = i + 2;
    while (end < lines.length && lines[end].trim() !== '' && !opensBlock(lines[end]) && !lines[end].startsWith(MARKER)) end++;
    const userOptions: number[] = [];
    for (let j = end; j < lines.length && !opensBlock(lines[j]) && !lines[j].startsWith(MARKER); j++) if (parseLine(lines[j])) userOptions.push(j);
    return { start: i, end, hostLine: i + 1, userOptions };
  }
  return undefined;
}

/** Host lines naming `alias` that are not ours (not under our marker). */
function foreignHostLines(lines: string[], alias: string): number[] {
  const found: number[] = [];
  lines.forEach((line, i) => {
    const parsed = parseLine(line);
    if (parsed?.keyword === 'host' && hostPatterns(parsed.value).includes(alias) && !(i > 0 && lines[i - 1].startsWith(MARKER))) found.push(i);
  });
  return found;
}

function entryLines(entry: SshHostEntry): string[] {
  return [
    `${MARKER} ${entry.about.replace(/[\r\n]+/g, ' ')}. ${REMOVE_HINT}`,
    `Host ${entry.alias}`,
    `  HostName ${entry.hostName}`,
    `  User ${entry.user}`,
    // always: a `Port` for every host further down must not apply to it
    `  Port ${entry.port ?? 22}`,
  ];
}

/** Splits text into lines, remembering whether it ended with a newline. */
function split(text: string): { lines: string[]; finalNewline: boolean } {
  if (text === '') return { lines: [], finalNewline: false };
  const finalNewline = text.endsWith('\n');
  return { lines: (finalNewline ? text.slice(0, -1) : text).split('\n'), finalNewline };
}

const join = (lines: string[], finalNewline: boolean) => (lines.length === 0 ? '' : lines.join('\n') + (finalNewline ? '\n' : ''));

/**
 * The config with `entry` added, or updated in place when we wrote one for its alias before.
 * Text with `\n` line endings (safeWrite.ts puts the file's own back). Throws SshConfigError when
 * the user has a Host of that name of their own.
 */
export function upsertHost(existing: string | undefined, entry: SshHostEntry): string {
  for (const [what, value] of [
    [l10n.t('host name'), entry.hostName],
    ['user', entry.user],
  ] as const) {
    if (!value || /[\s"#]/.test(value)) throw new SshConfigError(l10n.t('The {0} "{1}" cannot go in an ssh config file.', what, value));
  }
  const { lines, finalNewline } = split(existing ?? '');
  const foreign = foreignHostLines(lines, entry.alias);
  if (foreign.length > 0) {
    throw new SshConfigError(
      l10n.t(
        'The ssh config already has "Host {0}" (line {1}) that DigitalOcean Explorer did not write. Rename or remove it, then try again.',
        entry.alias,
        foreign[0] + 1,
      ),
    );
  }
  const ours = findOurs(lines, entry.alias);
  if (ours) return join(updateBlock(lines, ours, entry), finalNewline);

  const block = entryLines(entry);
  let at = lines.findIndex((line) => parseLine(line) !== undefined);
  if (at >= 0) {
    // options for every host come first: they go on after a `Host *` line of ours
    const separator = !opensBlock(lines[at]) ? [SEPARATOR, 'Host *'] : [];
    // before the comment lines right above (they are about what follows), a blank line between
    while (at > 0 && isComment(lines[at - 1])) at--;
    return join([...lines.slice(0, at), ...block, '', ...separator, ...lines.slice(at)], finalNewline);
  }
  if (lines.length === 0) return join(block, true);
  // comments only: at the end, after a blank line; a file that did not end with a newline still does not
  return join([...lines, '', ...block], finalNewline);
}

/** Our block with HostName, User and Port set; every other line in it (the user's additions) kept. */
function updateBlock(lines: string[], block: Block, entry: SshHostEntry): string[] {
  const wanted = new Map<string, string | undefined>([
    ['hostname', `  HostName ${entry.hostName}`],
    ['user', `  User ${entry.user}`],
    ['port', `  Port ${entry.port ?? 22}`],
  ]);
  const body: string[] = [];
  let afterOurs = 0;
  for (const line of lines.slice(block.hostLine + 1, block.end)) {
    const keyword = parseLine(line)?.keyword;
    if (keyword && wanted.has(keyword)) {
      const replacement = wanted.get(keyword);
      wanted.delete(keyword);
      if (replacement !== undefined) body.push(replacement);
      afterOurs = body.length;
    } else {
      body.push(line);
    }
  }
  // options not there yet go after ours, before the user's additions
  const missing = [...wanted.values()].filter((l): l is string => l !== undefined);
  body.splice(afterOurs, 0, ...missing);
  return [...lines.slice(0, block.start), entryLines(entry)[0], lines[block.hostLine], ...body, ...lines.slice(block.end)];
}

/**
 * The config without our entry for `alias` (and the blank line we put beside it), or undefined
 * when there is none.
 */
export function removeHost(existing: string | undefined, alias: string): string | undefined {
  const { lines, finalNewline } = split(existing ?? '');
  const ours = findOurs(lines, alias);
  if (!ours) return undefined;
  if (ours.userOptions.length > 0) {
    // options of the user's under our Host line: taken away with it, they would apply to every
    // host (or the one above); our marker and our three lines go, the Host line stays theirs
    return join([...lines.slice(0, ours.start), lines[ours.hostLine], ...lines.slice(ours.hostLine + 1 + OUR_KEYS.length)], finalNewline);
  }
  let { start, end } = ours;
  if (end < lines.length && lines[end].trim() === '') end++;
  else if (end >= lines.length && start > 0 && lines[start - 1].trim() === '') start--;
  const rest = [...lines.slice(0, start), ...lines.slice(end)];
  // the last entry gone, the `Host *` line that ended our entries goes too
  const separator = rest.indexOf(SEPARATOR);
  if (separator >= 0 && ourHosts(rest.join('\n')).length === 0 && parseLine(rest[separator + 1] ?? '')?.value === '*') rest.splice(separator, 2);
  return join(rest, finalNewline);
}

/** Aliases of every entry we wrote. */
export function ourHosts(existing: string | undefined): string[] {
  const { lines } = split(existing ?? '');
  const aliases: string[] = [];
  lines.forEach((line, i) => {
    if (line === SEPARATOR || !isOurEntry(lines, i)) return;
    aliases.push(hostPatterns(parseLine(lines[i + 1])!.value).join(' '));
  });
  return aliases;
}
