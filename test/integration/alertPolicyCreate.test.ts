/**
 * Create Alert Policy in the real extension host against the fake (through Prism): from a droplet's
 * context (it is preselected) to email and Slack, shown in the view under Account-wide; Back
 * keeping the metric, threshold and targets; a percentage above 100 and a policy watching nothing
 * refused before any request; a declined summary; the API's refusal.
 */
import * as assert from 'node:assert/strict';
import type { TestingApi } from '../../src/extension';
import type { ExplorerNode } from '../../src/tree/nodes/base';
import { eventually, extensionApi, fake, freshDemo, nodeAt, preselected, runWithAnswers, writes, logShowing } from './support/env';
import { fakeState } from './support/fakeState';
import { ACCEPT, BACK, REJECT } from './support/scriptedInput';

const WEBHOOK = 'https://hooks.slack.com/services/T000/B000/alert-policy-secret';

describe('Create alert policy', function () {
  this.timeout(60_000);
  let api: TestingApi;
  const policies = async () => (await fakeState()).alertPolicies;
  const account = () => api.store.list()[0];
  const label = (n: ExplorerNode) => String(n.toTreeItem().label);

  before(async () => {
    api = await extensionApi();
  });
  beforeEach(() => freshDemo(api));
  afterEach(() => api.setUserInput(undefined));

  it("alerts on a droplet's memory from its context menu, by email and Slack, and shows the policy in the view", async () => {
    const web2 = await nodeAt(api, 'Acme Web', 'Droplets', 'web-2');
    const input = await runWithAnswers(api, 'digitalocean.alertPolicy.create', web2, [
      'Memory',
      'Above…',
      '90',
      '10m',
      ['web-2', '$(tag) worker'],
      ['Email', 'Slack…'],
      '#ops',
      WEBHOOK,
      ACCEPT,
      'Create “Memory > 90 % for 10m on web-2, tag worker”',
    ]);
    assert.equal(input.remaining, 0, `asked: ${input.questions.join(' | ')}`);
    assert.deepEqual(preselected(input, '$(vm) web-2', 0), ['$(vm) web-2'], 'the droplet it was run on is preselected');
    const made = (await policies()).find((p) => p.description === 'Memory > 90 % for 10m on web-2, tag worker');
    assert.ok(made, 'the policy is at the fake');
    assert.deepEqual(
      [made.type, made.compare, made.value, made.window, made.entities, made.tags, made.alerts],
      [
        'v1/insights/droplet/memory_utilization_percent',
        'GreaterThan',
        90,
        '10m',
        ['311000002'],
        ['worker'],
        { email: [account().email], slack: [{ channel: '#ops', url: WEBHOOK }] },
      ],
    );
    const log = await logShowing(
      api,
      /Create alert policy “Memory > 90 % for 10m on web-2, tag worker” \(Memory > 90 % for 10m\): started[^]*Create alert policy “Memory > 90 % for 10m on web-2, tag worker”: created/,
    );
    assert.ok(!log.includes('alert-policy-secret'), 'the webhook is in no log');
    const shown = await eventually('the policy under Account-wide', async () =>
      (await api.explorer.getChildren(await nodeAt(api, 'Account-wide', 'Alert policies'))).map(label),
    );
    assert.ok(shown.includes('Memory > 90 % for 10m on web-2, tag worker'), shown.join(', '));
  });

  it('goes Back with the metric, threshold and targets kept', async () => {
    const input = await runWithAnswers(api, 'digitalocean.alertPolicy.create', account(), [
      'Disk usage',
      'Below…',
      '75',
      '30m',
      ['$(tag) data'],
      ['Email'],
      BACK,
      BACK,
      BACK,
      BACK,
      BACK,
      BACK, // description → notify → targets → window → threshold → compare → metric
      'Disk usage',
      'Below…',
      ACCEPT,
      '30m',
      ['$(tag) data'],
      ['Email'],
      'disk filling up',
      'Create “disk filling up”',
    ]);
    assert.equal(input.remaining, 0, `asked: ${input.questions.join(' | ')}`);
    assert.deepEqual(preselected(input, '$(tag) data', 1), ['$(tag) data']);
    assert.deepEqual(preselected(input, '30m', 1), ['30m']);
    const made = (await policies()).find((p) => p.description === 'disk filling up');
    assert.deepEqual(preselected(input, 'Disk usage', 1), ['Disk usage'], 'the metric kept');
    assert.deepEqual(preselected(input, 'Below…', 1), ['Below…'], 'the comparison kept');
    assert.deepEqual(
      [made?.type, made?.compare, made?.value, made?.window, made?.tags],
      ['v1/insights/droplet/disk_utilization_percent', 'LessThan', 75, '30m', ['data']],
    );
  });

  it('refuses a percentage above 100 and a policy that watches nothing before any request; a declined summary sends nothing', async () => {
    const before = await writes();
    const tooMuch = await runWithAnswers(api, 'digitalocean.alertPolicy.create', account(), ['CPU', 'Above…', '120']);
    assert.match(tooMuch.rejections.join('\n'), /A percentage is at most 100/);
    const notANumber = await runWithAnswers(api, 'digitalocean.alertPolicy.create', account(), ['Load (5 min)', 'Above…', 'lots']);
    assert.match(notANumber.rejections.join('\n'), /A number/);
    const nothing = await runWithAnswers(api, 'digitalocean.alertPolicy.create', account(), [
      'CPU',
      'Above…',
      ACCEPT,
      '5m',
      [],
      ['worker-1'],
      ['Email'],
      ACCEPT,
      undefined,
    ]);
    assert.match(nothing.notices.join('\n'), /at least one droplet or tag/);
    assert.deepEqual([nothing.remaining, nothing.rejections], [0, []], 'the summary was reached and declined');
    assert.equal(await writes(), before, 'nothing was sent');
  });

  it("alerts on a load balancer's p99 response time from its context menu (only its metrics offered) and on database clusters' CPU", async () => {
    const lb = await nodeAt(api, 'Acme Web', 'Load balancers', 'web-lb');
    const input = await runWithAnswers(api, 'digitalocean.alertPolicy.create', lb, [
      'Load balancer response time (p99)',
      'Above…',
      '750',
      '10m',
      ['web-lb'],
      ['Email'],
      ACCEPT,
      'Create “Load balancer response time (p99) > 750 ms for 10m on web-lb”',
    ]);
    assert.equal(input.remaining, 0, `asked: ${input.questions.join(' | ')}`);
    assert.ok(
      input.offered[0].every((m) => m.startsWith('Load balancer')),
      `a load balancer's metrics only: ${input.offered[0].join(', ')}`,
    );
    assert.deepEqual(preselected(input, '$(server-process) web-lb', 0), ['$(server-process) web-lb'], 'the load balancer it was run on is preselected');
    const lbState = (await fakeState()).loadBalancers.find((l) => l.name === 'web-lb')!;
    const lbItem = input.offeredItems.flat().find((i) => i.label === '$(server-process) web-lb');
    assert.equal(lbItem?.description, lbState.region?.slug, 'each with its region');
    const lbId = lbState.id;
    const made = (await policies()).find((p) => p.type === 'v1/insights/lbaas/high_http_request_response_time_99p');
    assert.deepEqual([made?.compare, made?.value, made?.window, made?.entities, made?.tags], ['GreaterThan', 750, '10m', [lbId], []]);
    const shown = await eventually('the policy under Account-wide', async () => {
      const nodes = await api.explorer.getChildren(await nodeAt(api, 'Account-wide', 'Alert policies'));
      return nodes.find((n) => label(n) === made?.description);
    });
    assert.match(String(shown.toTreeItem().description), /1 load balancer/);

    // from the account: every kind's metrics; a database metric lists the clusters
    const db = await runWithAnswers(api, 'digitalocean.alertPolicy.create', account(), [
      'Database CPU',
      'Above…',
      '90',
      '5m',
      ['main-pg', 'shop-mysql'],
      ['Email'],
      'databases busy',
      'Create “databases busy”',
    ]);
    assert.equal(db.remaining, 0, `asked: ${db.questions.join(' | ')}`);
    assert.ok(db.offered[0].includes('CPU') && db.offered[0].includes('Autoscale pool CPU'), db.offered[0].join(', '));
    assert.ok(!db.offered[4].some((l) => /\$\(tag\)/.test(l)), 'no tags for database policies');
    const state = await fakeState();
    const ids = ['main-pg', 'shop-mysql'].map((n) => state.databases.find((d) => d.name === n)!.id);
    const dbPolicy = state.alertPolicies.find((p) => p.description === 'databases busy');
    assert.deepEqual([dbPolicy?.type, dbPolicy?.entities], ['v1/dbaas/alerts/cpu_alerts', ids]);
  });

  it("shows the API's refusal with its message and request id", async () => {
    await fake.refuse('POST', '/v2/monitoring/alerts', {
      status: 422,
      id: 'unprocessable_entity',
      message: 'alert policy limit reached',
      requestId: 'req-policy-refused',
    });
    await runWithAnswers(api, 'digitalocean.alertPolicy.create', account(), [
      'CPU',
      'Above…',
      ACCEPT,
      '5m',
      ['worker-1'],
      ['Email'],
      'refused policy',
      'Create “refused policy”',
    ]);
    assert.ok(!(await policies()).some((p) => p.description === 'refused policy'));
    await logShowing(api, /Create alert policy failed: alert policy limit reached \(HTTP 422 unprocessable_entity, request id req-policy-refused\)/);
  });

  it('edits a policy read fresh (before → after, sent whole), then disables and enables it', async () => {
    const node = await nodeAt(api, 'Account-wide', 'Alert policies', 'web CPU high');
    await fake.call('POST', '/__fake/log/clear');
    const input = await runWithAnswers(api, 'digitalocean.alertPolicy.edit', node, [
      'Above…',
      REJECT('101'),
      '92.5',
      '30m',
      'web CPU very high',
      'Save “web CPU very high”',
    ]);
    assert.equal(input.remaining, 0, `asked: ${input.questions.join(' | ')}`);
    assert.equal(input.offeredItems[input.offeredItems.length - 1][0].description, 'CPU > 85 % for 10m → CPU > 92.5 % for 30m');
    const [edited] = await policies();
    assert.deepEqual(
      [edited.description, edited.compare, edited.value, edited.window, edited.tags, edited.alerts.email, edited.enabled],
      ['web CPU very high', 'GreaterThan', 92.5, '30m', ['web'], [account().email], true],
      'the rest of the policy kept',
    );
    const { handled } = await fake.log();
    assert.ok(
      handled.some((h) => h.method === 'GET' && h.path === `/v2/monitoring/alerts/${edited.uuid}`),
      'read fresh',
    );
    await eventually('the node to show the change', async () =>
      (await api.explorer.getChildren(await nodeAt(api, 'Account-wide', 'Alert policies'))).map(label).includes('web CPU very high'),
    );

    await runWithAnswers(api, 'digitalocean.alertPolicy.disable', await nodeAt(api, 'Account-wide', 'Alert policies', 'web CPU very high'), []);
    assert.equal((await policies())[0].enabled, false);
    const disabled = await nodeAt(api, 'Account-wide', 'Alert policies', 'web CPU very high');
    assert.match(String(disabled.toTreeItem().contextValue), /^resource\.alert_policy\.disabled\./, 'the menu offers Enable now');
    await runWithAnswers(api, 'digitalocean.alertPolicy.enable', disabled, []);
    assert.equal((await policies())[0].enabled, true);
    assert.equal((await policies())[0].value, 92.5, 'enabling changes nothing else');
  });
});
