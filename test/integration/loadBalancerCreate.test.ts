/**
 * Create Load Balancer in the real extension host against the fake (through Prism): the happy path
 * (nodes, HTTP and HTTPS with a certificate, a custom health check, sticky sessions, droplets of the
 * region, project) waited on until active; targets by tag; Back keeping the answers; bad input
 * refused before any request (names, nodes, ports, two rules on one port); a declined summary; the
 * API's refusal.
 */
import * as assert from 'node:assert/strict';
import type { TestingApi } from '../../src/extension';
import { extensionApi, fake, freshDemo, preselected, runWithAnswers, writes, logShowing } from './support/env';
import { fakeState } from './support/fakeState';
import { ACCEPT, BACK } from './support/scriptedInput';

describe('Create load balancer', function () {
  this.timeout(60_000);
  let api: TestingApi;
  const data = () => fakeState();
  const lb = async (name: string) => (await data()).loadBalancers.find((l) => l.name === name);
  const account = () => api.store.list()[0];

  before(async () => {
    api = await extensionApi();
  });
  beforeEach(() => freshDemo(api));
  afterEach(() => api.setUserInput(undefined));

  it('creates an HTTP and HTTPS load balancer for two droplets, waits until it is active, and places it in its project', async () => {
    const input = await runWithAnswers(api, 'digitalocean.loadBalancer.create', account(), [
      'app-lb',
      'nyc3',
      'default-nyc3',
      '2',
      'Add a forwarding rule…',
      'HTTPS',
      '443:8080',
      'acme-le',
      'Continue with 2 forwarding rules',
      'Another path or port…',
      '8080/healthz',
      'Sticky sessions by cookie',
      'Droplets in nyc3…',
      ['web-1', 'web-2'],
      'Data Platform',
      'Create app-lb',
    ]);
    assert.equal(input.remaining, 0, `asked: ${input.questions.join(' | ')}`);
    const made = await lb('app-lb');
    assert.ok(made, 'the load balancer is at the fake');
    const d = await data();
    const cert = d.certificates.find((c) => c.name === 'acme-le')!;
    assert.deepEqual(
      made.forwarding_rules.map((r) => [r.entry_protocol, r.entry_port, r.target_protocol, r.target_port, r.certificate_id]),
      [
        ['http', 80, 'http', 80, ''],
        ['https', 443, 'http', 8080, cert.id],
      ],
    );
    assert.deepEqual([made.size_unit, made.region?.slug, made.droplet_ids, made.sticky_sessions.type], [2, 'nyc3', [311000001, 311000002], 'cookies']);
    assert.deepEqual([made.health_check.protocol, made.health_check.port, made.health_check.path], ['http', 8080, '/healthz']);
    assert.equal(made.status, 'active', 'waited until active');
    const dataPlatform = d.projects.find((p) => p.name === 'Data Platform')!;
    assert.ok(d.projectResources[dataPlatform.id].some((r) => r.urn === `do:loadbalancer:${made.id}`));
    const summary = input.offeredItems.find((items) => items[0]?.label === 'Create app-lb')![0];
    assert.equal(summary.description, 'nyc3 · 2 nodes · $24/mo');
    assert.match(
      String(summary.detail),
      /HTTP 80 → HTTP 80 · HTTPS 443 → HTTP 8080 · certificate acme-le · health HTTP 8080\/healthz · sticky sessions · to 2 droplets/,
    );
    assert.match(input.notices.join('\n'), /Load balancer app-lb is active at 198\.51\.100\.\d+/);
  });

  it('targets a tag, and goes Back through the steps with the answers kept', async () => {
    const input = await runWithAnswers(api, 'digitalocean.loadBalancer.create', account(), [
      'tag-lb',
      'sfo3',
      'default-sfo3',
      '2',
      'Add a forwarding rule…',
      'TCP',
      '5432:5432',
      'Continue with 2 forwarding rules',
      'TCP on port 80',
      'No sticky sessions',
      'A tag…',
      'staging',
      'Acme Web',
      BACK,
      BACK,
      BACK,
      BACK,
      BACK,
      BACK, // summary → project → tag → by → sticky → health → rules
      BACK,
      BACK,
      BACK,
      BACK, // rules → nodes → VPC → region → name
      ACCEPT,
      'sfo3',
      'default-sfo3',
      ACCEPT,
      'TCP',
      'Remove TCP',
      'Continue with 1 forwarding rule',
      'TCP on port 80',
      'No sticky sessions',
      'A tag…',
      'staging',
      'Acme Web',
      'Create tag-lb',
    ]);
    assert.equal(input.remaining, 0, `asked: ${input.questions.join(' | ')}`);
    const made = await lb('tag-lb');
    assert.deepEqual(
      [made?.tag, made?.droplet_ids, made?.size_unit, made?.region?.slug, made?.forwarding_rules.length, made?.health_check.protocol],
      ['staging', [311000006], 2, 'sfo3', 1, 'tcp'],
    );
    assert.deepEqual(preselected(input, 'A tag…', 1), ['A tag…'], 'the kind of target kept');
    assert.deepEqual(preselected(input, 'staging', 1), ['staging'], 'the tag kept');
    assert.deepEqual(preselected(input, 'sfo3', 1), ['sfo3'], 'the region kept');
    assert.deepEqual(preselected(input, 'No sticky sessions', 1), ['No sticky sessions']);
  });

  it('refuses bad input before any request, two rules on one port, and sends nothing when the summary is declined', async () => {
    const before = await writes();
    const tries: [(string | string[] | undefined)[], RegExp][] = [
      [['-lb'], /starting with a letter or digit/],
      [['web-lb'], /has a load balancer named web-lb already/],
      [['ok-lb', 'nyc3', 'default-nyc3', '0'], /Nodes: from 1 to 100/],
      [['ok-lb', 'nyc3', 'default-nyc3', '101'], /Nodes: from 1 to 100/],
      [['ok-lb', 'nyc3', 'default-nyc3', '1', 'Add a forwarding rule…', 'TCP', '443'], /entry:target/],
      [['ok-lb', 'nyc3', 'default-nyc3', '1', 'Add a forwarding rule…', 'TCP', '70000:80'], /The entry port: from 1 to 65535/],
      [['ok-lb', 'nyc3', 'default-nyc3', '1', 'Continue with 1 forwarding rule', 'Another path or port…', 'healthz'], /A port, optionally followed by a path/],
    ];
    for (const [answers, message] of tries) {
      const input = await runWithAnswers(api, 'digitalocean.loadBalancer.create', account(), answers);
      assert.match(input.rejections.join('\n'), message, answers.join(' → '));
    }
    const twice = await runWithAnswers(api, 'digitalocean.loadBalancer.create', account(), [
      'ok-lb',
      'nyc3',
      'default-nyc3',
      '1',
      'Add a forwarding rule…',
      'TCP',
      '80:8080',
      'Continue with 2 forwarding rules',
      undefined,
    ]);
    assert.match(twice.notices.join('\n'), /Two rules listen on port 80/);
    const declined = await runWithAnswers(api, 'digitalocean.loadBalancer.create', account(), [
      'ok-lb',
      'nyc3',
      'default-nyc3',
      '1',
      'Continue with 1 forwarding rule',
      'HTTP GET /',
      'No sticky',
      'Droplets in nyc3…',
      [],
      'Acme Web',
      undefined,
    ]);
    assert.deepEqual([declined.remaining, declined.rejections], [0, []], 'the summary was reached and declined');
    assert.equal(await writes(), before, 'nothing was sent');
    assert.equal(await lb('ok-lb'), undefined);
  });

  it("shows the API's refusal with its message and request id", async () => {
    await fake.refuse('POST', '/v2/load_balancers', {
      status: 422,
      id: 'unprocessable_entity',
      message: 'load balancer limit reached',
      requestId: 'req-lb-refused',
    });
    await runWithAnswers(api, 'digitalocean.loadBalancer.create', account(), [
      'no-lb',
      'nyc3',
      'default-nyc3',
      '1',
      'Continue with 1 forwarding rule',
      'HTTP GET /',
      'No sticky',
      'Droplets in nyc3…',
      [],
      'Acme Web',
      'Create no-lb',
    ]);
    assert.equal(await lb('no-lb'), undefined);
    await logShowing(api, /Create load balancer failed: load balancer limit reached \(HTTP 422 unprocessable_entity, request id req-lb-refused\)/);
  });
});
