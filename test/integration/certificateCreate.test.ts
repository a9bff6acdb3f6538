/**
 * Add Certificate in the real extension host against the fake (through Prism): Let's Encrypt for
 * names under the account's domains (Back keeping the names); a custom certificate from PEM files
 * made here by openssl, its key checked to belong to it and found in no log; a key of another
 * certificate, an encrypted key, a file that is no PEM and names outside the account's domains all
 * refused before any request; a declined summary; the API's refusal.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { TestingApi } from '../../src/extension';
import { extensionApi, extensionLog, fake, freshDemo, preselected, runWithAnswers, writes, logShowing } from './support/env';
import { fakeState } from './support/fakeState';
import { ACCEPT, BACK } from './support/scriptedInput';

describe('Add certificate', function () {
  this.timeout(60_000);
  let api: TestingApi;
  let dir: string;
  const file = (name: string) => path.join(dir, name);
  const certs = async () => (await fakeState()).certificates;
  const account = () => api.store.list()[0];

  before(async () => {
    api = await extensionApi();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'do-certs-'));
    const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'pipe' });
    openssl(
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      file('key.pem'),
      '-out',
      file('cert.pem'),
      '-days',
      '30',
      '-subj',
      '/CN=shop.acme.example',
      '-addext',
      'subjectAltName=DNS:shop.acme.example,DNS:www.shop.acme.example',
    );
    openssl('genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', file('other-key.pem'));
    openssl('genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-aes256', '-pass', 'pass:secret', '-out', file('encrypted-key.pem'));
    fs.writeFileSync(file('notes.txt'), 'not a certificate\n');
  });
  beforeEach(() => freshDemo(api));
  afterEach(() => api.setUserInput(undefined));

  it("issues Let's Encrypt for chosen and typed names under the account's domains, Back keeping them", async () => {
    const input = await runWithAnswers(api, 'digitalocean.certificate.create', account(), [
      "Let's Encrypt",
      ['acme-staging.example', '*.acme-staging.example', 'Other names…'],
      'API.acme.example',
      BACK,
      BACK, // name → names → kind
      "Let's Encrypt",
      ['acme-staging.example', '*.acme-staging.example', 'Other names…'],
      ACCEPT,
      ACCEPT,
      'Add le-acme-staging-example',
    ]);
    assert.equal(input.remaining, 0, `asked: ${input.questions.join(' | ')}`);
    const made = (await certs()).find((c) => c.name === 'le-acme-staging-example');
    assert.deepEqual([made?.type, made?.dns_names], ['lets_encrypt', ['acme-staging.example', '*.acme-staging.example', 'api.acme.example']]);
    assert.ok(made && ['pending', 'verified'].includes(made.state), 'issued by the fake: pending, then verified');
    assert.deepEqual(preselected(input, 'Other names…', 1), ['acme-staging.example', '*.acme-staging.example', 'Other names…'], 'the names kept');
    assert.match(input.notices.join('\n'), /is being issued/);
  });

  it('uploads a custom certificate with its key and chain; the key is in no log', async () => {
    const input = await runWithAnswers(api, 'digitalocean.certificate.create', account(), [
      'Upload a certificate…',
      file('cert.pem'),
      file('key.pem'),
      'Choose the chain file…',
      file('cert.pem'),
      ACCEPT,
      'Add shop.acme.example',
    ]);
    assert.equal(input.remaining, 0, `asked: ${input.questions.join(' | ')}`);
    const made = (await certs()).find((c) => c.name === 'shop.acme.example');
    assert.equal(made?.type, 'custom');
    const summary = input.offeredItems.find((items) => items[0]?.label === 'Add shop.acme.example')![0];
    assert.match(String(summary.description), /custom · shop\.acme\.example, www\.shop\.acme\.example · until \d{4}-\d\d-\d\d/);
    const key = fs.readFileSync(file('key.pem'), 'utf8').split('\n')[1];
    assert.ok(!(await extensionLog(api)).includes(key), 'no line of the private key is in the log');
  });

  it('refuses a key of another certificate, an encrypted key, a file that is no PEM and outside names before any request', async () => {
    const before = await writes();
    const tries: [(string | string[])[], RegExp][] = [
      [['Upload a certificate…', file('cert.pem'), file('other-key.pem')], /This private key does not belong to the certificate/],
      [['Upload a certificate…', file('cert.pem'), file('encrypted-key.pem')], /encrypted: DigitalOcean needs it without a passphrase/],
      [['Upload a certificate…', file('notes.txt')], /holds no PEM certificate/],
    ];
    for (const [answers, message] of tries) {
      await runWithAnswers(api, 'digitalocean.certificate.create', account(), answers);
      await logShowing(api, message, answers.join(' → '));
    }
    const outside = await runWithAnswers(api, 'digitalocean.certificate.create', account(), ["Let's Encrypt", ['Other names…'], 'api.other.example']);
    assert.match(outside.rejections.join('\n'), /api\.other\.example is not under a domain of this account/);
    const taken = await runWithAnswers(api, 'digitalocean.certificate.create', account(), ["Let's Encrypt", ['acme.example'], 'acme-le']);
    assert.match(taken.rejections.join('\n'), /A certificate named acme-le exists already/);
    const declined = await runWithAnswers(api, 'digitalocean.certificate.create', account(), ["Let's Encrypt", ['acme.example'], ACCEPT, undefined]);
    assert.deepEqual([declined.remaining, declined.rejections], [0, []], 'the summary was reached and declined');
    assert.equal(await writes(), before, 'nothing was sent');
  });

  it("shows the API's refusal with its message and request id", async () => {
    await fake.refuse('POST', '/v2/certificates', {
      status: 422,
      id: 'unprocessable_entity',
      message: 'the certificate chain is incomplete',
      requestId: 'req-cert-refused',
    });
    await runWithAnswers(api, 'digitalocean.certificate.create', account(), [
      'Upload a certificate…',
      file('cert.pem'),
      file('key.pem'),
      'No chain',
      'refused-cert',
      'Add refused-cert',
    ]);
    assert.ok(!(await certs()).some((c) => c.name === 'refused-cert'));
    await logShowing(api, /Add certificate failed: the certificate chain is incomplete \(HTTP 422 unprocessable_entity, request id req-cert-refused\)/);
  });
});
