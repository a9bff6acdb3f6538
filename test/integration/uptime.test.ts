/**
 * Uptime checks after they exist, in the real extension host against the fake (through Prism):
 * an expanded check shows its state (read then, per region, with the 30-day uptime and the last
 * outage; a disabled check is not asked about) and its alerts; Edit (name, target, regions:
 * each checked before any request, the check read fresh and sent back whole); Disable (confirmed)
 * and Enable; Add Alert; Edit Alert (the Slack webhook kept without being asked again or shown);
 * Delete of an alert; the API's refusal shown with its message.
 */
import * as assert from 'node:assert/strict';
import type { TestingApi } from '../../src/extension';
import type { ExplorerNode } from '../../src/tree/nodes/base';
import { eventually, extensionApi, fake, freshDemo, logShowing, nodeAt, runWithAnswers, writes } from './support/env';
import { fakeState } from './support/fakeState';
import { ACCEPT, KEEP, REJECT } from './support/scriptedInput';

const WEBHOOK = 'https://hooks.slack.com/services/T000/B000/uptime-edit-secret-77';

describe('Uptime checks', function () {
  this.timeout(60_000);
  let api: TestingApi;
  const account = () => api.store.list()[0];
  const label = (n: ExplorerNode) => String(n.toTreeItem().label);
  const checkNamed = async (name: string) => (await fakeState()).uptimeChecks.find((c) => c.name === name)!;
  const alertsOf = async (name: string) => (await fakeState()).uptimeAlerts[(await checkNamed(name)).id];
  const check = (name: string) => nodeAt(api, 'Account-wide', 'Uptime checks', name);
  const childrenOf = async (name: string) => api.explorer.getChildren(await check(name));
  const requests = async (method: string, pattern: RegExp) => (await fake.log()).handled.filter((h) => h.method === method && pattern.test(h.path));

  before(async () => {
    api = await extensionApi();
  });
  beforeEach(() => freshDemo(api));
  afterEach(() => api.setUserInput(undefined));

  it("shows a check's state and alerts when expanded; down from a region; a disabled one is not asked", async () => {
    const states = async () => (await requests('GET', /^\/v2\/uptime\/checks\/[^/]+\/state$/)).length;
    const before = await states();
    assert.equal(before, 0, 'nothing asked for a state before a check is expanded');
    const [state, alert] = await childrenOf('www');
    const stateItem = state.toTreeItem();
    assert.equal(stateItem.label, 'Up');
    assert.match(String(stateItem.description), /^99\.98% over 30 days · last outage 3 days ago \(US East\)$/);
    assert.equal((stateItem.iconPath as { id: string }).id, 'pass');
    assert.equal(label(alert), 'www down');
    assert.equal(alert.toTreeItem().description, `down for 2m · ${account().email}`);
    assert.match(String(alert.toTreeItem().contextValue), /^resource\.uptime_alert\..*deletable/);
    assert.equal(await states(), 1);

    await fake.call('POST', '/__fake/patch', { collection: 'uptimeChecks', where: { name: 'www' }, set: { target: 'https://down.acme.example' } });
    api.model.forget(account());
    const [down] = await childrenOf('www');
    assert.equal(down.toTreeItem().label, 'Down from US East');
    assert.match(String(down.toTreeItem().description), /^97\.50% over 30 days/, 'the worst region');
    assert.equal((down.toTreeItem().iconPath as { id: string }).id, 'error');

    await fake.call('POST', '/__fake/patch', { collection: 'uptimeChecks', where: { name: 'www' }, set: { enabled: false } });
    api.model.forget(account());
    const asked = await states();
    const [disabled] = await childrenOf('www');
    assert.equal(disabled.toTreeItem().label, 'Disabled');
    assert.equal(await states(), asked, 'a disabled check is not asked for its state');
  });

  it('edits the name, target and regions: checked before any request, the check sent back whole', async () => {
    const before = await writes();
    const refused = await runWithAnswers(api, 'digitalocean.uptime.edit', await check('www'), [
      'Name',
      REJECT(''),
      REJECT('api health'),
      REJECT('www'),
      undefined,
    ]);
    assert.deepEqual(
      refused.rejections.map((r) => r.replace(/ .*/, '')),
      ['A', 'A', 'That'],
    );
    assert.match(refused.rejections[1], /exists already/);
    const badTarget = await runWithAnswers(api, 'digitalocean.uptime.edit', await check('www'), [
      'Target',
      REJECT('http://www.acme.example'),
      REJECT('not a url'),
      undefined,
    ]);
    assert.match(badTarget.rejections[0], /An HTTPS check watches a https:\/\/ URL/);
    assert.equal(await writes(), before, 'nothing sent');

    await runWithAnswers(api, 'digitalocean.uptime.edit', await check('www'), ['Target', 'https://www.acme.example/healthz']);
    let stored = await checkNamed('www');
    assert.deepEqual([stored.target, stored.regions, stored.enabled, stored.type], ['https://www.acme.example/healthz', ['us_east', 'eu_west'], true, 'https']);
    // the PUT carried the whole check: read fresh first (another change made meanwhile is kept)
    await fake.call('POST', '/__fake/patch', { collection: 'uptimeChecks', where: { name: 'www' }, set: { regions: ['us_west'] } });
    await runWithAnswers(api, 'digitalocean.uptime.edit', await check('www'), ['Name', 'www-main']);
    stored = await checkNamed('www-main');
    assert.deepEqual([stored.target, stored.regions], ['https://www.acme.example/healthz', ['us_west']], 'the change made elsewhere is not undone');

    const regions = await runWithAnswers(api, 'digitalocean.uptime.edit', await check('www-main'), ['Regions', [], ['US East', 'Southeast Asia']]);
    assert.match(regions.notices.join('\n'), /Choose at least one region/);
    assert.deepEqual((await checkNamed('www-main')).regions, ['us_east', 'se_asia']);
    const puts = await requests('PUT', /^\/v2\/uptime\/checks\/[^/]+$/);
    assert.deepEqual(
      puts.map((p) => p.status),
      [200, 200, 200],
    );
    await logShowing(api, /Uptime check www-main: regions changed/);
  });

  it('disables after a confirmation and enables again; the menus follow the state', async () => {
    const node = await check('api health');
    assert.match(String(node.toTreeItem().contextValue), /^resource\.uptime_check\.enabled\./);
    const before = await writes();
    await runWithAnswers(api, 'digitalocean.uptime.disable', node, [undefined]);
    assert.equal(await writes(), before, 'declined: nothing sent');
    const disable = await runWithAnswers(api, 'digitalocean.uptime.disable', node, ['Disable']);
    assert.match(disable.confirmations[0].detail, /is not checked, and its alerts do not fire/);
    assert.equal((await checkNamed('api health')).enabled, false);
    const shown = await eventually('the check shown disabled', async () => {
      const n = await check('api health');
      return /^resource\.uptime_check\.disabled\./.test(String(n.toTreeItem().contextValue)) ? n : undefined;
    });
    assert.match(String(shown.toTreeItem().description), /disabled$/);
    await runWithAnswers(api, 'digitalocean.uptime.enable', shown, []);
    assert.equal((await checkNamed('api health')).enabled, true);
    assert.deepEqual(await alertsOf('api health').then((a) => a.map((x) => x.name)), ['api health down'], 'its alerts stay');
  });

  it('adds an alert, edits it keeping its Slack webhook unasked, and deletes it', async () => {
    const add = await runWithAnswers(api, 'digitalocean.uptime.addAlert', await check('www'), [
      'Slow',
      REJECT('0'),
      '800',
      '5m',
      ['Slack…'],
      '#ops',
      WEBHOOK,
      'Add',
    ]);
    assert.equal(add.remaining, 0, add.questions.join(' | '));
    assert.match(add.confirmations[0].detail, /Slow: > 800 ms · for 5m · Slack #ops/);
    let alerts = await alertsOf('www');
    assert.deepEqual(
      alerts.map((a) => [a.name, a.type, a.threshold, a.period, a.notifications.email, a.notifications.slack]),
      [
        ['www down', 'down', 0, '2m', [account().email], []],
        ['www slow', 'latency', 800, '5m', [], [{ channel: '#ops', url: WEBHOOK }]],
      ],
    );

    const slow = await eventually('the new alert under the check', async () => (await childrenOf('www')).find((n) => label(n) === 'www slow'));
    assert.equal(slow.toTreeItem().description, 'slow > 800 ms for 5m · Slack #ops');
    const tooltip = String((slow.toTreeItem().tooltip as { value?: string })?.value);
    assert.ok(!tooltip.includes('uptime-edit-secret'), 'the webhook is not in the tooltip');

    // the threshold and the period change; the channel is kept, its webhook not asked again
    const edit = await runWithAnswers(api, 'digitalocean.uptime.editAlert', slow, [KEEP, '1500', '10m', ['Slack…'], ACCEPT]);
    assert.equal(edit.remaining, 0, edit.questions.join(' | '));
    assert.ok(!edit.questions.some((q) => /webhook/i.test(q)), 'the webhook was not asked');
    alerts = await alertsOf('www');
    assert.deepEqual(
      alerts.map((a) => [a.name, a.threshold, a.period, a.notifications.slack]),
      [
        ['www down', 0, '2m', []],
        ['www slow', 1500, '10m', [{ channel: '#ops', url: WEBHOOK }]],
      ],
    );
    const log = await logShowing(api, /alert www slow updated \(latency, 10m\)/);
    assert.ok(!log.includes('uptime-edit-secret'), 'the webhook is not in the log');

    const edited = await eventually('the edited alert', async () =>
      (await childrenOf('www')).find((n) => label(n) === 'www slow' && /1500/.test(String(n.toTreeItem().description))),
    );
    await runWithAnswers(api, 'digitalocean.resource.delete', edited, ['Delete']);
    await eventually('the alert gone', async () => ((await alertsOf('www')).length === 1 ? true : undefined));
    await eventually('the alert gone from the view', async () => ((await childrenOf('www')).some((n) => label(n) === 'www slow') ? undefined : true));
  });

  it("shows the API's refusal of an edit with its message and request id; the alert stays as it was", async () => {
    const [, alert] = await childrenOf('api health');
    const id = (await alertsOf('api health'))[0].id;
    await fake.refuse('PUT', `/v2/uptime/checks/${(await checkNamed('api health')).id}/alerts/${id}`, {
      status: 422,
      id: 'unprocessable_entity',
      message: 'alert period is not allowed for this plan',
      requestId: 'req-uptime-refused',
    });
    await runWithAnswers(api, 'digitalocean.uptime.editAlert', alert, [KEEP, '1h', KEEP]);
    await logShowing(
      api,
      /Edit uptime alert failed: alert period is not allowed for this plan \(HTTP 422 unprocessable_entity, request id req-uptime-refused\)/,
    );
    assert.equal((await alertsOf('api health'))[0].period, '2m');
  });

  it('deletes a check, and its alerts with it', async () => {
    const id = (await checkNamed('api health')).id;
    await runWithAnswers(api, 'digitalocean.resource.delete', await check('api health'), ['Delete']);
    const state = await fakeState();
    assert.ok(!state.uptimeChecks.some((c) => c.id === id));
    assert.equal(state.uptimeAlerts[id], undefined, 'its alerts went with it');
    await eventually('the check gone from the view', async () =>
      (await api.explorer.getChildren(await nodeAt(api, 'Account-wide', 'Uptime checks'))).some((n) => label(n) === 'api health') ? undefined : true,
    );
  });
});
