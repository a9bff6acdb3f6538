/**
 * Go to Resource in the real extension host against the fake (through Prism), with a second
 * account: found by IP address and by tag among both accounts' resources, selected in the view
 * and its panel opened; its Copy IP button; opened again on a warm cache it is complete at once
 * and sends no request.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestingApi } from '../../src/extension';
import { eventually, extensionApi, fake, freshDemo, randomToken, runWithAnswers, onWeb } from './support/env';
import { fakeState } from './support/fakeState';
import { ScriptedUserInput } from './support/scriptedInput';

describe('Go to Resource', function () {
  this.timeout(60_000);
  let api: TestingApi;
  let aliceId: string;
  const requests = async () => (await fake.log()).seen.length;
  const ipOf = async (name: string) => (await fakeState()).droplets.find((d) => d.name === name)!.networks.v4.find((n) => n.type === 'public')!.ip_address;

  before(async () => {
    api = await extensionApi();
    await freshDemo(api);
    const token = randomToken();
    await fake.tokens({ profiles: { [token]: { email: 'alice@example.com', teamName: 'Alice Team' } } });
    aliceId = (await runWithAnswers(api, 'digitalocean.addAccount', undefined, [token]), api.store.list().find((a) => a.label === 'Alice Team')!.id);
    for (const panel of api.panels.openKeys) api.panels.get(panel)?.dispose();
  });
  afterEach(() => api.setUserInput(undefined));
  after(() => freshDemo(api));

  it('finds a droplet of the second account by its IP address, selects it in the view and opens its panel', async () => {
    const ip = await ipOf('web-2');
    const input = await runWithAnswers(api, 'digitalocean.goToResource', undefined, [`${ip} alice`]);
    assert.equal(input.remaining, 0);
    const key = await eventually('the panel of web-2 in Alice Team', () => api.panels.openKeys.find((k) => k.startsWith(aliceId) && k.includes('311000002')));
    assert.ok(key);
    type Selected = { toTreeItem(): { label?: unknown }; account?: { id: string } };
    const selected = (api.treeView.selection as Selected[]).find((n) => String(n.toTreeItem().label) === 'web-2');
    assert.equal(selected?.account?.id, aliceId, 'the second account’s web-2 is selected in the view');
  });

  it('finds a droplet by its private IPv4 and by its IPv6, as its panel shows them', async () => {
    const web1 = (await fakeState()).droplets.find((d) => d.name === 'web-1')!;
    const privateIp = web1.networks.v4.find((n) => n.type === 'private')?.ip_address;
    assert.ok(privateIp, 'the demo web-1 has a private IPv4');
    const ipv6 = '2604:a880:400:d1::8f:6001';
    await fake.call('POST', '/__fake/patch', {
      collection: 'droplets',
      where: { name: 'web-1' },
      set: { networks: { ...web1.networks, v6: [{ ip_address: ipv6, netmask: 64, gateway: '2604:a880:400:d1::1', type: 'public' }] } },
    });
    api.model.forget();
    for (const address of [privateIp, ipv6]) {
      const input = await runWithAnswers(api, 'digitalocean.goToResource', undefined, [`${address} alice`]);
      assert.equal(input.remaining, 0);
      assert.match(String(input.livePicked[0]?.label), /web-1$/, `found by ${address}`);
    }
  });

  it('finds a resource by tag and copies an IP address with the button', async () => {
    await runWithAnswers(api, 'digitalocean.goToResource', undefined, ['#worker alice']);
    await eventually('the panel of worker-1 in Alice Team', () => api.panels.openKeys.find((k) => k.startsWith(aliceId) && k.includes('311000003')));
    const ip = await ipOf('bastion');
    const input = await runWithAnswers(api, 'digitalocean.goToResource', undefined, [[`bastion alice`, 'Copy IP Address']]);
    assert.equal(await vscode.env.clipboard.readText(), ip);
    // the droplet's usual action is an SSH terminal, which the web build has not: no button for it there
    assert.deepEqual(
      input.livePicked[0].buttons?.map((b) => b.tooltip),
      ['Copy IP Address', ...(onWeb ? [] : ['Open SSH Terminal'])],
    );
  });

  it('opens complete and sends nothing when every list is cached', async () => {
    // the panels the tests above opened read what they show on their own (a droplet's graphs): closed, so only Go to Resource is counted
    api.panels.closeAll();
    // once everything has been loaded (a search that matches nothing waits for every kind)…
    await runWithAnswers(api, 'digitalocean.goToResource', undefined, ['no-such-resource-anywhere']);
    const before = await requests();
    const input = new ScriptedUserInput([undefined]);
    api.setUserInput(input);
    await vscode.commands.executeCommand('digitalocean.goToResource');
    assert.equal(input.liveOpened.length, 1);
    assert.equal(input.liveOpened[0].busy, false, 'nothing left to load');
    assert.ok(input.liveOpened[0].items > 100, `both accounts' resources at once (${input.liveOpened[0].items})`);
    assert.equal(await requests(), before, 'no request');
  });
});
