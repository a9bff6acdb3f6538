/**
 * Reserved IPv6 in the real extension host against the fake (through Prism): Reserve (region,
 * summary) and the new address selected; Assign, which names the droplets of the region that lack
 * IPv6 rather than sending a request the API refuses, then assigns once IPv6 is on; Unassign
 * (confirmed); the shared Delete refused by the API while assigned, then done.
 */
import * as assert from 'node:assert/strict';
import type { TestingApi } from '../../src/extension';
import type { ExplorerNode } from '../../src/tree/nodes/base';
import { eventually, extensionApi, freshDemo, logShowing, nodeAt, runWithAnswers, writes } from './support/env';
import { fakeState } from './support/fakeState';

describe('Reserved IPv6', function () {
  this.timeout(60_000);
  let api: TestingApi;
  const account = () => api.store.list()[0];
  const addresses = async () => (await fakeState()).reservedIpv6s;
  const label = (n: ExplorerNode) => String(n.toTreeItem().label);
  const SEEDED = '2001:db8:1001::20';
  const inGroup = async (ip: string) => (await api.explorer.getChildren(await nodeAt(api, 'Account-wide', 'Reserved IPv6'))).find((n) => label(n) === ip);

  before(async () => {
    api = await extensionApi();
  });
  beforeEach(() => freshDemo(api, 300));
  afterEach(() => api.setUserInput(undefined));

  it('reserves an address in the region chosen and shows it unassigned', async () => {
    const input = await runWithAnswers(api, 'digitalocean.reservedIpv6.create', account(), ['ams3', 'Reserve an IPv6 address in ams3']);
    assert.equal(input.remaining, 0, input.notices.join('\n'));
    const made = (await addresses()).filter((r) => r.region_slug === 'ams3');
    assert.equal(made.length, 1);
    assert.equal(made[0].droplet, null);
    assert.match(input.notices.join('\n'), new RegExp(`Reserved ${made[0].ip.replace(/[.:]/g, '\\$&')} in ams3`));
    const shown = await eventually('the new address in the view', () => inGroup(made[0].ip));
    assert.equal(shown.toTreeItem().description, 'unassigned · ams3');
  });

  it('names the droplets without IPv6 instead of asking the API; assigns once IPv6 is on; unassigns when confirmed', async () => {
    const before = await writes();
    const refused = await runWithAnswers(api, 'digitalocean.reservedIpv6.assign', await nodeAt(api, 'Account-wide', 'Reserved IPv6', SEEDED), []);
    assert.match(refused.notices.join('\n'), /No droplet in nyc3 has IPv6 on.*Enable IPv6.*web-1, web-2, worker-1/);
    assert.equal(refused.asked.length, 0);
    assert.equal(await writes(), before, 'nothing was sent');

    await runWithAnswers(api, 'digitalocean.droplet.enableIpv6', await nodeAt(api, 'Acme Web', 'Droplets', 'web-2'), []);
    await eventually('IPv6 on web-2', async () => ((await fakeState()).droplets.find((d) => d.name === 'web-2')!.features.includes('ipv6') ? true : undefined));
    const input = await runWithAnswers(api, 'digitalocean.reservedIpv6.assign', await nodeAt(api, 'Account-wide', 'Reserved IPv6', SEEDED), ['web-2']);
    assert.deepEqual(input.offered[0], ['web-2'], 'only the droplet of nyc3 with IPv6 on');
    assert.equal((await addresses()).find((r) => r.ip === SEEDED)?.droplet?.name, 'web-2');
    await eventually('the address shown assigned', async () => ((await inGroup(SEEDED))?.toTreeItem().description === '→ web-2 · nyc3' ? true : undefined));

    // Delete while assigned: the API refuses, and the refusal is shown
    await runWithAnswers(api, 'digitalocean.resource.delete', await inGroup(SEEDED), ['Delete']);
    await logShowing(api, /unassign it first/);
    assert.ok((await addresses()).some((r) => r.ip === SEEDED));

    const declined = await runWithAnswers(api, 'digitalocean.reservedIpv6.unassign', await inGroup(SEEDED), [undefined]);
    assert.equal(declined.remaining, 0);
    assert.equal((await addresses()).find((r) => r.ip === SEEDED)?.droplet?.name, 'web-2', 'declined: still assigned');
    await runWithAnswers(api, 'digitalocean.reservedIpv6.unassign', await inGroup(SEEDED), ['Unassign']);
    assert.equal((await addresses()).find((r) => r.ip === SEEDED)?.droplet, null);

    await eventually('the address shown unassigned', async () =>
      (await inGroup(SEEDED))?.toTreeItem().description === 'unassigned · nyc3' ? true : undefined,
    );
    await runWithAnswers(api, 'digitalocean.resource.delete', await inGroup(SEEDED), ['Delete']);
    await eventually('the address released', async () => ((await addresses()).some((r) => r.ip === SEEDED) ? undefined : true));
  });
});
