/**
 * The user's own files under conditions real machines have: YAML anchors shared between entries,
 * a byte order mark and CRLF line endings, symlinked dotfiles, a full disk, and several writers
 * at once with a stale lock. Checked with property tests (RUNS generated files each), the real
 * kubectl and docker CLIs, a small tmpfs, and real concurrent processes.
 *
 * Run with DO_SAFE_WRITER_FILE set, this bundle is one of those concurrent writers instead.
 */
import * as assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { mergeKubeconfig, parseIncoming, removeContext, renameEntries, replaceUserCredentials } from '../../src/credentials/kubeconfig';
import { REGISTRY_HOST, withRegistryAuth } from '../../src/credentials/dockerConfig';
import { updateFile } from '../../src/credentials/safeWrite';
import { INCOMING_KUBECONFIG } from './support/fixtures';

const RUNS = 1_000;

const INCOMING = INCOMING_KUBECONFIG;
const incoming = parseIncoming(INCOMING);

if (process.env.DO_SAFE_WRITER_FILE) {
  // one of several concurrent writer processes: wait for the common start, then merge one context
  const file = process.env.DO_SAFE_WRITER_FILE;
  const name = process.env.DO_SAFE_WRITER_NAME ?? 'w';
  const startAt = Number(process.env.DO_SAFE_WRITER_START ?? 0);
  setTimeout(
    () => {
      updateFile(file, (current) => mergeKubeconfig(current, renameEntries(incoming, name)), { staleLockMs: 60_000, lockTimeoutMs: 30_000 }).then(
        () => process.exit(0),
        (error: unknown) => {
          process.stderr.write(`${String(error)}\n`);
          process.exit(1);
        },
      );
    },
    Math.max(0, startAt - Date.now()),
  );
} else {
  suites();
}

/** The entries of a parsed kubeconfig by kind and name (aliases resolved by the parser). */
function entries(text: string): Record<string, Map<string, unknown>> {
  const object = parse(text) as Record<string, { name: string }[] | undefined>;
  const out: Record<string, Map<string, unknown>> = {};
  for (const key of ['clusters', 'users', 'contexts']) out[key] = new Map((object[key] ?? []).map((e) => [e.name, JSON.parse(JSON.stringify(e))]));
  return out;
}

function kubectlView(file: string): {
  clusters: { name: string; cluster: { server: string } }[];
  users: { name: string; user: Record<string, unknown> }[];
  contexts: { name: string }[];
} {
  return JSON.parse(execFileSync('kubectl', ['config', 'view', '--raw', '-o', 'json', '--kubeconfig', file], { encoding: 'utf8' }));
}

// ---- generators ----------------------------------------------------------------------------------

/**
 * A kubeconfig of 2–4 clusters and users (`cN`, `cN-admin`, contexts `cN`) in which some entries
 * hold an anchor (`&aN`) and others alias it (`*aN`), for their cluster map or their user map.
 */
const anchoredKubeconfig = fc
  .record({
    count: fc.integer({ min: 2, max: 4 }),
    clusterAlias: fc.array(fc.option(fc.nat(3), { nil: undefined }), { minLength: 4, maxLength: 4 }),
    userAlias: fc.array(fc.option(fc.nat(3), { nil: undefined }), { minLength: 4, maxLength: 4 }),
    comment: fc.boolean(),
  })
  .map(({ count, clusterAlias, userAlias, comment }) => {
    // entry i may alias the anchor of an earlier entry j < i (an alias must follow its anchor)
    const aliasOf = (choice: (number | undefined)[], i: number) => (i > 0 && choice[i] !== undefined ? choice[i]! % i : undefined);
    const clusterAnchored = new Set<number>();
    const userAnchored = new Set<number>();
    for (let i = 0; i < count; i++) {
      const c = aliasOf(clusterAlias, i);
      if (c !== undefined) clusterAnchored.add(c);
      const u = aliasOf(userAlias, i);
      if (u !== undefined) userAnchored.add(u);
    }
    const lines = ['apiVersion: v1', 'kind: Config', comment ? '# shared servers below' : '', 'clusters:'];
    for (let i = 0; i < count; i++) {
      const c = aliasOf(clusterAlias, i);
      if (c !== undefined && !clusterAnchored.has(i)) lines.push(`- name: c${i}`, `  cluster: *srv${c}`);
      else
        lines.push(
          `- name: c${i}`,
          `  cluster: ${clusterAnchored.has(i) ? `&srv${i} ` : ''}`,
          `    server: https://c${i}.example:6443`,
          `    insecure-skip-tls-verify: true`,
        );
    }
    lines.push('users:');
    for (let i = 0; i < count; i++) {
      const u = aliasOf(userAlias, i);
      if (u !== undefined && !userAnchored.has(i)) lines.push(`- name: c${i}-admin`, `  user: *cred${u}`);
      else lines.push(`- name: c${i}-admin`, `  user: ${userAnchored.has(i) ? `&cred${i} ` : ''}`, `    token: token-${i}`);
    }
    lines.push('contexts:');
    for (let i = 0; i < count; i++) lines.push(`- name: c${i}`, `  context:`, `    cluster: c${i}`, `    user: c${i}-admin`);
    return { text: `${lines.filter((l) => l !== '').join('\n')}\n`, count };
  });

const plainKubeconfig = fc
  .record({
    names: fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/), { minLength: 0, maxLength: 3 }),
    comments: fc.array(fc.stringMatching(/^[a-z0-9 ]{1,16}$/), { maxLength: 3 }),
    nullClusters: fc.boolean(),
  })
  .map(({ names, comments, nullClusters }) => {
    const lines = ['apiVersion: v1', 'kind: Config', ...comments.map((c, i) => `# note ${i}: ${c}`)];
    if (nullClusters && names.length === 0) lines.push('clusters: null # none yet');
    else {
      lines.push('clusters:');
      for (const n of names) lines.push(`- name: ${n}`, '  cluster:', `    server: https://${n}.example`);
    }
    lines.push('users:');
    for (const n of names) lines.push(`- name: ${n}-user`, '  user:', `    token: t-${n}`);
    lines.push('contexts:');
    for (const n of names) lines.push(`- name: ${n}`, '  context:', `    cluster: ${n}`, `    user: ${n}-user`);
    return `${lines.filter((l) => l !== '').join('\n')}\n`;
  });

const dockerJson = fc
  .record({
    extra: fc.dictionary(fc.stringMatching(/^[a-zA-Z]{1,8}$/), fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.boolean()), { maxKeys: 4 }),
    indent: fc.constantFrom('\t', '  ', '    '),
  })
  .map(({ extra, indent }) => ({ text: `${JSON.stringify({ auths: { 'ghcr.io': { auth: 'eDp5' } }, ...extra }, null, indent)}\n`, indent }));

type LinkShape = 'none' | 'relative' | 'absolute' | 'chain' | 'dangling';
const linkShape = fc.constantFrom<LinkShape>('none', 'relative', 'absolute', 'chain', 'dangling');

/** Puts `raw` where the user keeps it: at `home/<name>` directly or behind links into `dotfiles/`. */
function place(base: string, name: string, raw: string | undefined, shape: LinkShape): { path: string; target: string; links: string[] } {
  const home = join(base, 'home');
  const dotfiles = join(base, 'dotfiles', 'sub');
  fs.mkdirSync(home, { recursive: true });
  fs.mkdirSync(dotfiles, { recursive: true });
  const at = join(home, name);
  if (shape === 'none') {
    if (raw !== undefined) fs.writeFileSync(at, raw);
    return { path: at, target: at, links: [] };
  }
  const target = join(dotfiles, name);
  if (raw !== undefined && shape !== 'dangling') fs.writeFileSync(target, raw);
  if (shape === 'chain') {
    const middle = join(base, 'dotfiles', `${name}.link`);
    fs.symlinkSync(join('sub', name), middle);
    fs.symlinkSync(middle, at);
    return { path: at, target, links: [at, middle] };
  }
  fs.symlinkSync(shape === 'relative' ? join('..', 'dotfiles', 'sub', name) : target, at);
  return { path: at, target, links: [at] };
}

function withFormat(text: string, bom: boolean, crlf: boolean): string {
  return (bom ? '\uFEFF' : '') + (crlf ? text.replace(/\n/g, '\r\n') : text);
}

function leftovers(...dirs: string[]): string[] {
  return dirs.flatMap((d) => (fs.existsSync(d) ? fs.readdirSync(d).filter((f) => /\.tmp$|\.lock$|\.takeover$/.test(f)) : []));
}

function suites(): void {
  describe('YAML anchors in the kubeconfig (property test)', function () {
    this.timeout(120_000);

    it(`changes only the entry picked — overwrite, token refresh or removal — when entries share anchors (${RUNS} files)`, () => {
      let ran = 0;
      fc.assert(
        fc.property(anchoredKubeconfig, fc.nat(3), fc.constantFrom('overwrite', 'refresh', 'remove'), ({ text, count }, pick, operation) => {
          ran++;
          const k = pick % count;
          const before = entries(text);
          let after: string;
          if (operation === 'overwrite') after = mergeKubeconfig(text, renameEntries(incoming, `c${k}`));
          else if (operation === 'refresh') after = replaceUserCredentials(text, `c${k}-admin`, { token: 'fresh' });
          else after = removeContext(text, `c${k}`)!;
          const now = entries(after); // throws on an unresolved alias
          for (const key of ['clusters', 'users', 'contexts']) {
            for (const [name, entry] of before[key]) {
              const picked = name === `c${k}` || name === `c${k}-admin`;
              if (picked && !(operation === 'refresh' && key !== 'users')) continue;
              assert.deepEqual(now[key].get(name), entry, `${operation} c${k} changed ${key} ${name}`);
            }
          }
          if (operation === 'overwrite')
            assert.equal((now.clusters.get(`c${k}`) as { cluster: { server: string } }).cluster.server, incoming.cluster.cluster.server);
          if (operation === 'refresh') assert.deepEqual((now.users.get(`c${k}-admin`) as { user: unknown }).user, { token: 'fresh' });
          if (operation === 'remove') assert.equal(now.contexts.has(`c${k}`), false);
        }),
        { numRuns: RUNS },
      );
      assert.equal(ran, RUNS);
    });

    it('kubectl reads the other entry unchanged after the anchored one is overwritten, refreshed or removed', async () => {
      const dir = fs.mkdtempSync(join(tmpdir(), 'anchors-'));
      try {
        const text = [
          'apiVersion: v1',
          'kind: Config',
          'clusters:',
          '- name: c0',
          '  cluster: &srv',
          '    server: https://shared.example:6443',
          '- name: c1',
          '  cluster: *srv',
          'users:',
          '- name: c0-admin',
          '  user: &cred',
          '    token: shared-token',
          '- name: c1-admin',
          '  user: *cred',
          'contexts:',
          '- name: c0',
          '  context: {cluster: c0, user: c0-admin}',
          '- name: c1',
          '  context: {cluster: c1, user: c1-admin}',
          '',
        ].join('\n');
        for (const operation of ['overwrite', 'refresh', 'remove'] as const) {
          const file = join(dir, `config-${operation}`);
          fs.writeFileSync(file, text);
          await updateFile(file, (current) =>
            operation === 'overwrite'
              ? mergeKubeconfig(current, renameEntries(incoming, 'c0'))
              : operation === 'refresh'
                ? replaceUserCredentials(current, 'c0-admin', { token: 'fresh' })
                : removeContext(current, 'c0'),
          );
          const view = kubectlView(file);
          const c1 = view.clusters.find((c) => c.name === 'c1');
          const u1 = view.users.find((u) => u.name === 'c1-admin');
          assert.equal(c1?.cluster.server, 'https://shared.example:6443', `${operation}: kubectl sees c1's server unchanged`);
          assert.deepEqual(u1?.user, { token: 'shared-token' }, `${operation}: kubectl sees c1's token unchanged`);
          const c0 = view.clusters.find((c) => c.name === 'c0');
          if (operation === 'overwrite') assert.equal(c0?.cluster.server, incoming.cluster.cluster.server);
          if (operation === 'remove') assert.equal(c0, undefined);
        }
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    it('keeps a comment after `clusters: null`', () => {
      const merged = mergeKubeconfig('apiVersion: v1\nkind: Config\nclusters: null # none yet\n', incoming);
      assert.match(merged, /# none yet/);
      assert.equal((parse(merged) as { clusters: unknown[] }).clusters.length, 1);
    });
  });

  describe('Encoding, line endings and symlinks (property test, real files)', function () {
    this.timeout(300_000);
    let dir: string;
    before(() => (dir = fs.mkdtempSync(join(tmpdir(), 'user-files-'))));
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it(`keeps the BOM, CRLF, indentation and the symlink of kubeconfigs and docker configs (${RUNS} files)`, async () => {
      let n = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            plainKubeconfig.map((text) => ({ kind: 'kube' as const, text, indent: '' })),
            dockerJson.map((d) => ({ kind: 'docker' as const, ...d })),
          ),
          fc.boolean(),
          fc.boolean(),
          linkShape,
          async (file, bom, crlf, shape) => {
            const base = join(dir, `case-${n++}`);
            const raw = withFormat(file.text, bom, crlf);
            const name = file.kind === 'kube' ? 'config' : 'config.json';
            const placed = place(base, name, raw, shape);
            const linkTargets = placed.links.map((l) => fs.readlinkSync(l));
            const change =
              file.kind === 'kube'
                ? (t: string | undefined) => mergeKubeconfig(t, incoming)
                : (t: string | undefined) => withRegistryAuth(t, 'dXNlcjpzZWNyZXQ=');
            await updateFile(placed.path, change);

            // links stay links, pointing where they pointed; the target holds the new text
            assert.deepEqual(
              placed.links.map((l) => fs.lstatSync(l).isSymbolicLink() && fs.readlinkSync(l)),
              linkTargets,
            );
            const written = fs.readFileSync(placed.target, 'utf8');
            const existed = shape !== 'dangling';
            assert.equal(written.startsWith('\uFEFF'), bom && existed, 'BOM kept (and none added to a new file)');
            const body = written.replace(/^\uFEFF/, '');
            if (crlf && existed) assert.ok(!/[^\r]\n/.test(body), 'every line ends in CRLF');
            else assert.ok(!body.includes('\r'), 'LF only');
            const lf = body.replace(/\r\n/g, '\n');
            const expected = change(existed ? file.text : undefined)!;
            assert.equal(lf, expected, 'the content is exactly the edit of the LF text');
            if (file.kind === 'docker' && existed) {
              assert.ok(lf.startsWith(`{\n${file.indent}"`), 'indentation kept');
              assert.equal((JSON.parse(lf) as { auths: Record<string, { auth: string }> }).auths[REGISTRY_HOST].auth, 'dXNlcjpzZWNyZXQ=');
            }
            if (existed) assert.equal(fs.readFileSync(`${placed.path}.bak`, 'utf8'), raw, 'the backup is the file as it was, byte for byte');
            assert.deepEqual(leftovers(join(base, 'home'), join(base, 'dotfiles'), join(base, 'dotfiles', 'sub')), []);
          },
        ),
        { numRuns: RUNS },
      );
      assert.equal(n, RUNS);
    });

    it('kubectl and docker read a symlinked, CRLF file we wrote, through the link', () => {
      const base = join(dir, 'real-tools');
      const kube = place(base, 'config', withFormat('apiVersion: v1\nkind: Config\n# mine\nclusters: []\nusers: []\ncontexts: []\n', true, true), 'relative');
      return updateFile(kube.path, (t) => mergeKubeconfig(t, incoming, { setCurrent: true })).then(async () => {
        const view = kubectlView(kube.path);
        assert.deepEqual(
          view.contexts.map((c) => c.name),
          ['do-nyc3-prod'],
        );
        assert.ok(fs.lstatSync(kube.path).isSymbolicLink());

        const dockerDir = join(base, 'docker');
        fs.mkdirSync(dockerDir);
        const target = join(base, 'dotfiles', 'sub', 'docker.json');
        fs.writeFileSync(target, '{\r\n  "auths": {}\r\n}\r\n');
        fs.symlinkSync(target, join(dockerDir, 'config.json'));
        await updateFile(join(dockerDir, 'config.json'), (t) => withRegistryAuth(t, Buffer.from('demo-rw:s3cret').toString('base64')));
        assert.ok(fs.lstatSync(join(dockerDir, 'config.json')).isSymbolicLink());
        const docker = spawnSync('docker', ['--config', dockerDir, 'login', REGISTRY_HOST], {
          env: { ...process.env, DOCKER_HOST: 'unix:///nonexistent/docker.sock' },
          encoding: 'utf8',
          input: '',
        });
        assert.match(docker.stdout + docker.stderr, /\[Username: demo-rw\]/);
      });
    });
  });

  describe('A full disk (small tmpfs)', function () {
    this.timeout(120_000);
    let mountPoint: string | undefined;
    before(function () {
      const point = fs.mkdtempSync(join(tmpdir(), 'full-disk-'));
      const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', point], { encoding: 'utf8' });
      if (mounted.status !== 0) {
        process.stderr.write(
          `\n!!! SKIPPING the full-disk tests: this machine cannot mount a small tmpfs (${(mounted.stderr || mounted.error?.message || '').trim()}); run as root to include them.\n\n`,
        );
        fs.rmSync(point, { recursive: true, force: true });
        this.skip();
      }
      mountPoint = point;
    });
    after(() => {
      if (!mountPoint) return;
      spawnSync('umount', [mountPoint]);
      fs.rmSync(mountPoint, { recursive: true, force: true });
    });

    function fill(leaveBytes: number): string {
      const filler = join(mountPoint!, 'filler');
      fs.rmSync(filler, { force: true });
      const fd = fs.openSync(filler, 'w');
      const chunk = Buffer.alloc(1024, 120);
      try {
        for (;;) fs.writeSync(fd, chunk);
      } catch {
        // full
      } finally {
        fs.closeSync(fd);
      }
      if (leaveBytes > 0) fs.truncateSync(filler, Math.max(0, fs.statSync(filler).size - leaveBytes));
      return filler;
    }

    it('leaves the file, its backup and no lock, temp file or open descriptor behind, at every point the disk can fill up', async () => {
      const dir = join(mountPoint!, 'kube');
      fs.mkdirSync(dir);
      const file = join(dir, 'config');
      const original = `apiVersion: v1\nkind: Config\n# keep me\nclusters: []\nusers: []\ncontexts: []\npadding: "${'p'.repeat(30_000)}"\n`;
      const previousBackup = 'the previous backup\n';
      const bigger = (t: string | undefined) => mergeKubeconfig(t, renameEntries(incoming, 'x'.repeat(10)));
      const fds = () => fs.readdirSync('/proc/self/fd').length;
      const failures = new Set<string>();
      for (const leave of [0, 2_048, 8_192, 20_480, 36_864, 45_056, 53_248, 65_536]) {
        fs.rmSync(join(mountPoint!, 'filler'), { force: true });
        fs.writeFileSync(file, original);
        fs.writeFileSync(`${file}.bak`, previousBackup);
        fill(leave);
        const openBefore = fds();
        const outcome = await updateFile(file, bigger, { lockTimeoutMs: 200 }).then(
          () => 'written',
          (error: NodeJS.ErrnoException) => error.code ?? error.message,
        );
        failures.add(outcome);
        assert.equal(fds(), openBefore, `no descriptor leaked (leaving ${leave} bytes)`);
        assert.deepEqual(leftovers(dir), [], `no lock or temp file left (leaving ${leave} bytes)`);
        const now = fs.readFileSync(file, 'utf8');
        if (outcome === 'written') assert.equal(now, bigger(original));
        else {
          assert.equal(now, original, `the user's file is intact (leaving ${leave} bytes)`);
          const backup = fs.readFileSync(`${file}.bak`, 'utf8');
          assert.ok(backup === previousBackup || backup === original, `the backup is whole (leaving ${leave} bytes)`);
        }
        // with space again, kubectl and we write at once: no lock is in the way
        fs.rmSync(join(mountPoint!, 'filler'), { force: true });
        execFileSync('kubectl', ['config', 'set-context', `after-${leave}`, '--kubeconfig', file], { encoding: 'utf8' });
        await updateFile(file, (t) => mergeKubeconfig(t, renameEntries(incoming, `ours-${leave}`)), { lockTimeoutMs: 200 });
      }
      assert.ok(failures.has('ENOSPC'), `the disk did fill up in some cases: ${[...failures].join(', ')}`);
    });
  });

  describe('Concurrent writers and a stale lock (real processes)', function () {
    this.timeout(180_000);

    it('lets exactly one writer at a time take over a stale lock: no merge lost, none fails (20 trials × 5 processes)', async () => {
      const dir = fs.mkdtempSync(join(tmpdir(), 'writers-'));
      try {
        for (let trial = 0; trial < 20; trial++) {
          const file = join(dir, `config-${trial}`);
          fs.writeFileSync(file, 'apiVersion: v1\nkind: Config\n# mine\nclusters: []\nusers: []\ncontexts: []\n');
          fs.writeFileSync(`${file}.lock`, '');
          const old = new Date(Date.now() - 120_000);
          fs.utimesSync(`${file}.lock`, old, old);
          const startAt = Date.now() + 400;
          const results = await Promise.all(
            Array.from(
              { length: 5 },
              (_, i) =>
                new Promise<{ code: number | null; err: string }>((resolve) => {
                  const child = spawn(process.execPath, [__filename], {
                    env: { ...process.env, DO_SAFE_WRITER_FILE: file, DO_SAFE_WRITER_NAME: `w${i}`, DO_SAFE_WRITER_START: String(startAt) },
                    stdio: ['ignore', 'ignore', 'pipe'],
                  });
                  let err = '';
                  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
                  child.on('exit', (code) => resolve({ code, err }));
                }),
            ),
          );
          assert.deepEqual(
            results.map((r) => r.code),
            [0, 0, 0, 0, 0],
            `trial ${trial}: ${results.map((r) => r.err).join(' ')}`,
          );
          const names = kubectlView(file)
            .contexts.map((c) => c.name)
            .sort();
          assert.deepEqual(names, ['w0', 'w1', 'w2', 'w3', 'w4'], `trial ${trial}: every merge is there`);
          assert.match(fs.readFileSync(file, 'utf8'), /# mine/);
          assert.deepEqual(leftovers(dir), [], `trial ${trial}: no lock left`);
        }
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
