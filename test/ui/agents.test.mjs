// The agent tools and the MCP server provider where the workbench lists what an extension gives
// the editor's agents: the extension's page, Features, "Language Model Tools" (every tool of
// package.json, by its display name) and the MCP servers' entry. The workbench here has no chat
// without signing in to Copilot ("Chat: Use AI Features with Copilot for free…"), so the chat's
// confirmation dialog is not reachable; the confirmations are tested through the tools themselves
// in test/integration/agents.test.ts. The installed .vsix is what is shown. Screenshot kept.
// The same page shows the package's icon, categories and README as the Marketplace would.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, ROOT, openWorkbenchOnFake, runFromPalette, uiSuiteHooks } from '../harness/services.mjs';

const vsix = process.env.DO_TEST_VSIX;
const apiUrl = process.env.DO_TEST_API_URL;
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const strings = JSON.parse(readFileSync(join(ROOT, 'package.nls.json'), 'utf8'));
const localized = (value) => (/^%.+%$/.test(value) ? strings[value.slice(1, -1)] : value);

describe('UI: the agent tools and MCP servers on the extension page', function () {
  this.timeout(180_000);
  let browser;
  let page;

  before(async function () {
    ({ browser, page } = await openWorkbenchOnFake(vsix, apiUrl));
  });

  uiSuiteHooks(() => ({ page, browser }));

  it('lists every tool by its display name, and the MCP server provider', async () => {
    await page.getByRole('tab', { name: /^DigitalOcean/ }).waitFor({ timeout: 30_000 }); // installed
    await runFromPalette(page, 'Extensions: Show Installed Extensions');
    await page.locator('.extension-list-item').filter({ hasText: 'DigitalOcean Explorer' }).first().click();
    const editor = page.locator('.extension-editor');
    await editor
      .locator('.navbar .action-label')
      .filter({ hasText: /^Features$/i })
      .first()
      .click();

    await editor
      .getByText(/^Language Model Tools$/)
      .first()
      .click();
    const tools = manifest.contributes.languageModelTools;
    assert.ok(tools.length >= 14);
    for (const tool of tools) {
      await editor.getByText(tool.name, { exact: true }).first().waitFor({ timeout: 15_000 });
      await editor.getByText(localized(tool.displayName), { exact: true }).first().waitFor({ timeout: 15_000 });
    }
    await page.screenshot({ path: join(ARTIFACTS, 'ui-agent-tools.png') });

    await editor
      .getByText(/^MCP Server/)
      .first()
      .click();
    await editor.getByText('digitalocean.mcpServers').first().waitFor({ timeout: 15_000 });
  });

  it('shows the package as the Marketplace would: its icon, categories, and a README without a broken picture', async () => {
    const editor = page.locator('.extension-editor');
    // the icon: the PNG from the .vsix, loaded (a missing file leaves the default icon)
    const icon = editor.locator('.header .icon-container img.icon').first();
    await icon.waitFor({ timeout: 15_000 });
    await page.waitForFunction((img) => img.complete && img.naturalWidth === 256, await icon.elementHandle(), { timeout: 15_000 });
    for (const category of manifest.categories)
      await editor.locator('.categories-container').getByText(category, { exact: true }).first().waitFor({ timeout: 15_000 });
    await editor
      .locator('.navbar .action-label')
      .filter({ hasText: /^Details$/i })
      .first()
      .click();
    // the README renders in a webview, which shows pictures only from https: the packaged README
    // (scripts/package.mjs, with no public base URL) leaves them out, so none is broken there
    let readme;
    const deadline = Date.now() + 30_000;
    while (!readme && Date.now() < deadline) {
      for (const frame of page.frames()) {
        const text = await frame.evaluate(() => document.body?.innerText ?? '').catch(() => '');
        if (text.includes('Quick start') && text.includes('What the token needs')) readme = frame;
      }
      if (!readme) await page.waitForTimeout(500);
    }
    assert.ok(readme, "the README is on the extension's page");
    const images = await readme.evaluate(() =>
      [...document.images].map((img) => ({ src: img.getAttribute('src'), shown: img.complete && img.naturalWidth > 0 })),
    );
    assert.deepEqual(
      images.filter((img) => !img.shown),
      [],
      'no broken picture',
    );
    assert.match(await readme.evaluate(() => document.body.innerText), /Pictures of every feature are in the README of the source repository/);
    await page.screenshot({ path: join(ARTIFACTS, 'ui-extension-page.png') });
  });
});
