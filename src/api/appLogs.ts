/**
 * App Platform logs and console: where to read them (`GET …/logs` → `{live_url, historic_urls}`,
 * `GET …/exec` → `{url}`), and a follower that reads a live log without dropping or repeating a
 * line across reconnects. No vscode.
 *
 * The live URL is `https://` (a chunked stream of lines) or `wss://` (a message per line,
 * `{"data": "<line>"}`, as doctl reads it); both carry a token in their query, so they are never
 * logged. Lines read `<component> <timestamp> <message>`. A (re)connected stream starts with the
 * latest lines it has kept, then goes on live: the follower skips what it has shown already, by
 * timestamp — every line older than the last one shown, and, among lines with that same
 * timestamp, as many copies of each text as it has shown. A line cut off by a drop is not shown
 * until it comes again whole.
 */
import WebSocket from 'ws';
import type { DigitalOceanClient } from './client';
import * as l10n from '@vscode/l10n';

type Requester = Pick<DigitalOceanClient, 'request'>;

const seg = encodeURIComponent;

export type AppLogType = 'BUILD' | 'DEPLOY' | 'RUN' | 'RUN_RESTARTED' | 'AUTOSCALE_EVENT';

export interface AppLogScope {
  appId: string;
  /** Omitted: the active deployment. */
  deploymentId?: string;
  /** Omitted: every component. */
  component?: string;
}

export interface AppLogUrls {
  live_url?: string;
  historic_urls?: string[];
}

function scopePath({ appId, deploymentId, component }: AppLogScope): string {
  return `/v2/apps/${seg(appId)}${deploymentId ? `/deployments/${seg(deploymentId)}` : ''}${component ? `/components/${seg(component)}` : ''}`;
}

/** Where an app's (deployment's, component's) logs of a type are: a live URL to follow, archived files. */
export async function appLogUrls(client: Requester, scope: AppLogScope, type: AppLogType, follow: boolean, signal?: AbortSignal): Promise<AppLogUrls> {
  return client.request<AppLogUrls>('GET', `${scopePath(scope)}/logs`, { query: { type, follow, pod_connection_timeout: follow ? '3m' : undefined }, signal });
}

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

/** Skips what was shown already when a stream starts again from its kept lines (see the top). */
export class LineDeduper {
  private lastTimestamp?: string;
  /** How many times each text was shown with `lastTimestamp`. */
  private atLast = new Map<string, number>();
  /** Of those, how many a replay may still repeat. */
  private replayable = new Map<string, number>();

  /** A new connection: its first lines may repeat what was shown. */
  reconnected(): void {
    this.replayable = new Map(this.atLast);
  }

  /** Whether to show this line. */
  accept(line: LogLine): boolean {
    const ts = line.timestamp;
    if (ts === undefined || this.lastTimestamp === undefined || ts > this.lastTimestamp) {
      if (ts !== undefined) {
        this.lastTimestamp = ts;
        this.atLast = new Map([[line.text, 1]]);
        this.replayable = new Map();
      }
      return true;
    }
    if (ts < this.lastTimestamp) return false;
    const left = this.replayable.get(line.text) ?? 0;
    if (left > 0) {
      this.replayable.set(line.text, left - 1);
      return false;
    }
    this.atLast.set(line.text, (this.atLast.get(line.text) ?? 0) + 1);
    return true;
  }
}

interface Ended {
  /** Whether any line came: then the back-off starts again from its minimum. */
  any: boolean;
  reason: string;
}

export type FollowStatus =
  | { kind: 'connected'; attempt: number }
  | { kind: 'dropped'; attempt: number; retryInMs: number; reason: string }
  | { kind: 'stopped'; reason?: string };

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
        gotLines = ended.any;
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

  private async readChunked(url: string, attempt: number): Promise<Ended> {
    const response = await fetch(url, { signal: this.controller.signal, headers: { accept: 'text/plain' } });
    if (!response.ok || !response.body) throw new Error(l10n.t('the live log answered HTTP {0}', response.status));
    this.options.onStatus?.({ kind: 'connected', attempt });
    const decoder = new TextDecoder();
    let pending = '';
    let any = false;
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        pending += decoder.decode(chunk, { stream: true });
        const lines = pending.split('\n');
        // the last piece is a line not finished yet: a drop there loses it until the replay
        pending = lines.pop() ?? '';
        for (const text of lines) {
          any = true;
          this.deliver(text);
        }
      }
    } catch (error) {
      return { any, reason: l10n.t('the stream broke ({0})', error instanceof Error ? error.message : String(error)) };
    }
    return { any, reason: l10n.t('the stream ended') };
  }

  private readWebSocket(url: string, attempt: number): Promise<Ended> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, { handshakeTimeout: 15_000 });
      this.socket = socket;
      let any = false;
      let opened = false;
      socket.on('open', () => {
        opened = true;
        this.options.onStatus?.({ kind: 'connected', attempt });
      });
      socket.on('message', (raw) => {
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
          this.deliver(piece);
        }
      });
      socket.on('error', (error) => {
        if (!opened) reject(new Error(l10n.t('could not open the live log: {0}', error.message)));
      });
      socket.on('close', (code) => {
        this.socket = undefined;
        if (opened) resolve({ any, reason: l10n.t('the socket closed ({0})', code) });
        else reject(new Error(l10n.t('the live log closed before it opened')));
      });
    });
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
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

  constructor(url: string, private readonly handlers: AppConsoleHandlers) {
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
