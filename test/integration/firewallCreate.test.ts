/**
 * Firewalls in the real extension host against the fake (through Prism): Create Firewall with
 * presets, custom ports and every kind of source (addresses, droplets, tags, load balancers),
 * changing a rule, Back (inside a rule too) keeping the answers, bad input refused before any
 * request, a declined summary, the API's refusal; then droplets and tags added to and removed
 * from a firewall — from the firewall and from a droplet — and a half-done removal said as such.
 */
import * as assert from 'node:assert/strict';
import type { TestingApi } from '../../src/extension';
import { extensionApi, fake, freshDemo, preselected, runWithAnswers, writes, logShowing } from './support/env';
import { fakeState } from './support/fakeState';
import { ACCEPT, BACK } from './support/scriptedInput';

const ANYWHERE = { addresses: ['0.0.0.0/0', '::/0'] };

describe('Firewalls: create, and add or remove droplets and tags', function () {
  this.timeout(60_000);
  let api: TestingApi;
  const data = () => fakeState();
  const fw = async (name: string) => (await data()).firewalls.find((f) => f.name === name);
  const account = () => api.store.list()[0];

  before(async () => {
    api = await extensionApi();
  });
  beforeEach(() => freshDemo(api));
  afterEach(() => api.setUserInput(undefined));

  it('creates a firewall from presets, custom ports and every kind of source, with a rule changed on the way', async () => {
    const input = await runWithAnswers(api, 'digitalocean.firewall.create', account(), [
      'app-fw',
      'Add an inbound rule…',
      'HTTPS',
      ['web-lb'],
      'Add an inbound rule…',
      'Custom TCP',
      '8000-8100',
      ['Addresses…', '$(tag) web'],
      '10.0.0.0/8, 2001:db8::/32',
      'SSH',
      'Change SSH…',
      'SSH',
      ['bastion'], // SSH only from the bastion now
      'Continue with 3 inbound rules',
      'Continue with 3 outbound rules',
      ['web-1', '$(tag) worker'],
      'Create app-fw',
    ]);
    assert.equal(input.remaining, 0, `asked: ${input.questions.join(' | ')}`);
    const made = await fw('app-fw');
    assert.ok(made, 'the firewall is at the fake');
    const lb = (await data()).loadBalancers.find((l) => l.name === 'web-lb')!;
    assert.deepEqual(made.inbound_rules, [
      { protocol: 'tcp', ports: '22', sources: { droplet_ids: [311000005] } },
      { protocol: 'tcp', ports: '443', sources: { load_balancer_uids: [lb.id] } },
      { protocol: 'tcp', ports: '8000-8100', sources: { addresses: ['10.0.0.0/8', '2001:db8::/32'], tags: ['web'] } },
    ]);
    assert.deepEqual(made.outbound_rules, [
      { protocol: 'tcp', ports: '0', destinations: ANYWHERE },
      { protocol: 'udp', ports: '0', destinations: ANYWHERE },
      { protocol: 'icmp', ports: '0', destinations: ANYWHERE },
    ]);
    assert.deepEqual([made.droplet_ids, made.tags], [[311000001], ['worker']]);
    const summary = input.offeredItems.find((items) => items[0]?.label === 'Create app-fw')![0];
    assert.equal(summary.description, '3 inbound rules · 3 outbound rules · 1 droplet, tags worker · free');
    assert.match(
      String(summary.detail),
      /in: TCP 22 from bastion · in: TCP 443 from load balancer web-lb · in: TCP 8000-8100 from 10\.0\.0\.0\/8, 2001:db8::\/32, tag web · out: TCP all ports to anywhere/,
    );
  });

  it('goes Back through the steps and out of a rule, with the answers kept', async () => {
    const input = await runWithAnswers(api, 'digitalocean.firewall.create', account(), [
      'back-fw',
      'Add an inbound rule…',
      'HTTP',
      ['All IPv4'],
      BACK, // the inbound list → the name
      ACCEPT,
      'Add an inbound rule…',
      BACK, // Back at a new rule's first prompt: the list again, nothing added
      'HTTP',
      'Change HTTP…',
      'HTTP',
      BACK,
      'HTTP',
      ['All IPv4', 'All IPv6'], // Back inside a rule, then on again
      'Continue with 2 inbound rules',
      'ICMP',
      'Remove ICMP',
      'Continue with 2 outbound rules',
      ['staging-app'],
      BACK,
      BACK, // summary → targets → outbound list
      'Continue with 2 outbound rules',
      ['staging-app'],
      'Create back-fw',
    ]);
    assert.equal(input.remaining, 0, `asked: ${input.questions.join(' | ')}`);
    const made = await fw('back-fw');
    assert.deepEqual(
      made?.inbound_rules?.map((r) => [r.ports, r.sources]),
      [
        ['22', ANYWHERE],
        ['80', ANYWHERE],
      ],
    );
    assert.deepEqual(
      made?.outbound_rules?.map((r) => r.protocol),
      ['tcp', 'udp'],
    );
    assert.deepEqual(made?.droplet_ids, [311000006]);
    assert.deepEqual(preselected(input, 'All IPv4', 1), ['All IPv4'], 'the sources of the rule were kept when it was changed');
    assert.deepEqual(preselected(input, 'HTTPS', 2), ['HTTP'], 'the preset of the rule kept after Back inside it');
    assert.ok(preselected(input, '$(tag) web', 3)?.includes('$(vm) staging-app'), 'the targets kept');
  });

  it('refuses bad input before any request, asks again for a rule with no source, and sends nothing when the summary is declined', async () => {
    const before = await writes();
    const tries: [(string | string[] | undefined)[], RegExp][] = [
      [['a'], /At least two characters/],
      [['-fw'], /starting with a letter or digit/],
      [['ok-fw', 'Add an inbound rule…', 'Custom UDP', '70000'], /is not a port/],
      [['ok-fw', 'Add an inbound rule…', 'Custom TCP', '9000-8000'], /is not a port/],
      [['ok-fw', 'Add an inbound rule…', 'HTTP', ['Addresses…'], '203.0.113.7, not-an-ip'], /not-an-ip is not an IPv4 or IPv6 address/],
      [['ok-fw', 'Add an inbound rule…', 'HTTP', ['Addresses…'], '203.0.113.0/33'], /prefix is at most \/32/],
    ];
    for (const [answers, message] of tries) {
      const input = await runWithAnswers(api, 'digitalocean.firewall.create', account(), answers);
      assert.match(input.rejections.join('\n'), message, answers.join(' → '));
    }
    const empty = await runWithAnswers(api, 'digitalocean.firewall.create', account(), [
      'ok-fw',
      'Add an inbound rule…',
      'HTTP',
      [],
      ['All IPv4'],
      'Continue with 2 inbound rules',
      'Continue with 3 outbound rules',
      [],
      undefined,
    ]);
    assert.equal(empty.remaining, 0);
    assert.match(empty.notices.join('\n'), /Choose at least one source/);
    assert.equal(await writes(), before, 'nothing was sent');
    assert.equal(await fw('ok-fw'), undefined);
  });

  it("shows the API's refusal with its message and request id", async () => {
    await fake.refuse('POST', '/v2/firewalls', { status: 400, id: 'bad_request', message: 'firewall limit reached', requestId: 'req-fw-refused' });
    await runWithAnswers(api, 'digitalocean.firewall.create', account(), [
      'no-fw',
      'Continue with 1 inbound rule',
      'Continue with 3 outbound rules',
      [],
      'Create no-fw',
    ]);
    assert.equal(await fw('no-fw'), undefined);
    await logShowing(api, /Create firewall failed: firewall limit reached \(HTTP 400 bad_request, request id req-fw-refused\)/);
  });

  it('adds and removes droplets and tags from the firewall and from a droplet; a half-done removal says which half', async () => {
    await runWithAnswers(api, 'digitalocean.firewall.addTargets', undefined, ['ssh-bastion-only', ['worker-1', '$(tag) staging']]);
    let bastionOnly = await fw('ssh-bastion-only');
    assert.deepEqual([bastionOnly?.droplet_ids, bastionOnly?.tags], [[311000005, 311000003], ['staging']]);

    const removeWeb2 = await runWithAnswers(api, 'digitalocean.droplet.removeFromFirewall', undefined, ['web-2', 'web-public', 'Remove']);
    assert.deepEqual(removeWeb2.offered[1], ['web-public'], 'only the firewalls it is in');
    assert.deepEqual((await fw('web-public'))?.droplet_ids, [311000001]);

    const addBastion = await runWithAnswers(api, 'digitalocean.droplet.addToFirewall', undefined, ['bastion', 'web-public']);
    assert.deepEqual(addBastion.offered[1], ['web-public'], 'not the firewalls it is in already');
    assert.deepEqual((await fw('web-public'))?.droplet_ids, [311000001, 311000005]);

    const declined = await writes();
    await runWithAnswers(api, 'digitalocean.firewall.removeTargets', undefined, ['ssh-bastion-only', ['worker-1'], 'Cancel']);
    assert.equal(await writes(), declined, 'a declined confirmation sends nothing');

    bastionOnly = await fw('ssh-bastion-only');
    await fake.refuse('DELETE', `/v2/firewalls/${bastionOnly!.id}/tags`, {
      status: 500,
      id: 'server_error',
      message: 'tag service unavailable',
      requestId: 'req-fw-tags',
      times: 10,
    });
    await runWithAnswers(api, 'digitalocean.firewall.removeTargets', undefined, ['ssh-bastion-only', ['worker-1', '$(tag) staging'], 'Remove']);
    bastionOnly = await fw('ssh-bastion-only');
    assert.deepEqual([bastionOnly?.droplet_ids, bastionOnly?.tags], [[311000005], ['staging']], 'the droplet went, the tag stayed');
    await logShowing(
      api,
      /The droplets were removed from ssh-bastion-only, but the tags were not: tag service unavailable \(HTTP 500 server_error, request id req-fw-tags\)/,
    );
  });
});
