/**
 * App logs and console in the real extension host. The fake serves the live log over a
 * websocket or as a chunked stream and cuts it three times; the log view shows every line
 * exactly once, in order, and says it reconnected. The console speaks to the fake's exec
 * websocket: typing comes back, a resize reaches it, and "exit" ends the terminal.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ConsoleView, LogView } from '../../src/commands/app/appTerminals';
import type { TestingApi } from '../../src/extension';
import type { ExplorerNode } from '../../src/tree/nodes/base';
import { eventually, extensionApi, fake, freshDemo, runWithAnswers } from './support/env';
import { fakeState } from './support/fakeState';
import { KEEP, ScriptedUserInput } from './support/scriptedInput';

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

  for (const [transport, dropMode] of [
    ['wss', 'mid-burst'],
    ['https', 'mid-line'],
  ] as const) {
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

  it('shows hostile log lines as text: links, clipboard writes, shell-integration records and cursor moves are escaped, colours kept', async () => {
    const script = [
      'web 2026-11-24T06:00:00.000000Z GET /\x1b]8;;https://evil.example/\x07login\x1b]8;;\x07 200',
      'web 2026-11-24T06:00:00.001000Z UA \x1b]52;c;Y3VybCBldmlsIHwgc2g=\x07',
      'web 2026-11-24T06:00:00.002000Z \x1b]633;E;rm -rf ~\x07',
      'web 2026-11-24T06:00:00.003000Z ok\x1b[1A\x1b[2K— stopped following —',
      'web 2026-11-24T06:00:00.004000Z \x1b[31mred is fine\x1b[0m',
      '\x1b]0;title\x07unparsed line\rforged',
    ];
    await fake.call('POST', '/__fake/logs', { transport: 'wss', rate: 200, total: script.length, replay: 100, drops: [], script, startDelayMs: 1_000 });
    const view = await run<LogView>('digitalocean.app.showLogs', ['marketing-site', 'Run']);
    let written = '';
    view.onDidWrite((text) => (written += text));
    await eventually('the hostile lines', () => view.lineCount >= script.length, 20_000);
    const withoutSgr = written.replace(/\x1b\[[0-9;:]*m/g, '');
    assert.ok(!withoutSgr.includes('\x1b'), `only SGR sequences reach the terminal: ${JSON.stringify(written)}`);
    assert.ok(!/[\x07\x9b\x9d]|\r(?!\n)/.test(written), 'no BEL, C1 or bare CR');
    for (const visible of ['\\x1b]8;;https://evil.example/\\x07login', '\\x1b]52;c;', '\\x1b]633;E;rm -rf ~', 'ok\\x1b[1A\\x1b[2K', 'unparsed line\\rforged']) {
      assert.ok(written.includes(visible), `shown as text: ${visible}`);
    }
    assert.ok(written.includes('\x1b[31mred is fine\x1b[0m'), 'colours kept');
  });

  it('shows the archived build log of an earlier deployment, not followed', async () => {
    await fake.call('POST', '/__fake/logs', { transport: 'https', rate: 5_000, total: 20, replay: 100, drops: [] });
    await eventually('the fake to write its lines', async () => (await status()).written >= 20);
    const connections = (await status()).connections;
    // admin-portal has a job beside its web service: the component is asked first
    const view = await run<LogView>('digitalocean.app.showLogs', ['admin-portal', 'web', 'Build', 'commit 9e1b7d0 pushed to main']);
    await eventually('the archived lines', () => view.lineCount >= 20);
    assert.ok(
      vscode.window.terminals.some((t) => /^Logs: admin-portal · web · build · [0-9a-f]{8}$/.test(t.name)),
      'the terminal names the deployment',
    );
    assert.equal((await status()).connections, connections, 'an earlier deployment is not followed live');
  });

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

  // ---- deployments

  const label = (n: ExplorerNode) => String(n.toTreeItem().label);
  const description = (n: ExplorerNode) => String(n.toTreeItem().description ?? '');

  async function appNode(name: string): Promise<ExplorerNode> {
    const [account] = await api.explorer.getChildren();
    for (const project of await api.explorer.getChildren(account)) {
      const group = (await api.explorer.getChildren(project)).find((n) => label(n) === 'Apps');
      const found = group && (await api.explorer.getChildren(group)).find((n) => label(n) === name);
      if (found) return found;
    }
    throw new Error(`no app ${name} in the tree`);
  }
  const appData = async (name: string) => (await fakeState()).apps.find((a) => a.spec.name === name)!;
  const deployments = async (id: string) => (await fakeState()).appDeployments[id];

  it('deploys with a rebuild: the node shows the phase and steps while it runs, then the new deployment is active', async () => {
    await fake.call('POST', '/__fake/config', { actionDurationMs: 2_400 });
    const node = await appNode('marketing-site');
    const before = (await appData('marketing-site')).active_deployment!.id;
    await runWithAnswers(api, 'digitalocean.app.deploy', node, ['Deploy and Rebuild']);
    const app = await appData('marketing-site');
    assert.equal(app.in_progress_deployment?.cause, 'manual, rebuilding from source');
    const running = await eventually('the node to show a running deployment with its steps', async () => {
      const d = description(await appNode('marketing-site'));
      return /^(pending build|building|deploying) \d\/6/.test(d) ? d : undefined;
    });
    assert.ok(running);
    await eventually('the deployment to settle by itself', async () => description(await appNode('marketing-site')).startsWith('active'), 20_000);
    const after = await appData('marketing-site');
    assert.notEqual(after.active_deployment!.id, before);
    assert.equal((await deployments(after.id)).find((d) => d.id === before)?.phase, 'SUPERSEDED');
  });

  it('cancels a deployment in progress after confirmation; the active one stays', async () => {
    await fake.call('POST', '/__fake/config', { actionDurationMs: 30_000 });
    const node = await appNode('admin-portal');
    const active = (await appData('admin-portal')).active_deployment!.id;
    await runWithAnswers(api, 'digitalocean.app.deploy', node, ['Deploy']);
    const running = (await appData('admin-portal')).in_progress_deployment!.id;
    const input = await runWithAnswers(api, 'digitalocean.app.cancelDeployment', await appNode('admin-portal'), ['Cancel Deployment']);
    assert.deepEqual(input.asked, ['Cancel the deployment of admin-portal?']);
    const app = await appData('admin-portal');
    assert.equal(app.in_progress_deployment, undefined);
    assert.equal(app.active_deployment!.id, active);
    assert.equal((await deployments(app.id)).find((d) => d.id === running)?.phase, 'CANCELED');
    await eventually('the node to show the active deployment again', async () => description(await appNode('admin-portal')).startsWith('active'));
  });

  it('restarts the app as a new deployment', async () => {
    const node = await appNode('admin-portal');
    // every component preselected (the web service and the job): all of them is a plain restart
    const input = await runWithAnswers(api, 'digitalocean.app.restart', node, [KEEP]);
    assert.deepEqual(input.offered[0], ['web', 'db-migrate']);
    assert.equal((await appData('admin-portal')).in_progress_deployment?.cause, 'restart');
  });

  it('rolls back: a failed deployment is refused by validation before anything changes; a good one is rolled back to, pinned, then committed', async () => {
    await fake.call('POST', '/__fake/config', { actionDurationMs: 600 });
    const node = await appNode('marketing-site');
    const app = await appData('marketing-site');
    // the errored one (commit 9e1b7d0): validation says no, nothing is written
    const writesBefore = (await fake.log()).seen.filter((r) => r.method === 'POST' && !r.url.endsWith('/validate')).length;
    const refused = await runWithAnswers(api, 'digitalocean.app.rollback', node, ['commit 9e1b7d0 pushed to main']);
    assert.ok(
      refused.notices.some((n) => /^error: Roll back app failed: marketing-site cannot roll back to that deployment: /.test(n)),
      refused.notices.join('\n'),
    );
    assert.ok(
      (await fake.log()).seen.some((r) => r.method === 'POST' && r.url.endsWith('/rollback/validate')),
      'validation was asked',
    );
    assert.equal((await fake.log()).seen.filter((r) => r.method === 'POST' && !r.url.endsWith('/validate')).length, writesBefore);
    assert.equal((await appData('marketing-site')).in_progress_deployment, undefined);

    const list = await deployments(app.id);
    const good = list.find((d) => d.phase === 'SUPERSEDED')!;
    const input = await runWithAnswers(api, 'digitalocean.app.rollback', await appNode('marketing-site'), [good.cause!, 'Roll Back']);
    assert.ok(input.notices.some((n) => n.includes('is rolling back')));
    const rolling = await appData('marketing-site');
    assert.equal(rolling.pinned_deployment?.id, good.id);
    assert.equal((rolling.in_progress_deployment as { cloned_from?: string } | undefined)?.cloned_from, good.id);
    await eventually(
      'the rollback to settle and the node to say it is pinned',
      async () => /^active.*rolled back, pinned/.test(description(await appNode('marketing-site'))),
      20_000,
    );
    await runWithAnswers(api, 'digitalocean.app.commitRollback', await appNode('marketing-site'), []);
    assert.equal((await appData('marketing-site')).pinned_deployment, undefined);
  });
});
