/**
 * App logs and console in the real extension host. The fake serves the live log over a
 * websocket or as a chunked stream and cuts it three times; the log view shows every line
 * exactly once, in order, and says it reconnected. The console speaks to the fake's exec
 * websocket: typing comes back, a resize reaches it, and "exit" ends the terminal.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ConsoleView, LogView } from '../../src/commands/app';
import type { TestingApi } from '../../src/extension';
import { eventually, extensionApi, fake, freshDemo } from './support/env';
import { ScriptedUserInput } from './support/scriptedInput';

interface StreamStatus {
  written: number;
  connections: number;
  open: number;
  cuts: number;
  lines?: string[];
  exec: { sessions: number; open: number; inputs: string[]; resizes: { width: number; height: number }[] };
}

describe('App logs and console', function () {
  this.timeout(120_000);
  let api: TestingApi;
  const status = (lines = false) => fake.call<StreamStatus>('GET', `/__fake/logs${lines ? '?lines=1' : ''}`);

  before(async () => {
    api = await extensionApi();
  });
  beforeEach(() => freshDemo(api));
  afterEach(() => {
    api.setUserInput(undefined);
    for (const t of vscode.window.terminals) t.dispose();
  });

  async function run<T>(command: string, answers: string[]): Promise<T> {
    api.setUserInput(new ScriptedUserInput(answers));
    return (await vscode.commands.executeCommand<T>(command))!;
  }

  for (const [transport, dropMode] of [['wss', 'mid-burst'], ['https', 'mid-line']] as const) {
    it(`follows run logs over ${transport}: every line once and in order across three drops (${dropMode}), saying it reconnected`, async () => {
      const total = 3_000;
      await fake.call('POST', '/__fake/logs', { transport, rate: 1_000, total, replay: 10_000, drops: [600, 1_500, 2_400], dropMode, startDelayMs: 1_500 });
      const view = await run<LogView>('digitalocean.app.showLogs', ['marketing-site', 'Run']);
      const shown: string[] = [];
      let written = '';
      view.onDidShowLine((line) => shown.push(line.text));
      view.onDidWrite((text) => (written += text));
      assert.equal(view.lineCount, 0, 'listening before the first line');
      await eventually(`${total} lines`, () => shown.length >= total, 40_000);
      await new Promise((r) => setTimeout(r, 500));
      const fakeSide = await status(true);
      assert.equal(fakeSide.cuts, 3);
      assert.deepEqual(shown, fakeSide.lines, 'the view shows exactly the lines written, in order');
      assert.equal((written.match(/reconnected \(attempt \d\)/g) ?? []).length, 3, 'the view says it reconnected, each time');

      // closing the view stops following
      const terminal = vscode.window.terminals.find((t) => t.name === 'Logs: marketing-site · web · run')!;
      assert.ok(terminal, 'the log terminal is named after the app, component and type');
      terminal.dispose();
      await eventually('the stream to be closed', async () => (await status()).open === 0);
      const connections = (await status()).connections;
      await new Promise((r) => setTimeout(r, 1_500));
      assert.equal((await status()).connections, connections, 'no reconnection after the view closed');
    });
  }

  it('opens a console on the picked instance: typing echoes, a resize reaches the server, exit ends it', async () => {
    const before = (await status()).exec;
    const view = await run<ConsoleView>('digitalocean.app.console', ['admin-portal', 'web-1']);
    let output = '';
    view.onDidWrite((text) => (output += text));
    await eventually('the console to connect', () => output.includes('connected to web-7d9f8c-1x1q'), 15_000);
    const terminal = vscode.window.terminals.find((t) => t.name === 'Console: admin-portal · web-1')!;
    assert.ok(terminal);
    terminal.sendText('echo hi');
    await eventually('the typed line to come back', () => output.includes('you typed: echo hi'), 10_000);

    view.setDimensions({ columns: 101, rows: 33 });
    await eventually('the resize to reach the server', async () => (await status()).exec.resizes.some((r) => r.width === 101 && r.height === 33));

    const closed = new Promise<vscode.TerminalExitStatus | undefined>((resolve) => {
      const watch = vscode.window.onDidCloseTerminal((t) => {
        if (t === terminal) {
          watch.dispose();
          resolve(t.exitStatus);
        }
      });
    });
    terminal.sendText('exit');
    assert.equal((await closed)?.code, 0, 'the terminal ends when the socket closes');
    const after = (await status()).exec;
    assert.equal(after.sessions, before.sessions + 1);
    assert.equal(after.open, 0);
  });
});
