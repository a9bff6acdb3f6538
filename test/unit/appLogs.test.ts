/**
 * Following an app's live log against the fake on loopback: over a chunked https-style stream
 * and over a websocket, with the stream cut three times (mid-line, mid-burst), every line
 * arrives exactly once and in order — real repeats kept, replayed ones dropped.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { appLogUrls, LineDeduper, LogFollower, type FollowStatus, type LogLine, parseLogLine } from '../../src/api/appLogs';
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

  for (const [transport, dropMode] of [['https', 'mid-line'], ['wss', 'mid-burst']] as const) {
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
      assert.ok(lines.some((l, i) => i > 0 && l.text === lines[i - 1].text), 'real repeats are kept');
    });
  }

  it('parses component and time, and dedupes a replay by timestamp and count (1,000 generated replays)', () => {
    assert.deepEqual(parseLogLine('web 2026-11-24T06:00:00.000123Z hello world'), { text: 'web 2026-11-24T06:00:00.000123Z hello world', component: 'web', timestamp: '2026-11-24T06:00:00.000123Z', message: 'hello world' });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(5), fc.constantFrom('a', 'b', 'c')), { minLength: 1, maxLength: 40 }),
        fc.array(fc.nat(40), { maxLength: 4 }),
        (steps, cutsAt) => {
          // a log with non-decreasing timestamps and repeated texts
          let t = 0;
          const log = steps.map(([dt, word]) => `w 2026-11-24T06:00:${String((t += dt % 2)).padStart(2, '0')}.000Z ${word}`);
          const cuts = [...new Set(cutsAt.map((c) => c % log.length))].sort((a, b) => a - b);
          // each connection replays everything written so far, then goes on; it is cut at `cuts`
          const dedupe = new LineDeduper();
          const shown: string[] = [];
          let written = 0;
          for (const cut of [...cuts, log.length]) {
            dedupe.reconnected();
            for (const text of log.slice(0, written)) if (dedupe.accept(parseLogLine(text))) shown.push(text);
            for (const text of log.slice(written, Math.max(written, cut))) if (dedupe.accept(parseLogLine(text))) shown.push(text);
            written = Math.max(written, cut);
          }
          assert.deepEqual(shown, log);
        },
      ),
      { numRuns: 1_000 },
    );
  });
});
