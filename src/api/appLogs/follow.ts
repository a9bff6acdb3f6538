/**
 * App Platform logs and console: where to read them (`GET …/logs` → `{live_url, historic_urls}`,
 * `GET …/exec` → `{url}`), and a follower that reads a live log without dropping or repeating a
 * line across reconnects. No vscode.
 *
 * The live URL is `https://` (a chunked stream of lines) or `wss://` (a message per line,
 * `{"data": "<line>"}`, as doctl reads it); both carry a token in their query, so they are never
 * logged. Lines read `<component> <timestamp> <message>`. A (re)connected stream starts with the
 * latest lines it has kept, then goes on live: the follower skips what it has shown already by
 * lining the replay up with the lines it showed last (their text, in order — never by comparing
 * timestamps, which instances interleave and write with trimmed digits, and some lines lack).
 * A line cut off by a drop is not shown until it comes again whole; one that never ends is cut at
 * 1 MiB, with a marker.
 */
import WebSocket from 'ws';
import type { DigitalOceanClient } from '../client';
import { type AppLogScope, scopePath } from './files';
import * as l10n from '@vscode/l10n';

type Requester = Pick<DigitalOceanClient, 'request'>;

const seg = encodeURIComponent;

export { type AppLogScope, type AppLogType, type AppLogUrls, appLogUrls, readArchivedLog } from './files';

/** The console websocket of a running component (with a token in it: a secret). */
export async function appExecUrl(client: Requester, scope: AppLogScope & { component: string }, instanceName?: string, signal?: AbortSignal): Promise<string> {
  const body = await client.request<{ url?: string }>('GET', `${scopePath(scope)}/exec`, { query: { instance_name: instanceName }, signal });
  if (!body?.url) throw new Error(l10n.t('The API gave no console address for this component.'));
  return body.url;
}

export interface AppInstance {
  component_name: string;
  instance_name: string;
  instance_alias?: string;
  component_type?: string;
}

/** The running instances of an app's components (for the console's instance picker). */
export async function appInstances(client: Requester, appId: string, signal?: AbortSignal): Promise<AppInstance[]> {
  const body = await client.request<{ instances?: AppInstance[] }>('GET', `/v2/apps/${seg(appId)}/instances`, { signal });
  return body?.instances ?? [];
}

/** A log line: `<component> <timestamp> <message>` (anything else: the whole line as the message). */
export interface LogLine {
  text: string;
  component?: string;
  /** RFC 3339, as sent (compared as text: same length and zone, so text order is time order). */
  timestamp?: string;
  message: string;
}

const LINE = /^(\S+) (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)) (.*)$/s;

export function parseLogLine(text: string): LogLine {
  const m = LINE.exec(text);
  return m ? { text, component: m[1], timestamp: m[2], message: m[3] } : { text, message: text };
}

/** The longest line shown; the rest of a longer one is dropped, said by a marker. */
export const MAX_LINE_CHARS = 1 << 20;

/**
 * Which lines of a (re)connected stream were shown already. The lines shown last are kept in
 * order (up to `window` of them); a new connection's first lines are lined up with them: each
 * place in that history where the stream's lines so far match it, line for line, is a candidate
 * for where the replay started. While a candidate lasts, lines are replays and skipped; when one
 * reaches the end of the history, the replay is over and what follows is new; when none is left,
 * the line that ended the last one is new (it is shown, and so is all that follows). A stream
 * that starts with lines older than the history shows them: a repeat rather than a loss.
 */
export class LineDeduper {
  private history: string[] = [];
  /** Positions in `history` the current replay may continue from (the next line expected there). */
  private candidates: number[] | undefined;
  /** Whether the current connection's lines are still being lined up. */
  private aligning = false;
  /** Where each text stands in the history, for a connection's first replayed line. */
  private places = new Map<string, number[]>();
  /** The history's length when the connection began: the replay is over where it ends. */
  private end = 0;

  constructor(private readonly window = 20_000) {}

  /** A new connection: its first lines may repeat what was shown. */
  reconnected(): void {
    this.aligning = this.history.length > 0;
    this.candidates = undefined;
    this.end = this.history.length;
    this.places = new Map();
    this.history.forEach((text, i) => {
      const at = this.places.get(text);
      if (at) at.push(i);
      else this.places.set(text, [i]);
    });
  }

  /** Whether to show this line. */
  accept(line: LogLine): boolean {
    if (this.aligning) {
      const text = line.text;
      const next = (this.candidates ?? this.places.get(text) ?? []).filter((p) => p < this.end && this.history[p] === text).map((p) => p + 1);
      if (next.length > 0) {
        // a replayed line; once a candidate has matched up to the last line shown, the replay is over
        this.candidates = next;
        if (next.includes(this.end)) this.aligning = false;
        return false;
      }
      // before any match: lines older than the history (shown: nothing is lost); after one: new
      if (this.candidates !== undefined) this.aligning = false;
    }
    this.history.push(line.text);
    if (!this.aligning && this.history.length > this.window * 2) this.history = this.history.slice(-this.window);
    return true;
  }
}

interface Ended {
  /** Whether any line came: then the back-off starts again from its minimum. */
  any: boolean;
  /** Ended by the idle watchdog after the connection had opened: not a failure to connect. */
  idle?: boolean;
  reason: string;
}

export type FollowStatus =
  { kind: 'connected'; attempt: number } | { kind: 'dropped'; attempt: number; retryInMs: number; reason: string } | { kind: 'stopped'; reason?: string };

export interface LogFollowerOptions {
  /** A fresh live URL for each (re)connection: the old one may have expired. */
  liveUrl(signal: AbortSignal): Promise<string>;
  onLine(line: LogLine): void;
  onStatus?(status: FollowStatus): void;
  /** Back-off between reconnections: doubles from `minMs` up to `maxMs`; reset once lines flow. */
  minDelayMs?: number;
  maxDelayMs?: number;
  /** Give up after this many failed connections in a row. */
  maxAttempts?: number;
  /**
   * A connection that brings nothing for this long — no line, and on a websocket no answer to
   * our pings either — is taken as dead, said so, and replaced (the replay fills the gap).
   */
  idleMs?: number;
  /** How often a websocket is pinged (where the platform can: not in a browser). */
  pingMs?: number;
}

/** Follows a live log until stopped, reconnecting with back-off; resolves when it stops. */
export class LogFollower {
  private readonly controller = new AbortController();
  private readonly dedupe = new LineDeduper();
  private socket?: WebSocket;

  constructor(private readonly options: LogFollowerOptions) {}

  stop(): void {
    this.controller.abort();
    this.socket?.terminate();
  }

  get stopped(): boolean {
    return this.controller.signal.aborted;
  }

  async run(): Promise<void> {
    const { minDelayMs = 500, maxDelayMs = 15_000, maxAttempts = 20 } = this.options;
    let failures = 0;
    let delay = minDelayMs;
    for (let attempt = 1; !this.stopped; attempt++) {
      let reason: string;
      let gotLines = false;
      try {
        const url = await this.options.liveUrl(this.controller.signal);
        this.dedupe.reconnected();
        const ended = await this.readOnce(url, attempt);
        // a connection that opened and then went quiet is no failure to connect: a quiet app
        // reconnects for as long as it is followed, without giving up
        gotLines = ended.any || ended.idle === true;
        reason = ended.reason;
      } catch (error) {
        if (this.stopped) break;
        reason = error instanceof Error ? error.message : String(error);
      }
      if (this.stopped) break;
      if (gotLines) {
        failures = 0;
        delay = minDelayMs;
      } else if (++failures >= maxAttempts) {
        this.options.onStatus?.({ kind: 'stopped', reason: l10n.t('gave up after {0} attempts: {1}', failures, reason) });
        return;
      }
      this.options.onStatus?.({ kind: 'dropped', attempt, retryInMs: delay, reason });
      await sleep(delay, this.controller.signal);
      delay = Math.min(delay * 2, maxDelayMs);
    }
    this.options.onStatus?.({ kind: 'stopped' });
  }

  /** One connection; resolves when it ends (whether lines came, and why); rejects when it could not start. */
  private readOnce(url: string, attempt: number): Promise<Ended> {
    const scheme = new URL(url).protocol;
    if (scheme === 'wss:' || scheme === 'ws:') return this.readWebSocket(url, attempt);
    if (scheme === 'https:' || scheme === 'http:') return this.readChunked(url, attempt);
    return Promise.reject(new Error(l10n.t('The live log address uses {0}, neither https nor wss.', scheme)));
  }

  private deliver(text: string): void {
    const line = parseLogLine(text.replace(/\r$/, ''));
    if (this.dedupe.accept(line)) this.options.onLine(line);
  }

  /** Calls `onIdle` once nothing has been `seen()` for idleMs; `stop()` when the connection ends. */
  private watchdog(onIdle: () => void): { seen(): void; stop(): void; fired(): boolean } {
    const idleMs = this.options.idleMs ?? IDLE_MS;
    let last = Date.now();
    let fired = false;
    const timer = setInterval(
      () => {
        if (Date.now() - last < idleMs) return;
        fired = true;
        clearInterval(timer);
        onIdle();
      },
      Math.max(10, Math.min(1_000, idleMs / 4)),
    );
    return { seen: () => (last = Date.now()), stop: () => clearInterval(timer), fired: () => fired };
  }

  private idleReason(): string {
    return l10n.t('nothing came for {0} s', Math.round((this.options.idleMs ?? IDLE_MS) / 1000));
  }

  private async readChunked(url: string, attempt: number): Promise<Ended> {
    // its own abort, for the watchdog; stopping the follower aborts it too
    const connection = new AbortController();
    const stopAll = () => connection.abort();
    this.controller.signal.addEventListener('abort', stopAll, { once: true });
    const idle = this.watchdog(() => connection.abort());
    try {
      const response = await fetch(url, { signal: connection.signal, headers: { accept: 'text/plain' } });
      if (!response.ok || !response.body) throw new Error(l10n.t('the live log answered HTTP {0}', response.status));
      this.options.onStatus?.({ kind: 'connected', attempt });
      idle.seen();
      const decoder = new TextDecoder();
      let any = false;
      const lines = new LineSplitter((text) => {
        any = true;
        this.deliver(text);
      });
      try {
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
          idle.seen();
          lines.push(decoder.decode(chunk, { stream: true }));
        }
      } catch (error) {
        if (idle.fired()) return { any, idle: true, reason: this.idleReason() };
        // the unfinished line is lost with the connection: the replay brings it whole
        return { any, reason: l10n.t('the stream broke ({0})', error instanceof Error ? error.message : String(error)) };
      }
      // a clean end: a last line without its newline is a line all the same
      lines.end(decoder.decode());
      return { any, reason: l10n.t('the stream ended') };
    } catch (error) {
      // headers that never came: the watchdog's abort, said as such
      if (idle.fired() && !this.stopped) throw new Error(this.idleReason());
      throw error;
    } finally {
      idle.stop();
      this.controller.signal.removeEventListener('abort', stopAll);
    }
  }

  private readWebSocket(url: string, attempt: number): Promise<Ended> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, { handshakeTimeout: 15_000 });
      this.socket = socket;
      let any = false;
      let opened = false;
      // a socket that opens and then goes silent stays "open" forever: ping it (ws can; a
      // browser's socket cannot, and answers pings itself), and count pongs and messages as life
      const idle = this.watchdog(() => socket.terminate());
      let pinger: ReturnType<typeof setInterval> | undefined;
      socket.on('open', () => {
        opened = true;
        idle.seen();
        this.options.onStatus?.({ kind: 'connected', attempt });
        const ping = (socket as { ping?: () => void }).ping;
        if (typeof ping === 'function') {
          pinger = setInterval(() => {
            try {
              ping.call(socket);
            } catch {
              // closing: the close event follows
            }
          }, this.options.pingMs ?? PING_MS);
        }
      });
      socket.on('pong', () => idle.seen());
      socket.on('message', (raw) => {
        idle.seen();
        let text: string;
        try {
          const parsed = JSON.parse(raw.toString()) as { data?: unknown };
          text = typeof parsed.data === 'string' ? parsed.data : raw.toString();
        } catch {
          text = raw.toString();
        }
        // a message may hold several lines, or end with a newline
        for (const piece of text.replace(/\n$/, '').split('\n')) {
          any = true;
          this.deliver(capLine(piece));
        }
      });
      socket.on('error', (error) => {
        if (!opened) reject(new Error(l10n.t('could not open the live log: {0}', error.message)));
      });
      socket.on('close', (code) => {
        this.socket = undefined;
        idle.stop();
        clearInterval(pinger);
        if (opened && idle.fired()) resolve({ any, idle: true, reason: this.idleReason() });
        else if (opened) resolve({ any, reason: l10n.t('the socket closed ({0})', code) });
        else reject(new Error(l10n.t('the live log closed before it opened')));
      });
    });
  }
}

/** Nothing for this long — no line, no pong — and a connection is replaced. */
const IDLE_MS = 75_000;
/** A websocket is pinged this often (well inside IDLE_MS). */
const PING_MS = 20_000;

/** A line cut at MAX_LINE_CHARS, with a marker saying so. */
function capLine(text: string): string {
  return text.length <= MAX_LINE_CHARS ? text : `${text.slice(0, MAX_LINE_CHARS)} … [line cut: ${text.length.toLocaleString('en-US')} characters]`;
}

/**
 * Lines out of a stream's text, each handed on when its newline comes. Each chunk is looked
 * through once (a long line is not split again on every chunk), and a line that grows past
 * MAX_LINE_CHARS keeps only that much, the rest counted and dropped until its end.
 */
export class LineSplitter {
  private parts: string[] = [];
  private length = 0;
  private dropped = 0;

  constructor(private readonly onLine: (text: string) => void) {}

  /** Characters held for the line not finished yet (at most MAX_LINE_CHARS). */
  get held(): number {
    return this.length;
  }

  push(chunk: string): void {
    let from = 0;
    for (let nl = chunk.indexOf('\n'); nl >= 0; nl = chunk.indexOf('\n', from)) {
      this.add(chunk.slice(from, nl));
      this.flush();
      from = nl + 1;
    }
    if (from < chunk.length) this.add(chunk.slice(from));
  }

  /** The stream ended cleanly: what is left is its last line. */
  end(rest = ''): void {
    if (rest) this.add(rest);
    if (this.length > 0 || this.dropped > 0) this.flush();
  }

  private add(piece: string): void {
    const room = MAX_LINE_CHARS - this.length;
    if (piece.length <= room) {
      if (piece) this.parts.push(piece);
      this.length += piece.length;
    } else {
      if (room > 0) this.parts.push(piece.slice(0, room));
      this.length += Math.max(room, 0);
      this.dropped += piece.length - Math.max(room, 0);
    }
  }

  private flush(): void {
    const text = this.parts.join('');
    const dropped = this.dropped;
    this.parts = [];
    this.length = 0;
    this.dropped = 0;
    this.onLine(dropped > 0 ? `${text} … [line cut: ${(text.length + dropped).toLocaleString('en-US')} characters]` : text);
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}

export interface AppConsoleHandlers {
  onOpen(): void;
  onOutput(data: string): void;
  /** The socket closed: by the server (the shell exited) or by `close()`. */
  onClose(code: number, reason: string): void;
  onError(message: string): void;
}

/**
 * A component's console over the `exec` websocket, spoken as doctl speaks it: input as
 * `{"op":"stdin","data"}` (an empty one every 30 s keeps it open), the terminal's size as
 * `{"op":"resize","width","height"}`, output as `{"data"}` messages. The URL holds a token: it is
 * never logged.
 */
export class AppConsole {
  private readonly socket: WebSocket;
  private readonly keepalive: NodeJS.Timeout;
  private size?: { width: number; height: number };

  constructor(
    url: string,
    private readonly handlers: AppConsoleHandlers,
  ) {
    this.socket = new WebSocket(url, { handshakeTimeout: 15_000 });
    this.socket.on('open', () => {
      handlers.onOpen();
      if (this.size) this.send({ op: 'resize', ...this.size });
    });
    this.socket.on('message', (raw) => {
      try {
        const message = JSON.parse(raw.toString()) as { data?: unknown };
        if (typeof message.data === 'string') handlers.onOutput(message.data);
      } catch {
        handlers.onOutput(raw.toString());
      }
    });
    this.socket.on('error', (error) => handlers.onError(error.message.replace(/token=[^&\s]+/g, 'token=…')));
    this.socket.on('close', (code, reason) => {
      clearInterval(this.keepalive);
      handlers.onClose(code, reason.toString());
    });
    this.keepalive = setInterval(() => this.send({ op: 'stdin', data: '' }), 30_000);
  }

  input(data: string): void {
    this.send({ op: 'stdin', data });
  }

  resize(width: number, height: number): void {
    this.size = { width, height };
    this.send({ op: 'resize', width, height });
  }

  close(): void {
    clearInterval(this.keepalive);
    if (this.socket.readyState === WebSocket.OPEN) this.socket.close(1000);
    else this.socket.terminate();
  }

  private send(message: object): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(message));
  }
}
