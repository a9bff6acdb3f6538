// Spaces driven as a person would, in the real workbench with the packaged .vsix: the demo account
// (in process) with nyc3 pointing at moto's S3 server on loopback. Click "Spaces need an access
// key", create one through the real quick picks, create a bucket from the context menu, make a new
// file in it, type into the editor and save: the object is on the S3 server.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AwsClient } from 'aws4fetch';
import { answerQuickInput, installVsCodeServer, launchChromium, startS3Servers, startVsCodeServer, uiSuiteHooks } from '../harness/services.mjs';
import { galleryShot } from '../harness/gallery.mjs';

const vsix = process.env.DO_TEST_VSIX;
const apiUrl = process.env.DO_TEST_API_URL;

describe('UI: Spaces in the real workbench', function () {
  this.timeout(180_000);
  let browser;
  let server;
  let page;
  let s3;

  before(async function () {
    if (!vsix || !apiUrl) throw new Error('DO_TEST_VSIX and DO_TEST_API_URL must be set: run through `npm test`');
    const vscode = installVsCodeServer();
    const extensionsDir = mkdtempSync(join(tmpdir(), 'do-extensions-'));
    const installed = execFileSync(
      vscode.node24,
      [vscode.serverMain, '--install-extension', vsix, '--extensions-dir', extensionsDir, '--accept-server-license-terms'],
      { encoding: 'utf8' },
    );
    assert.match(installed, /successfully installed/i);
    s3 = await startS3Servers();
    server = await startVsCodeServer(vscode, {
      // hovers held back (as in the smoke walkthrough): a node's tooltip, shown while the pointer
      // rests on it after a click, covered the row below and took the next click
      settings: {
        'digitalocean.apiUrl': apiUrl,
        'digitalocean.spaces.regions': ['nyc3'],
        'digitalocean.spaces.endpoints': { nyc3: s3.moto },
        'workbench.hover.delay': 60_000,
      },
      extensionsDir,
      env: { DIGITALOCEAN_DEMO_API_URL: '' },
    });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${server.url}/?folder=${encodeURIComponent(server.workspace)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  });

  uiSuiteHooks(() => ({ page, browser }));

  /** Runs a context-menu item of a tree item (once the menu has settled). */
  async function contextMenu(item, name) {
    await item.click({ button: 'right' });
    const entry = page.locator('.context-view .monaco-menu').getByRole('menuitem', { name });
    await entry.waitFor({ timeout: 10_000 });
    await page.waitForTimeout(200);
    await entry.click();
  }

  const answer = (title, text) => answerQuickInput(page, title, text);

  it('creates a key, a bucket and an object from the view, and saves typed text to the S3 server', async () => {
    await page.getByRole('tab', { name: /^DigitalOcean/ }).click();
    await page.getByRole('button', { name: 'Try the demo account' }).click();
    const account = page.getByRole('treeitem', { name: /Acme Demo Team \(demo\)/ });
    await account.waitFor({ timeout: 30_000 });
    await account.click();
    await page.getByRole('treeitem', { name: /^Account-wide/ }).click();
    await page.getByRole('treeitem', { name: /^Spaces keys/ }).waitFor({ timeout: 30_000 });
    const spaces = page.getByRole('treeitem', { name: /^Spaces, object storage/ });
    await spaces.click();
    const noKey = page.getByRole('treeitem', { name: /Spaces need an access key/ });
    await noKey.waitFor({ timeout: 30_000 });

    // the message is the way in: it runs Set Spaces Key
    await noKey.click();
    await answer('Spaces key for Acme Demo Team', 'Create a new key');
    await answer(': name', 'ui-test-key');
    await answer('New Spaces key ui-test-key: access', 'Full access');
    await page.getByRole('treeitem', { name: /^No buckets/ }).waitFor({ timeout: 30_000 });

    const bucket = `ui-${Date.now().toString(36)}`;
    await contextMenu(spaces, /Create Bucket/);
    await answer('New bucket: name', bucket);
    const bucketItem = page.getByRole('treeitem', { name: new RegExp(`^bucket ${bucket} in nyc3`) });
    await bucketItem.waitFor({ timeout: 30_000 });

    // the bucket's menu is its own: nothing of databases, volumes or reserved IPs (a when clause
    // without its closing slash once put those on every node)
    await bucketItem.click({ button: 'right' });
    await page
      .locator('.context-view .monaco-menu')
      .getByRole('menuitem', { name: /Delete Bucket/ })
      .waitFor({ timeout: 10_000 });
    const menuItems = await page.locator('.context-view .monaco-menu').getByRole('menuitem').allTextContents();
    await page.keyboard.press('Escape');
    assert.ok(!menuItems.some((t) => /Create User|Resize|Take Snapshot|Release|Assign to Droplet/.test(t)), menuItems.join(' | '));
    await contextMenu(bucketItem, /New File/);
    await answer(`New file in ${bucket}/`, 'notes.txt');
    const editor = page.locator('.editor-instance .monaco-editor').first();
    await editor.waitFor({ timeout: 30_000 });
    await page.getByRole('tab', { name: /notes\.txt/ }).waitFor({ timeout: 15_000 });
    await editor.click();
    await page.keyboard.type('hello from the workbench');
    await page.keyboard.press('Control+S');
    // the tab loses its dirty mark when the save went through
    await page.waitForFunction(() => !document.querySelector('.tab.dirty'), undefined, { timeout: 15_000 });

    const s3client = new AwsClient({ accessKeyId: 'READER', secretAccessKey: 'READER', service: 's3', region: 'us-east-1', retries: 0 });
    let body = '';
    for (let i = 0; i < 50 && body !== 'hello from the workbench'; i++) {
      const response = await s3client.fetch(`${s3.moto}/${bucket}/notes.txt`);
      assert.equal(response.status, 200);
      body = await response.text();
      if (body !== 'hello from the workbench') await new Promise((r) => setTimeout(r, 200));
    }
    assert.equal(body, 'hello from the workbench');
    // and the bucket lists it
    if ((await bucketItem.getAttribute('aria-expanded')) !== 'true') await bucketItem.click();
    await page.getByRole('treeitem', { name: /^object notes\.txt/ }).waitFor({ timeout: 15_000 });
    await galleryShot(page, 'spaces');
  });
});
