/**
 * Following an app's live log against the fake on loopback: over a chunked https-style stream
 * and over a websocket, with the stream cut three times (mid-line, mid-burst), every line
 * arrives exactly once and in order — real repeats kept, replayed ones dropped.
 */
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import fc from 'fast-check';
import {
  appLogUrls,
  LineDeduper,
  LineSplitter,
  LogFollower,
  MAX_LINE_CHARS,
  type FollowStatus,
  type LogLine,
  parseLogLine,
} from '../../src/api/appLogs/follow';
import { startFakeServer, type FakeServer } from '../fake-api/server';
import { fastClient } from './support/fixtures';

const TOKEN = 'dop_v1_' + 'a1'.repeat(32);

describe('App live logs', function () {
  this.timeout(60_000);
  let server: FakeServer;
  const appId = () => server.fake.data.apps[0].id as string;

  before(async () => {
    server = await startFakeServer({ tokens: [TOKEN] });
  });
  after(() => server.close());

  async function follow(transport: 'https' | 'wss', drops: number[], dropMode: 'mid-line' | 'mid-burst', total = 3_000) {
    server.streams.start({ transport, rate: 1_000, total, replay: 10_000, drops, dropMode });
    const client = fastClient(server, TOKEN);
    const lines: LogLine[] = [];
    const statuses: FollowStatus[] = [];
    const follower = new LogFollower({
      liveUrl: async (signal) => (await appLogUrls(client, { appId: appId() }, 'RUN', true, signal)).live_url!,
      onLine: (line) => lines.push(line),
      onStatus: (status) => statuses.push(status),
      minDelayMs: 100,
    });
    const running = follower.run();
    const deadline = Date.now() + 40_000;
    while (lines.length < total && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    // a little longer: nothing more may come
    await new Promise((r) => setTimeout(r, 300));
    follower.stop();
    await running;
    return { lines, statuses };
  }

  for (const [transport, dropMode] of [
    ['https', 'mid-line'],
    ['wss', 'mid-burst'],
  ] as const) {
    it(`${transport}: every line exactly once, in order, across three drops (${dropMode})`, async () => {
      const { lines, statuses } = await follow(transport, [600, 1_500, 2_400], dropMode);
      assert.equal(server.streams.status().cuts, 3);
      assert.deepEqual(
        lines.map((l) => l.text),
        server.streams.lines,
        'the lines shown are the lines written',
      );
      assert.equal(statuses.filter((s) => s.kind === 'dropped').length, 3, 'three drops, each said');
      assert.equal(statuses.filter((s) => s.kind === 'connected').length, 4, 'and four connections');
      assert.ok(
        lines.some((l, i) => i > 0 && l.text === lines[i - 1].text),
        'real repeats are kept',
      );
    });
  }

  it('parses component and time', () => {
    assert.deepEqual(parseLogLine('web 2026-11-24T06:00:00.000123Z hello world'), {
      text: 'web 2026-11-24T06:00:00.000123Z hello world',
      component: 'web',
      timestamp: '2026-11-24T06:00:00.000123Z',
      message: 'hello world',
    });
    assert.deepEqual(parseLogLine('no time here'), { text: 'no time here', message: 'no time here' });
  });

  /**
   * A log played through connections that are cut at `cuts`; each new connection first replays
   * the last `replays[k]` lines written so far (at least one), then goes on live. Returns what
   * the deduper let through.
   */
  function replayThrough(log: string[], cuts: number[], replays: number[]): string[] & { replayed?: number } {
    const dedupe = new LineDeduper();
    const shown: string[] & { replayed?: number } = [];
    shown.replayed = 0;
    let written = 0;
    [...cuts, log.length].forEach((cut, k) => {
      dedupe.reconnected();
      const replay = written === 0 ? 0 : 1 + ((replays[k] ?? 0) % written);
      shown.replayed! += replay;
      for (const text of log.slice(written - replay, written)) if (dedupe.accept(parseLogLine(text))) shown.push(text);
      for (const text of log.slice(written, Math.max(written, cut))) if (dedupe.accept(parseLogLine(text))) shown.push(text);
      written = Math.max(written, cut);
    });
    return shown;
  }

  const cutsOf = (length: number) => fc.array(fc.nat(400), { maxLength: 5 }).map((cs) => [...new Set(cs.map((c) => c % length))].sort((a, b) => a - b));

  it('shows every line once across replays, whatever the timestamps: instances interleaved, trailing zeros trimmed, none at all (1,000 generated logs)', () => {
    const line = fc.tuple(fc.constantFrom('web', 'worker', 'web-2'), fc.nat(2_000), fc.constantFrom('full', 'trimmed', 'none'));
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 300 }), fc.array(fc.nat(400), { maxLength: 6 }), (specs, replays) => {
        // two instances write within the same milliseconds and out of order; every text is its own
        const log = specs.map(([component, ms, form], i) => {
          const stamp = new Date(Date.UTC(2026, 10, 24, 6) + ms).toISOString();
          const time = form === 'full' ? stamp.replace('Z', '000Z') : stamp.replace(/\.?0+Z$/, 'Z');
          return form === 'none' ? `starting step ${i}` : `${component} ${time} request ${i}`;
        });
        const cuts = fc.sample(cutsOf(log.length), { numRuns: 1, seed: log.length })[0];
        assert.deepEqual([...replayThrough(log, cuts, replays)], log);
      }),
      { numRuns: 1_000 },
    );
  });

  it('never loses a line, also among many identical ones (1,000 generated logs of repeated texts)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('GET /health 200', 'tick', 'web 2026-11-24T06:00:00Z same'), { minLength: 1, maxLength: 200 }),
        fc.array(fc.nat(400), { maxLength: 6 }),
        fc.array(fc.nat(400), { maxLength: 5 }),
        (log, replays, cutsAt) => {
          const cuts = [...new Set(cutsAt.map((c) => c % log.length))].sort((a, b) => a - b);
          const shown = replayThrough(log, cuts, replays);
          // every line written is shown, in order (a repeat is the most an ambiguous replay costs)
          let at = 0;
          for (const text of shown) if (at < log.length && text === log[at]) at++;
          assert.equal(at, log.length, `lost ${log.length - at} of ${log.length}`);
          assert.ok(shown.length <= log.length + shown.replayed!, 'at most the replays shown again');
        },
      ),
      { numRuns: 1_000 },
    );
  });

  it('splits a stream into lines looking at each chunk once, keeps a last line without its newline, and cuts a line that never ends at 1 MiB', () => {
    const lines: string[] = [];
    const splitter = new LineSplitter((l) => lines.push(l));
    for (const chunk of ['a', 'b\nc', '\n\n', 'é', 'x']) splitter.push(chunk);
    splitter.end();
    assert.deepEqual(lines, ['ab', 'c', '', 'éx']);

    // 32 MiB without a newline, in 64 KiB chunks: never more than 1 MiB held, one line with a marker
    const long: string[] = [];
    const big = new LineSplitter((l) => long.push(l));
    const chunk = 'y'.repeat(64 * 1024);
    for (let i = 0; i < 512; i++) {
      big.push(chunk);
      assert.ok(big.held <= MAX_LINE_CHARS);
    }
    big.push('\nnext\n');
    assert.equal(long.length, 2);
    assert.equal(long[0].length, MAX_LINE_CHARS + ' … [line cut: 33,554,432 characters]'.length);
    assert.ok(long[0].endsWith(' … [line cut: 33,554,432 characters]'));
    assert.equal(long[1], 'next');
  });
});

describe('App live logs: a connection that goes silent', function () {
  this.timeout(120_000);
  const TRIALS = 20;

  /** A loopback server per case, counting connections; closed after each. */
  async function listen(server: http.Server): Promise<string> {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    return `127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  async function followFor(url: string, ms: number, options: { idleMs: number; pingMs: number }) {
    const statuses: FollowStatus[] = [];
    const lines: LogLine[] = [];
    const follower = new LogFollower({ liveUrl: async () => url, onLine: (l) => lines.push(l), onStatus: (s) => statuses.push(s), minDelayMs: 20, ...options });
    const running = follower.run();
    await new Promise((r) => setTimeout(r, ms));
    follower.stop();
    await running;
    return { statuses, lines };
  }

  it(`https: headers then nothing is taken as dead after the idle time, said, and replaced (${TRIALS} trials)`, async () => {
    for (let trial = 0; trial < TRIALS; trial++) {
      let connections = 0;
      const server = http.createServer((_req, res) => {
        connections++;
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.write(connections === 1 ? 'web 2026-12-04T10:00:00Z line one\n' : '');
      });
      const host = await listen(server);
      try {
        const { statuses, lines } = await followFor(`http://${host}/live`, 1_100, { idleMs: 400, pingMs: 50 });
        const dropped = statuses.filter((s): s is Extract<FollowStatus, { kind: 'dropped' }> => s.kind === 'dropped');
        assert.ok(dropped.length >= 1, `trial ${trial}: the silence was noticed (${JSON.stringify(statuses)})`);
        assert.match(dropped[0].reason, /^nothing came for/);
        assert.ok(connections >= 2, `trial ${trial}: and the stream was opened again (${connections})`);
        assert.equal(lines.length, 1, 'the line before the silence, once');
        assert.ok(!statuses.some((s) => s.kind === 'stopped' && s.reason), 'a quiet stream is never given up on');
      } finally {
        server.closeAllConnections();
        server.close();
      }
    }
  });

  it(`websocket: a socket that opens and answers no ping is taken as dead and replaced; one that answers stays (${TRIALS} trials)`, async () => {
    for (let trial = 0; trial < TRIALS; trial++) {
      for (const autoPong of [false, true]) {
        const server = http.createServer();
        const wss = new WebSocketServer({ server, autoPong });
        let connections = 0;
        wss.on('connection', () => connections++);
        const host = await listen(server);
        try {
          const { statuses } = await followFor(`ws://${host}/live`, 1_100, { idleMs: 400, pingMs: 50 });
          const dropped = statuses.filter((s) => s.kind === 'dropped');
          if (autoPong) {
            assert.deepEqual(dropped, [], `trial ${trial}: a quiet socket that answers pings is alive`);
            assert.equal(connections, 1);
          } else {
            assert.ok(dropped.length >= 1, `trial ${trial}: the dead socket was noticed`);
            assert.ok(connections >= 2, `trial ${trial}: and replaced (${connections})`);
          }
        } finally {
          for (const c of wss.clients) c.terminate();
          wss.close();
          server.closeAllConnections();
          server.close();
        }
      }
    }
  });
});
