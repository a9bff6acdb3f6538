/**
 * What is particular to the web build, in the real web worker extension host: that it is there,
 * which commands it has, that the API is reached cross-origin through Prism, and that the client
 * copes when a browser hides headers the API did not expose.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestingApi } from '../../src/activate';
import { droplet as dropletKind } from '../../src/api/resources/droplet';
import { ACCEPT, ScriptedUserInput } from '../integration/support/scriptedInput';
import { extensionApi, fake, freshDemo, onWeb, randomToken, testEnv } from '../integration/support/env';

describe('The web build in the web worker extension host', function () {
  this.timeout(120_000);
  let api: TestingApi;

  before(async () => {
    api = await extensionApi();
  });

  afterEach(async () => {
    api.setUserInput(undefined);
    await fake.call('POST', '/__fake/config', {
      exposeHeaders: ['ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset', 'retry-after', 'x-request-id', 'link'],
    });
  });

  it('runs in a web worker: no Node, the browser entry of package.json', () => {
    assert.ok(onWeb, 'not in the web worker host');
    assert.equal(typeof (globalThis as { process?: unknown }).process, 'undefined');
    assert.equal(typeof (globalThis as { importScripts?: unknown }).importScripts, 'function', 'a worker global scope');
    const extension = vscode.extensions.getExtension('do-explorer.digitalocean-explorer');
    assert.equal(extension?.packageJSON.browser, './dist/web/extension.js');
  });

  it("has the web families' commands and none of the Node-only ones", async () => {
    const commands = new Set(await vscode.commands.getCommands(true));
    for (const id of [
      'digitalocean.addAccount',
      'digitalocean.droplet.powerOff',
      'digitalocean.droplet.create',
      'digitalocean.app.showLogs',
      'digitalocean.app.console',
      'digitalocean.goToResource',
      'digitalocean.project.create',
      'digitalocean.spaces.upload',
      'digitalocean.spaces.allowBrowserAccess',
    ]) {
      assert.ok(commands.has(id), `${id} is missing on the web`);
    }
    for (const id of [
      'digitalocean.kubernetes.addToKubeconfig',
      'digitalocean.registry.login',
      'digitalocean.droplet.sshTerminal',
      'digitalocean.database.shell',
      'digitalocean.importTokens',
    ]) {
      assert.ok(!commands.has(id), `${id} is registered on the web`);
    }
  });

  // a check of the test set-up, not of the extension: the next test drives the extension over it
  it("the harness's Prism answers the worker cross-origin as the real API does (CORS, exposed headers)", async () => {
    const apiUrl = testEnv('DIGITALOCEAN_DEMO_API_URL')!;
    const here = (globalThis as { location?: { origin: string } }).location?.origin;
    assert.ok(here && here !== new URL(apiUrl).origin, `the worker's origin ${here} is the API's`);
    // a preflighted request (Authorization) from this origin, as the client sends it
    const response = await fetch(`${apiUrl}/v2/account`, { headers: { authorization: 'Bearer demo' } });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('x-request-id') ?? '', /\S/, 'x-request-id is exposed');
    assert.match(response.headers.get('ratelimit-remaining') ?? '', /^\d+$/, 'ratelimit-remaining is exposed');
  });

  it('adds an account from a token, kept in SecretStorage, and lists its projects through Prism', async () => {
    await fake.reset();
    for (const account of api.store.list()) await api.store.remove(account.id);
    const token = randomToken();
    await fake.tokens({ profiles: { [token]: { email: 'web@example.com', teamName: 'Web Team' } } });
    api.setUserInput(new ScriptedUserInput([token]));
    const id = await vscode.commands.executeCommand<string>('digitalocean.addAccount');
    assert.equal(api.store.get(id)?.label, 'Web Team');
    assert.equal(await api.secrets.get(`digitalocean.token.${id}`), token);
    const [node] = await api.explorer.getChildren();
    const projects = (await api.explorer.getChildren(node)).map((n) => String(n.toTreeItem().label));
    assert.deepEqual(projects, ['Acme Web', 'Data Platform', 'Staging', 'Account-wide']);
    const accountWide = (await api.explorer.getChildren(node)).find((n) => String(n.toTreeItem().label) === 'Account-wide')!;
    const wide = (await api.explorer.getChildren(accountWide)).map((n) => String(n.toTreeItem().label));
    assert.ok(
      wide.some((l) => l.startsWith('SSH keys')),
      wide.join(', '),
    );
    assert.ok(wide.includes('Spaces'), `no Spaces on the web: ${wide.join(', ')}`);
    assert.ok(!JSON.stringify(vscode.workspace.getConfiguration('digitalocean')).includes(token), 'the token is in the settings');
    const seen = (await fake.log()).handled;
    assert.ok(seen.some((r) => r.path === '/v2/account' && r.status === 200));
  });

  it('offers the kubeconfig of a new cluster as a download, where there is no ~/.kube', async () => {
    await freshDemo(api);
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const target = vscode.Uri.joinPath(folder, `new-cluster-${Date.now()}.yaml`);
    const input = new ScriptedUserInput([
      'web-new-k8s',
      'nyc3',
      '1.34.0-do.0',
      'default-nyc3',
      'Continue with 1 node pool',
      [],
      'any day',
      ACCEPT,
      '',
      'Acme Web',
      'Create web-new-k8s',
      target.toString(),
    ]);
    input.noticeAnswers.push('Download kubeconfig…');
    api.setUserInput(input);
    await vscode.commands.executeCommand('digitalocean.kubernetes.create', api.store.list()[0]);
    assert.equal(input.remaining, 0, `asked: ${input.questions.join(' | ')}`);
    assert.match(new TextDecoder().decode(await vscode.workspace.fs.readFile(target)), /^apiVersion: v1/m);
    await vscode.workspace.fs.delete(target);
  });

  /** How long reading a droplet takes when the first answer is a 429 saying "retry after `seconds`". */
  async function getThrough429(seconds: number): Promise<number> {
    const account = api.store.list()[0];
    await fake.call('POST', '/__fake/faults', {
      faults: [{ kind: 'status', status: 429, retryAfter: seconds, method: 'GET', path: '/v2/droplets/311000001' }],
    });
    const started = Date.now();
    const droplet = await api.model.client(account).get(dropletKind, '311000001');
    assert.equal(droplet.name, 'web-1', 'the droplet came after the 429');
    const taken = (Date.now() - started) / 1000;
    assert.equal((await fake.log()).seen.filter((r) => r.url.startsWith('/v2/droplets/311000001')).length, 2, 'one 429, one answer');
    return taken;
  }

  it('backs off on its own when a browser hides the rate-limit headers, and reads retry-after when the API exposes it', async () => {
    await freshDemo(api);
    // hidden (no Access-Control-Expose-Headers): headers.get gives null, so a client that never
    // read them cannot see the 30 s the API asks for; it backs off from 2 s and the droplet comes
    await fake.call('POST', '/__fake/config', { exposeHeaders: [] });
    api.setDemoApiUrl(testEnv('DIGITALOCEAN_DEMO_API_URL')); // a fresh client: nothing read yet
    const probe = await fetch(`${testEnv('DIGITALOCEAN_DEMO_API_URL')}/v2/account`, { headers: { authorization: 'Bearer demo' } });
    assert.equal(probe.headers.get('ratelimit-remaining'), null, 'the browser shows a header that is not exposed');
    await fake.call('POST', '/__fake/log/clear');
    const hidden = await getThrough429(30);
    assert.ok(hidden >= 1.9 && hidden < 15, `waited ${hidden} s with retry-after hidden`);
    // exposed: the client waits what the API asked (5 s)
    await fake.call('POST', '/__fake/config', {
      exposeHeaders: ['ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset', 'retry-after', 'x-request-id', 'link'],
    });
    await fake.call('POST', '/__fake/log/clear');
    const exposed = await getThrough429(5);
    assert.ok(exposed >= 4.9 && exposed < 20, `waited ${exposed} s with retry-after: 5 readable`);
  });
});
