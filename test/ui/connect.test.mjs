// A shell and live logs in the real workbench, from the packaged .vsix: a droplet whose address
// is a real sshd on loopback opens an SSH terminal from its context menu (the login asked once, a
// command typed into the terminal runs there), and an app's run logs follow the fake's stream in
// a terminal of their own. Both are the README's pictures (test/harness/gallery.mjs).
import assert from 'node:assert/strict';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { answerQuickInput, fakeControl, openWorkbench, runFromPalette, startSshd, uiSuiteHooks } from '../harness/services.mjs';
import { galleryShot } from '../harness/gallery.mjs';

const vsix = process.env.DO_TEST_VSIX;
const apiUrl = process.env.DO_TEST_API_URL;

describe('UI: an SSH terminal and live app logs in the real workbench', function () {
  this.timeout(180_000);
  let browser;
  let page;
  let sshd;

  before(async function () {
    if (!vsix || !apiUrl || !process.env.DO_TEST_FAKE_URL)
      throw new Error('DO_TEST_VSIX, DO_TEST_API_URL and DO_TEST_FAKE_URL must be set: run through `npm test`');
    sshd = await startSshd();
    // the user's ssh config, as Remote-SSH would name it: how to reach 127.0.0.1, with which key
    const sshConfig = join(sshd.dir, 'user-ssh-config');
    writeFileSync(
      sshConfig,
      [
        'Host 127.0.0.1',
        `  Port ${sshd.port}`,
        `  IdentityFile ${sshd.key}`,
        '  IdentitiesOnly yes',
        '  StrictHostKeyChecking no',
        '  UserKnownHostsFile /dev/null',
        '  LogLevel ERROR',
        '',
      ].join('\n'),
      { mode: 0o600 },
    );
    await fakeControl('/__fake/reset', {});
    // web-1 answers on that sshd
    await fakeControl('/__fake/patch', {
      collection: 'droplets',
      where: { name: 'web-1' },
      set: { networks: { v4: [{ ip_address: '127.0.0.1', netmask: '255.0.0.0', gateway: '127.0.0.1', type: 'public' }], v6: [] } },
    });
    ({ browser, page } = await openWorkbench({
      vsix,
      settings: { 'digitalocean.apiUrl': apiUrl, 'remote.SSH.configFile': sshConfig, 'workbench.hover.delay': 60_000 },
      env: { DIGITALOCEAN_DEMO_API_URL: apiUrl },
    }));
  });

  uiSuiteHooks(() => ({ page, browser }));

  it('opens an SSH terminal on a droplet from its context menu, and a command typed there runs on the server', async () => {
    await page.getByRole('tab', { name: /^DigitalOcean/ }).click({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Try the demo account' }).click({ timeout: 30_000 });
    const account = page.getByRole('treeitem', { name: /Acme Demo Team \(demo\)/ });
    await account.waitFor({ timeout: 30_000 });
    await account.click();
    await page.keyboard.press('ArrowRight');
    const project = page.getByRole('treeitem', { name: /^Project Acme Web, default project/ });
    await project.click({ timeout: 30_000 });
    await page
      .getByRole('treeitem', { name: /^Droplets, 3/ })
      .first()
      .click({ timeout: 30_000 });
    const web1 = page.getByRole('treeitem', { name: /^Droplet, web-1, running, 127\.0\.0\.1/ });
    await web1.click({ button: 'right', timeout: 30_000 });
    await page
      .locator('.context-view .monaco-menu')
      .getByRole('menuitem', { name: /^Open SSH Terminal$/ })
      .click({ timeout: 10_000 });
    await answerQuickInput(page, 'log in as', sshd.user);

    const terminal = page.locator('.terminal-wrapper .xterm').first();
    await terminal.waitFor({ timeout: 30_000 });
    await page
      .getByRole('tab', { name: /SSH: web-1/ })
      .or(page.locator('.single-terminal-tab, .terminal-tabs-entry').filter({ hasText: 'SSH: web-1' }))
      .first()
      .waitFor({ timeout: 30_000 });
    const marker = join(tmpdir(), `do-ui-ssh-${Date.now()}`);
    rmSync(marker, { force: true });
    await terminal.click();
    // wait for the login to finish: a line typed earlier would reach ssh before the shell
    const deadline = Date.now() + 30_000;
    while (!existsSync(marker) && Date.now() < deadline) {
      await page.keyboard.type(`touch ${marker}; clear\n`);
      for (let i = 0; i < 10 && !existsSync(marker); i++) await page.waitForTimeout(300);
    }
    assert.ok(existsSync(marker), 'the command typed into the SSH terminal ran on the sshd');
    rmSync(marker, { force: true });
    // something to see in the README's picture
    await page.keyboard.type('uname -sr && uptime -p && df -h / | tail -n 1\n');
    await page.waitForTimeout(1_000);
    await galleryShot(page, 'ssh-terminal');
  });

  it("follows an app's run logs in a terminal, line after line from the stream", async () => {
    const at = Date.now() - 60_000;
    const stamp = (i) => new Date(at + i * 1_500).toISOString().replace('Z', '000Z');
    const requests = [
      'GET /api/products 200 14ms',
      'GET /api/cart 200 9ms',
      'POST /api/checkout 201 120ms',
      '\x1b[33mWARN\x1b[0m payment provider answered slowly (1.8s)',
      'GET /healthz 200 1ms',
      'GET /api/products?page=2 200 17ms',
    ];
    // every line its own moment, as a running app writes them
    const script = Array.from({ length: 24 }, (_, i) => `web ${stamp(i)} ${requests[i % requests.length]}`);
    await fakeControl('/__fake/logs', { transport: 'wss', rate: 4, total: 24, replay: 100, drops: [], script, startDelayMs: 0 });
    await runFromPalette(page, 'DigitalOcean App: Show Logs…');
    await answerQuickInput(page, 'marketing-site', 'marketing-site');
    await answerQuickInput(page, 'Logs of marketing-site', 'Run');
    await page
      .locator('.single-terminal-tab, .terminal-tabs-entry, .tab')
      .filter({ hasText: /Logs: marketing-site/ })
      .first()
      .waitFor({ timeout: 30_000 });
    // the fake has written and the view's connection is open
    const deadline = Date.now() + 30_000;
    let status;
    do {
      await page.waitForTimeout(500);
      status = await fakeControl('/__fake/logs');
    } while ((status.written < 12 || status.open < 1) && Date.now() < deadline);
    assert.ok(status.open >= 1, 'the log view follows the stream');
    assert.ok(status.written >= 12, `${status.written} lines written`);
    await galleryShot(page, 'app-logs');
  });
});
