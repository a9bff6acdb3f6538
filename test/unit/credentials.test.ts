import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import {
  clashes,
  mergeKubeconfig,
  parseIncoming,
  removeContext,
  renameEntries,
  replaceUserCredentials,
  resolveKubeconfigPath,
  setCurrentContext,
  type KubeEntries,
} from '../../src/credentials/kubeconfig';
import { credentialHelper, decodeAuth, dockerConfigPath, REGISTRY_HOST, withRegistryAuth, withoutRegistryAuth } from '../../src/credentials/dockerConfig';
import { updateFile } from '../../src/credentials/safeWrite';
import { INCOMING_KUBECONFIG } from './support/fixtures';

const RUNS = 1_000;

const INCOMING = INCOMING_KUBECONFIG;
const incoming = parseIncoming(INCOMING);

// ---- generators ----------------------------------------------------------------------------------

const name = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/);
const scalar = fc.oneof(fc.stringMatching(/^[A-Za-z0-9 ._-]{0,16}$/), fc.integer(), fc.boolean());
const extra = fc.dictionary(fc.stringMatching(/^x-[a-z]{1,6}$/), fc.oneof(scalar, fc.dictionary(fc.stringMatching(/^[a-z]{1,5}$/), scalar, { maxKeys: 3 })), {
  maxKeys: 2,
});

const userKubeconfig = fc
  .record({
    clusters: fc.uniqueArray(fc.record({ name, server: fc.webUrl({ validSchemes: ['https'] }), extra }), { selector: (c) => c.name, maxLength: 4 }),
    users: fc.uniqueArray(fc.record({ name, token: fc.stringMatching(/^[a-z0-9]{8,20}$/), extra }), { selector: (u) => u.name, maxLength: 4 }),
    contexts: fc.uniqueArray(fc.record({ name, namespace: fc.option(name, { nil: undefined }) }), { selector: (c) => c.name, maxLength: 4 }),
    current: fc.option(name, { nil: undefined }),
    top: extra,
    comments: fc.array(fc.tuple(fc.nat(60), fc.stringMatching(/^[a-z0-9 ]{1,20}$/)), { maxLength: 4 }),
    // sometimes clash with the incoming names
    clash: fc.boolean(),
  })
  .map((g) => {
    const clusters = g.clusters.map((c) => ({ cluster: { server: c.server, ...c.extra }, name: c.name }));
    const users = g.users.map((u) => ({ name: u.name, user: { token: u.token, ...u.extra } }));
    const contexts = g.contexts.map((c, i) => ({
      context: {
        cluster: clusters[i % Math.max(1, clusters.length)]?.name ?? 'none',
        user: users[i % Math.max(1, users.length)]?.name ?? 'none',
        ...(c.namespace ? { namespace: c.namespace } : {}),
      },
      name: c.name,
    }));
    if (g.clash) {
      clusters.push({ cluster: { server: 'https://old.example' }, name: 'do-nyc3-prod' });
      users.push({ name: 'do-nyc3-prod-admin', user: { token: 'old' } });
      contexts.push({ context: { cluster: 'do-nyc3-prod', user: 'do-nyc3-prod-admin' }, name: 'do-nyc3-prod' });
    }
    const object: Record<string, unknown> = { apiVersion: 'v1', kind: 'Config', ...g.top, clusters, contexts, users };
    if (g.current) object['current-context'] = g.current;
    const lines = stringify(object).split('\n');
    const comments = g.comments.map(([, text], i) => `# note ${i}: ${text}`);
    g.comments.forEach(([at], i) => lines.splice(Math.min(at, lines.length), 0, comments[i]));
    // (a JSON round trip: fast-check's objects have no prototype, which deepStrictEqual would see)
    return { text: lines.join('\n'), object: JSON.parse(JSON.stringify(object)) as Record<string, unknown>, comments };
  });

const existingFile = fc.oneof(
  {
    weight: 8,
    arbitrary: userKubeconfig.map((k) => ({
      text: k.text as string | undefined,
      object: k.object as Record<string, unknown> | undefined,
      comments: k.comments,
    })),
  },
  { weight: 1, arbitrary: fc.constant({ text: undefined, object: undefined, comments: [] as string[] }) },
  { weight: 1, arbitrary: fc.constant({ text: '', object: undefined, comments: [] as string[] }) },
  { weight: 1, arbitrary: fc.constant({ text: '# only a comment\n', object: undefined, comments: ['# only a comment'] }) },
);

function byName(list: unknown): Map<string, unknown> {
  return new Map(((list as { name: string }[] | undefined) ?? []).map((e) => [e.name, e]));
}

function assertKept(before: Record<string, unknown> | undefined, after: Record<string, unknown>, replaced: Set<string>): void {
  if (!before) return;
  for (const key of ['clusters', 'users', 'contexts']) {
    const old = byName(before[key]);
    const now = byName(after[key]);
    for (const [n, entry] of old) {
      if (replaced.has(n)) continue;
      assert.deepEqual(now.get(n), entry, `${key} ${n} changed`);
    }
  }
  for (const [key, value] of Object.entries(before)) {
    if (['clusters', 'users', 'contexts', 'current-context'].includes(key)) continue;
    assert.deepEqual(after[key], value, `top-level ${key} changed`);
  }
}

function assertHas(after: Record<string, unknown>, entries: KubeEntries): void {
  assert.deepEqual(byName(after.clusters).get(entries.cluster.name), entries.cluster);
  assert.deepEqual(byName(after.users).get(entries.user.name), entries.user);
  assert.deepEqual(byName(after.contexts).get(entries.context.name), entries.context);
}

describe('Kubeconfig merging (property tests)', function () {
  this.timeout(120_000);

  it(`keeps everything of the user's, comments included, when adding a cluster (${RUNS} files)`, () => {
    fc.assert(
      fc.property(existingFile, fc.boolean(), (existing, setCurrent) => {
        const merged = mergeKubeconfig(existing.text, incoming, { setCurrent });
        const after = parse(merged) as Record<string, unknown>;
        assertKept(existing.object, after, new Set([incoming.cluster.name, incoming.user.name, incoming.context.name]));
        assertHas(after, incoming);
        for (const comment of existing.comments) assert.ok(merged.includes(comment.replace(/^# /, '')), `lost comment ${comment}`);
        const expectedCurrent = setCurrent ? incoming.context.name : existing.object?.['current-context'];
        assert.equal(after['current-context'], expectedCurrent);
      }),
      { numRuns: RUNS },
    );
  });

  it(`keeps both under an alias on a name clash, losing nothing (${RUNS} files)`, () => {
    fc.assert(
      fc.property(userKubeconfig, (existing) => {
        const alias = 'prod-acme';
        fc.pre(!clashes(existing.text, renameEntries(incoming, alias)).length);
        const renamed = renameEntries(incoming, alias);
        const after = parse(mergeKubeconfig(existing.text, renamed)) as Record<string, unknown>;
        assertKept(existing.object, after, new Set());
        assertHas(after, renamed);
      }),
      { numRuns: RUNS },
    );
  });

  it(`removes only what it added (${RUNS} files)`, () => {
    fc.assert(
      fc.property(existingFile, (existing) => {
        fc.pre(!existing.text?.includes('do-nyc3-prod'));
        const added = mergeKubeconfig(existing.text, incoming, { setCurrent: true });
        const removed = removeContext(added, incoming.context.name)!;
        const after = (parse(removed) ?? {}) as Record<string, unknown>;
        assertKept(existing.object, after, new Set());
        for (const key of ['clusters', 'users', 'contexts']) assert.ok(![...byName(after[key]).keys()].some((n) => n.startsWith('do-nyc3-prod')));
        assert.equal(after['current-context'], undefined);
      }),
      { numRuns: RUNS },
    );
  });

  it('finds clashes, sets the current context, swaps a token, and refuses invalid YAML', () => {
    const withOld = mergeKubeconfig(undefined, incoming);
    assert.deepEqual(clashes(withOld, incoming), ['do-nyc3-prod', 'do-nyc3-prod-admin']);
    assert.equal((parse(setCurrentContext(withOld, 'do-nyc3-prod')) as Record<string, unknown>)['current-context'], 'do-nyc3-prod');
    assert.throws(() => setCurrentContext(withOld, 'nope'), /no context nope/);
    const swapped = parse(replaceUserCredentials(`# mine\n${withOld}`, 'do-nyc3-prod-admin', { token: 'fresh' })) as { users: { user: unknown }[] };
    assert.deepEqual(swapped.users[0].user, { token: 'fresh' });
    assert.throws(() => mergeKubeconfig('clusters: [unclosed\n', incoming), /not valid YAML/);
    assert.throws(() => mergeKubeconfig('- a list\n', incoming), /not a kubeconfig/);
    assert.equal(removeContext(withOld, 'absent'), undefined);
  });
});

describe('KUBECONFIG resolution (property test)', () => {
  it(`uses the first existing file of the list, else the last; ~/.kube/config without the variable (${RUNS} lists)`, () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.stringMatching(/^\/[a-z]{1,6}(\/[a-z]{1,6}){0,2}$/), fc.boolean()), { maxLength: 5 }),
        fc.constantFrom('linux', 'win32'),
        (paths, platform) => {
          const separator = platform === 'win32' ? ';' : ':';
          const existing = new Set(paths.filter(([, e]) => e).map(([p]) => p));
          const env = paths.length ? { KUBECONFIG: paths.map(([p]) => p).join(separator) } : {};
          const chosen = resolveKubeconfigPath(env, platform as NodeJS.Platform, '/home/u', (p) => existing.has(p));
          if (!paths.length) assert.equal(chosen, join('/home/u', '.kube', 'config'));
          else assert.equal(chosen, paths.find(([p]) => existing.has(p))?.[0] ?? paths[paths.length - 1][0]);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

// ---- docker ------------------------------------------------------------------------------------

const dockerConfig = fc.record({
  top: fc.dictionary(
    fc.stringMatching(/^[a-zA-Z]{1,10}$/).filter((k) => !['auths', 'credHelpers', 'credsStore', '__proto__'].includes(k)),
    fc.oneof(scalar, fc.dictionary(fc.stringMatching(/^[a-z]{1,5}$/), scalar, { maxKeys: 3 })),
    { maxKeys: 4 },
  ),
  otherAuths: fc.dictionary(fc.domain(), fc.record({ auth: fc.base64String({ minLength: 4, maxLength: 24 }) }), { maxKeys: 3 }),
  credsStore: fc.option(fc.constantFrom('desktop', 'pass', 'secretservice'), { nil: undefined }),
  helperForHost: fc.option(fc.constantFrom('osxkeychain', 'ecr-login'), { nil: undefined }),
  hadEntry: fc.boolean(),
});

describe('Docker config (property tests)', function () {
  this.timeout(120_000);

  it(`stores the registry credentials where docker would look, keeping every other key (${RUNS} configs)`, () => {
    fc.assert(
      fc.property(dockerConfig, fc.constantFrom<'missing' | 'empty' | 'json'>('missing', 'empty', 'json', 'json', 'json'), (g, form) => {
        const auths: Record<string, unknown> = { ...g.otherAuths };
        if (g.hadEntry) auths[REGISTRY_HOST] = { auth: 'b2xkOm9sZA==' };
        const object: Record<string, unknown> = { ...g.top, auths };
        if (g.credsStore) object.credsStore = g.credsStore;
        if (g.helperForHost) object.credHelpers = { [REGISTRY_HOST]: g.helperForHost };
        const text = form === 'missing' ? undefined : form === 'empty' ? '' : JSON.stringify(object, null, 2);
        const before = (text ? JSON.parse(text) : {}) as Record<string, unknown>;

        const helper = credentialHelper(text);
        assert.equal(helper, form === 'json' ? (g.helperForHost ?? g.credsStore) : undefined);
        const after = JSON.parse(withRegistryAuth(text, helper ? undefined : 'bmV3Om5ldw==')) as Record<string, unknown>;
        for (const [key, value] of Object.entries(before)) {
          if (key === 'auths') continue;
          assert.deepEqual(after[key], value, `lost ${key}`);
        }
        const afterAuths = after.auths as Record<string, unknown>;
        for (const [host, value] of Object.entries((before.auths as Record<string, unknown>) ?? {})) {
          if (host !== REGISTRY_HOST) assert.deepEqual(afterAuths[host], value);
        }
        assert.deepEqual(afterAuths[REGISTRY_HOST], helper ? {} : { auth: 'bmV3Om5ldw==' });

        const loggedOut = JSON.parse(withoutRegistryAuth(JSON.stringify(after)) ?? '{}') as Record<string, unknown>;
        assert.equal(REGISTRY_HOST in (loggedOut.auths as object), false);
        assert.deepEqual(Object.keys(loggedOut).sort(), Object.keys(after).sort());
      }),
      { numRuns: RUNS },
    );
  });

  it('finds the config under DOCKER_CONFIG or ~/.docker, decodes auth, refuses bad JSON and helper names', () => {
    assert.equal(dockerConfigPath({ DOCKER_CONFIG: '/d' }, '/home/u'), '/d/config.json');
    assert.equal(dockerConfigPath({}, '/home/u'), '/home/u/.docker/config.json');
    assert.deepEqual(decodeAuth(Buffer.from('demo-rw:s3cr:et').toString('base64')), { username: 'demo-rw', secret: 's3cr:et' });
    assert.throws(() => withRegistryAuth('{"auths": ', 'x'), /not valid JSON/);
    assert.throws(() => credentialHelper('{"credsStore": "../../evil"}'), /not one we can run/);
  });
});

// ---- the file itself -----------------------------------------------------------------------------

describe('Safe file writes (property test)', function () {
  this.timeout(300_000);
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), 'safe-write-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it(`writes atomically with the right mode and a backup, and a crash before the rename leaves the original (${RUNS} files)`, async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(existingFile, fc.constantFrom(0o600, 0o640, 0o644), fc.boolean(), async (existing, mode, crash) => {
        const file = join(dir, `case-${n++}`, 'config');
        if (existing.text !== undefined) {
          await updateFile(file, () => existing.text); // set up (creates the directory)
          chmodSync(file, mode);
        }
        const change = (current: string | undefined) => mergeKubeconfig(current, incoming);
        if (crash) {
          await assert.rejects(updateFile(file, change, { beforeRename: () => Promise.reject(new Error('power cut')) }), /power cut/);
          if (existing.text === undefined) assert.equal(existsSync(file), false);
          else assert.equal(readFileSync(file, 'utf8'), existing.text);
        } else {
          const result = await updateFile(file, change);
          assert.equal(result.changed, true);
          assert.deepEqual(parse(readFileSync(file, 'utf8')), parse(mergeKubeconfig(existing.text, incoming)));
          assert.equal(statSync(file).mode & 0o777, existing.text === undefined ? 0o600 : mode);
          if (existing.text !== undefined) assert.equal(readFileSync(`${file}.bak`, 'utf8'), existing.text);
        }
        // no temp file or lock left behind
        assert.deepEqual(
          readdirSync(join(file, '..')).filter((f) => f.endsWith('.tmp') || f.endsWith('.lock')),
          [],
        );
      }),
      { numRuns: RUNS },
    );
  });

  it("waits for another writer's lock, and gives up with a clear error", async () => {
    const file = join(dir, 'locked', 'config');
    await updateFile(file, () => 'a: 1\n');
    writeFileSync(`${file}.lock`, '999');
    await assert.rejects(
      updateFile(file, () => 'a: 2\n', { lockTimeoutMs: 300 }),
      /being changed by another program/,
    );
    assert.equal(readFileSync(file, 'utf8'), 'a: 1\n');
    await assert.doesNotReject(updateFile(file, () => 'a: 3\n', { staleLockMs: 0 }));
    assert.equal(readFileSync(file, 'utf8'), 'a: 3\n');
  });
});
