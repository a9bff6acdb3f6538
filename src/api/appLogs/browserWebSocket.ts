/**
 * The part of the `ws` package's client that appLogs.ts uses, over the browser's own WebSocket:
 * the browser build (scripts/build.mjs) answers `import WebSocket from 'ws'` with this module, so
 * live logs and the console run unchanged in the web worker extension host.
 *
 * What differs from `ws` and why it does not matter here: a browser gives no reason for an error
 * event (the message is generic; the close that follows carries the code), and cannot abort a
 * handshake, so `handshakeTimeout` closes the socket itself when it has not opened in time.
 */
import * as l10n from '@vscode/l10n';

type Listener = (...args: never[]) => void;

interface Options {
  handshakeTimeout?: number;
}

export default class BrowserWebSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;

  private readonly socket: WebSocket;
  private readonly listeners = new Map<string, Listener[]>();
  private handshake?: ReturnType<typeof setTimeout>;

  constructor(url: string, options: Options = {}) {
    this.socket = new WebSocket(url);
    this.socket.binaryType = 'arraybuffer';
    if (options.handshakeTimeout) {
      this.handshake = setTimeout(() => {
        if (this.socket.readyState !== WebSocket.CONNECTING) return;
        this.emit('error', new Error(l10n.t('the opening handshake timed out')));
        this.terminate();
      }, options.handshakeTimeout);
    }
    this.socket.onopen = () => {
      clearTimeout(this.handshake);
      this.emit('open');
    };
    this.socket.onmessage = (event: MessageEvent) => {
      const data: unknown = event.data;
      this.emit('message', typeof data === 'string' ? data : new TextDecoder().decode(data as ArrayBuffer));
    };
    this.socket.onerror = () => this.emit('error', new Error(l10n.t('the connection failed')));
    this.socket.onclose = (event: CloseEvent) => {
      clearTimeout(this.handshake);
      this.emit('close', event.code, event.reason);
    };
  }

  get readyState(): number {
    return this.socket.readyState;
  }

  on(event: 'open' | 'message' | 'error' | 'close', listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  send(data: string): void {
    this.socket.send(data);
  }

  close(code?: number): void {
    this.socket.close(code);
  }

  /** Closes at once and reports it at once, as `ws` does (1006: no close frame was exchanged). */
  terminate(): void {
    if (this.socket.readyState === WebSocket.CLOSED) return;
    this.socket.onclose = null;
    this.socket.close();
    clearTimeout(this.handshake);
    this.emit('close', 1006, '');
  }

  private emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (...a: unknown[]) => void)(...args);
  }
}
