import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ScriptedUserInput } from './support/scriptedInput';
import type { TestingApi } from '../../src/extension';
import type { ExplorerNode } from '../../src/tree/nodes/base';
import { assertDeclinedQuietly, eventually, extensionApi, fake, randomToken } from './support/env';

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(full) : [full];
  });
}

async function labels(nodes: ExplorerNode[]): Promise<string[]> {
  return nodes.map((n) => String(n.toTreeItem().label));
}

describe('Accounts', function () {
  let api: TestingApi;

  before(async () => {
    api = await extensionApi();
  });

  beforeEach(async () => {
    await fake.reset();
    for (const account of api.store.list()) await api.store.remove(account.id);
  });

  afterEach(() => api.setUserInput(undefined));

  it('starts with no account, so the view shows its welcome content', async () => {
    assert.deepEqual(await api.explorer.getChildren(), []);
  });

  it('adds an account from a token, validates it with the API and keeps the token only in SecretStorage', async () => {
    const token = randomToken();
    await fake.tokens({ profiles: { [token]: { email: 'alice@example.com', teamName: 'Alice Team' } } });
    api.setUserInput(new ScriptedUserInput([token]));

    const id = await vscode.commands.executeCommand<string>('digitalocean.addAccount');

    const account = api.store.get(id);
    assert.equal(account?.label, 'Alice Team');
    assert.equal(account?.email, 'alice@example.com');
    assert.equal(await api.secrets.get(`digitalocean.token.${id}`), token);
    const handled = (await fake.log()).handled;
    assert.ok(
      handled.some((r) => r.path === '/v2/account' && r.status === 200),
      'the token was validated with GET /v2/account',
    );

    // Expanding the account lists its projects through the real tree provider.
    const [node] = await api.explorer.getChildren();
    assert.deepEqual(await labels(await api.explorer.getChildren(node)), ['Acme Web', 'Data Platform', 'Staging', 'Account-wide']);

    // The token is nowhere else: settings, global state, the extension's logs.
    const settingsFile = process.env.DO_TEST_SETTINGS_FILE;
    assert.ok(settingsFile && fs.existsSync(settingsFile), 'the harness names the user settings file');
    assert.ok(!fs.readFileSync(settingsFile, 'utf8').includes(token), 'token found in settings.json');
    const state = JSON.stringify(api.globalState.keys().map((k) => [k, api.globalState.get(k)]));
    assert.ok(state.includes('alice@example.com'), 'the account metadata is in global state');
    assert.ok(!state.includes(token), 'token found in global state');
    const logsDir = path.dirname(api.logUri.fsPath);
    const ourLogs = await eventually('the extension log to record the new account', () =>
      filesUnder(logsDir).filter((f) => fs.readFileSync(f, 'utf8').includes('Account added: Alice Team')),
    );
    for (const file of filesUnder(logsDir)) {
      assert.ok(!fs.readFileSync(file, 'utf8').includes(token), `token found in log ${file}`);
    }
    assert.ok(ourLogs.length > 0);
  });

  it('rejects a malformed token at the input box, before any request', async () => {
    const input = new ScriptedUserInput(['not a token']);
    api.setUserInput(input);
    // (other tests' background loads may still arrive: count only token validations)
    const validations = async () => (await fake.log()).seen.filter((r) => r.url === '/v2/account').length;
    const before = await validations();
    await vscode.commands.executeCommand('digitalocean.addAccount');
    assert.equal(input.asked.length, 1);
    assert.equal(api.store.list().length, 0);
    assert.equal(await validations(), before, 'the malformed token was sent to the API');
  });

  it('shows nothing and stores nothing when the prompt is cancelled', async () => {
    // silent: a reported error reaches the input as an "error:" notice when it is reported, so no
    // waiting for the log is needed to see that none was
    const input = new ScriptedUserInput([undefined]);
    api.setUserInput(input);
    const result = await vscode.commands.executeCommand('digitalocean.addAccount');
    assert.equal(result, undefined);
    assert.equal(input.asked.length, 1);
    assertDeclinedQuietly(input, /./);
    assert.deepEqual(input.notices, []);
    assert.equal(api.store.list().length, 0);
  });

  it('does not store a token the API rejects, and says why', async () => {
    const token = randomToken();
    await fake.tokens({ revoke: [token] });
    const input = new ScriptedUserInput([token]);
    api.setUserInput(input);
    await vscode.commands.executeCommand('digitalocean.addAccount');
    assert.equal(api.store.list().length, 0);
    assert.equal(input.notices.filter((n) => n.startsWith('error: Add account failed:')).length, 1, input.notices.join('\n'));
    assert.ok(!input.notices.join('\n').includes(token), 'the token is not in the message');
  });

  it('marks an account whose token gets a 401 as needing a new token, while the others keep working', async () => {
    const alice = randomToken();
    const bob = randomToken();
    await fake.tokens({
      profiles: {
        [alice]: { email: 'alice@example.com', teamName: 'Alice Team' },
        [bob]: { email: 'bob@example.com', teamName: 'Bob Team' },
      },
    });
    api.setUserInput(new ScriptedUserInput([alice]));
    const aliceId = await vscode.commands.executeCommand<string>('digitalocean.addAccount');
    api.setUserInput(new ScriptedUserInput([bob]));
    const bobId = await vscode.commands.executeCommand<string>('digitalocean.addAccount');
    assert.notEqual(aliceId, bobId);

    await fake.tokens({ revoke: [alice] });
    const roots = await api.explorer.getChildren();
    const aliceNode = roots.find((n) => n.id === `account:${aliceId}`)!;
    assert.deepEqual(await api.explorer.getChildren(aliceNode), []);
    await eventually('Alice to need a new token', () => api.store.get(aliceId)?.needsToken);

    const refreshed = await api.explorer.getChildren();
    const aliceAfter = refreshed.find((n) => n.id === `account:${aliceId}`)!;
    const bobAfter = refreshed.find((n) => n.id === `account:${bobId}`)!;
    assert.equal(aliceAfter.toTreeItem().contextValue, 'account.needsToken');
    assert.deepEqual(await labels(await api.explorer.getChildren(aliceAfter)), ['Token rejected by DigitalOcean']);
    assert.equal(bobAfter.toTreeItem().contextValue, 'account.ok');
    assert.deepEqual(await labels(await api.explorer.getChildren(bobAfter)), ['Acme Web', 'Data Platform', 'Staging', 'Account-wide']);
    assert.equal(api.store.get(bobId)?.needsToken, undefined);

    // Update Token on Alice's node puts her back.
    const renewed = randomToken();
    await fake.tokens({ profiles: { [renewed]: { email: 'alice@example.com', teamName: 'Alice Team' } } });
    api.setUserInput(new ScriptedUserInput([renewed]));
    await vscode.commands.executeCommand('digitalocean.updateToken', aliceAfter);
    assert.equal(api.store.get(aliceId)?.needsToken, false);
    assert.equal(await api.secrets.get(`digitalocean.token.${aliceId}`), renewed);
    const aliceRenewed = (await api.explorer.getChildren()).find((n) => n.id === `account:${aliceId}`)!;
    assert.deepEqual(await labels(await api.explorer.getChildren(aliceRenewed)), ['Acme Web', 'Data Platform', 'Staging', 'Account-wide']);
  });

  it('adding the same user and team twice replaces the token instead of duplicating the account', async () => {
    const first = randomToken();
    const second = randomToken();
    const profile = { email: 'carol@example.com', teamName: 'Carol Team' };
    await fake.tokens({ profiles: { [first]: profile, [second]: profile } });
    api.setUserInput(new ScriptedUserInput([first]));
    const id1 = await vscode.commands.executeCommand<string>('digitalocean.addAccount');
    api.setUserInput(new ScriptedUserInput([second]));
    const id2 = await vscode.commands.executeCommand<string>('digitalocean.addAccount');
    assert.equal(id1, id2);
    assert.equal(api.store.list().length, 1);
    assert.equal(await api.secrets.get(`digitalocean.token.${id1}`), second);
  });

  it('adds the demo account, whose projects come from the demo API, default project first', async () => {
    const id = await vscode.commands.executeCommand<string>('digitalocean.addDemoAccount');
    const account = api.store.get(id);
    assert.equal(account?.demo, true);
    const [node] = await api.explorer.getChildren();
    assert.equal(node.toTreeItem().contextValue, 'account.demo');
    const projects = await api.explorer.getChildren(node);
    assert.deepEqual(await labels(projects), ['Acme Web', 'Data Platform', 'Staging', 'Account-wide']);
    assert.equal(projects[0].toTreeItem().description, 'default · Production');
    // Adding it again reveals the same account.
    assert.equal(await vscode.commands.executeCommand<string>('digitalocean.addDemoAccount'), id);
  });

  it('renames an account and removes it with its token after confirmation', async () => {
    const token = randomToken();
    await fake.tokens({ profiles: { [token]: { email: 'dan@example.com', teamName: 'Dan Team' } } });
    api.setUserInput(new ScriptedUserInput([token]));
    const id = await vscode.commands.executeCommand<string>('digitalocean.addAccount');

    api.setUserInput(new ScriptedUserInput(['Production (Dan)']));
    await vscode.commands.executeCommand('digitalocean.renameAccount');
    assert.equal(api.store.get(id)?.label, 'Production (Dan)');

    api.setUserInput(new ScriptedUserInput(['Cancel']));
    await vscode.commands.executeCommand('digitalocean.removeAccount');
    assert.ok(api.store.get(id), 'a declined confirmation keeps the account');

    api.setUserInput(new ScriptedUserInput(['Remove']));
    await vscode.commands.executeCommand('digitalocean.removeAccount');
    assert.equal(api.store.get(id), undefined);
    assert.equal(await api.secrets.get(`digitalocean.token.${id}`), undefined);
  });

  it('imports DIGITALOCEAN_ACCESS_TOKEN and doctl contexts only when the user picks them', async () => {
    const envToken = randomToken();
    const workToken = randomToken();
    const staleToken = randomToken();
    await fake.tokens({
      profiles: {
        [envToken]: { email: 'erin@example.com', teamName: 'Erin Team' },
        [workToken]: { email: 'erin@example.com', teamName: 'Work Team' },
      },
      revoke: [staleToken],
    });
    const configHome = fs.mkdtempSync(path.join(os.tmpdir(), 'doctl-'));
    fs.mkdirSync(path.join(configHome, 'doctl'));
    fs.writeFileSync(
      path.join(configHome, 'doctl', 'config.yaml'),
      `# doctl config\naccess-token: ${staleToken}\nauth-contexts:\n  work: ${workToken}\ncontext: work\n`,
    );
    const saved = { token: process.env.DIGITALOCEAN_ACCESS_TOKEN, xdg: process.env.XDG_CONFIG_HOME };
    process.env.DIGITALOCEAN_ACCESS_TOKEN = envToken;
    process.env.XDG_CONFIG_HOME = configHome;
    try {
      api.setUserInput(new ScriptedUserInput([undefined]));
      await vscode.commands.executeCommand('digitalocean.importTokens');
      assert.equal(api.store.list().length, 0, 'nothing is imported without the user choosing');

      api.setUserInput(new ScriptedUserInput([['DIGITALOCEAN_ACCESS_TOKEN', 'doctl context "work"', 'doctl default context']]));
      const imported = await vscode.commands.executeCommand<string[]>('digitalocean.importTokens');
      assert.deepEqual([...imported].sort(), ['Erin Team', 'Work Team']);
      const byLabel = new Map(api.store.list().map((a) => [a.label, a.id]));
      assert.equal(await api.secrets.get(`digitalocean.token.${byLabel.get('Work Team')}`), workToken);
      assert.equal(api.store.list().length, 2, 'the rejected doctl default token was not stored');
    } finally {
      process.env.DIGITALOCEAN_ACCESS_TOKEN = saved.token;
      process.env.XDG_CONFIG_HOME = saved.xdg;
      if (saved.token === undefined) delete process.env.DIGITALOCEAN_ACCESS_TOKEN;
      if (saved.xdg === undefined) delete process.env.XDG_CONFIG_HOME;
      fs.rmSync(configHome, { recursive: true, force: true });
    }
  });
});
