/**
 * A load balancer's everyday changes in the real extension host against the fake (through Prism):
 * a forwarding rule added (a port it listens on already refused before any request) and removed
 * (confirmed; the last one kept), droplets removed (confirmed), and a global load balancer's CDN
 * cache purged (a regional one refused with a message).
 */
import * as assert from 'node:assert/strict';
import type { TestingApi } from '../../src/extension';
import { assertDeclinedQuietly, extensionApi, fake, freshDemo, logShowing, nodeAt, runWithAnswers, writes } from './support/env';
import { fakeState } from './support/fakeState';

describe('Load balancer rules, droplets and cache', function () {
  this.timeout(60_000);
  let api: TestingApi;
  const node = () => nodeAt(api, 'Acme Web', 'Load balancers', 'web-lb');
  const lb = async () => (await fakeState()).loadBalancers.find((l) => l.name === 'web-lb')!;
  const rules = async () =>
    ((await lb()).forwarding_rules as { entry_protocol: string; entry_port: number; target_port: number }[]).map(
      (r) => `${r.entry_protocol}:${r.entry_port}>${r.target_port}`,
    );

  before(async () => {
    api = await extensionApi();
  });
  beforeEach(() => freshDemo(api));
  afterEach(() => api.setUserInput(undefined));

  it('adds a forwarding rule (a taken port refused before any request) and removes one after a confirmation, keeping the last', async () => {
    const before = await writes();
    const add = await runWithAnswers(api, 'digitalocean.loadBalancer.addRule', await node(), ['TCP', '80:8081', 'TCP', '5432:6432', 'Add tcp:5432 → tcp:6432']);
    assert.equal(add.remaining, 0, add.asked.join(' | '));
    assert.match(add.notices.join('\n'), /warning: web-lb listens on port 80 already \(http:80 → http:8080\)/);
    assert.equal((await writes()) - before, 1, 'one POST');
    assert.deepEqual(await rules(), ['https:443>8080', 'http:80>8080', 'tcp:5432>6432']);
    await logShowing(api, /Load balancer web-lb: rule tcp:5432 → tcp:6432 added/);

    const beforeRemove = await writes();
    assertDeclinedQuietly(
      await runWithAnswers(api, 'digitalocean.loadBalancer.removeRule', await node(), ['http:80 → http:8080', 'Cancel']),
      /^Remove http:80 → http:8080 from web-lb\?$/,
    );
    assert.equal(await writes(), beforeRemove, 'a declined confirmation sends nothing');
    await runWithAnswers(api, 'digitalocean.loadBalancer.removeRule', await node(), ['http:80 → http:8080', 'Remove']);
    await runWithAnswers(api, 'digitalocean.loadBalancer.removeRule', await node(), ['tcp:5432 → tcp:6432', 'Remove']);
    assert.deepEqual(await rules(), ['https:443>8080']);
    const last = await runWithAnswers(api, 'digitalocean.loadBalancer.removeRule', await node(), []);
    assert.match(last.notices.join('\n'), /error: .*web-lb has one forwarding rule: a load balancer needs at least one/);
  });

  it('removes droplets after a confirmation, keeping them running', async () => {
    const input = await runWithAnswers(api, 'digitalocean.loadBalancer.removeDroplets', await node(), [['web-1'], 'Remove']);
    assert.equal(input.remaining, 0, input.asked.join(' | '));
    assert.deepEqual(input.offered[0], ['$(vm) web-1', '$(vm) web-2']);
    assert.match(input.confirmations[0].detail, /keeps sending traffic to the 1 other droplets/);
    assert.deepEqual((await lb()).droplet_ids, [311000002]);
    assert.ok(
      (await fakeState()).droplets.some((d) => d.name === 'web-1'),
      'the droplet keeps running',
    );
  });

  it("purges a global load balancer's cache after a confirmation, and says a regional one has none", async () => {
    const before = await writes();
    const regional = await runWithAnswers(api, 'digitalocean.loadBalancer.purgeCache', await node(), []);
    assert.match(regional.notices.join('\n'), /error: .*web-lb is a regional load balancer: only global ones keep a CDN cache/);
    assert.equal(await writes(), before, 'nothing was sent');
    await fake.call('POST', '/__fake/patch', { collection: 'loadBalancers', where: { name: 'web-lb' }, set: { type: 'GLOBAL' } });
    const purge = await runWithAnswers(api, 'digitalocean.loadBalancer.purgeCache', await node(), ['Purge']);
    assert.equal(purge.remaining, 0, purge.asked.join(' | '));
    assert.match(purge.notices.join('\n'), /The cache of web-lb is purged/);
    assert.ok((await fake.log()).handled.some((r) => r.method === 'DELETE' && /\/cache$/.test(r.path) && r.status === 204));
  });
});
