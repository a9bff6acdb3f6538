// UI smoke test on the real workbench, with the packaged .vsix installed as a user would install
// it (so a .vscodeignore that leaves out something the bundle needs fails here).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ARTIFACTS, filesContaining, notification, openWorkbench, powerOffFromMenu, stopGracefully, uiSuiteHooks } from '../harness/services.mjs';
import { galleryShot } from '../harness/gallery.mjs';

const vsix = process.env.DO_TEST_VSIX;
const apiUrl = process.env.DO_TEST_API_URL;
const fakeUrl = process.env.DO_TEST_FAKE_URL;

describe('UI: the packaged extension in the real workbench', function () {
  this.timeout(180_000);
  let browser;
  let page;
  let server;
  const token = 'dop_v1_' + 'c0ffee00'.repeat(8);

  before(async function () {
    if (!vsix || !apiUrl || !fakeUrl) throw new Error('DO_TEST_VSIX, DO_TEST_API_URL and DO_TEST_FAKE_URL must be set: run through `npm test`');
    // No DIGITALOCEAN_DEMO_API_URL here: the demo account must work from the .vsix alone. Hovers
    // wait a minute: a row's tooltip would otherwise catch the pointer of the mouse drag below.
    ({ browser, page, server } = await openWorkbench({
      vsix,
      settings: { 'digitalocean.apiUrl': apiUrl, 'workbench.hover.delay': 60_000 },
      env: { DIGITALOCEAN_DEMO_API_URL: '' },
    }));
  });

  uiSuiteHooks(() => ({ page, browser }));

  it('shows the DigitalOcean view with its welcome content', async () => {
    await page.getByRole('tab', { name: /^DigitalOcean/ }).click();
    await page.getByRole('button', { name: 'Add DigitalOcean account' }).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Try the demo account' }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'ui-welcome.png') });
  });

  it('adds the demo account through the welcome button and shows its node and projects', async () => {
    await page.getByRole('button', { name: 'Try the demo account' }).click();
    const account = page.getByRole('treeitem', { name: /Acme Demo Team \(demo\)/ });
    await account.waitFor({ timeout: 30_000 });
    await account.click();
    await page.keyboard.press('ArrowRight');
    await page.getByRole('treeitem', { name: /Project Acme Web, default project/ }).waitFor({ timeout: 30_000 });
    await page.getByRole('treeitem', { name: /Project Staging/ }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'ui-demo-account.png') });
  });

  it('walks the tree by keyboard, opens a droplet context menu, and saves a screenshot of the expanded tree', async () => {
    // A wider sidebar, so descriptions are readable in the screenshot.
    await page.mouse.move(0, 0);
    const sidebar = await page.locator('.part.sidebar').boundingBox();
    if (sidebar) {
      await page.mouse.move(sidebar.x + sidebar.width + 1, sidebar.y + 300);
      await page.mouse.down();
      await page.mouse.move(sidebar.x + 620, sidebar.y + 300, { steps: 5 });
      await page.mouse.up();
    }
    const project = page.getByRole('treeitem', { name: /^Project Acme Web, default project/ });
    await project.waitFor({ timeout: 30_000 });
    // Counts and cost arrive once the project summary is in.
    await page.getByRole('treeitem', { name: /^Project Acme Web, default project, Production, 12 resources, \$286\/mo/ }).waitFor({ timeout: 30_000 });
    // A click selects (and expands) the project; from there on, only the keyboard.
    await project.click();
    await page
      .getByRole('treeitem', { name: /^Droplets, 3/ })
      .first()
      .waitFor({ timeout: 30_000 });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    const web1 = page.getByRole('treeitem', { name: /^Droplet, web-1, running, 203\.0\.113\.3/ });
    await web1.waitFor({ timeout: 30_000 });
    await page.keyboard.press('ArrowDown');
    assert.match((await page.locator('.monaco-list-row.focused').getAttribute('aria-label')) ?? '', /^Droplet, web-1/);

    await web1.click({ button: 'right' });
    const menu = page.locator('.context-view .monaco-menu');
    await menu.getByRole('menuitem', { name: /Copy IP Address/ }).waitFor({ timeout: 10_000 });
    await menu.getByRole('menuitem', { name: /Open in Control Panel/ }).waitFor();
    await menu.getByRole('menuitem', { name: /Copy ID/ }).waitFor();
    // a browser workbench, but the extension runs in the server's Node host: ssh is offered
    // (the web build's smoke test, web.test.mjs, checks it is not offered there)
    await menu.getByRole('menuitem', { name: 'Open SSH Terminal', exact: true }).waitFor();
    await page.keyboard.press('Escape');

    for (const name of [/^Kubernetes clusters/, /^Databases/]) {
      await page.getByRole('treeitem', { name }).first().click();
      await page.keyboard.press('ArrowRight');
    }
    await page.getByRole('treeitem', { name: /^Kubernetes cluster, prod-k8s/ }).waitFor({ timeout: 30_000 });
    await page.getByRole('treeitem', { name: /^Database cluster, main-pg/ }).waitFor({ timeout: 30_000 });
    await galleryShot(page, 'tree');
  });

  it('powers off a droplet from its context menu: confirm, see the transition, then "off"', async () => {
    await powerOffFromMenu(page, 'web-2');
    await page.screenshot({ path: join(ARTIFACTS, 'ui-powering-off.png') });
    await page.getByRole('treeitem', { name: /^Droplet, web-2, off, off · / }).waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(ARTIFACTS, 'ui-powered-off.png') });
  });

  it('moves a droplet into another project by dragging it there with the mouse, after a confirmation', async () => {
    // Fold the groups opened above, so the droplet and the other project are both in sight and stay put.
    for (const name of [/^Databases/, /^Kubernetes clusters/]) {
      await page.getByRole('treeitem', { name }).first().click();
      await page.keyboard.press('ArrowLeft');
    }
    const web2 = page.getByRole('treeitem', { name: /^Droplet, web-2,/ });
    const staging = page.getByRole('treeitem', { name: /^Project Staging/ });
    await web2.waitFor({ timeout: 30_000 });
    await staging.waitFor({ timeout: 30_000 });
    await page.getByRole('treeitem', { name: /^Project Acme Web, default project, Production, 12 resources/ }).waitFor({ timeout: 30_000 });
    const from = await web2.boundingBox();
    const to = await staging.boundingBox();
    assert.ok(from && to, 'both rows are rendered');
    // Press on the row's label, nudge past the drag threshold, glide onto the project, release.
    await page.mouse.move(from.x + 60, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + 70, from.y + from.height / 2 + 4, { steps: 2 });
    await page.mouse.move(to.x + 60, to.y + to.height / 2, { steps: 12 });
    await page.mouse.up();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Move web-2 to Staging?').waitFor({ timeout: 10_000 });
    await page.screenshot({ path: join(ARTIFACTS, 'ui-drop-confirm.png') });
    await dialog.getByRole('button', { name: 'Move' }).click();
    // The demo API moved it: Acme Web counts one resource fewer, Staging one more, and lists web-2.
    await page.getByRole('treeitem', { name: /^Project Acme Web, default project, Production, 11 resources/ }).waitFor({ timeout: 30_000 });
    await page.getByRole('treeitem', { name: /^Project Staging, 4 resources/ }).waitFor({ timeout: 30_000 });
    await staging.click();
    await page.keyboard.press('ArrowRight');
    // Staging's own Droplets group, once its groups are in (Acme Web's is the first)
    const droplets = page.getByRole('treeitem', { name: /^Droplets, / });
    for (let i = 0; i < 100 && (await droplets.count()) < 2; i++) await page.waitForTimeout(200);
    await droplets.nth(1).click();
    await page.keyboard.press('ArrowRight');
    await page.getByRole('treeitem', { name: /^Droplet, web-2,/ }).waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(ARTIFACTS, 'ui-dropped.png') });
  });

  it('says Remote-SSH is missing when connecting a droplet in a new window, with Install and SSH terminal buttons', async () => {
    const web1 = page.getByRole('treeitem', { name: /^Droplet, web-1, running/ });
    await web1.waitFor({ timeout: 30_000 });
    await web1.click({ button: 'right' });
    const menu = page.locator('.context-view .monaco-menu');
    const connect = menu.getByRole('menuitem', { name: /Connect in New Window \(Remote-SSH\)/ });
    await connect.waitFor({ timeout: 10_000 });
    await menu.getByRole('menuitem', { name: /^Open SSH Terminal$/ }).waitFor();
    await connect.hover();
    await page.keyboard.press('Enter');
    const toast = await notification(page, 'Connecting to web-1 in a new window needs the Remote - SSH extension', 10_000, { toast: true });
    await toast.first().getByRole('button', { name: 'Install Remote - SSH' }).waitFor({ timeout: 10_000 });
    await toast.first().getByRole('button', { name: 'Open SSH Terminal' }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'ui-remote-ssh-missing.png') });
    await toast.first().hover();
    await page.keyboard.press('Escape');
  });

  it('adds an account by typing a token into the real password box', async () => {
    await page.keyboard.press('Escape'); // nothing left open by an earlier test
    await fetch(`${fakeUrl}/__fake/tokens`, {
      method: 'POST',
      body: JSON.stringify({ profiles: { [token]: { email: 'ui@example.com', teamName: 'UI Team' } } }),
    });
    await page
      .getByRole('button', { name: /Add Account/ })
      .first()
      .click();
    const box = page.locator('.quick-input-widget input');
    await box.waitFor({ timeout: 15_000 });
    assert.equal(await box.getAttribute('type'), 'password');
    await box.fill(token);
    await box.press('Enter');
    await page.getByRole('treeitem', { name: /DigitalOcean account UI Team/ }).waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(ARTIFACTS, 'ui-token-account.png') });
  });

  it('shows a rate-limit wait as a notification counting down, whose Cancel ends it; Retry then loads', async () => {
    // The API answers the next listing of UI Team's projects with a 429 asking for an hour.
    await fetch(`${fakeUrl}/__fake/faults`, {
      method: 'POST',
      body: JSON.stringify({ faults: [{ kind: 'status', status: 429, method: 'GET', path: '/v2/projects', retryAfter: 3600 }] }),
    });
    const account = page.getByRole('treeitem', { name: /DigitalOcean account UI Team/ });
    await account.click();
    if ((await account.getAttribute('aria-expanded')) === 'true') {
      await page
        .getByRole('button', { name: /^Refresh/ })
        .first()
        .click();
    } else {
      await page.keyboard.press('ArrowRight');
    }
    const notice = await notification(page, 'DigitalOcean (UI Team): rate limited', 5_000);
    const toast = notice.first();
    // capped at 60 s, not the hour the server asked for, and counting down
    const shown = toast.getByText(/retrying in \d+ s/);
    await shown.waitFor({ timeout: 20_000 });
    const seconds = async () => Number(/retrying in (\d+) s/.exec((await shown.textContent()) ?? '')?.[1]);
    const first = await seconds();
    assert.ok(first > 0 && first <= 60, `retrying in ${first} s`);
    await page.waitForTimeout(2_100);
    assert.ok((await seconds()) < first, 'it counts down');
    await page.screenshot({ path: join(ARTIFACTS, 'ui-rate-limited.png') });
    const projectsBefore = await page.getByRole('treeitem', { name: /^Project Acme Web/ }).count();
    const uiTeamLoaded = () =>
      page.evaluate((before) => document.querySelectorAll('[role="treeitem"][aria-label^="Project Acme Web"]').length > before, projectsBefore);
    await toast.getByRole('button', { name: /Cancel/ }).click();
    const error = page.getByRole('treeitem', { name: /Could not list projects: The request was cancelled/ });
    // The cancelled listing shows as an error node whose click is Retry. A click on the account
    // toggles it, and while its children load it may read as collapsed; a node opened again
    // after the cancel lists at once (the wait is lifted), which proves the same thing.
    const deadline = Date.now() + 20_000;
    let reloaded = false;
    while (!(await error.isVisible())) {
      if (await uiTeamLoaded()) {
        reloaded = true;
        break;
      }
      if (Date.now() > deadline) throw new Error('neither the error node "Could not list projects: The request was cancelled" nor the projects showed');
      if ((await account.getAttribute('aria-expanded')) === 'false') {
        await account.click();
        await page.waitForTimeout(1_500);
      } else await page.waitForTimeout(250);
    }
    assert.equal(await toast.count(), 0, 'the notice is gone');
    if (!reloaded) {
      // the error node is Retry: clicking it loads the projects at once (the cancel lifted the wait)
      await error.click();
      await page.waitForFunction((before) => document.querySelectorAll('[role="treeitem"][aria-label^="Project Acme Web"]').length > before, projectsBefore, {
        timeout: 15_000,
      });
    }
  });

  it("reloads every loaded list of every account from the view title's Refresh: a droplet's new address shows at once", async () => {
    await page.keyboard.press('Escape');
    // UI Team's Acme Web → Droplets open (the demo account, listed first, has its own web-1)
    const uiTeam = page.getByRole('treeitem', { name: /DigitalOcean account UI Team/ });
    if ((await uiTeam.getAttribute('aria-expanded')) !== 'true') {
      await uiTeam.click();
      if ((await uiTeam.getAttribute('aria-expanded')) !== 'true') await page.keyboard.press('ArrowRight');
    }
    const rows = page.locator('.part.sidebar [role="treeitem"]');
    const rowAfter = async (from, pattern) => {
      const labels = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
      const start = labels.findIndex((l) => /^DigitalOcean account UI Team/.test(l));
      const index = labels.findIndex((l, i) => i > Math.max(start, from) && pattern.test(l));
      return index;
    };
    const expand = async (pattern) => {
      let index = -1;
      const deadline = Date.now() + 30_000;
      while ((index = await rowAfter(-1, pattern)) < 0) {
        if (Date.now() > deadline) throw new Error(`no row ${pattern} under UI Team`);
        await page.waitForTimeout(250);
      }
      const row = rows.nth(index);
      if ((await row.getAttribute('aria-expanded')) !== 'true') {
        await row.click();
        if ((await row.getAttribute('aria-expanded')) !== 'true') await page.keyboard.press('ArrowRight');
      }
    };
    await expand(/^Project Acme Web/);
    await expand(/^Droplets/);
    // web-1 may be running or off (another suite powers it off): its label is matched up to its address
    const count = (ip) =>
      page.evaluate(
        (address) =>
          [...document.querySelectorAll('[role="treeitem"]')].filter((e) =>
            new RegExp(`^Droplet, web-1,.* ${address.replace(/\./g, '\\.')}\\b`).test(e.getAttribute('aria-label') ?? ''),
          ).length,
        ip,
      );
    const before = /^Droplet, web-1,.* 203\.0\.113\.3\b/;
    const after = /^Droplet, web-1,.* 203\.0\.113\.77\b/;
    const deadline = Date.now() + 30_000;
    while ((await rowAfter(-1, before)) < 0) {
      if (Date.now() > deadline) throw new Error("UI Team's web-1 did not show its address");
      await page.waitForTimeout(250);
    }
    // the API now gives web-1 another address; nothing in the view knows yet
    const patched = await fetch(`${fakeUrl}/__fake/patch`, {
      method: 'POST',
      body: JSON.stringify({
        collection: 'droplets',
        where: { name: 'web-1' },
        set: { networks: { v4: [{ ip_address: '203.0.113.77', netmask: '255.255.255.0', gateway: '203.0.113.1', type: 'public' }], v6: [] } },
      }),
    });
    assert.equal(patched.status, 200);
    await page.waitForTimeout(1_000);
    assert.equal(await rowAfter(-1, after), -1, 'not shown before the Refresh');

    // the view's own title button (in the side bar's title: Resources is the container's only
    // view shown), not an item's
    await page
      .locator('.part.sidebar .composite.title')
      .getByRole('button', { name: /^Refresh/ })
      .first()
      .click();
    const refreshed = Date.now() + 10_000;
    while ((await count('203.0.113.77')) !== 1) {
      if (Date.now() > refreshed) throw new Error('the new address did not show within 10 s of the Refresh');
      await page.waitForTimeout(200);
    }
    assert.ok((await rowAfter(-1, after)) >= 0, "the new address is UI Team's");
    assert.equal(await count('203.0.113.3'), 1, "the demo account's web-1 keeps its own");
    await page.screenshot({ path: join(ARTIFACTS, 'ui-title-refresh.png') });
  });

  // last: it stops the server, so that everything it holds is written before the search
  it("leaves the typed token nowhere on disk: the server's settings, state and logs, searched after it stopped", async () => {
    await browser.close();
    await stopGracefully(server);
    const dirs = [server.serverDataDir, server.userDataDir];
    assert.ok(dirs.flatMap((d) => filesContaining(d, 'Account added:')).length > 0, "the extension's log is on disk: the search can find what it looks for");
    assert.deepEqual(
      dirs.flatMap((d) => filesContaining(d, token)),
      [],
      'the token is in these files',
    );
  });
});
