/**
 * A clone without ../shared (say, from the project's public home) still builds with the document
 * schemas: scripts/openapiSpec.mjs fetches DigitalOcean's OpenAPI repository at a pinned commit,
 * bundles it with @redocly/cli, checks its sha256 and caches it. Here the "upstream" is a git
 * repository made by the test and served by a real `git daemon` on loopback; the real build
 * (`scripts/build.mjs --production`) runs in a copy of the project with nothing beside it.
 */
import * as assert from 'node:assert/strict';
import { ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { freePort } from './support/fixtures';

const ROOT = resolve(__dirname, '..', '..');
const SCRIPT = join(ROOT, 'scripts', 'openapiSpec.mjs');
const REDOCLY = join(ROOT, 'node_modules', '@redocly', 'cli', 'bin', 'cli.js');

const ENTRY = `openapi: 3.0.0
info:
  title: Fixture
  version: '2.0'
paths:
  /v2/apps:
    get:
      operationId: apps_list
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                $ref: 'resources/app_spec.yml'
components:
  schemas:
    app_spec:
      $ref: 'resources/app_spec.yml'
`;
const APP_SPEC = `type: object
title: fixture app spec
required: [name]
properties:
  name:
    type: string
    pattern: '^[a-z][a-z0-9-]{0,30}[a-z0-9]$'
`;

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

async function waitForPort(port: number, daemon: ChildProcess): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (daemon.exitCode !== null) throw new Error(`git daemon exited with ${daemon.exitCode}`);
    const open = await new Promise<boolean>((done) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.destroy();
        done(true);
      }).on('error', () => done(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('git daemon did not listen');
}

describe('The OpenAPI document outside ../shared', function () {
  this.timeout(120_000);
  let dir: string;
  let clone: string;
  let commit: string;
  let expectedSha: string;
  let source: string;
  let daemon: ChildProcess | undefined;
  let daemonLog = '';

  /** Fetches the daemon served; its log arrives after a blocking spawnSync returns, so wait for `atLeast`. */
  async function fetches(atLeast = 0): Promise<number> {
    const count = () => (daemonLog.match(/Request upload-pack for/g) ?? []).length;
    for (let i = 0; i < 40 && count() < atLeast; i++) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 100)); // and anything late
    return count();
  }

  async function startDaemon(): Promise<void> {
    const port = await freePort();
    const child = spawn(
      'git',
      ['daemon', '--verbose', '--reuseaddr', '--listen=127.0.0.1', `--port=${port}`, `--base-path=${join(dir, 'served')}`, '--export-all', join(dir, 'served')],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    child.stderr!.on('data', (chunk) => (daemonLog += chunk));
    daemon = child;
    await waitForPort(port, child);
    source = `git://127.0.0.1:${port}/upstream.git`;
  }

  async function stopDaemon(): Promise<void> {
    if (!daemon || daemon.exitCode !== null) return;
    const exited = new Promise((done) => daemon!.once('exit', done));
    daemon.kill();
    await exited;
  }

  function env(extra: Record<string, string>): NodeJS.ProcessEnv {
    const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('DO_OPENAPI_')));
    return { ...clean, DO_OPENAPI_CACHE: join(dir, 'cache'), DO_OPENAPI_SOURCE: source, DO_OPENAPI_COMMIT: commit, DO_OPENAPI_SHA256: expectedSha, ...extra };
  }

  function locate(extra: Record<string, string> = {}) {
    const run = spawnSync(process.execPath, [SCRIPT, '--root', clone], { encoding: 'utf8', env: env(extra), timeout: 100_000 });
    return { status: run.status, found: run.status === 0 ? (JSON.parse(run.stdout) as { path: string; origin: string }) : undefined, stderr: run.stderr };
  }

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'openapi-spec-'));
    // the clone has no ../shared beside it: dir/clone/../shared does not exist
    clone = join(dir, 'clone');
    mkdirSync(clone);
    writeFileSync(join(clone, 'package.json'), '{"name":"probe","private":true}');
    symlinkSync(join(ROOT, 'node_modules'), join(clone, 'node_modules'), 'dir');

    const upstream = join(dir, 'upstream');
    mkdirSync(join(upstream, 'specification', 'resources'), { recursive: true });
    writeFileSync(join(upstream, 'specification', 'DigitalOcean-public.v2.yaml'), ENTRY);
    writeFileSync(join(upstream, 'specification', 'resources', 'app_spec.yml'), APP_SPEC);
    const git = (cwd: string, ...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8' }).trim();
    git(upstream, 'init', '-q');
    git(upstream, 'add', '.');
    git(upstream, 'commit', '-q', '-m', 'fixture spec');
    commit = git(upstream, 'rev-parse', 'HEAD');
    // a later commit makes the wanted one not the tip: the fetch asks for the commit, not a branch
    writeFileSync(join(upstream, 'specification', 'resources', 'app_spec.yml'), APP_SPEC.replace('fixture app spec', 'a later spec'));
    git(upstream, 'commit', '-q', '-am', 'later');
    mkdirSync(join(dir, 'served'));
    git(dir, 'clone', '-q', '--bare', upstream, join(dir, 'served', 'upstream.git'));
    // what redocly makes of the wanted commit, bundled here by the test itself
    git(upstream, 'checkout', '-q', commit);
    execFileSync(process.execPath, [REDOCLY, 'bundle', 'specification/DigitalOcean-public.v2.yaml', '-o', join(dir, 'expected.json')], {
      cwd: upstream,
      stdio: 'ignore',
    });
    expectedSha = sha256(join(dir, 'expected.json'));
    await startDaemon();
  });

  after(async () => {
    await stopDaemon();
    rmSync(dir, { recursive: true, force: true });
  });

  it('pins the document this project tests against', () => {
    // the script is ES module code the build does not bundle: ask it
    const PINNED = JSON.parse(
      execFileSync(process.execPath, ['--input-type=module', '-e', `import(${JSON.stringify(SCRIPT)}).then((m) => console.log(JSON.stringify(m.PINNED)))`], {
        encoding: 'utf8',
      }),
    );
    assert.match(PINNED.commit, /^[0-9a-f]{40}$/);
    const shared = join(ROOT, '..', 'shared', 'do-openapi', 'openapi.json');
    if (existsSync(shared)) assert.equal(sha256(shared), PINNED.sha256, 'the pinned sha256 is that of ../shared/do-openapi/openapi.json');
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8'));
    assert.equal(
      JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).devDependencies['@redocly/cli'],
      lock.packages['node_modules/@redocly/cli'].version,
      'redocly is pinned exactly: its output is what the sha256 pins',
    );
  });

  it('fetches the pinned commit once over git, bundles it, checks it and then answers from the cache', async () => {
    const before = await fetches();
    const first = locate();
    assert.equal(first.status, 0, first.stderr);
    assert.equal(first.found!.origin, 'fetched');
    assert.equal(first.found!.path, join(dir, 'cache', `${commit}.json`));
    const doc = JSON.parse(readFileSync(first.found!.path, 'utf8'));
    assert.equal(doc.components.schemas.app_spec.title, 'fixture app spec', 'the wanted commit, not the branch tip');
    assert.equal(
      doc.paths['/v2/apps'].get.responses['200'].content['application/json'].schema.$ref,
      '#/components/schemas/app_spec',
      'bundled: the file reference became an internal one',
    );
    assert.equal(await fetches(before + 1), before + 1);

    await stopDaemon();
    const second = locate();
    assert.equal(second.status, 0, second.stderr);
    assert.equal(second.found!.origin, 'cache');
    await startDaemon();
  });

  it('fetches again when the cached copy was changed', async () => {
    const cached = join(dir, 'cache', `${commit}.json`);
    if (!existsSync(cached)) assert.equal(locate().status, 0);
    writeFileSync(cached, readFileSync(cached, 'utf8').replace('fixture app spec', 'tampered'));
    const before = await fetches();
    const again = locate();
    assert.equal(again.status, 0, again.stderr);
    assert.equal(again.found!.origin, 'fetched');
    assert.equal(sha256(cached), expectedSha);
    assert.equal(await fetches(before + 1), before + 1);
  });

  it('refuses a document whose sha256 is not the pinned one and caches nothing', () => {
    const cache = join(dir, 'cache-wrong');
    const run = locate({ DO_OPENAPI_CACHE: cache, DO_OPENAPI_SHA256: '0'.repeat(64) });
    assert.equal(run.status, 1);
    assert.match(run.stderr, new RegExp(`sha256 is ${expectedSha}, not the pinned 0{64}`));
    assert.ok(!existsSync(join(cache, `${commit}.json`)));
  });

  it('prefers ../shared and DO_OPENAPI_JSON over the cache and the network', async () => {
    const before = await fetches();
    const named = join(dir, 'named.json');
    writeFileSync(named, '{}');
    assert.deepEqual(locate({ DO_OPENAPI_JSON: named, DO_OPENAPI_CACHE: join(dir, 'cache-none') }).found, { path: named, origin: 'DO_OPENAPI_JSON' });
    const shared = join(dir, 'shared', 'do-openapi');
    mkdirSync(shared, { recursive: true });
    writeFileSync(join(shared, 'openapi.json'), '{}');
    try {
      assert.deepEqual(locate({ DO_OPENAPI_CACHE: join(dir, 'cache-none') }).found, { path: join(shared, 'openapi.json'), origin: '../shared' });
    } finally {
      rmSync(join(dir, 'shared'), { recursive: true, force: true });
    }
    assert.equal(await fetches(), before, 'no fetch when a document is at hand');
  });

  it('takes a hostile source as a repository, never as an option of git', () => {
    const marker = join(dir, 'pwned');
    const run = locate({ DO_OPENAPI_CACHE: join(dir, 'cache-hostile'), DO_OPENAPI_SOURCE: `--upload-pack=touch ${marker};` });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /could not obtain the OpenAPI document/);
    assert.ok(!existsSync(marker));
  });

  describe('the production build in a copy of the project with nothing beside it', () => {
    let project: string;
    before(() => {
      project = join(dir, 'project', 'clone');
      mkdirSync(project, { recursive: true });
      for (const entry of ['src', 'scripts', 'l10n', 'media', 'package.json', 'package.nls.json', 'tsconfig.json'])
        cpSync(join(ROOT, entry), join(project, entry), { recursive: true });
      symlinkSync(join(ROOT, 'node_modules'), join(project, 'node_modules'), 'dir');
    });
    const build = (extra: Record<string, string>) =>
      spawnSync(process.execPath, ['scripts/build.mjs', '--production'], { cwd: project, encoding: 'utf8', env: env(extra), timeout: 100_000 });

    it('stops before building when the document cannot be had', async () => {
      const closed = `git://127.0.0.1:${await freePort()}/upstream.git`;
      const run = build({ DO_OPENAPI_SOURCE: closed, DO_OPENAPI_CACHE: join(dir, 'cache-unreachable') });
      assert.equal(run.status, 1, run.stdout + run.stderr);
      assert.match(run.stderr, /A packaged build must carry the document schemas/);
      assert.ok(!existsSync(join(project, 'dist')), 'nothing built');
    });

    it('carries the schemas made from the fetched document', () => {
      const run = build({ DO_OPENAPI_CACHE: join(dir, 'cache-build') });
      assert.equal(run.status, 0, run.stdout + run.stderr);
      const schema = JSON.parse(readFileSync(join(project, 'dist', 'schemas', 'app-spec.json'), 'utf8'));
      assert.equal(schema.title, 'DigitalOcean App Platform app spec');
      assert.equal(schema.$defs.app_spec.properties.name.pattern, '^[a-z][a-z0-9-]{0,30}[a-z0-9]$');
      assert.ok(existsSync(join(project, 'dist', 'extension.js')));
    });
  });
});
