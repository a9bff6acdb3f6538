/**
 * BYOIP prefixes and partner attachments in the real extension host against the fake (through
 * Prism): listed under Account-wide with a prefix's addresses in use and an attachment's learned
 * routes as children; a prefix advertised and withdrawn after a confirmation; an attachment's
 * service key and BGP key put in the clipboard only (in no notice or log); both deleted with the
 * name typed.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestingApi } from '../../src/extension';
import type { ExplorerNode } from '../../src/tree/nodes/base';
import { assertDeclinedQuietly, eventually, extensionApi, freshDemo, logShowing, nodeAt, runWithAnswers, writes } from './support/env';
import { fakeState } from './support/fakeState';

describe('BYOIP prefixes and partner attachments', function () {
  this.timeout(60_000);
  let api: TestingApi;
  const label = (n: ExplorerNode) => String(n.toTreeItem().label);
  const description = (n: ExplorerNode) => String(n.toTreeItem().description ?? '');
  const prefixNode = () => nodeAt(api, 'Account-wide', 'BYOIP prefixes', 'acme-owned');
  const linkNode = () => nodeAt(api, 'Account-wide', 'Partner attachments', 'office-link');

  before(async () => {
    api = await extensionApi();
  });
  beforeEach(() => freshDemo(api));
  afterEach(() => api.setUserInput(undefined));

  it("lists a prefix with its addresses in use and an attachment with the partner's routes", async () => {
    const prefix = await prefixNode();
    assert.equal(description(prefix), '198.18.7.0/24 · nyc3 · advertised');
    const ips = await api.explorer.getChildren(prefix);
    assert.deepEqual(
      ips.map((n) => [label(n), description(n)]),
      [['198.18.7.10', 'do:droplet:311000001 · nyc3']],
    );
    const link = await linkNode();
    assert.equal(description(link), 'MEGAPORT · nyc · 1 Gbps · default-nyc3');
    assert.deepEqual((await api.explorer.getChildren(link)).map(label), ['192.168.10.0/24', '192.168.20.0/24']);
  });

  it('stops advertising a prefix and advertises it again, each after a confirmation', async () => {
    const before = await writes();
    assertDeclinedQuietly(await runWithAnswers(api, 'digitalocean.byoip.withdraw', await prefixNode(), ['Cancel']), /^Stop advertising 198\.18\.7\.0\/24\?$/);
    assert.equal(await writes(), before, 'a declined confirmation sends nothing');
    await runWithAnswers(api, 'digitalocean.byoip.withdraw', await prefixNode(), ['Stop Advertising']);
    assert.equal((await fakeState()).byoipPrefixes[0].advertised, false);
    const again = await runWithAnswers(api, 'digitalocean.byoip.withdraw', await prefixNode(), []);
    assert.match(again.notices.join('\n'), /198\.18\.7\.0\/24 is not advertised/);
    const on = await runWithAnswers(api, 'digitalocean.byoip.advertise', await prefixNode(), ['Advertise']);
    assert.match(on.confirmations[0].detail, /Traffic for the whole range comes to nyc3/);
    assert.equal((await fakeState()).byoipPrefixes[0].advertised, true);
  });

  it("puts an attachment's service key and BGP key in the clipboard only", async () => {
    const details = Object.values((await fakeState()).partnerDetails)[0];
    await vscode.env.clipboard.writeText('before');
    const service = await runWithAnswers(api, 'digitalocean.partner.copyServiceKey', await linkNode(), []);
    assert.equal(await vscode.env.clipboard.readText(), details.serviceKey);
    const bgp = await runWithAnswers(api, 'digitalocean.partner.copyBgpAuthKey', await linkNode(), []);
    assert.equal(await vscode.env.clipboard.readText(), details.bgpAuthKey);
    const shown = [...service.notices, ...bgp.notices].join('\n');
    assert.match(shown, /The service key of office-link is in the clipboard/);
    assert.ok(!shown.includes(details.serviceKey) && !shown.includes(details.bgpAuthKey), 'a key is in a notice');
    const log = await logShowing(api, /Partner attachment office-link: BGP auth key copied to the clipboard/);
    assert.ok(!log.includes(details.serviceKey) && !log.includes(details.bgpAuthKey), 'a key is in the log');
  });

  it('deletes an attachment and a prefix with the name typed', async () => {
    const before = await writes();
    await runWithAnswers(api, 'digitalocean.resource.delete', await linkNode(), ['office']);
    assert.equal(await writes(), before, 'a mistyped name deletes nothing');
    await runWithAnswers(api, 'digitalocean.resource.delete', await linkNode(), ['office-link']);
    await eventually('the attachment gone', async () => ((await fakeState()).partnerAttachments.length === 0 ? true : undefined));
    // an advertised prefix is refused with the API's reason; withdrawn, it goes
    const refused = await runWithAnswers(api, 'digitalocean.resource.delete', await prefixNode(), ['acme-owned']);
    assert.match(refused.notices.join('\n'), /error: .*198\.18\.7\.0\/24 is advertised: stop advertising it first/);
    await runWithAnswers(api, 'digitalocean.byoip.withdraw', await prefixNode(), ['Stop Advertising']);
    await runWithAnswers(api, 'digitalocean.resource.delete', await prefixNode(), ['acme-owned']);
    assert.deepEqual((await fakeState()).byoipPrefixes, []);
  });
});
