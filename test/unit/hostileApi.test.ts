/**
 * The client against a stingy or hostile API: fault servers on loopback that space out their
 * budget, ask for an hour's wait, redirect elsewhere, echo the token, lie about their paging,
 * answer actions with nothing, and reset a DELETE after doing it. Each case failed on the client
 * as it was before the hardening issue; each passes now.
 */
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DigitalOceanClient, type ClientOptions, type ExchangeRecord, type WaitRecord } from '../../src/api';
import { domain, domainRecord } from '../../src/api/resources/domain';
import { droplet } from '../../src/api/resources/droplet';
import { reservedIpv6 } from '../../src/api/resources/reservedIpv6';
import { requestTimeoutMs } from '../../src/accounts/clients';
import { startFakeServer, type FakeServer } from '../fake-api/server';
import { fastClient, rejection } from './support/fixtures';

const TOKEN = 'dop_v1_' + 'f00dfeed'.repeat(8);

const clientFor = (server: FakeServer, extra: Partial<ClientOptions> = {}): DigitalOceanClient => fastClient(server, TOKEN, extra);

/** A server that is not the API: it counts what reaches it and what it was sent. */
async function elsewhere(): Promise<{ url: string; hits: { method: string; url: string; authorization?: string; body: string }[]; close(): Promise<void> }> {
  const hits: { method: string; url: string; authorization?: string; body: string }[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      hits.push({ method: req.method ?? 'GET', url: req.url ?? '/', authorization: req.headers.authorization, body });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ droplets: [], account: { email: 'evil@elsewhere' }, links: {}, meta: { total: 0 } }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

describe('the client under a stingy or hostile API', function () {
  this.timeout(30_000);
  let server: FakeServer;

  beforeEach(async () => {
    server = await startFakeServer({ tokens: [TOKEN], extraDroplets: 1_200, actionDurationMs: 100 });
  });
  afterEach(async () => {
    await server.close();
  });

  describe('rate limits', () => {
    it('spaces requests by reset ÷ remaining, for the second and later requests too (not until the reset)', async () => {
      const reset = String(Math.floor(Date.now() / 1000) + 20);
      // 50 left for 20 s: one slot every ~0.4 s. The old loop slept until the reset: ~20 s.
      server.faults.push({
        kind: 'status',
        passThrough: true,
        path: '/v2/account',
        times: 100,
        headers: { 'ratelimit-remaining': '50', 'ratelimit-reset': reset },
      });
      const waits: WaitRecord[] = [];
      const client = clientFor(server, { onWait: (w) => waits.push(w) });
      const durations: number[] = [];
      for (let i = 0; i < 5; i++) {
        const started = Date.now();
        await client.account();
        durations.push(Date.now() - started);
      }
      assert.equal(server.seen.length, 5);
      assert.ok(waits.length >= 3, `the later requests were spaced out: ${JSON.stringify(waits)}`);
      for (const w of waits) assert.ok(w.ms > 100 && w.ms < 1_000, `each wait is one slot of ~0.4 s, not the reset: ${waits.map((x) => x.ms).join(', ')}`);
      for (const d of durations) assert.ok(d < 2_000, `no request waited for the reset: ${durations.join(', ')} ms`);
    });

    it('caps a retry-after of an hour at the maximum wait, reports it, and lets the waits be cancelled', async () => {
      server.faults.push({ kind: 'status', status: 429, path: '/v2/account', retryAfter: 3600, times: 10 });
      const waits: WaitRecord[] = [];
      const client = clientFor(server, {
        onWait: (w) => {
          waits.push(w);
          setTimeout(() => client.transport.cancelWaits(), 50);
        },
      });
      const started = Date.now();
      const error = await rejection(client.account());
      assert.equal(error.kind, 'cancelled');
      assert.ok(Date.now() - started < 5_000);
      assert.deepEqual(
        waits.map((w) => [w.reason, w.ms]),
        [['rate_limited', 60_000]],
      );
      // without the cancel, a request of the same token is held by the 429's (capped) block …
      const later: WaitRecord[] = [];
      const controller = new AbortController();
      const second = clientFor(server, { rateLimiter: client.transport.rateLimiter, onWait: (w) => (later.push(w), controller.abort()) });
      server.faults.length = 0;
      server.faults.push({ kind: 'status', status: 429, path: '/v2/account', retryAfter: 3600 });
      await rejection(second.account({ signal: controller.signal }));
      const blocked: WaitRecord[] = [];
      const third = clientFor(server, {
        rateLimiter: client.transport.rateLimiter,
        onWait: (w) => (blocked.push(w), setTimeout(() => third.transport.cancelWaits(), 20)),
      });
      assert.equal((await rejection(third.account())).kind, 'cancelled');
      assert.ok(blocked[0].ms <= 60_000 && blocked[0].ms > 50_000, `held by the capped 429: ${blocked[0]?.ms}`);
      // … and after Cancel, the user's Retry goes out at once
      const retried: WaitRecord[] = [];
      const fourth = clientFor(server, { rateLimiter: client.transport.rateLimiter, onWait: (w) => retried.push(w) });
      assert.equal((await fourth.account()).email, 'demo@acme.example');
      assert.deepEqual(retried, []);
    });

    it('caps a far-away ratelimit-reset when the budget is spent', async () => {
      const reset = String(Math.floor(Date.now() / 1000) + 3600);
      server.faults.push({ kind: 'status', passThrough: true, path: '/v2/account', headers: { 'ratelimit-remaining': '0', 'ratelimit-reset': reset } });
      const waits: WaitRecord[] = [];
      const controller = new AbortController();
      const client = clientFor(server, { onWait: (w) => (waits.push(w), controller.abort()) });
      await client.account();
      assert.equal((await rejection(client.account({ signal: controller.signal }))).kind, 'cancelled');
      assert.equal(waits[0].ms, 60_000);
    });
  });

  describe('redirects and hosts', () => {
    it('never follows a redirect to another host, for GET or for POST (301, 302, 307, 308)', async () => {
      const other = await elsewhere();
      try {
        for (const status of [301, 302, 307, 308]) {
          server.faults.push({ kind: 'redirect', status, location: `${other.url}/v2/droplets`, path: '/v2/droplets' });
          const getError = await rejection(clientFor(server).listAll(droplet));
          assert.equal(getError.kind, 'redirected', `GET after ${status}`);
          assert.match(getError.message, new RegExp(other.url.replace(/[.:/]/g, '\\$&')));
          server.faults.push({ kind: 'redirect', status, location: `${other.url}/v2/droplets`, method: 'POST', path: '/v2/droplets' });
          const postError = await rejection(clientFor(server).create(droplet, { name: 'r1', region: 'nyc3', size: 's-1vcpu-1gb', image: 'ubuntu-24-04-x64' }));
          assert.equal(postError.kind, 'redirected', `POST after ${status}`);
        }
        assert.deepEqual(other.hits, [], 'nothing, least of all the token or a body, reached the other host');
      } finally {
        await other.close();
      }
    });

    it('refuses an absolute or protocol-relative URL before any header is built', async () => {
      const other = await elsewhere();
      let tokenAsked = 0;
      try {
        const client = new DigitalOceanClient({ token: () => (tokenAsked++, TOKEN), baseUrl: server.url });
        const host = other.url.replace('http:', '');
        for (const target of [`${other.url}/v2/account`, `${host}/v2/account`, '/\\evil.example/v2', 'v2/account']) {
          const error = await rejection(client.request('GET', target));
          assert.equal(error.kind, 'client', target);
          assert.match(error.message, /only paths on the DigitalOcean API/);
        }
        assert.deepEqual(other.hits, []);
        assert.equal(tokenAsked, 0, 'the token was not even fetched');
        assert.equal(server.seen.length, 0);
      } finally {
        await other.close();
      }
    });
  });

  describe('paging', () => {
    it('stops with a typed error when the server ignores ?page and always offers next', async () => {
      const page = {
        droplets: [
          { id: 1, name: 'same' },
          { id: 2, name: 'again' },
        ],
        links: { pages: { next: `${server.url}/v2/droplets?page=2` } },
      };
      server.faults.push({ kind: 'respond', path: '/v2/droplets', body: page, times: 10_000 });
      const error = await rejection(clientFor(server).listAll(droplet));
      assert.equal(error.kind, 'invalid_response');
      assert.match(error.message, /repeats page 1/);
      assert.ok(server.seen.length <= 2, `${server.seen.length} requests`);
    });

    it('bounds a listing that keeps offering new next pages', async () => {
      let n = 0;
      const pages = Array.from({ length: 30 }, () => ({
        kind: 'respond' as const,
        path: '/v2/droplets',
        body: { droplets: [{ id: ++n, name: `d${n}` }], links: { pages: { next: 'https://api.digitalocean.com/v2/droplets?page=99' } } },
      }));
      server.faults.push(...pages);
      const error = await rejection(clientFor(server, { maxPages: 10 }).listAll(droplet));
      assert.equal(error.kind, 'invalid_response');
      assert.match(error.message, /after 10 pages/);
      assert.equal(server.seen.length, 10);
    });

    it('relists once when a page comes back short, and reports it when it stays short', async () => {
      const expected = server.fake.data.droplets.map((d: { id: number }) => d.id);
      server.faults.push({ kind: 'rewrite', path: '/v2/droplets', urlIncludes: 'page=3&', dropItems: 200 });
      const all = await clientFor(server).listAll(droplet);
      assert.deepEqual(
        all.map((d) => d.id),
        expected,
        'the second listing is complete',
      );

      server.faults.push({ kind: 'rewrite', path: '/v2/droplets', urlIncludes: 'page=3&', dropItems: 50, times: 2 });
      const error = await rejection(clientFor(server).listAll(droplet));
      assert.equal(error.kind, 'invalid_response');
      assert.match(error.message, /page 3 of 7 had 150 items instead of 200/);
    });

    it('reports a last page that falls short of meta.total', async () => {
      server.faults.push({ kind: 'rewrite', path: '/v2/droplets', urlIncludes: 'page=7&', dropItems: 5, times: 2 });
      const error = await rejection(clientFor(server).listAll(droplet));
      assert.match(error.message, /1202 of the 1207 items/);
    });

    it('refuses a last page of 1,000,000 or 2^32+1 after one request, with a typed error', async () => {
      for (const last of [1_000_000, 2 ** 32 + 1]) {
        server.seen.length = 0;
        server.faults.push({
          kind: 'rewrite',
          path: '/v2/droplets',
          urlIncludes: 'page=1&',
          links: { pages: { last: `${server.url}/v2/droplets?page=${last}&per_page=200` } },
          meta: {},
        });
        const error = await rejection(clientFor(server).listAll(droplet));
        assert.equal(error.kind, 'invalid_response');
        assert.match(error.message, new RegExp(`${last} pages`));
        assert.equal(server.seen.length, 1);
      }
    });

    it('refuses a last page that contradicts meta.total', async () => {
      server.faults.push({
        kind: 'rewrite',
        path: '/v2/droplets',
        urlIncludes: 'page=1&',
        links: { pages: { last: `${server.url}/v2/droplets?page=500&per_page=200` } },
      });
      const error = await rejection(clientFor(server).listAll(droplet));
      assert.match(error.message, /last page is 500 but also that there are 1207 items/);
      assert.equal(server.seen.length, 1);
    });

    it("checks a nested kind's listing the same way (its path has the parent ids)", async () => {
      const [first] = await clientFor(server).listAll(domain);
      const records = await clientFor(server, { perPage: 2 }).listAll(domainRecord, { parents: [first.name] });
      assert.ok(records.length > 2, 'several pages of records');
      server.faults.push({ kind: 'rewrite', path: `/v2/domains/${first.name}/records`, urlIncludes: 'page=2&', dropItems: 1, times: 2 });
      const error = await rejection(clientFor(server, { perPage: 2 }).listAll(domainRecord, { parents: [first.name] }));
      assert.match(error.message, new RegExp(`listing of /v2/domains/${first.name.replace(/\./g, '\\.')}/records is incomplete`));
    });

    it('refuses a meta.total that ends the listing early while every page links a next one (not 1,000 of 1,207 in silence)', async () => {
      server.faults.push({
        kind: 'rewrite',
        path: '/v2/droplets',
        urlIncludes: 'page=',
        meta: { total: 1000 },
        links: { pages: { next: `${server.url}/v2/droplets?page=99` } },
        times: 100,
      });
      const error = await rejection(clientFor(server).listAll(droplet));
      assert.equal(error.kind, 'invalid_response');
      assert.match(error.message, /announced 1000 items \(5 pages\) but page 5 links a next page/);
    });

    it("keeps more items than announced on the last page, once each: the spec's own reserved IPv6 example (2 items, total 1)", async () => {
      server.faults.push({
        kind: 'respond',
        path: '/v2/reserved_ipv6',
        body: {
          reserved_ipv6s: [
            { ip: '2604:a880:800:14::42c3:d000', region_slug: 'nyc3' },
            { ip: '2604:a880:800:14::42c3:d001', region_slug: 'nyc3' },
          ],
          links: {},
          meta: { total: 1 },
        },
      });
      const listed = await clientFor(server).listAll(reservedIpv6);
      assert.deepEqual(
        listed.map((r) => r.ip),
        ['2604:a880:800:14::42c3:d000', '2604:a880:800:14::42c3:d001'],
      );
      // a page that repeats an item is still one item each
      server.faults.push({
        kind: 'respond',
        path: '/v2/reserved_ipv6',
        body: {
          reserved_ipv6s: [
            { ip: '2604:a880:800:14::1', region_slug: 'nyc3' },
            { ip: '2604:a880:800:14::1', region_slug: 'nyc3' },
          ],
          links: {},
          meta: { total: 1 },
        },
      });
      assert.deepEqual(
        (await clientFor(server).listAll(reservedIpv6)).map((r) => r.ip),
        ['2604:a880:800:14::1'],
      );
    });

    it('accepts an endpoint that caps per_page lower than asked', async () => {
      const all = await clientFor(server).listAll(droplet);
      server.fake.maxPerPage = 150;
      server.seen.length = 0;
      const capped = await clientFor(server).listAll(droplet);
      assert.deepEqual(
        capped.map((d) => d.id),
        all.map((d) => d.id),
      );
      assert.equal(server.seen.length, 9, '1207 items in pages of 150');
    });
  });

  describe('what the client keeps from a response', () => {
    it('redacts the token from request ids in the body and the x-request-id header: in describe(), JSON and the log record', async () => {
      server.faults.push({ kind: 'status', status: 500, path: '/v2/account', times: 10, headers: { 'x-request-id': 'rid-{authorization}' } });
      const records: ExchangeRecord[] = [];
      const client = clientFor(server, { maxRetries: 0, onExchange: (r) => records.push(r) });
      const error = await rejection(client.account());
      server.faults.length = 0;
      server.faults.push({ kind: 'respond', path: '/v2/account', status: 404, body: { id: 'not_found', message: 'gone', request_id: `body-${TOKEN}` } });
      const bodyError = await rejection(client.account());
      server.faults.push({ kind: 'status', passThrough: true, path: '/v2/account', headers: { 'x-request-id': 'ok-{authorization}' } });
      await client.account();
      assert.equal(records.length, 3);
      for (const e of [error, bodyError]) {
        for (const text of [e.describe(), JSON.stringify(e), String(e.requestId), e.message]) assert.ok(!text.includes(TOKEN), `token in: ${text}`);
        assert.match(e.describe(), /\[redacted\]/);
      }
      for (const r of records) assert.ok(!JSON.stringify(r).includes(TOKEN), `token in log record ${JSON.stringify(r)}`);
      assert.match(records[2].requestId ?? '', /^ok-Bearer \[redacted\]$/);
    });
  });

  describe('waitForAction', () => {
    for (const [what, fault] of [
      ['a 200 {}', { kind: 'respond', body: {} }],
      ['an empty 200', { kind: 'respond', body: '' }],
      ['a 204', { kind: 'respond', status: 204 }],
      ['an unknown status', { kind: 'respond', body: { action: { id: 1, status: 'exploded' } } }],
    ] as const) {
      it(`reports ${what} as an invalid response, not a TypeError`, async () => {
        server.faults.push({ ...fault, path: '/v2/actions/' });
        const error = await rejection(clientFor(server).waitForAction(42));
        assert.equal(error.kind, 'invalid_response');
        assert.match(error.message, /no action with a known status/);
      });
    }

    it('polls once more at the deadline instead of giving up an interval early', async () => {
      server.fake.actionDurationMs = 400;
      const client = clientFor(server);
      const action = await client.act(droplet, '311000001', 'reboot');
      // polls at 0 and 300 ms find it in progress; the old code then quit (300 + 300 > 500)
      const done = await client.waitForAction(action.id, { interval: 300, timeout: 500 });
      assert.equal(done.status, 'completed');
    });
  });

  describe('DELETE', () => {
    it('a DELETE whose answer is lost after the server did it, then retried and told 404, succeeded', async () => {
      server.faults.push({ kind: 'reset-after', method: 'DELETE', path: '/v2/droplets/311000003' });
      await clientFor(server).remove(droplet, '311000003');
      assert.equal(server.seen.filter((r) => r.method === 'DELETE').length, 2);
      assert.equal(
        server.fake.data.droplets.some((d: { id: number }) => d.id === 311000003),
        false,
      );
    });

    it('a DELETE of something that was never there is still "not found"', async () => {
      const error = await rejection(clientFor(server).remove(droplet, '999999'));
      assert.equal(error.kind, 'not_found');
    });
  });

  describe('settings', () => {
    it('holds the request timeout to the declared 5–300 s, whatever settings.json says', () => {
      assert.equal(requestTimeoutMs(30), 30_000);
      assert.equal(requestTimeoutMs(0), 5_000);
      assert.equal(requestTimeoutMs(-1), 5_000);
      assert.equal(requestTimeoutMs(1e9), 300_000);
      assert.equal(requestTimeoutMs(Number.NaN), 30_000);
      assert.equal(requestTimeoutMs('30'), 30_000);
      assert.equal(requestTimeoutMs(undefined), 30_000);
      assert.equal(requestTimeoutMs(7.5), 7_500);
    });
  });
});
