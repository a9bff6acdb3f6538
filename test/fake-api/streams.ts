/**
 * What the fake serves besides the REST API: App Platform live logs (as a chunked `https`-style
 * stream or over a websocket, `{"data": line}` per message, as doctl reads them) and consoles
 * (a websocket taking `{"op":"stdin"|"resize"}` and sending `{"data"}`), with switches that drop
 * a log stream mid-line or mid-burst.
 *
 * One log stream is written at a time, at a set rate, independently of who reads it; each
 * connection first gets the last `replay` lines, then the live ones. Lines read
 * `<component> <timestamp> line <n> t=<ms since epoch, when written>`: two lines share each
 * timestamp, and now and then a line repeats the one before it exactly, so a reader must tell
 * repeats that are real from repeats caused by a replay.
 */
import { randomBytes } from 'node:crypto';
import type * as http from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';

export interface LogStreamConfig {
  transport: 'https' | 'wss';
  /** Lines per second. */
  rate: number;
  /** Lines in all; then the stream stays open and quiet. */
  total: number;
  /** Lines a new connection gets first. */
  replay: number;
  /**
   * After writing this many lines (1-based counts), every connection is cut; a cut that finds
   * nobody connected (still reconnecting from the last one) waits for the next reader.
   */
  drops: number[];
  /**
   * https: cut halfway through writing the next line, or at a random byte of it (which may fall
   * inside a multi-byte character); wss: cut in the middle of a burst.
   */
  dropMode: 'mid-line' | 'mid-burst' | 'random-byte';
  /**
   * How lines carry time: `plain` (one clock, trailing zeros kept), `interleaved` (two instances
   * whose clocks differ by up to 5 ms, so lines arrive out of timestamp order), `trimmed`
   * (RFC 3339 with trailing zeros trimmed: …00.07Z), `untimed` (no timestamp at all).
   */
  shape?: 'plain' | 'interleaved' | 'trimmed' | 'untimed';
  /** Writing starts this long after `start` (readers can connect first). */
  startDelayMs: number;
  /** Lines to write, in turn, instead of generated ones (hostile text for the log view's tests). */
  script?: string[];
}

interface Sink {
  send(line: string): void;
  /** Cut the connection; `partial`: bytes of a line to write first (https only). */
  cut(partial?: Uint8Array): void;
}

const BASE_TIME = Date.UTC(2026, 10, 24, 6, 0, 0);

export class FakeStreams {
  readonly token = randomBytes(12).toString('hex');
  config: LogStreamConfig = { transport: 'https', rate: 200, total: 400, replay: 5_000, drops: [], dropMode: 'mid-line', startDelayMs: 0 };
  readonly lines: string[] = [];
  private readonly sinks = new Set<Sink>();
  private timer?: NodeJS.Timeout;
  private delay?: NodeJS.Timeout;
  connections = 0;
  cuts = 0;
  private cutDue = false;
  readonly exec = { sessions: 0, inputs: [] as string[], resizes: [] as { width: number; height: number }[], open: 0 };
  private readonly wss = new WebSocketServer({ noServer: true });

  constructor(private readonly baseUrl: () => string) {}

  /** Starts a new log stream (forgetting the old one and cutting its readers). */
  start(config: Partial<LogStreamConfig>): void {
    this.stop();
    this.config = { ...this.config, script: undefined, ...config };
    this.lines.length = 0;
    this.connections = 0;
    this.cuts = 0;
    this.cutDue = false;
    const tickMs = 10;
    let carry = 0;
    this.delay = setTimeout(
      () =>
        (this.timer = setInterval(() => {
          carry += (this.config.rate * tickMs) / 1000;
          const burst = Math.floor(carry);
          carry -= burst;
          for (let i = 0; i < burst && this.lines.length < this.config.total; i++) this.write();
          if (this.lines.length >= this.config.total) clearInterval(this.timer);
        }, tickMs)),
      this.config.startDelayMs,
    );
  }

  stop(): void {
    clearTimeout(this.delay);
    clearInterval(this.timer);
    for (const sink of this.sinks) sink.cut();
    this.sinks.clear();
  }

  status(withLines = false) {
    return {
      written: this.lines.length,
      total: this.config.total,
      connections: this.connections,
      open: this.sinks.size,
      cuts: this.cuts,
      exec: this.exec,
      ...(withLines ? { lines: this.lines } : {}),
    };
  }

  static lineText(n: number, writtenAt: number, shape: LogStreamConfig['shape'] = 'plain'): string {
    const component = n % 3 === 0 ? 'worker' : 'web';
    // two instances: the second's clock runs up to 5 ms behind the first's
    const skew = shape === 'interleaved' && n % 2 === 0 ? -((n * 7) % 6) : 0;
    const iso = new Date(BASE_TIME + Math.floor(n / 2) + skew).toISOString();
    const ts = shape === 'trimmed' ? iso.replace(/\.?0+Z$/, 'Z') : iso.replace('Z', '000Z');
    const where = shape === 'interleaved' ? `${component}-${n % 2}` : component;
    // the shaped streams carry a multi-byte character in every line: a cut at a random byte may split it
    const text = shape === 'plain' ? `line ${n}` : `line ${n} é`;
    return shape === 'untimed' ? `${where} ${text} t=${writtenAt.toFixed(3)}` : `${where} ${ts} ${text} t=${writtenAt.toFixed(3)}`;
  }

  private write(): void {
    const n = this.lines.length + 1;
    // every 50th line repeats the one before, byte for byte (same timestamp: n and n-1 share one when n is odd)
    const script = this.config.script;
    const text = script?.length
      ? script[(n - 1) % script.length]
      : n % 50 === 1 && n > 1
        ? this.lines[n - 2]
        : FakeStreams.lineText(n, performance.timeOrigin + performance.now(), this.config.shape);
    this.lines.push(text);
    for (const sink of this.sinks) sink.send(text);
    if (this.config.drops.includes(n)) this.cutDue = true;
    if (this.cutDue && this.sinks.size > 0) {
      this.cutDue = false;
      this.cuts++;
      const next = Buffer.from(FakeStreams.lineText(n + 1, 0, this.config.shape));
      const partial =
        this.config.dropMode === 'mid-line'
          ? next.subarray(0, 20)
          : this.config.dropMode === 'random-byte'
            ? next.subarray(0, 1 + Math.floor(Math.random() * (next.length - 1)))
            : undefined;
      for (const sink of [...this.sinks]) sink.cut(partial);
      this.sinks.clear();
    }
  }

  liveLogUrl(): string {
    const base = this.baseUrl();
    return this.config.transport === 'wss' ? `${base.replace(/^http/, 'ws')}/__logs/live?token=${this.token}` : `${base}/__logs/live?token=${this.token}`;
  }

  historicLogUrl(): string {
    return `${this.baseUrl()}/__logs/historic?token=${this.token}`;
  }

  execUrl(component: string, instance: string): string {
    return `${this.baseUrl().replace(/^http/, 'ws')}/__exec?token=${this.token}&component=${encodeURIComponent(component)}&instance=${encodeURIComponent(instance)}`;
  }

  /** Plain HTTP requests for /__logs/…; true when handled. */
  handleHttp(req: http.IncomingMessage, res: http.ServerResponse): boolean {
    const url = new URL(req.url ?? '/', 'http://fake');
    if (!url.pathname.startsWith('/__logs/')) return false;
    if (url.searchParams.get('token') !== this.token) {
      res.writeHead(401).end();
      return true;
    }
    if (url.pathname === '/__logs/historic') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(this.lines.map((l) => l + '\n').join(''));
      return true;
    }
    if (url.pathname === '/__logs/live') {
      res.writeHead(200, { 'content-type': 'text/plain', 'cache-control': 'no-cache' });
      res.flushHeaders();
      this.connections++;
      const sink: Sink = {
        send: (line) => res.write(line + '\n'),
        cut: (partial) => {
          if (partial) res.write(partial);
          res.socket?.destroy();
        },
      };
      for (const line of this.lines.slice(-this.config.replay)) sink.send(line);
      this.sinks.add(sink);
      res.on('close', () => this.sinks.delete(sink));
      return true;
    }
    res.writeHead(404).end();
    return true;
  }

  /** Websocket upgrades for /__logs/live and /__exec; true when handled. */
  handleUpgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const url = new URL(req.url ?? '/', 'http://fake');
    if (url.pathname !== '/__logs/live' && url.pathname !== '/__exec') return false;
    if (url.searchParams.get('token') !== this.token) {
      socket.end('HTTP/1.1 401 Unauthorized\r\n\r\n');
      return true;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => (url.pathname === '/__exec' ? this.console(ws, url) : this.logSocket(ws)));
    return true;
  }

  private logSocket(ws: WebSocket): void {
    this.connections++;
    const sink: Sink = {
      send: (line) => ws.send(JSON.stringify({ data: line })),
      cut: () => ws.terminate(),
    };
    for (const line of this.lines.slice(-this.config.replay)) sink.send(line);
    this.sinks.add(sink);
    ws.on('close', () => this.sinks.delete(sink));
  }

  /** A console: echoes what is typed, answers each line, records resizes, ends on "exit". */
  private console(ws: WebSocket, url: URL): void {
    this.exec.sessions++;
    this.exec.open++;
    const instance = url.searchParams.get('instance') ?? '?';
    let line = '';
    const send = (data: string) => ws.send(JSON.stringify({ data }));
    send(`connected to ${instance}\r\n$ `);
    ws.on('message', (raw) => {
      let message: { op?: string; data?: string; width?: number; height?: number };
      try {
        message = JSON.parse(raw.toString());
      } catch {
        return;
      }
      if (message.op === 'resize' && typeof message.width === 'number' && typeof message.height === 'number') {
        this.exec.resizes.push({ width: message.width, height: message.height });
        return;
      }
      if (message.op !== 'stdin' || typeof message.data !== 'string' || message.data === '') return;
      this.exec.inputs.push(message.data);
      for (const ch of message.data) {
        if (ch === '\r') {
          if (line === 'exit') {
            send('\r\nlogout\r\n');
            ws.close(1000, 'exit');
            return;
          }
          send(`\r\nyou typed: ${line}\r\n$ `);
          line = '';
        } else if (ch === '\x03') {
          send('^C\r\n$ ');
          line = '';
        } else {
          line += ch;
          send(ch);
        }
      }
    });
    ws.on('close', () => this.exec.open--);
  }

  close(): void {
    this.stop();
    for (const client of this.wss.clients) client.terminate();
    this.wss.close();
  }
}
