/**
 * Create VPC in the real extension host against the fake (through Prism): the wizard's happy paths
 * (a range typed, and one DigitalOcean picks), Back keeping earlier answers, every bad input refused
 * at its step before any request, a declined summary sending nothing, and the API's refusal shown
 * with its message and request id.
 */
import * as assert from 'node:assert/strict';
import type { TestingApi } from '../../src/extension';
import { assertDeclinedQuietly, extensionApi, fake, freshDemo, logShowing, runWithAnswers, writes } from './support/env';
import { fakeState } from './support/fakeState';
import { ACCEPT, BACK } from './support/scriptedInput';

describe('Create VPC', function () {
  this.timeout(60_000);
  let api: TestingApi;
  const vpcs = async () => (await fakeState()).vpcs;
  const account = () => api.store.list()[0];

  before(async () => {
    api = await extensionApi();
  });
  beforeEach(() => freshDemo(api));
  afterEach(() => api.setUserInput(undefined));

  it('creates a VPC with a range typed, and one with a range DigitalOcean picks', async () => {
    const input = await runWithAnswers(api, 'digitalocean.vpc.create', account(), [
      'app-net',
      'sfo3',
      'Enter a range…',
      '10.50.0.0/24',
      'the app tier',
      'Create app-net',
    ]);
    assert.equal(input.remaining, 0);
    const made = (await vpcs()).find((v) => v.name === 'app-net');
    assert.deepEqual(
      { ...made, id: undefined },
      { ...made, id: undefined, region: 'sfo3', ip_range: '10.50.0.0/24', description: 'the app tier', default: false },
    );
    assert.match(input.notices.join('\n'), /Created VPC app-net \(10\.50\.0\.0\/24\) in sfo3/);

    await runWithAnswers(api, 'digitalocean.vpc.create', account(), ['auto-net', 'nyc3', 'Let DigitalOcean choose', '', 'Create auto-net']);
    const auto = (await vpcs()).find((v) => v.name === 'auto-net');
    assert.equal(auto?.ip_range, '10.100.0.0/20');
  });

  it('goes Back to every step with the earlier answers kept', async () => {
    const input = await runWithAnswers(api, 'digitalocean.vpc.create', account(), [
      'back-net',
      'ams3',
      'Enter a range…',
      '192.168.8.0/22',
      'first words',
      BACK, // summary → description
      BACK, // description → range
      'Enter a range…',
      ACCEPT, // the range typed is still there
      BACK, // description → range
      BACK, // range → region
      BACK, // region → name
      ACCEPT, // the name is still there
      'ams3',
      'Enter a range…',
      ACCEPT,
      ACCEPT, // the description is still there
      'Create back-net',
    ]);
    assert.equal(input.remaining, 0);
    const made = (await vpcs()).find((v) => v.name === 'back-net');
    assert.equal(made?.ip_range, '192.168.8.0/22');
    assert.equal(made?.description, 'first words');
    assert.ok(input.offered.some((labels) => labels.includes('Enter a range…')));
  });

  it('refuses bad names and ranges at their step, before any request; a declined summary sends nothing', async () => {
    const before = await writes();
    const tries: [string[], RegExp][] = [
      [['bad name!'], /letters, digits/],
      [['default-nyc3'], /exists already/],
      [['ok-net', 'nyc3', 'Enter a range…', '10.10.4.0/24'], /Overlaps default-nyc3 \(10\.10\.0\.0\/20\)/],
      [['ok-net', 'nyc3', 'Enter a range…', '8.8.8.0/24'], /private range/],
      [['ok-net', 'nyc3', 'Enter a range…', '10.0.0.0/8'], /From \/16/],
      [['ok-net', 'nyc3', 'Enter a range…', '10.60.0.5/24'], /did you mean 10\.60\.0\.0\/24/],
      [['ok-net', 'nyc3', 'Enter a range…', '10.60.0.0/33'], /CIDR notation/],
    ];
    for (const [answers, message] of tries) {
      const input = await runWithAnswers(api, 'digitalocean.vpc.create', account(), answers);
      assert.match(input.rejections.join('\n'), message, answers.join(' → '));
    }
    const declined = await runWithAnswers(api, 'digitalocean.vpc.create', account(), ['ok-net', 'nyc3', 'Let DigitalOcean choose', '', undefined]);
    assert.equal(declined.remaining, 0, 'every step was reached, the summary last');
    assertDeclinedQuietly(declined, /./);
    assert.equal(await writes(), before, 'nothing was sent');
    assert.ok(!(await vpcs()).some((v) => v.name === 'ok-net'));
  });

  it("shows the API's refusal with its message and request id, and creates nothing", async () => {
    await fake.refuse('POST', '/v2/vpcs', {
      status: 422,
      id: 'unprocessable_entity',
      message: 'ip_range is reserved for DigitalOcean Kubernetes',
      requestId: 'req-vpc-refused',
    });
    await runWithAnswers(api, 'digitalocean.vpc.create', account(), ['k8s-net', 'nyc3', 'Enter a range…', '10.244.0.0/16', '', 'Create k8s-net']);
    assert.ok(!(await vpcs()).some((v) => v.name === 'k8s-net'));
    await logShowing(api, /Create VPC failed: ip_range is reserved for DigitalOcean Kubernetes \(HTTP 422 unprocessable_entity, request id req-vpc-refused\)/);
  });
});
