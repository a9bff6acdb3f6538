// The agent tools and the MCP server provider where the workbench lists what an extension gives
// the editor's agents: the extension's page, Features, "Language Model Tools" (every tool of
// package.json, by its display name) and the MCP servers' entry. The workbench here has no chat
// without signing in to Copilot ("Chat: Use AI Features with Copilot for free…"), so the chat's
// confirmation dialog is not reachable; the confirmations are tested through the tools themselves
// in test/integration/agents.test.ts. The installed .vsix is what is shown. Screenshot kept.
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
});
