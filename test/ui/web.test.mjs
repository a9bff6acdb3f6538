// UI smoke test of the web build: the packaged .vsix in the real workbench, run in its web worker
// extension host (the user setting remote.extensionKind puts it there), as on vscode.dev. A user
// adds the demo account (in-process on the web), expands a project, opens a droplet's panel and
// powers the droplet off; the commands that need Node are nowhere to be found. Then Spaces as a
// browser meets them (s3rver for ams3): the bucket list is blocked, a bucket is added by name, and
// one whose CORS rules keep the editor out says so and hands over the rule to add.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  ARTIFACTS,
  answerQuickInput,
  clickTreeItemFor,
  notification,
  openWorkbench,
  panelFrame,
  powerOffFromMenu,
  revealTreeItem,
  startS3Servers,
  uiSuiteHooks,
} from '../harness/services.mjs';
import { galleryShot } from '../harness/gallery.mjs';

const vsix = process.env.DO_TEST_VSIX;
const apiUrl = process.env.DO_TEST_API_URL;

describe('UI: the web build in the real workbench (web worker extension host)', function () {
  this.timeout(180_000);
  let browser;
  let page;

  /** The rows the Command Palette offers for `text`. */
  async function paletteOffers(text) {
    await page.keyboard.press('F1');
    const box = page.locator('.quick-input-widget input');
    await box.waitFor({ timeout: 10_000 });
    await box.fill(`>${text}`);
    await page.waitForTimeout(500);
    const rows = await page.locator('.quick-input-list .monaco-list-row').allTextContents();
    await page.keyboard.press('Escape');
    return rows;
  }

  before(async function () {
    if (!vsix || !apiUrl) throw new Error('DO_TEST_VSIX and DO_TEST_API_URL must be set: run through `npm test`');
    const s3 = await startS3Servers();
    // a bucket without CORS rules: made from here, a browser could not
    const made = await fetch(`${s3.s3rver}/ui-closed`, { method: 'PUT' });
    assert.equal(made.status, 200, 'the bucket on s3rver');
    ({ browser, page } = await openWorkbench({
      vsix,
      settings: {
        'digitalocean.apiUrl': apiUrl,
        'remote.extensionKind': { 'do-explorer.digitalocean-explorer': ['web'] },
        'workbench.hover.delay': 60_000,
        'digitalocean.spaces.regions': ['ams3'],
        'digitalocean.spaces.endpoints': { ams3: s3.s3rver },
      },
      env: { DIGITALOCEAN_DEMO_API_URL: '' },
    }));
  });

  uiSuiteHooks(() => ({ page, browser }));

  it('adds the demo account from the welcome view and expands a project', async () => {
    await page.getByRole('tab', { name: /^DigitalOcean/ }).click();
    await page.getByRole('button', { name: 'Try the demo account' }).click({ timeout: 30_000 });
    const account = page.getByRole('treeitem', { name: /Acme Demo Team \(demo\)/ });
    await account.waitFor({ timeout: 30_000 });
    await account.click();
    await page.keyboard.press('ArrowRight');
    const project = page.getByRole('treeitem', { name: /^Project Acme Web, default project, Production, 12 resources, \$286\/mo/ });
    await project.waitFor({ timeout: 30_000 });
    await project.click();
    const droplets = page.getByRole('treeitem', { name: /^Droplets, 3/ }).first();
    await droplets.waitFor({ timeout: 30_000 });
    await droplets.click();
    if ((await droplets.getAttribute('aria-expanded')) !== 'true') await page.keyboard.press('ArrowRight');
    await page.getByRole('treeitem', { name: /^Droplet, web-1, running/ }).waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(ARTIFACTS, 'ui-web-tree.png') });
  });

  it("opens a droplet's panel by selecting it, and powers the droplet off from the context menu", async () => {
    await page.getByRole('treeitem', { name: /^Droplet, web-1, running/ }).click();
    const frame = await panelFrame(page, 'web-1');
    await frame.locator('[data-status]').filter({ hasText: 'running' }).waitFor({ timeout: 15_000 });
    await frame.getByText('203.0.113.3', { exact: true }).first().waitFor();
    // the panel offers what the web build can run: Power Off, and no SSH buttons
    await frame.locator('vscode-button[data-action="power-off"]').waitFor();
    assert.equal(await frame.locator('vscode-button[data-action="ssh"], vscode-button[data-action="remote-ssh"]').count(), 0, 'ssh buttons in the web panel');
    await galleryShot(page, 'web');

    await powerOffFromMenu(page, 'web-2');
    await page.getByRole('treeitem', { name: /^Droplet, web-2, off, off · / }).waitFor({ timeout: 60_000 });
    await page.screenshot({ path: join(ARTIFACTS, 'ui-web-powered-off.png') });
  });

  // The web entry alone sets the context key that hides these: their absence also shows that the
  // extension runs in the web worker host (the same workbench shows them with the Node host:
  // smoke.test.mjs finds Open SSH Terminal).
  it("offers no Node-only command: not in the palette, not in a droplet's or a cluster's menu", async () => {
    // a web command is found, so an empty answer below means "absent", not "palette broken"
    assert.ok((await paletteOffers('DigitalOcean: Go to Resource')).some((r) => r.includes('Go to Resource')));
    for (const title of ['DigitalOcean: Add to kubeconfig', 'DigitalOcean: Open SSH Terminal', 'DigitalOcean: Import Tokens']) {
      const rows = await paletteOffers(title);
      assert.ok(!rows.some((r) => r.includes(title.replace('DigitalOcean: ', ''))), `${title} is offered on the web: ${rows.join(' | ')}`);
    }
    await page.getByRole('treeitem', { name: /^Droplet, web-1/ }).click({ button: 'right' });
    const menu = page.locator('.context-view .monaco-menu');
    await menu.getByRole('menuitem', { name: /Copy IP Address/ }).waitFor({ timeout: 10_000 });
    const items = await menu.getByRole('menuitem').allTextContents();
    assert.ok(!items.some((i) => /SSH|Remote/.test(i)), `ssh items on the web: ${items.join(' | ')}`);
    await page.keyboard.press('Escape');
    const clusters = page.getByRole('treeitem', { name: /^Kubernetes clusters/ }).first();
    await clusters.click();
    if ((await clusters.getAttribute('aria-expanded')) !== 'true') await page.keyboard.press('ArrowRight');
    const cluster = page.getByRole('treeitem', { name: /^Kubernetes cluster, prod-k8s/ });
    await cluster.click({ button: 'right' });
    await menu.getByRole('menuitem').first().waitFor({ timeout: 10_000 });
    const clusterItems = await menu.getByRole('menuitem').allTextContents();
    // the web's form is there (saved where you pick); what edits ~/.kube or runs kubectl is not
    assert.ok(
      clusterItems.some((i) => /^Download kubeconfig/.test(i)),
      `no Download kubeconfig on the web: ${clusterItems.join(' | ')}`,
    );
    assert.ok(
      !clusterItems.some((i) => /Add to kubeconfig|Remove from kubeconfig|kubectl/i.test(i)),
      `kubeconfig items on the web: ${clusterItems.join(' | ')}`,
    );
    await page.keyboard.press('Escape');
  });

  it('adds a Spaces bucket by name where the browser cannot list them, and says how to let the editor into one', async () => {
    const answer = (title, text) => answerQuickInput(page, title, text);
    await page.getByRole('treeitem', { name: /^Account-wide/ }).click();
    const spaces = page.getByRole('treeitem', { name: /^Spaces, object storage/ });
    await revealTreeItem(page, spaces);
    await spaces.click();
    if ((await spaces.getAttribute('aria-expanded')) !== 'true') await page.keyboard.press('ArrowRight');
    const noKey = page.getByRole('treeitem', { name: /Spaces need an access key/ });
    await clickTreeItemFor(page, noKey, 'Spaces key for Acme Demo Team');
    await answer('Spaces key for Acme Demo Team', 'Create a new key');
    await answer(': name', 'ui-web-key');
    await answer('New Spaces key ui-web-key: access', 'Full access');

    const blockedList = page.getByRole('treeitem', { name: /^Buckets cannot be listed in a browser/ });
    await clickTreeItemFor(page, blockedList, 'Add a bucket by name');
    await answer('Add a bucket by name', 'ui-closed');
    const bucket = page.getByRole('treeitem', { name: /^bucket ui-closed in ams3/ });
    await revealTreeItem(page, bucket);
    await bucket.click({ timeout: 30_000 });
    if ((await bucket.getAttribute('aria-expanded')) !== 'true') await page.keyboard.press('ArrowRight');
    // Account-wide holds many groups, so the bucket's child may be below the fold of the view, which
    // draws only what is visible: clickTreeItemFor scrolls the tree until it is drawn
    const blocked = page.getByRole('treeitem', { name: /^ui-closed does not answer this editor/ });
    await clickTreeItemFor(page, blocked, 'Allow browser access to ui-closed: from which origin?');
    // the first origin offered is this editor's
    await answer('Allow browser access to ui-closed: from which origin?');
    const notice = await notification(page, 'ui-closed refuses this browser until one of its CORS rules allows it', 15_000);
    await notice.getByRole('button', { name: 'Copy Rule' }).click();
    await page.screenshot({ path: join(ARTIFACTS, 'ui-web-spaces.png') });
    await notification(page, 'Copied. Also:', 15_000);
  });
});
