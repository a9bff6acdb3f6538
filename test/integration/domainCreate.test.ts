/**
 * Add Domain in the real extension host against the fake (through Prism): with an A record to a
 * droplet's address, placed in a project, then *Add Record…* from the notice; with a typed address
 * after Back (the earlier choice preselected); bad names and addresses refused before any request;
 * a declined summary; the API's refusal.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestingApi } from '../../src/extension';
import { extensionApi, fake, freshDemo, preselected, runWithAnswers, writes, logShowing } from './support/env';
import { fakeState } from './support/fakeState';
import { ACCEPT, BACK, ScriptedUserInput } from './support/scriptedInput';

describe('Add domain', function () {
  this.timeout(60_000);
  let api: TestingApi;
  const data = () => fakeState();
  const account = () => api.store.list()[0];

  before(async () => {
    api = await extensionApi();
  });
  beforeEach(() => freshDemo(api));
  afterEach(() => api.setUserInput(undefined));

  it("adds a domain with an A record to a droplet's address in a project, then a record from the notice", async () => {
    const input = new ScriptedUserInput(['Shop.Example', 'web-1', 'Staging', 'Add shop.example', 'TXT', '@', 'v=spf1 -all', ACCEPT]);
    input.noticeAnswers.push('Add Record…');
    api.setUserInput(input);
    await vscode.commands.executeCommand('digitalocean.domain.create', account());
    assert.equal(input.remaining, 0, `asked: ${input.questions.join(' | ')}`);
    const d = await data();
    assert.ok(
      d.domains.some((x) => x.name === 'shop.example'),
      'added, lowercased',
    );
    const web1 = d.droplets.find((x) => x.name === 'web-1')!.networks.v4.find((n) => n.type === 'public')!.ip_address;
    assert.deepEqual(
      d.domainRecords['shop.example'].map((r) => `${r.type} ${r.name} ${r.data}`),
      ['NS @ ns1.digitalocean.com', 'NS @ ns2.digitalocean.com', 'NS @ ns3.digitalocean.com', `A @ ${web1}`, 'TXT @ v=spf1 -all'],
    );
    const staging = d.projects.find((p) => p.name === 'Staging')!;
    assert.ok(
      d.projectResources[staging.id].some((r) => r.urn === 'do:domain:shop.example'),
      'moved to the project chosen',
    );
    assert.match(input.notices.join('\n'), /set the name servers to ns1\.digitalocean\.com, ns2\.digitalocean\.com and ns3\.digitalocean\.com/);
  });

  it('takes a typed address after going Back, with the earlier choices kept', async () => {
    const input = await runWithAnswers(api, 'digitalocean.domain.create', account(), [
      'typed.example',
      'Another address…',
      '192.0.2.77',
      'Staging',
      BACK,
      BACK,
      BACK, // summary → project → A record → name
      ACCEPT,
      'Another address…',
      ACCEPT,
      'Staging',
      'Add typed.example',
    ]);
    assert.equal(input.remaining, 0, `asked: ${input.questions.join(' | ')}`);
    assert.deepEqual(preselected(input, 'Another address…', 1), ['Another address…']);
    assert.deepEqual(preselected(input, 'Staging', 1), ['Staging'], 'the project kept');
    assert.ok((await data()).domainRecords['typed.example'].some((r) => r.type === 'A' && r.data === '192.0.2.77'));
  });

  it('refuses bad names and addresses before any request; a declined summary sends nothing', async () => {
    const before = await writes();
    const tries: [string[], RegExp][] = [
      [['acme.example'], /is in the account already/],
      [['localhost'], /with a top-level domain/],
      [['https://shop.example/'], /without a URL/],
      [['shop.example.'], /trailing dot/],
      [['-bad.example'], /Letters, digits and "-"/],
      [['ok.example', 'Another address…', '300.1.1.1'], /An IPv4 address/],
    ];
    for (const [answers, message] of tries) {
      const input = await runWithAnswers(api, 'digitalocean.domain.create', account(), answers);
      assert.match(input.rejections.join('\n'), message, answers.join(' → '));
    }
    const declined = await runWithAnswers(api, 'digitalocean.domain.create', account(), ['ok.example', 'No A record now', 'Acme Web', undefined]);
    assert.deepEqual([declined.remaining, declined.rejections], [0, []], 'the summary was reached and declined');
    assert.equal(await writes(), before, 'nothing was sent');
    assert.ok(!(await data()).domains.some((x) => x.name === 'ok.example'));
  });

  it("shows the API's refusal with its message and request id", async () => {
    await fake.refuse('POST', '/v2/domains', {
      status: 422,
      id: 'unprocessable_entity',
      message: 'taken.example is already in use by another account',
      requestId: 'req-domain-refused',
    });
    await runWithAnswers(api, 'digitalocean.domain.create', account(), ['taken.example', 'No A record now', 'Acme Web', 'Add taken.example']);
    assert.ok(!(await data()).domains.some((x) => x.name === 'taken.example'));
    await logShowing(
      api,
      /Add domain failed: taken\.example is already in use by another account \(HTTP 422 unprocessable_entity, request id req-domain-refused\)/,
    );
  });
});
