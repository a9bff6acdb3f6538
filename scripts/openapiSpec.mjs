// Where the build and the test harness find DigitalOcean's OpenAPI document (one JSON file, bundled
// with internal $refs). The first that exists wins:
//   1. DO_OPENAPI_JSON, a file named by the person building;
//   2. ../shared/do-openapi/openapi.json beside the clone (this project's own neighbours);
//   3. the cache, node_modules/.cache/do-openapi/<commit>.json (or DO_OPENAPI_CACHE), whose sha256
//      must still be the pinned one;
//   4. fetched: DigitalOcean's public repository at the pinned commit (DO_OPENAPI_SOURCE may name a
//      mirror), bundled with @redocly/cli (a pinned devDependency: the bundle is byte-for-byte the
//      same each time, so its sha256 is pinned too), checked, then put in the cache.
// The repository never holds a copy of the document. Nothing here runs in the extension.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The document the extension is built and tested against (../shared/do-openapi/README.md says the same). */
export const PINNED = Object.freeze({
  source: 'https://github.com/digitalocean/openapi.git',
  commit: '7c1300c479fed9c353cda9fc21cd968619552304',
  entry: 'specification/DigitalOcean-public.v2.yaml',
  sha256: 'f9737d0f42cbc8d219fcfd60682b8f0a8c1bc0ec79fcd185a6180eb9b7720f9b',
});

/** What to fetch: the pinned document unless the environment names a mirror (or, for tests, another commit). */
export function wantedSpec(env = process.env) {
  return {
    source: env.DO_OPENAPI_SOURCE || PINNED.source,
    commit: env.DO_OPENAPI_COMMIT || PINNED.commit,
    entry: env.DO_OPENAPI_ENTRY || PINNED.entry,
    sha256: env.DO_OPENAPI_SHA256 || PINNED.sha256,
  };
}

export function sha256Of(file) {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

function cacheDir(root, env) {
  return env.DO_OPENAPI_CACHE || join(root, 'node_modules', '.cache', 'do-openapi');
}

/**
 * The OpenAPI JSON for a clone at `root`: `{ path, origin }`, or `{ error }` saying why there is none.
 * With `fetch: false` it only looks (no git, no bundling).
 */
export function openapiJson(root, { fetch = true, env = process.env, log = (line) => console.log(line) } = {}) {
  if (env.DO_OPENAPI_JSON) {
    return existsSync(env.DO_OPENAPI_JSON)
      ? { path: env.DO_OPENAPI_JSON, origin: 'DO_OPENAPI_JSON' }
      : { error: `DO_OPENAPI_JSON names ${env.DO_OPENAPI_JSON}, which does not exist` };
  }
  const shared = resolve(root, '..', 'shared', 'do-openapi', 'openapi.json');
  if (existsSync(shared)) return { path: shared, origin: '../shared' };

  const wanted = wantedSpec(env);
  const cached = join(cacheDir(root, env), `${wanted.commit}.json`);
  if (existsSync(cached)) {
    if (sha256Of(cached) === wanted.sha256) return { path: cached, origin: 'cache' };
    rmSync(cached, { force: true }); // changed since it was checked: fetch it again
  }
  if (!fetch) return { error: `no OpenAPI document: neither ${shared} nor a checked copy in ${dirname(cached)}` };
  try {
    log(`OpenAPI document: fetching ${wanted.source} at ${wanted.commit.slice(0, 12)} and bundling it (once; then it is cached)`);
    fetchAndBundle(root, wanted, cached);
    return { path: cached, origin: 'fetched' };
  } catch (error) {
    return { error: `could not obtain the OpenAPI document from ${wanted.source} at ${wanted.commit}: ${error.message}` };
  }
}

/** git fetch of one commit (no history), redocly bundle, sha256 check, atomic move into the cache. */
function fetchAndBundle(root, wanted, target) {
  if (!/^[0-9a-f]{40}$/.test(wanted.commit)) throw new Error(`the commit must be a full 40-digit hash, not ${JSON.stringify(wanted.commit)}`);
  const work = mkdtempSync(join(tmpdir(), 'do-openapi-'));
  try {
    const git = (...args) =>
      execFileSync('git', ['-c', 'core.autocrlf=false', '-c', 'advice.detachedHead=false', ...args], {
        cwd: work,
        stdio: ['ignore', 'ignore', 'pipe'],
        timeout: 300_000,
      });
    git('init', '-q');
    // "--" ends the options: the source is a URL, never an option, whatever the environment says
    git('fetch', '-q', '--depth', '1', '--no-tags', '--', wanted.source, wanted.commit);
    git('checkout', '-q', '--detach', 'FETCH_HEAD');
    const redocly = redoclyBin(root);
    const out = join(work, 'openapi.json');
    execFileSync(process.execPath, [redocly, 'bundle', wanted.entry, '-o', out], {
      cwd: work,
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: 300_000,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    });
    const got = sha256Of(out);
    if (got !== wanted.sha256) throw new Error(`the bundled document's sha256 is ${got}, not the pinned ${wanted.sha256}; nothing was cached`);
    mkdirSync(dirname(target), { recursive: true });
    const partial = `${target}.${process.pid}.partial`;
    writeFileSync(partial, readFileSync(out));
    renameSync(partial, target);
  } catch (error) {
    const stderr = error.stderr?.toString().trim();
    throw new Error(stderr ? `${error.message.split('\n')[0]} (${stderr.split('\n').slice(-3).join(' / ')})` : error.message);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function redoclyBin(root) {
  const require = createRequire(join(root, 'package.json'));
  const manifestPath = require.resolve('@redocly/cli/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const bin = typeof manifest.bin === 'string' ? manifest.bin : (manifest.bin.redocly ?? Object.values(manifest.bin)[0]);
  return join(dirname(manifestPath), bin);
}

// `node scripts/openapiSpec.mjs [--root DIR]` prints where the document is (fetching it if needed).
const self = fileURLToPath(import.meta.url);
if (process.argv[1] && resolve(process.argv[1]) === self) {
  const at = process.argv.indexOf('--root');
  const root = at > 0 ? resolve(process.argv[at + 1]) : resolve(dirname(self), '..');
  const found = openapiJson(root, { log: (line) => console.error(line) });
  if (found.error) {
    console.error(found.error);
    process.exit(1);
  }
  console.log(JSON.stringify(found));
}
