import * as assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AccountStore, tokenProblem, type SecretStore, type StateStore } from '../../src/accounts/accountStore';
import { NamedBucketStore } from '../../src/accounts/namedBuckets';
import { doctlConfigPath, doctlContextForToken, findExistingTokens, parseDoctlConfig } from '../../src/credentials/tokenSources';
import * as fc from 'fast-check';
import { ALL_KINDS, parseUrn } from '../../src/api';

class MemorySecrets implements SecretStore {
  readonly values = new Map<string, string>();
  async get(key: string) {
    return this.values.get(key);
  }
  async store(key: string, value: string) {
    this.values.set(key, value);
  }
  async delete(key: string) {
    this.values.delete(key);
  }
}

class MemoryState implements StateStore {
  readonly values = new Map<string, unknown>();
  get<T>(key: string) {
    return this.values.get(key) as T | undefined;
  }
  async update(key: string, value: unknown) {
    this.values.set(key, JSON.parse(JSON.stringify(value)));
  }
}

const TOKEN = 'dop_v1_' + 'ab'.repeat(32);

describe('AccountStore', () => {
  it('keeps the token in secrets and only metadata in state', async () => {
    const secrets = new MemorySecrets();
    const state = new MemoryState();
    const store = new AccountStore(secrets, state);
    const account = await store.add({ label: 'Team', email: 'a@example.com', userUuid: 'u1', teamUuid: 't1' }, TOKEN);
    assert.equal(await store.token(account.id), TOKEN);
    assert.ok(!JSON.stringify([...state.values]).includes(TOKEN));
    assert.equal(store.findSame('u1', 't1')?.id, account.id);
    assert.equal(store.findSame('u1', 't2'), undefined);
  });

  it('tells listeners about every change, and removes the token with the account', async () => {
    const secrets = new MemorySecrets();
    const store = new AccountStore(secrets, new MemoryState());
    let changes = 0;
    store.onDidChange(() => changes++);
    const account = await store.add({ label: 'A' }, TOKEN);
    await store.rename(account.id, 'B');
    await store.setNeedsToken(account.id, true);
    await store.setNeedsToken(account.id, true); // no change, no event
    await store.updateToken(account.id, TOKEN.replace('ab', 'cd'));
    assert.equal(store.get(account.id)?.needsToken, false);
    await store.remove(account.id);
    assert.equal(changes, 5);
    assert.equal(secrets.values.size, 0);
  });

  it('recognizes the shapes of DigitalOcean tokens', () => {
    assert.equal(tokenProblem(TOKEN), undefined);
    assert.equal(tokenProblem('  ' + TOKEN + '\n'), undefined);
    assert.equal(tokenProblem('ab'.repeat(32)), undefined);
    assert.equal(tokenProblem('doo_v1_' + 'ab'.repeat(32)), undefined);
    assert.match(tokenProblem('') ?? '', /Paste/);
    assert.match(tokenProblem('dop_v1_ abc') ?? '', /spaces/);
    assert.match(tokenProblem('dop_v1_' + 'zz'.repeat(32)) ?? '', /does not look like/);
    assert.match(tokenProblem('dop_v1_' + 'ab'.repeat(31)) ?? '', /does not look like/);
  });
});

describe('Existing token sources', () => {
  it('reads the default token and every auth context of a doctl config, comments and all', () => {
    const found = parseDoctlConfig(`# doctl\naccess-token: ${TOKEN}\nauth-contexts:\n  work: tok-work # mine\n  empty: ""\ncontext: work\n`);
    assert.deepEqual(found, [
      { source: 'doctl default context', token: TOKEN, doctlContext: 'default' },
      { source: 'doctl context "work"', token: 'tok-work', doctlContext: 'work' },
    ]);
    assert.deepEqual(parseDoctlConfig('::: not yaml'), []);
    assert.deepEqual(parseDoctlConfig(''), []);
  });

  it('finds doctl config where doctl keeps it on each platform', () => {
    assert.equal(doctlConfigPath({ XDG_CONFIG_HOME: '/x' }, 'linux', '/home/u'), '/x/doctl/config.yaml');
    assert.equal(doctlConfigPath({}, 'linux', '/home/u'), '/home/u/.config/doctl/config.yaml');
    assert.equal(doctlConfigPath({}, 'darwin', '/Users/u'), '/Users/u/Library/Application Support/doctl/config.yaml');
  });

  it('combines the environment and doctl, each token once, and copes with no config', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'doctl-unit-'));
    try {
      mkdirSync(join(dir, 'doctl'));
      writeFileSync(join(dir, 'doctl', 'config.yaml'), `access-token: ${TOKEN}\nauth-contexts:\n  other: tok-2\n`);
      const found = await findExistingTokens({ DIGITALOCEAN_ACCESS_TOKEN: TOKEN, XDG_CONFIG_HOME: dir });
      assert.deepEqual(
        found.map((f) => f.source),
        ['DIGITALOCEAN_ACCESS_TOKEN', 'doctl context "other"'],
      );
      assert.deepEqual(await findExistingTokens({ XDG_CONFIG_HOME: join(dir, 'missing') }), []);
      // the doctl context that holds a token, for its credential plugin's --context
      assert.equal(await doctlContextForToken('tok-2', join(dir, 'doctl', 'config.yaml')), 'other');
      assert.equal(await doctlContextForToken(TOKEN, join(dir, 'doctl', 'config.yaml')), 'default');
      assert.equal(await doctlContextForToken('unknown', join(dir, 'doctl', 'config.yaml')), undefined);
      assert.equal(await doctlContextForToken(TOKEN, join(dir, 'missing', 'config.yaml')), undefined);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('Project resource URNs', () => {
  it('map to their kinds and ids', () => {
    assert.equal(parseUrn('do:droplet:123').kind?.kind, 'droplet');
    assert.equal(parseUrn('do:droplet:123').id, '123');
    assert.equal(parseUrn('do:floatingip:192.0.2.1').kind?.kind, 'reserved_ip');
    assert.equal(parseUrn('do:dbaas:abc-def').kind?.kind, 'database_cluster');
    assert.equal(parseUrn('do:space:bucket').kind, undefined);
    assert.equal(parseUrn('do:space:bucket').id, 'bucket');
  });

  it('give every known prefix its kind and the whole rest as the id, colons and all (property, 1,000 cases)', () => {
    const prefixes = ALL_KINDS.flatMap((k) => (k.urnPrefix ? [k.urnPrefix] : []));
    fc.assert(
      fc.property(
        fc.oneof(
          fc.constantFrom(...prefixes),
          fc.string().map((s) => `do:${s.replace(/:/g, '')}:`),
        ),
        fc.string(),
        (prefix, id) => {
          const parsed = parseUrn(prefix + id);
          assert.equal(
            parsed.kind,
            ALL_KINDS.find((k) => k.urnPrefix === prefix),
          );
          assert.equal(parsed.id, id);
        },
      ),
      { numRuns: 1_000 },
    );
  });
});

describe('Named Spaces buckets', () => {
  it('are kept per account, and those of accounts no longer there are forgotten in one update', async () => {
    const state = new MemoryState();
    const named = new NamedBucketStore(state);
    await named.set('a', [{ name: 'photos', region: 'ams3' }]);
    await named.set('b', [{ name: 'logs', region: 'nyc3' }]);
    await named.set('c', [{ name: 'tmp', region: 'nyc3' }]);
    assert.deepEqual(named.get('a'), [{ name: 'photos', region: 'ams3' }]);
    let updates = 0;
    const update = state.update.bind(state);
    state.update = async (key, value) => {
      updates++;
      await update(key, value);
    };
    await named.keepOnly(new Set(['b']));
    assert.equal(updates, 1);
    assert.deepEqual([named.get('a'), named.get('b'), named.get('c')], [[], [{ name: 'logs', region: 'nyc3' }], []]);
    await named.keepOnly(new Set(['b', 'z']));
    assert.equal(updates, 1, 'nothing to forget: no write');
    await named.set('b', []);
    assert.deepEqual(state.get('digitalocean.spaces.namedBuckets'), {}, 'an account with none leaves no entry');
  });
});
