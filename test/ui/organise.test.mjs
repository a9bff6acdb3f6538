// Finding, driven as a person would in the real workbench with the packaged .vsix: Go to Resource
// opened by its keybinding and a droplet picked by typing its IP address (its panel opens). The
// demo account talks to the fake API through Prism.
import { join } from 'node:path';
import { ARTIFACTS, fakeControl, openWorkbench, uiSuiteHooks } from '../harness/services.mjs';

const vsix = process.env.DO_TEST_VSIX;
const apiUrl = process.env.DO_TEST_API_URL;

describe('UI: Go to Resource by its keybinding', function () {
  this.timeout(180_000);
  let browser;
  let page;

  before(async function () {
    if (!vsix || !apiUrl || !process.env.DO_TEST_FAKE_URL) throw new Error('DO_TEST_VSIX, DO_TEST_API_URL and DO_TEST_FAKE_URL must be set: run through `npm test`');
    await fakeControl('/__fake/reset', {});
    ({ browser, page } = await openWorkbench({ vsix, settings: { 'digitalocean.apiUrl': apiUrl }, env: { DIGITALOCEAN_DEMO_API_URL: apiUrl } }));
    await page.getByRole('tab', { name: /^DigitalOcean/ }).click();
    await page.getByRole('button', { name: 'Try the demo account' }).click();
    await page.getByRole('treeitem', { name: /Acme Demo Team \(demo\)/ }).waitFor({ timeout: 30_000 });
  });

  uiSuiteHooks(() => ({ page, browser }));

  it('opens Go to Resource with Ctrl+Alt+G and picks a droplet by typing its IP address', async () => {
    const data = await fakeControl('/__fake/data');
    const ip = data.droplets.find((d) => d.name === 'web-2').networks.v4.find((n) => n.type === 'public').ip_address;
    await page.getByRole('treeitem', { name: /Acme Demo Team \(demo\)/ }).click();
    await page.keyboard.press('Control+Alt+KeyG');
    const widget = page.locator('.quick-input-widget');
    await widget.filter({ hasText: 'Go to Resource' }).waitFor({ state: 'visible', timeout: 15_000 });
    await page.keyboard.type(ip);
    await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: 'web-2' }).first().waitFor({ timeout: 20_000 });
    await page.waitForTimeout(200);
    await page.keyboard.press('Enter');
    await page.getByRole('tab', { name: /web-2/ }).first().waitFor({ timeout: 20_000 });
    await page.screenshot({ path: join(ARTIFACTS, 'ui-go-to-resource.png') });
  });
});
