/**
 * Create Uptime Check in the real extension host against the fake (through Prism): an HTTPS check
 * with a down alert by email and a latency alert to Slack (the webhook asked in a password box and
 * logged nowhere); switching to HTTP after Back keeps the address and drops the certificate
 * alert; bad targets and thresholds refused before any request; a declined summary; an alert the
 * API refuses after the check exists reported as such, the check kept.
 */
import * as assert from 'node:assert/strict';
import type { TestingApi } from '../../src/extension';
import { extensionApi, fake, freshDemo, runWithAnswers, writes, logShowing } from './support/env';
import { fakeState } from './support/fakeState';
import { ACCEPT, BACK } from './support/scriptedInput';

const WEBHOOK = 'https://hooks.slack.com/services/T000/B000/not-a-real-secret-42';

describe('Create uptime check', function () {
  this.timeout(60_000);
  let api: TestingApi;
  const data = () => fakeState();
  const check = async (name: string) => {
    const d = await data();
    const c = d.uptimeChecks.find((x) => x.name === name);
    return c && { ...c, alerts: d.uptimeAlerts[c.id] };
  };
  const account = () => api.store.list()[0];

  before(async () => {
    api = await extensionApi();
  });
  beforeEach(() => freshDemo(api));
  afterEach(() => api.setUserInput(undefined));

  it('creates an HTTPS check with an email alert and a Slack latency alert; the webhook is logged nowhere', async () => {
    const input = await runWithAnswers(api, 'digitalocean.uptime.create', account(), [
      'shop',
      'HTTPS',
      'https://shop.acme.example/health',
      ['US East', 'EU West'],
      'Add an alert…',
      'Slow',
      '800',
      '5m',
      ['Slack…'],
      '#ops',
      WEBHOOK,
      'Continue with 2 alerts',
      'Create shop',
    ]);
    assert.equal(input.remaining, 0, `asked: ${input.questions.join(' | ')}`);
    const made = await check('shop');
    assert.ok(made, 'the check is at the fake');
    assert.deepEqual([made.type, made.target, made.regions], ['https', 'https://shop.acme.example/health', ['us_east', 'eu_west']]);
    assert.deepEqual(
      made.alerts.map((a) => [a.type, a.threshold, a.comparison, a.period, a.notifications.email, a.notifications.slack]),
      [
        ['down', 0, 'greater_than', '2m', [account().email], []],
        ['latency', 800, 'greater_than', '5m', [], [{ channel: '#ops', url: WEBHOOK }]],
      ],
    );
    const log = await logShowing(api, /Create uptime check shop: created[^]*Uptime check shop: 2 alerts added/);
    assert.ok(!log.includes('not-a-real-secret-42'), 'the webhook is not in the log');
  });

  it('switching to HTTP after Back keeps the address with the other scheme and drops the certificate alert', async () => {
    const input = await runWithAnswers(api, 'digitalocean.uptime.create', account(), [
      'edge',
      'HTTPS',
      'https://edge.acme.example/x',
      ['US West'],
      'Add an alert…',
      'Certificate expiring',
      ACCEPT,
      '1h',
      ['Email'],
      BACK,
      BACK,
      BACK,
      BACK, // alerts → regions → target → type → name
      ACCEPT,
      'HTTP',
      ACCEPT,
      ['US West'],
      'Continue with 1 alert',
      'Create edge',
    ]);
    assert.equal(input.remaining, 0, `asked: ${input.questions.join(' | ')}`);
    const made = await check('edge');
    assert.deepEqual([made?.type, made?.target, made?.alerts.map((a) => a.type)], ['http', 'http://edge.acme.example/x', ['down']]);
    assert.deepEqual(input.offered.at(-2), ['Continue with 1 alert', 'Down', 'Add an alert…'], 'the certificate alert went with HTTPS');
  });

  it('refuses bad names, targets and thresholds before any request; a declined summary sends nothing', async () => {
    const before = await writes();
    const tries: [(string | string[] | undefined)[], RegExp][] = [
      [['www'], /A check named www exists already/],
      [['ok', 'HTTPS', 'http://shop.acme.example'], /An HTTPS check watches a https:\/\/ URL/],
      [['ok', 'HTTP', 'not a url'], /A URL such as http:\/\//],
      [['ok', 'HTTPS', ACCEPT, ['US East'], 'Add an alert…', 'Slow', '0'], /Milliseconds: from 1 to 60000/],
      [['ok', 'HTTPS', ACCEPT, ['US East'], 'Add an alert…', 'Down', '2m', ['Slack…'], '#ops', 'https://example.com/hook'], /Slack incoming webhook URL/],
    ];
    for (const [answers, message] of tries) {
      const input = await runWithAnswers(api, 'digitalocean.uptime.create', account(), answers);
      assert.match(input.rejections.join('\n'), message, answers.join(' → '));
    }
    const noRegion = await runWithAnswers(api, 'digitalocean.uptime.create', account(), [
      'ok',
      'HTTPS',
      ACCEPT,
      [],
      ['US East'],
      'Continue with 1 alert',
      undefined,
    ]);
    assert.match(noRegion.notices.join('\n'), /at least one region/);
    assert.deepEqual([noRegion.remaining, noRegion.rejections], [0, []], 'the summary was reached and declined');
    assert.equal(await writes(), before, 'nothing was sent');
  });

  it('keeps the check and says which alert failed when the API refuses one', async () => {
    await fake.call('POST', '/__fake/faults', {
      faults: [
        {
          kind: 'respond',
          method: 'POST',
          urlIncludes: '/alerts',
          status: 422,
          body: { id: 'unprocessable_entity', message: 'alert limit reached', request_id: 'req-alert-refused' },
        },
      ],
    });
    await runWithAnswers(api, 'digitalocean.uptime.create', account(), [
      'half',
      'HTTPS',
      'https://half.acme.example',
      ['US East'],
      'Add an alert…',
      'Down everywhere',
      '2m',
      ['Email'],
      'Continue with 2 alerts',
      'Create half',
    ]);
    const made = await check('half');
    assert.ok(made, 'the check stays');
    assert.deepEqual(
      made.alerts.map((a) => a.type),
      ['down_global'],
      'the second alert went on after the first failed',
    );
    await logShowing(
      api,
      /The check half was created, but 1 alert of 2 failed — Down: alert limit reached \(HTTP 422 unprocessable_entity, request id req-alert-refused\)/,
    );
  });
});
