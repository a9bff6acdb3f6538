/**
 * The droplet entries we write into the user's ssh config: generated config files (comments,
 * Include, Host and Match blocks, `key=value`, tabs, CRLF, a byte order mark, with and without a
 * final newline) lose nothing, and the real `ssh -G` resolves our alias to our host, user and
 * port, and every host of the user's exactly as before.
 */
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { applyFormat, splitFormat, updateFile } from '../../src/credentials/safeWrite';
import { hostAlias, ourHosts, removeHost, SshConfigError, sshConfigPath, type SshHostEntry, upsertHost } from '../../src/credentials/sshConfig';

const run = promisify(execFile);
const RUNS = 1_000;

const word = fc.stringMatching(/^[a-z][a-z0-9]{0,7}$/);
const indent = fc.constantFrom('  ', '    ', '\t', ' ');
const comment = fc.stringMatching(/^[A-Za-z0-9 .,:()-]{0,30}$/).map((t) => `# ${t}`);
const option = fc.oneof(
  fc.tuple(fc.constantFrom('User', 'user', 'USER'), word),
  fc.tuple(fc.constant('Port'), fc.integer({ min: 1, max: 65535 }).map(String)),
  fc.tuple(
    fc.constant('HostName'),
    fc.tuple(fc.nat(255), fc.nat(255)).map(([a, b]) => `10.0.${a}.${b}`),
  ),
  fc.tuple(fc.constant('ServerAliveInterval'), fc.integer({ min: 0, max: 600 }).map(String)),
  fc.tuple(fc.constant('ForwardAgent'), fc.constantFrom('yes', 'no')),
  fc.tuple(
    fc.constant('IdentityFile'),
    word.map((w) => `~/.ssh/id_${w}`),
  ),
);
const optionLine = fc.tuple(indent, option, fc.constantFrom(' ', '=', ' = ', '\t')).map(([i, [k, v], sep]) => `${i}${k}${sep}${v}`);
const globalLine = fc.oneof(
  { weight: 3, arbitrary: option.map(([k, v]) => `${k} ${v}`) },
  { weight: 2, arbitrary: comment },
  { weight: 1, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: word.map((w) => `Include config.d/${w}*`) },
);
const hostName = word.map((w) => `h-${w}`);
const block = fc
  .oneof(
    fc
      .tuple(fc.array(hostName, { minLength: 1, maxLength: 3 }), fc.constantFrom('Host ', 'Host=', 'host ', 'Host\t'))
      .map(([names, kw]) => `${kw}${names.join(' ')}`),
    fc.constant('Host *'),
    word.map((w) => `Match host m-${w}`),
    word.map((w) => `Match user ${w}`),
  )
  .chain((head) =>
    fc
      .tuple(
        fc.array(fc.oneof({ weight: 4, arbitrary: optionLine }, { weight: 1, arbitrary: comment }, { weight: 1, arbitrary: fc.constant('') }), {
          maxLength: 5,
        }),
      )
      .map(([body]) => [head, ...body]),
  );
/** A config as ssh reads it: lines joined by `\n`, maybe without the final one. */
const configText = fc.tuple(fc.array(globalLine, { maxLength: 6 }), fc.array(block, { maxLength: 5 }), fc.boolean()).map(([global, blocks, finalNewline]) => {
  const lines = [...global, ...blocks.flat()];
  return lines.length === 0 ? '' : lines.join('\n') + (finalNewline ? '\n' : '');
});
const entry: fc.Arbitrary<SshHostEntry> = fc.record({
  alias: word.map((w) => hostAlias(`web-${w}`)),
  hostName: fc.tuple(fc.nat(255), fc.nat(255)).map(([a, b]) => `203.0.${a}.${b}`),
  user: fc.constantFrom('root', 'ubuntu', 'deploy'),
  port: fc.option(fc.constantFrom(22, 2222, 40022), { nil: undefined }),
  about: word.map((w) => `droplet web-${w} (id 4242)`),
});

/** The user's hosts a config names (first non-wildcard pattern of each Host line). */
function userHosts(text: string): string[] {
  return [...text.matchAll(/^\s*host[\s=]+(h-[a-z0-9]+)/gim)].map((m) => m[1]);
}

async function resolve(file: string, host: string): Promise<Map<string, string>> {
  const { stdout } = await run('ssh', ['-G', '-F', file, host], { env: { ...process.env, HOME: tmpdir() } });
  return new Map(
    stdout
      .split('\n')
      .filter(Boolean)
      .map((l) => [l.slice(0, l.indexOf(' ')), l.slice(l.indexOf(' ') + 1)]),
  );
}

describe('ssh config entries (property tests)', function () {
  this.timeout(300_000);

  it(`lose nothing: removing the entry gives back the file byte for byte (${RUNS} files)`, () => {
    fc.assert(
      fc.property(configText, entry, fc.boolean(), fc.boolean(), (text, e, crlf, bom) => {
        const raw = (bom ? '\uFEFF' : '') + (crlf ? text.replace(/\n/g, '\r\n') : text);
        const { text: plain, format } = splitFormat(raw);
        const added = upsertHost(plain, e);
        // ours is one Host block; everything else is the user's lines, in their order
        assert.deepEqual(ourHosts(added), [e.alias]);
        const back = removeHost(added, e.alias);
        assert.equal(back === undefined ? undefined : applyFormat(back, format), raw);
        // writing the same entry again changes nothing; another address changes only our lines
        assert.equal(upsertHost(added, e), added);
        const moved = upsertHost(added, { ...e, hostName: '198.51.100.9' });
        assert.equal(moved.split('\n').length, added.split('\n').length);
        assert.equal(removeHost(moved, e.alias), back);
      }),
      { numRuns: RUNS },
    );
  });

  it(`keep each line's own ending through the real write, in files of mixed endings (${RUNS} files)`, async () => {
    const root = mkdtempSync(join(tmpdir(), 'sshcfg-mixed-'));
    try {
      const samples = fc.sample(fc.tuple(configText, entry, fc.infiniteStream(fc.boolean())), { numRuns: RUNS, seed: 36 });
      let mixed = 0;
      for (const [i, [text, e, crlfs]] of samples.entries()) {
        // each line its own ending, as a file edited on two systems has
        const raw = text
          .split('\n')
          .map((line, j, all) => (j < all.length - 1 ? line + (crlfs.next().value ? '\r\n' : '\n') : line))
          .join('');
        if (/\r\n/.test(raw) && /(^|[^\r])\n/.test(raw)) mixed++;
        const file = join(root, `config-${i}`);
        writeFileSync(file, raw);
        await updateFile(file, (current) => upsertHost(current, e));
        const written = readFileSync(file, 'utf8');
        // the user's lines are all there with their own endings, in order
        const own = raw.split(/(?<=\n)/);
        let at = 0;
        for (const line of written.split(/(?<=\n)/)) if (line === own[at]) at++;
        assert.ok(at === own.length || (at === own.length - 1 && !own[own.length - 1].endsWith('\n')), `file ${i}: a line of the user's lost its ending`);
        await updateFile(file, (current) => removeHost(current, e.alias));
        assert.equal(readFileSync(file, 'utf8'), raw, `file ${i}: add then remove gives back the file byte for byte`);
      }
      assert.ok(mixed > RUNS / 2, `${mixed} of ${RUNS} files had mixed endings`);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it(`keep every shape of file through the real write: plain, relative and absolute symlinks, chains, dangling links (${RUNS} files)`, async () => {
    const root = mkdtempSync(join(tmpdir(), 'sshcfg-shapes-'));
    try {
      const shapes = ['plain', 'relative', 'absolute', 'chain', 'dangling'] as const;
      const samples = fc.sample(fc.tuple(configText, entry, fc.constantFrom(...shapes), fc.boolean()), { numRuns: RUNS, seed: 1124 });
      for (const [i, [text, e, shape, crlf]] of samples.entries()) {
        const dir = join(root, String(i));
        mkdirSync(join(dir, '.ssh'), { recursive: true });
        mkdirSync(join(dir, 'dotfiles'));
        const file = join(dir, '.ssh', 'config');
        const target = shape === 'plain' ? file : join(dir, 'dotfiles', 'ssh_config');
        const raw = crlf ? text.replace(/\n/g, '\r\n') : text;
        if (shape !== 'dangling') writeFileSync(target, raw);
        if (shape === 'relative' || shape === 'dangling') symlinkSync('../dotfiles/ssh_config', file);
        if (shape === 'absolute') symlinkSync(target, file);
        if (shape === 'chain') {
          symlinkSync('ssh_config', join(dir, 'dotfiles', 'link'));
          symlinkSync(join(dir, 'dotfiles', 'link'), file);
        }
        await updateFile(file, (current) => upsertHost(current, e));
        if (shape !== 'plain') assert.ok(lstatSync(file).isSymbolicLink(), `${shape}: the link stays a link`);
        const written = readFileSync(target, 'utf8');
        const { text: plain, format } = splitFormat(shape === 'dangling' ? '' : raw);
        assert.equal(written, applyFormat(upsertHost(plain, e), format), `${shape}: the target holds the entry`);
        await updateFile(file, (current) => removeHost(current, e.alias));
        assert.equal(readFileSync(target, 'utf8'), shape === 'dangling' ? '' : raw, `${shape}: removing gives back the file`);
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it(`resolve with the real ssh -G: our alias to our host, user and port; the user's hosts as before (${RUNS} files)`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sshcfg-'));
    try {
      const samples = fc.sample(fc.tuple(configText, entry, fc.boolean()), { numRuns: RUNS, seed: 20261124 });
      let checkedUserHosts = 0;
      const check = async ([text, e, crlf]: [string, SshHostEntry, boolean], i: number) => {
        const before = join(dir, `before-${i}`);
        const after = join(dir, `after-${i}`);
        const eol = (t: string) => (crlf ? t.replace(/\n/g, '\r\n') : t);
        writeFileSync(before, eol(text));
        writeFileSync(after, eol(upsertHost(text, e)));
        const ours = await resolve(after, e.alias);
        assert.equal(ours.get('hostname'), e.hostName, `file ${i}: hostname`);
        assert.equal(ours.get('user'), e.user, `file ${i}: user`);
        assert.equal(ours.get('port'), String(e.port ?? 22), `file ${i}: port`);
        for (const host of userHosts(text).slice(0, 2)) {
          assert.deepEqual(await resolve(after, host), await resolve(before, host), `file ${i}: ${host} resolves differently`);
          checkedUserHosts++;
        }
      };
      for (let i = 0; i < samples.length; i += 16) {
        await Promise.all(samples.slice(i, i + 16).map((s, j) => check(s, i + j)));
      }
      assert.ok(checkedUserHosts > RUNS / 2, `only ${checkedUserHosts} user hosts compared`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('ssh config entries', () => {
  const e: SshHostEntry = { alias: 'do-web-1', hostName: '203.0.113.10', user: 'root', about: 'droplet web-1 (id 1)' };

  it('go before the first option or block and the comments above it; options for every host follow a Host * of ours', () => {
    const marker = '# DigitalOcean Explorer: droplet web-1 (id 1). "Remove SSH Config Entry" removes it.';
    const separator = '# DigitalOcean Explorer: end of its entries; the options below apply to every host, as before.';
    const entryText = `${marker}\nHost do-web-1\n  HostName 203.0.113.10\n  User root\n  Port 22\n`;
    assert.equal(upsertHost('# work\nHost h-work\n  User me\n', e), `${entryText}\n# work\nHost h-work\n  User me\n`);
    const withGlobal = '# my config\n\n# keep alive\nServerAliveInterval 30\nHost h-work\n  User me\n';
    const added = upsertHost(withGlobal, e);
    assert.equal(added, `# my config\n\n${entryText}\n${separator}\nHost *\n# keep alive\nServerAliveInterval 30\nHost h-work\n  User me\n`);
    const two = upsertHost(added, { ...e, alias: 'do-db-1', about: 'droplet db-1 (id 2)' });
    assert.equal(two.split('Host *').length, 2, 'one separator for every entry');
    assert.equal(removeHost(removeHost(two, 'do-web-1'), 'do-db-1'), withGlobal);
    assert.equal(upsertHost('# only comments', e), `# only comments\n\n${entryText.slice(0, -1)}`);
  });

  it('keep lines the user added to our entry when it is updated', () => {
    const added = upsertHost('', e).replace('  Port 22\n', '  Port 22\n  IdentityFile ~/.ssh/do_key\n');
    const updated = upsertHost(added, { ...e, hostName: '203.0.113.99', user: 'ubuntu', port: 2222 });
    assert.match(updated, /HostName 203\.0\.113\.99\n {2}User ubuntu\n {2}Port 2222\n {2}IdentityFile ~\/\.ssh\/do_key\n$/);
  });

  it('refuse a block under a copy of our comment, or our entry changed by hand, instead of taking it as ours', () => {
    // the user copied our comment above a block of their own: not overwritten, not removed
    const copied = `${upsertHost('', e).split('\n')[0]}\nHost do-web-1\n  HostName 10.0.0.5\n  IdentityFile ~/.ssh/mine\n`;
    assert.throws(
      () => upsertHost(copied, e),
      (error: unknown) => error instanceof SshConfigError && /Line 1 .* not as it writes one/.test(error.message),
    );
    assert.throws(() => removeHost(copied, 'do-web-1'), SshConfigError);
    assert.deepEqual(ourHosts(copied), [], 'not listed as ours either');
    // our entry with its Port line replaced by hand
    const changed = upsertHost('', e).replace('  Port 22\n', '  IdentityFile ~/.ssh/do_key\n');
    assert.throws(() => upsertHost(changed, { ...e, hostName: '203.0.113.99' }), SshConfigError);
  });

  it('leave options the user wrote under our Host after a blank line where they are, under that Host, when the entry is removed (real ssh -G)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sshcfg-after-blank-'));
    try {
      const file = join(dir, 'config');
      const user = 'Host github.com\n  User git\n\nHost h-one h-two\n  User me\n';
      // ours first (before every Host), then the user adds to it after its blank line
      const text = upsertHost(user, e).replace('  Port 22\n\n', '  Port 22\n\n  User admin\n  IdentityFile ~/.ssh/extra\n\n');
      writeFileSync(file, text);
      const before = await Promise.all(['github.com', 'h-one', 'h-two'].map((h) => resolve(file, h)));
      const removed = removeHost(text, e.alias)!;
      assert.ok(!removed.includes('DigitalOcean Explorer'), 'our marker is gone');
      assert.ok(!/HostName 203\.0\.113\.10/.test(removed), 'our HostName is gone');
      assert.match(removed, /^Host do-web-1\n\n {2}User admin\n {2}IdentityFile ~\/\.ssh\/extra\n/, "the user's lines stay, under their Host");
      writeFileSync(file, removed);
      const after = await Promise.all(['github.com', 'h-one', 'h-two'].map((h) => resolve(file, h)));
      for (const [i, host] of ['github.com', 'h-one', 'h-two'].entries()) {
        assert.deepEqual([...after[i]], [...before[i]], `ssh -G ${host} changed`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuse to shadow a Host of the user's with the same name, and bad values", () => {
    assert.throws(
      () => upsertHost('Host other do-web-1\n  User me\n', e),
      (error: unknown) => error instanceof SshConfigError && /line 1/.test(error.message),
    );
    assert.throws(() => upsertHost('', { ...e, user: 'ro ot' }), SshConfigError);
    assert.throws(() => upsertHost('', { ...e, hostName: '1.2.3.4#x' }), SshConfigError);
    assert.equal(removeHost('Host do-web-1\n  User me\n', 'do-web-1'), undefined, 'a Host we did not write is not removed');
  });

  it('name the file Remote-SSH reads, and make aliases ssh does not read as patterns', () => {
    assert.equal(sshConfigPath(undefined, '/home/u'), '/home/u/.ssh/config');
    assert.equal(sshConfigPath('~/cfg/ssh', '/home/u'), '/home/u/cfg/ssh');
    assert.equal(sshConfigPath('/etc/x', '/home/u'), '/etc/x');
    assert.equal(hostAlias('web-1.example'), 'do-web-1.example');
    assert.equal(hostAlias('a*b?c !d'), 'do-a-b-c-d');
  });

  it('are written through a symlink, with a backup, keeping the link and the CRLF endings', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sshcfg-link-'));
    try {
      mkdirSync(join(dir, 'dotfiles'));
      mkdirSync(join(dir, '.ssh'), { mode: 0o700 });
      const original = '# mine\r\nHost h-a\r\n  User me\r\n';
      writeFileSync(join(dir, 'dotfiles', 'ssh_config'), original);
      symlinkSync('../dotfiles/ssh_config', join(dir, '.ssh', 'config'));
      const file = join(dir, '.ssh', 'config');
      await updateFile(file, (current) => upsertHost(current, e));
      assert.ok(lstatSync(file).isSymbolicLink());
      assert.equal(readlinkSync(file), '../dotfiles/ssh_config');
      const written = readFileSync(join(dir, 'dotfiles', 'ssh_config'), 'utf8');
      assert.ok(written.includes('Host do-web-1\r\n  HostName 203.0.113.10\r\n'));
      assert.equal(readFileSync(`${file}.bak`, 'utf8'), original);
      assert.equal((await resolve(file, 'do-web-1')).get('hostname'), '203.0.113.10');
      await updateFile(file, (current) => removeHost(current, 'do-web-1'));
      assert.equal(readFileSync(join(dir, 'dotfiles', 'ssh_config'), 'utf8'), original);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
