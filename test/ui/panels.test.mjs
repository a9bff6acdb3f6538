// Detail panels in a real browser: the packaged extension in the real workbench, its webviews
// driven with Playwright inside their iframes. The demo account talks to the fake API through
// Prism here, so every request the panels cause is checked against the spec.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARTIFACTS, installVsCodeServer, launchChromium, panelFrame, startVsCodeServer, uiSuiteHooks } from '../harness/services.mjs';
import { galleryShot } from '../harness/gallery.mjs';

const vsix = process.env.DO_TEST_VSIX;
const apiUrl = process.env.DO_TEST_API_URL;
const fakeUrl = process.env.DO_TEST_FAKE_URL;
const XSS_IMG = '<img src=x onerror="window.__xss=1">';
const XSS_SCRIPT = '</script><script>window.__xss=2</script>';

async function control(path, body) {
  const response = await fetch(`${fakeUrl}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  assert.ok(response.ok, `${path}: ${response.status}`);
  return response.json();
}

describe('UI: detail panels in the real workbench', function () {
  this.timeout(180_000);
  let browser;
  let server;
  let page;
  const consoleProblems = [];

  async function expand(name) {
    const item = page.getByRole('treeitem', { name }).first();
    await item.waitFor({ timeout: 30_000 });
    if ((await item.getAttribute('aria-expanded')) !== 'true') {
      await item.click();
      if ((await item.getAttribute('aria-expanded')) !== 'true') await page.keyboard.press('ArrowRight');
    }
  }

  /** Picks a colour theme the way a user does: Command Palette → Preferences: Color Theme. */
  async function setTheme(theme, cssClass) {
    await page.locator('.part.sidebar').click({ position: { x: 10, y: 10 } });
    await page.keyboard.press('F1');
    const box = page.locator('.quick-input-widget input');
    await box.waitFor({ timeout: 10_000 });
    await box.fill('>Preferences: Color Theme');
    await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: 'Preferences: Color Theme' }).first().click();
    // the picker lists "Light Modern" for the setting value "Default Light Modern"
    const label = theme.replace(/^Default /, '');
    await box.fill(label);
    await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: label }).first().waitFor({ timeout: 10_000 });
    await box.press('Enter');
    await page.locator(`.monaco-workbench.${cssClass}`).waitFor({ timeout: 30_000 });
    await page.waitForTimeout(800); // the webview picks up the new theme variables
  }

  before(async function () {
    if (!vsix || !apiUrl || !fakeUrl) throw new Error('DO_TEST_VSIX, DO_TEST_API_URL and DO_TEST_FAKE_URL must be set: run through `npm test`');
    await control('/__fake/reset', {});
    await control('/__fake/config', { actionDurationMs: 2500 });
    const vscode = installVsCodeServer();
    const extensionsDir = mkdtempSync(join(tmpdir(), 'do-extensions-'));
    execFileSync(vscode.node24, [vscode.serverMain, '--install-extension', vsix, '--extensions-dir', extensionsDir, '--accept-server-license-terms'], {
      encoding: 'utf8',
    });
    server = await startVsCodeServer(vscode, {
      settings: { 'digitalocean.apiUrl': apiUrl, 'workbench.colorTheme': 'Default Dark Modern' },
      extensionsDir,
      env: { DIGITALOCEAN_DEMO_API_URL: apiUrl },
    });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1500, height: 1000 } });
    page.on('console', (message) => {
      if (/Content.Security.Policy|Refused to/i.test(message.text())) consoleProblems.push(message.text());
    });
    await page.goto(`${server.url}/?folder=${encodeURIComponent(server.workspace)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.getByRole('tab', { name: /^DigitalOcean/ }).click();
    await page.getByRole('button', { name: 'Try the demo account' }).click();
    await expand(/Acme Demo Team \(demo\)/);
    await expand(/^Project Acme Web, default project/);
  });

  uiSuiteHooks(() => ({ page, browser }));

  it('opens a droplet panel by selecting it: data from the API, graphs with drawn points, keyboard reachable', async () => {
    await expand(/^Droplets, 3/);
    await page.getByRole('treeitem', { name: /^Droplet, web-1, running/ }).click();
    const frame = await panelFrame(page, 'web-1');
    await frame.locator('[data-status]').filter({ hasText: 'running' }).waitFor({ timeout: 15_000 });
    await frame.getByText('203.0.113.3', { exact: true }).first().waitFor();
    await frame.getByText('web-1-before-upgrade').waitFor();

    const charts = frame.locator('figure[data-chart]');
    await charts.nth(4).waitFor({ timeout: 20_000 });
    assert.deepEqual(await charts.evaluateAll((figures) => figures.map((f) => f.dataset.chart)), ['cpu', 'memory', 'bandwidth', 'disk', 'load']);
    // every graph has points, and its canvas has a drawn line (pixels of the series colour)
    const drawn = await charts.evaluateAll((figures) =>
      figures.map((f) => {
        const canvas = f.querySelector('canvas');
        const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        let painted = 0;
        for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) painted++;
        return { points: Number(f.dataset.points), painted };
      }),
    );
    for (const chart of drawn) {
      assert.ok(chart.points > 50, `points: ${JSON.stringify(drawn)}`);
      assert.ok(chart.painted > 200, `a line is drawn: ${JSON.stringify(drawn)}`);
    }

    // the range picker works in the browser: 24 h of data, drawn again in place
    await frame.locator('vscode-single-select[data-range-select]').click();
    await frame.getByRole('option', { name: '24h' }).click();
    await frame.locator('figure[data-chart="cpu"][data-range="24h"]').waitFor({ timeout: 15_000 });
    assert.ok(Number(await frame.locator('figure[data-chart="cpu"]').getAttribute('data-points')) > 50);

    const unreachable = await frame.locator('vscode-button, a[data-link]').evaluateAll((nodes) => nodes.filter((n) => n.tabIndex < 0).length);
    assert.equal(unreachable, 0, 'every button and link is in the tab order');
    await galleryShot(page, 'panel-droplet');
    await frame.locator('section[data-section="monitoring"]').screenshot({ path: join(ARTIFACTS, 'ui-panel-droplet-graphs-dark.png') });
  });

  it('runs Power Off from the panel: confirm, the panel shows the transition, then "off", keeping its scroll position', async () => {
    const frame = await panelFrame(page, 'web-1');
    await frame.locator('vscode-button[data-action="power-off"]').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Power off web-1?').waitFor({ timeout: 10_000 });
    // the reader scrolled down to the graphs meanwhile: the updates must not move the page
    await frame.evaluate(() => window.scrollTo(0, 300));
    await dialog.getByRole('button', { name: 'Power Off' }).click();
    await frame.locator('[data-status]').filter({ hasText: 'Powering off…' }).waitFor({ timeout: 10_000 });
    await frame.locator('[data-status]').filter({ hasText: /^off$/ }).waitFor({ timeout: 30_000 });
    await frame.locator('vscode-button[data-action="power-on"]').waitFor();
    const scroll = await frame.evaluate(() => window.scrollY);
    assert.ok(scroll >= 250, `scroll position kept (${scroll})`);
    const data = await control('/__fake/data');
    assert.equal(data.droplets.find((d) => d.name === 'web-1').status, 'off');
  });

  it('renders names that are XSS payloads as text and runs nothing', async () => {
    await control('/__fake/patch', { collection: 'snapshots', where: { name: 'web-1-before-upgrade' }, set: { name: XSS_IMG } });
    const volumes = await control('/__fake/patch', { collection: 'volumes', where: { name: 'web-uploads' }, set: { name: XSS_SCRIPT } });
    assert.equal(volumes.patched, 1);
    const frame = await panelFrame(page, 'web-1');
    await frame.locator('vscode-button[data-action="refresh"]').click();
    const payload = frame.getByText(XSS_IMG, { exact: true });
    await payload.waitFor({ timeout: 15_000 });
    await frame.getByText(XSS_SCRIPT, { exact: true }).waitFor();
    assert.equal(await frame.locator('#root img').count(), 0, 'no <img> element was made');
    // the snapshot's own panel has the payload as its title
    await payload.click();
    const snapshotFrame = await panelFrame(page, XSS_IMG);
    assert.equal(await snapshotFrame.locator('#root img, #root script').count(), 0);
    await page.waitForTimeout(500);
    for (const f of page.frames()) assert.equal(await f.evaluate(() => window.__xss).catch(() => undefined), undefined, 'a payload ran');
    await page.screenshot({ path: join(ARTIFACTS, 'ui-panel-xss-as-text.png') });
  });

  it('shows the database panel with the password hidden until Show is pressed; screenshots in dark and light', async () => {
    await expand(/^Databases, /);
    await page.getByRole('treeitem', { name: /^Database cluster, main-pg/ }).click();
    const frame = await panelFrame(page, 'main-pg');
    const section = frame.locator('section[data-section="public"]');
    await section.getByText('••••••••', { exact: true }).waitFor({ timeout: 15_000 });
    assert.equal(await frame.getByText('demo-password-not-secret', { exact: true }).count(), 0);
    await frame.getByText('prod-k8s', { exact: true }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'ui-panel-database-dark.png') });
    await section.locator('vscode-button[title="Show Password"]').click();
    await section.getByText('demo-password-not-secret', { exact: true }).waitFor({ timeout: 10_000 });

    await setTheme('Default Light Modern', 'vs');
    const light = await panelFrame(page, 'main-pg');
    const background = await light.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.notEqual(background, 'rgb(31, 31, 31)', 'the panel follows the light theme');
    await galleryShot(page, 'panel-database');
    await page.getByRole('tab', { name: /web-1/ }).first().click();
    const lightDroplet = await panelFrame(page, 'web-1');
    await page.screenshot({ path: join(ARTIFACTS, 'ui-panel-droplet-light.png') });
    await lightDroplet.locator('section[data-section="monitoring"]').screenshot({ path: join(ARTIFACTS, 'ui-panel-droplet-graphs-light.png') });
    // switching the theme while the graphs are on screen draws them in the new theme's colours
    const strokeNow = () =>
      lightDroplet.evaluate(() => [
        document.querySelector('figure[data-chart="cpu"]').dataset.stroke,
        getComputedStyle(document.body).getPropertyValue('--vscode-charts-blue').trim(),
      ]);
    const [lightStroke] = await strokeNow();
    await setTheme('Default Dark Modern', 'vs-dark');
    const [darkStroke, darkBlue] = await strokeNow();
    assert.equal(darkStroke, darkBlue);
    assert.notEqual(darkStroke, lightStroke, 'the graph was drawn again in the dark colours');
  });

  it("opens the Kubernetes, app, load balancer and registry panels with the fake's data", async () => {
    const data = await control('/__fake/data');
    await page
      .getByRole('treeitem', { name: /^Kubernetes clusters/ })
      .first()
      .click();
    await page.getByRole('treeitem', { name: /^Kubernetes cluster, prod-k8s/ }).click();
    const k8s = await panelFrame(page, 'prod-k8s');
    const cluster = data.kubernetesClusters.find((c) => c.name === 'prod-k8s');
    await k8s.getByText(cluster.endpoint, { exact: true }).waitFor({ timeout: 15_000 });
    for (const pool of cluster.node_pools) await k8s.getByText(pool.name, { exact: true }).first().waitFor();
    await k8s.getByText(cluster.node_pools[0].nodes[0].name, { exact: true }).waitFor();
    await k8s.locator('vscode-button[data-action="kubeconfig"]').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'ui-panel-kubernetes-dark.png') });

    await page.getByRole('treeitem', { name: /^Apps/ }).first().click();
    await page
      .getByRole('treeitem', { name: /marketing-site/ })
      .first()
      .click();
    const app = await panelFrame(page, 'marketing-site');
    const marketing = data.apps.find((a) => a.spec.name === 'marketing-site');
    await app.getByText(marketing.live_url, { exact: true }).waitFor({ timeout: 15_000 });
    await app.locator('section[data-section="deployments"]').getByText('ERROR', { exact: true }).waitFor();
    // a wide editor shows every deployment cell whole: the full id, the cause and the time, not cut with an ellipsis
    const cut = await app
      .locator('section[data-section="deployments"] vscode-table-cell')
      .evaluateAll((cells) => cells.filter((c) => c.scrollWidth > c.clientWidth + 1 || c.scrollHeight > c.clientHeight + 1).map((c) => c.textContent));
    assert.deepEqual(cut, [], 'no deployment cell is cut');
    const firstId = await app
      .locator('section[data-section="deployments"] vscode-table-cell.mono, section[data-section="deployments"] vscode-table-cell .mono')
      .first()
      .textContent();
    assert.match(firstId.trim(), /^[0-9a-f-]{36}$/, 'the whole deployment id');
    await page.screenshot({ path: join(ARTIFACTS, 'ui-panel-app-dark.png') });

    await page
      .getByRole('treeitem', { name: /^Load balancers/ })
      .first()
      .click();
    const lb = data.loadBalancers[0];
    await page.getByRole('treeitem', { name: new RegExp(`^Load balancer, ${lb.name}`) }).click();
    const lbFrame = await panelFrame(page, lb.name);
    await lbFrame.getByText(lb.ip, { exact: true }).first().waitFor({ timeout: 15_000 });
    await lbFrame.locator('section[data-section="droplet_ids"] a[data-link]').first().waitFor();
    await lbFrame.locator('vscode-button[data-action="raw"]').click();
    const raw = JSON.parse(await lbFrame.locator('pre.raw').textContent());
    assert.equal(raw.id, lb.id, 'the raw JSON is the load balancer');
    await lbFrame.locator('vscode-button[data-action="raw"]').click();
    await lbFrame.locator('section[data-section="properties"]').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'ui-panel-load-balancer-dark.png') });

    await page.getByRole('treeitem', { name: /^Account-wide/ }).click();
    await page.keyboard.press('ArrowRight');
    await page
      .getByRole('treeitem', { name: /^Container registry/ })
      .first()
      .click();
    await page.keyboard.press('ArrowRight');
    await page
      .getByRole('treeitem', { name: /acme-registry/ })
      .first()
      .click();
    const registry = await panelFrame(page, 'acme-registry');
    await registry.getByText('registry.digitalocean.com/acme-registry', { exact: true }).waitFor({ timeout: 15_000 });
    await registry.getByText(/of 5\.4 GB \(40%\)/).waitFor();
    await registry.locator('section[data-section="gc"]').getByText('succeeded').first().waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'ui-panel-registry-dark.png') });
  });

  it('broke no Content-Security-Policy rule', () => {
    assert.deepEqual(consoleProblems, []);
  });
});
