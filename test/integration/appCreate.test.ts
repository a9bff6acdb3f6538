/**
 * Create App in the real extension host against the fake (through Prism): a web service from a
 * GitHub repository (URL trimmed to owner/name), priced by the API's propose for the summary, made,
 * and its build log opened; a static site from GitLab after Back (no size asked, earlier answers
 * kept); a spec in the workspace handed to Deploy App from Spec; bad repositories, branches, names
 * and ports refused before any request; a declined summary; the API's refusal at propose.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestingApi } from '../../src/extension';
import { eventually, extensionApi, fake, freshDemo, preselected, runWithAnswers, writes, logShowing } from './support/env';
import { fakeState } from './support/fakeState';
import { ACCEPT, BACK } from './support/scriptedInput';

describe('Create app', function () {
  this.timeout(60_000);
  let api: TestingApi;
  const app = async (name: string) => (await fakeState()).apps.find((a) => a.spec.name === name);
  const account = () => api.store.list()[0];
  const posts = async () => (await fake.log()).seen.filter((r) => r.method === 'POST' && r.url.startsWith('/v2/apps')).map((r) => r.url.split('?')[0]);

  before(async () => {
    api = await extensionApi();
  });
  beforeEach(() => freshDemo(api));
  afterEach(() => {
    api.setUserInput(undefined);
    for (const t of vscode.window.terminals) t.dispose();
  });

  it('creates a web service from a GitHub repository, priced by the API, and opens its build log', async () => {
    const input = await runWithAnswers(api, 'digitalocean.app.create', account(), [
      'GitHub repository',
      'https://github.com/acme/shop-api.git',
      'release',
      'Web service',
      '3000',
      ACCEPT,
      'fra',
      'apps-s-1vcpu-2gb',
      'Deploy on every push',
      'Create shop-api',
    ]);
    assert.equal(input.remaining, 0, `asked: ${input.questions.join(' | ')}`);
    const made = await app('shop-api');
    assert.ok(made, 'the app is at the fake');
    assert.deepEqual(made.spec, {
      name: 'shop-api',
      region: 'fra',
      services: [
        {
          name: 'web',
          github: { repo: 'acme/shop-api', branch: 'release', deploy_on_push: true },
          http_port: 3000,
          instance_size_slug: 'apps-s-1vcpu-2gb',
          instance_count: 1,
        },
      ],
    });
    const summary = input.offeredItems.find((items) => items[0]?.label === 'Create shop-api')![0];
    assert.equal(summary.description, 'acme/shop-api@release · web service · fra · $25/mo', 'the price the API proposed');
    await eventually('the build log terminal', () => vscode.window.terminals.some((t) => t.name === 'Logs: shop-api · build'));
    assert.deepEqual((await posts()).slice(-2), ['/v2/apps/propose', '/v2/apps']);
  });

  it('makes a static site from GitLab after going Back, asking no instance size', async () => {
    const input = await runWithAnswers(api, 'digitalocean.app.create', account(), [
      'GitHub repository',
      'acme/docs',
      'main',
      'Worker',
      'docs',
      'nyc',
      'apps-s-1vcpu-0.5gb',
      'Deploy only when I ask',
      BACK,
      BACK,
      BACK,
      BACK,
      BACK,
      BACK,
      BACK,
      BACK, // summary → autodeploy → size → region → name → (no port for a worker) kind → branch → repo → source
      'GitLab repository',
      ACCEPT,
      ACCEPT,
      'Static site',
      ACCEPT,
      'nyc',
      'Deploy only when I ask',
      'Create docs',
    ]);
    assert.equal(input.remaining, 0, `asked: ${input.questions.join(' | ')}`);
    assert.deepEqual(preselected(input, 'Worker', 1), ['Worker'], 'the kind kept');
    const made = await app('docs');
    assert.deepEqual(made?.spec.static_sites, [{ name: 'site', gitlab: { repo: 'acme/docs', branch: 'main', deploy_on_push: false } }]);
    assert.equal(made?.spec.region, 'nyc');
  });

  it('hands a spec in the workspace to Deploy App from Spec', async () => {
    const input = await runWithAnswers(api, 'digitalocean.app.create', account(), ['A spec in this workspace…']);
    assert.equal(input.remaining, 0);
    await logShowing(api, /Deploy app from spec failed: There is no app spec in the workspace/, 'the spec command ran (the test workspace has no spec)');
  });

  it('refuses bad repositories, branches, names and ports before any request; a declined summary sends nothing', async () => {
    const before = await writes();
    const tries: [string[], RegExp][] = [
      [['GitHub repository', 'shop-api'], /owner\/name/],
      [['GitHub repository', 'acme/shop', 'feature..x'], /is not a branch name/],
      [['GitHub repository', 'acme/shop', 'main', 'Web service', '70000'], /The port: from 1 to 65535/],
      [['GitHub repository', 'acme/shop', 'main', 'Worker', 'Shop_API'], /2 to 32 lowercase letters/],
      [['GitHub repository', 'acme/shop', 'main', 'Worker', 'marketing-site'], /has an app named marketing-site already/],
    ];
    for (const [answers, message] of tries) {
      const input = await runWithAnswers(api, 'digitalocean.app.create', account(), answers);
      assert.match(input.rejections.join('\n'), message, answers.join(' → '));
    }
    const declined = await runWithAnswers(api, 'digitalocean.app.create', account(), [
      'GitHub repository',
      'acme/shop',
      'main',
      'Worker',
      ACCEPT,
      'nyc',
      'apps-s-1vcpu-0.5gb',
      'Deploy on every push',
      undefined,
    ]);
    assert.deepEqual([declined.remaining, declined.rejections], [0, []], 'the summary was reached and declined');
    assert.equal(await writes(), before + 1, 'only the propose check was sent (it changes nothing)');
    assert.equal(await app('shop'), undefined);
  });

  it("shows the API's refusal of the spec with its message and request id, before anything is made", async () => {
    await fake.refuse('POST', '/v2/apps/propose', {
      status: 400,
      id: 'invalid_argument',
      message: 'GitHub user not authenticated: install the DigitalOcean GitHub app',
      requestId: 'req-app-refused',
    });
    await runWithAnswers(api, 'digitalocean.app.create', account(), [
      'GitHub repository',
      'acme/private',
      'main',
      'Worker',
      ACCEPT,
      'nyc',
      'apps-s-1vcpu-0.5gb',
      'Deploy on every push',
    ]);
    assert.equal(await app('private'), undefined);
    await logShowing(
      api,
      /Create app failed: GitHub user not authenticated: install the DigitalOcean GitHub app \(HTTP 400 invalid_argument, request id req-app-refused\)/,
    );
  });
});
