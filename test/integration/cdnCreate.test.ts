/**
 * Create CDN Endpoint in the real extension host against the fake (through Prism): a typed Space
 * origin with a custom subdomain whose Let's Encrypt certificate is issued and verified first (and
 * its CNAME record added); an existing certificate that covers the name, then Back to drop the
 * custom domain; bad origins and subdomains refused before any request; a declined summary; the
 * API's refusal.
 */
import * as assert from 'node:assert/strict';
import type { TestingApi } from '../../src/extension';
import { extensionApi, fake, freshDemo, preselected, runWithAnswers, writes, logShowing } from './support/env';
import { fakeState } from './support/fakeState';
import { ACCEPT, BACK } from './support/scriptedInput';

describe('Create CDN endpoint', function () {
  this.timeout(60_000);
  let api: TestingApi;
  const data = () => fakeState();
  const endpoint = async (origin: string) => (await data()).cdnEndpoints.find((e) => e.origin === origin);
  const account = () => api.store.list()[0];
  const TYPE = 'Type the Space’s address…';

  before(async () => {
    api = await extensionApi();
  });
  beforeEach(() => freshDemo(api));
  afterEach(() => api.setUserInput(undefined));

  it("serves a Space at a custom subdomain, issuing its Let's Encrypt certificate first", async () => {
    const input = await runWithAnswers(api, 'digitalocean.cdn.create', account(), [
      TYPE,
      'media.ams3.digitaloceanspaces.com',
      '1 day',
      'A subdomain of acme.example…',
      'static',
      "Issue a Let's Encrypt certificate for static.acme.example",
      'Create the endpoint for media',
    ]);
    assert.equal(input.remaining, 0, `asked: ${input.questions.join(' | ')}`);
    assert.deepEqual(
      input.offered.at(-2),
      ["Issue a Let's Encrypt certificate for static.acme.example"],
      'acme-le does not cover static.acme.example, so it is not offered',
    );
    const d = await data();
    const made = d.cdnEndpoints.find((e) => e.origin === 'media.ams3.digitaloceanspaces.com');
    const cert = d.certificates.find((c) => c.name === 'le-static-acme-example');
    assert.deepEqual(
      [made?.ttl, made?.custom_domain, made?.certificate_id, made?.endpoint],
      [86400, 'static.acme.example', cert?.id, 'media.ams3.cdn.digitaloceanspaces.com'],
    );
    assert.deepEqual([cert?.dns_names, cert?.state], [['static.acme.example'], 'verified']);
    assert.ok(
      d.domainRecords['acme.example'].some((r) => r.type === 'CNAME' && r.name === 'static' && r.data === 'media.ams3.cdn.digitaloceanspaces.com.'),
      'the CNAME record',
    );
    assert.match(input.notices.join('\n'), /The CDN serves media at https:\/\/static\.acme\.example\//);
  });

  it('offers a certificate that covers the name; Back then drops the custom domain', async () => {
    const input = await runWithAnswers(api, 'digitalocean.cdn.create', account(), [
      TYPE,
      'fonts.nyc3.digitaloceanspaces.com',
      '1 week',
      'A subdomain of acme.example…',
      'www',
      'acme-le',
      BACK,
      BACK,
      BACK, // summary → custom domain → cache time → origin
      TYPE,
      ACCEPT,
      '1 week',
      'No custom domain',
      'Create the endpoint for fonts',
    ]);
    assert.equal(input.remaining, 0, `asked: ${input.questions.join(' | ')}`);
    assert.deepEqual(preselected(input, 'No custom domain', 1), ['A subdomain of acme.example…'], 'the domain chosen before is preselected');
    assert.deepEqual(preselected(input, '1 week', 1), ['1 week'], 'the cache time kept');
    const made = await endpoint('fonts.nyc3.digitaloceanspaces.com');
    assert.deepEqual([made?.ttl, made?.custom_domain], [604800, undefined]);
  });

  it('refuses bad origins and subdomains before any request; a declined summary sends nothing', async () => {
    const before = await writes();
    const tries: [string[], RegExp][] = [
      [[TYPE, 'assets.example.com'], /<bucket>\.<region>\.digitaloceanspaces\.com/],
      [[TYPE, 'acme-assets.nyc3.digitaloceanspaces.com'], /has a CDN endpoint already/],
      [[TYPE, 'okay.nyc3.digitaloceanspaces.com', '1 hour', 'A subdomain of acme.example…', 'bad name'], /Letters, digits and "-"/],
    ];
    for (const [answers, message] of tries) {
      const input = await runWithAnswers(api, 'digitalocean.cdn.create', account(), answers);
      assert.match(input.rejections.join('\n'), message, answers.join(' → '));
    }
    const declined = await runWithAnswers(api, 'digitalocean.cdn.create', account(), [
      TYPE,
      'okay.nyc3.digitaloceanspaces.com',
      '1 hour',
      'No custom domain',
      undefined,
    ]);
    assert.deepEqual([declined.remaining, declined.rejections], [0, []], 'the summary was reached and declined');
    assert.equal(await writes(), before, 'nothing was sent');
  });

  it("shows the API's refusal with its message and request id", async () => {
    await fake.refuse('POST', '/v2/cdn/endpoints', {
      status: 422,
      id: 'unprocessable_entity',
      message: 'the Space is not public',
      requestId: 'req-cdn-refused',
    });
    await runWithAnswers(api, 'digitalocean.cdn.create', account(), [
      TYPE,
      'private.nyc3.digitaloceanspaces.com',
      '1 hour',
      'No custom domain',
      'Create the endpoint for private',
    ]);
    assert.equal(await endpoint('private.nyc3.digitaloceanspaces.com'), undefined);
    await logShowing(api, /Create CDN endpoint failed: the Space is not public \(HTTP 422 unprocessable_entity, request id req-cdn-refused\)/);
  });
});
