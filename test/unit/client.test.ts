import * as assert from 'node:assert/strict';
import { ApiError, DigitalOceanClient, isApiError, type ClientOptions } from '../../src/api';
import { droplet } from '../../src/api/resources/droplet';
import { startFakeServer, type FakeServer } from '../fake-api/server';
import { fastClient, rejection } from './support/fixtures';

const TOKEN = 'dop_v1_' + 'a1b2c3d4'.repeat(8);

const clientFor = (server: FakeServer, extra: Partial<ClientOptions> = {}): DigitalOceanClient => fastClient(server, TOKEN, extra);

describe('DigitalOceanClient', function () {
  this.timeout(20_000);
  let server: FakeServer;

  beforeEach(async () => {
    server = await startFakeServer({ tokens: [TOKEN], extraDroplets: 1_200, actionDurationMs: 100 });
  });
  afterEach(async () => {
    await server.close();
  });

  describe('listAll', () => {
    it('lists 1,000+ items in order, retrying a page that fails once and dropping nothing', async () => {
      server.faults.push({ kind: 'status', status: 500, method: 'GET', path: '/v2/droplets', urlIncludes: 'page=4&' });
      const client = clientFor(server);
      const all = await client.listAll(droplet);

      const expected = server.fake.data.droplets.map((d: { id: number }) => d.id);
      assert.equal(expected.length, 1_207);
      assert.deepEqual(
        all.map((d) => d.id),
        expected,
      );
      const pageRequests = server.seen.filter((r) => r.url.startsWith('/v2/droplets'));
      // 7 pages of 200, one of them asked twice.
      assert.equal(pageRequests.length, 8);
      assert.equal(pageRequests.filter((r) => r.url.includes('page=4&')).length, 2);
      assert.equal(server.faults.length, 0, 'the injected fault was used');
    });

    it('fails the whole call when a page keeps failing, instead of returning a partial list', async () => {
      server.faults.push({ kind: 'status', status: 503, method: 'GET', urlIncludes: 'page=6&', times: 10 });
      const client = clientFor(server, { maxRetries: 2 });
      const error = await rejection(client.listAll(droplet));
      assert.equal(error.kind, 'server');
      assert.equal(error.status, 503);
    });

    it('asks for 200 items a page and never more pages than there are', async () => {
      const client = clientFor(server);
      await client.listAll(droplet);
      for (const request of server.seen) {
        assert.match(request.url, /per_page=200/);
      }
      const pages = server.seen.map((r) => Number(new URL(r.url, 'http://x').searchParams.get('page')));
      assert.deepEqual(
        [...pages].sort((a, b) => a - b),
        [1, 2, 3, 4, 5, 6, 7],
      );
    });
  });

  describe('rate limits', () => {
    it('waits for retry-after on a 429 and then succeeds', async () => {
      server.faults.push({ kind: 'status', status: 429, path: '/v2/account', retryAfter: 1 });
      const client = clientFor(server);
      const started = Date.now();
      const account = await client.account();
      const waited = Date.now() - started;
      assert.equal(account.email, 'demo@acme.example');
      assert.ok(waited >= 950, `retried after ${waited} ms, before the 1 s retry-after`);
      assert.equal(server.seen.length, 2);
    });

    it('retries a POST after a 429, since the API did nothing', async () => {
      server.faults.push({ kind: 'status', status: 429, method: 'POST', retryAfter: 0 });
      const client = clientFor(server);
      const action = await client.act(droplet, '311000001', 'reboot');
      assert.equal(action.type, 'reboot');
      assert.equal(server.seen.filter((r) => r.method === 'POST').length, 2);
    });

    it('reads the rate-limit headers of every answer', async () => {
      const client = clientFor(server);
      await client.account();
      const snapshot = client.transport.rateLimiter.snapshot();
      assert.equal(snapshot.limit, 5000);
      assert.equal(snapshot.remaining, 4999);
      assert.ok(snapshot.resetAt && snapshot.resetAt > Date.now() / 1000);
    });
  });

  describe('retries', () => {
    it('does not retry a POST that creates something after a 5xx', async () => {
      server.faults.push({ kind: 'status', status: 500, method: 'POST', path: '/v2/droplets', times: 5 });
      const client = clientFor(server);
      const error = await rejection(client.create(droplet, { name: 'new-1', region: 'nyc3', size: 's-1vcpu-1gb', image: 'ubuntu-24-04-x64' }));
      assert.equal(error.kind, 'server');
      assert.equal(server.seen.filter((r) => r.method === 'POST').length, 1);
      assert.equal(
        server.fake.data.droplets.some((d: { name: string }) => d.name === 'new-1'),
        false,
      );
    });

    it('does not retry a POST after a timeout either', async () => {
      server.faults.push({ kind: 'hang', method: 'POST', path: '/v2/droplets' });
      const client = clientFor(server, { timeoutMs: 200 });
      const error = await rejection(client.create(droplet, { name: 'new-2', region: 'nyc3', size: 's-1vcpu-1gb', image: 'ubuntu-24-04-x64' }));
      assert.equal(error.kind, 'timeout');
      assert.equal(server.seen.filter((r) => r.method === 'POST').length, 1);
    });

    it('retries a GET after a 5xx, a dropped connection and a malformed body', async () => {
      server.faults.push(
        { kind: 'status', status: 502, path: '/v2/account' },
        { kind: 'drop', path: '/v2/account' },
        { kind: 'malformed', path: '/v2/account' },
      );
      const client = clientFor(server);
      const account = await client.account();
      assert.equal(account.team?.name, 'Acme Demo Team');
      assert.equal(server.seen.length, 4);
    });

    it('does not retry 501 Not Implemented', async () => {
      server.faults.push({ kind: 'status', status: 501, path: '/v2/account', times: 3 });
      const error = await rejection(clientFor(server).account());
      assert.equal(error.status, 501);
      assert.equal(server.seen.length, 1);
    });

    it('gives up after maxRetries and reports the last error', async () => {
      server.faults.push({ kind: 'status', status: 500, path: '/v2/account', times: 10 });
      const error = await rejection(clientFor(server, { maxRetries: 3 }).account());
      assert.equal(error.kind, 'server');
      assert.equal(server.seen.length, 4);
    });
  });

  describe('timeouts and cancellation', () => {
    it('ends a call that gets no answer with a timeout error', async () => {
      server.faults.push({ kind: 'hang', path: '/v2/account', times: 5 });
      const error = await rejection(clientFor(server, { timeoutMs: 150, maxRetries: 0 }).account());
      assert.equal(error.kind, 'timeout');
    });

    it('ends a cancelled call with a cancelled error, without retrying', async () => {
      server.faults.push({ kind: 'hang', path: '/v2/account', times: 5 });
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 100);
      const error = await rejection(clientFor(server).account({ signal: controller.signal }));
      assert.equal(error.kind, 'cancelled');
      assert.equal(server.seen.length, 1);
    });

    it('cancels the remaining pages of a listAll', async () => {
      server.config.latencyMs = 150;
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 200);
      const error = await rejection(clientFor(server).listAll(droplet, { signal: controller.signal }));
      assert.equal(error.kind, 'cancelled');
    });
  });

  describe('errors', () => {
    it('carry the HTTP status and the API id, message and request id', async () => {
      const error = await rejection(clientFor(server).get(droplet, '999'));
      assert.equal(error.kind, 'not_found');
      assert.equal(error.status, 404);
      assert.equal(error.id, 'not_found');
      assert.equal(error.message, 'The resource you were accessing could not be found.');
      assert.match(error.requestId ?? '', /^[0-9a-f-]{36}$/);
      assert.match(error.describe(), /HTTP 404 not_found, request id [0-9a-f-]{36}\)$/);
    });

    it('have distinct kinds for unauthorized, validation and network failures', async () => {
      const unauthorized = await rejection(new DigitalOceanClient({ token: 'wrong-token', baseUrl: server.url }).account());
      assert.equal(unauthorized.kind, 'unauthorized');
      const validation = await rejection(clientFor(server).act(droplet, '311000001', 'resize', { size: 'no-such-size' }));
      assert.equal(validation.kind, 'validation');
      assert.equal(validation.message, 'You specified an invalid size.');
      const closed = await startFakeServer();
      const closedUrl = closed.url;
      await closed.close();
      const network = await rejection(new DigitalOceanClient({ token: TOKEN, baseUrl: closedUrl, maxRetries: 1, retryBaseMs: 10 }).account());
      assert.equal(network.kind, 'network');
    });

    it('never contain the token, even when the server echoes it back', async () => {
      server.faults.push({ kind: 'status', status: 500, path: '/v2/account', echoAuthorization: true, times: 10 });
      server.faults.push({ kind: 'hang', path: '/v2/droplets/', times: 10 });
      const client = clientFor(server, { maxRetries: 0, timeoutMs: 100 });
      const errors: ApiError[] = [
        await rejection(client.account()),
        await rejection(client.get(droplet, '311000001')),
        await rejection(client.get(droplet, '424242')),
        await rejection(new DigitalOceanClient({ token: TOKEN + 'x', baseUrl: server.url }).listAll(droplet)),
      ];
      assert.match(errors[0].message, /Injected failure for Bearer \[redacted\]/);
      for (const error of errors) {
        const texts = [error.message, error.stack ?? '', String(error), error.describe(), JSON.stringify(error), JSON.stringify(error.cause ?? null)];
        for (const text of texts) {
          assert.ok(!text.includes(TOKEN), `token leaked in: ${text}`);
        }
      }
    });

    it('refuses plain http to anything but loopback', () => {
      assert.throws(() => new DigitalOceanClient({ token: TOKEN, baseUrl: 'http://api.example.com' }), /must use https/);
      assert.doesNotThrow(() => new DigitalOceanClient({ token: TOKEN, baseUrl: 'http://127.0.0.1:1' }));
      assert.doesNotThrow(() => new DigitalOceanClient({ token: TOKEN, baseUrl: 'http://[::1]:1' }));
      assert.doesNotThrow(() => new DigitalOceanClient({ token: TOKEN, baseUrl: 'https://api.digitalocean.com' }));
    });
  });

  describe('actions', () => {
    it('waits for an action to complete and sees its effect', async () => {
      const client = clientFor(server, { actionPollInterval: 30 });
      const action = await client.act(droplet, '311000001', 'power_off');
      assert.equal(action.status, 'in-progress');
      const done = await client.waitForAction(action.id);
      assert.equal(done.status, 'completed');
      const after = await client.get(droplet, '311000001');
      assert.equal(after.status, 'off');
    });

    it('treats an errored action as a failure', async () => {
      server.fake.failNextActions = 1;
      const client = clientFor(server, { actionPollInterval: 30 });
      const action = await client.act(droplet, '311000002', 'power_off');
      const error = await rejection(client.waitForAction(action.id));
      assert.equal(error.kind, 'action_errored');
      assert.match(error.message, /power_off action on droplet 311000002 failed/);
      assert.equal((await client.get(droplet, '311000002')).status, 'active');
    });

    it('refuses an action type the kind does not have, before any request', async () => {
      const error = await rejection(clientFor(server).act(droplet, '311000001', 'explode'));
      assert.equal(error.kind, 'client');
      assert.equal(server.seen.length, 0);
    });

    it('stops waiting at the timeout', async () => {
      server.fake.actionDurationMs = 60_000;
      const client = clientFor(server);
      const action = await client.act(droplet, '311000001', 'reboot');
      const error = await rejection(client.waitForAction(action.id, { interval: 20, timeout: 100 }));
      assert.equal(error.kind, 'timeout');
      assert.ok(isApiError(error, 'timeout'));
    });
  });
});

describe('DigitalOceanClient: files as bytes', function () {
  this.timeout(20_000);

  it('keeps every byte of a binary answer (all 256 values, 20 random bodies), and reads an error answered to a file request', async () => {
    const { createServer } = await import('node:http');
    const bodies: Buffer[] = [Buffer.from(Array.from({ length: 256 }, (_, i) => i))];
    for (let i = 0; i < 20; i++)
      bodies.push(Buffer.from(Array.from({ length: 1 + Math.floor(Math.random() * 70_000) }, () => Math.floor(Math.random() * 256))));
    const server = createServer((req, res) => {
      const n = Number(/\/files\/(\d+)/.exec(req.url ?? '')?.[1]);
      if (!bodies[n]) {
        res.writeHead(404, { 'content-type': 'application/json', 'x-request-id': 'req-missing' });
        res.end(JSON.stringify({ id: 'not_found', message: 'The resource you were accessing could not be found.' }));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/pdf' });
      res.end(bodies[n]);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as { port: number };
      const client = new DigitalOceanClient({ token: TOKEN, baseUrl: `http://127.0.0.1:${port}`, retryBaseMs: 20, retryMaxMs: 200, timeoutMs: 5_000 });
      for (const [n, expected] of bodies.entries()) {
        const got = await client.request<Uint8Array>('GET', `/files/${n}`, { responseType: 'bytes' });
        assert.ok(got instanceof Uint8Array, 'bytes');
        assert.ok(Buffer.from(got).equals(expected), `body ${n} (${expected.length} bytes) kept byte for byte`);
      }
      const error = await rejection(client.request('GET', '/files/999', { responseType: 'bytes' }));
      assert.equal(error.status, 404);
      assert.equal(error.message, 'The resource you were accessing could not be found.');
      assert.equal(error.requestId, 'req-missing');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
