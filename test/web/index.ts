/**
 * The entry the web worker extension host loads (extensionTestsPath) when the harness runs the
 * browser build (test/harness/run-all.mjs, stage "web"): the integration suites that apply to the
 * web build, with mocha's browser build, inside the real workbench's web worker. A worker has no
 * environment and no file system: the harness passes what it would put in the environment as the
 * `doTest.env` user setting, and the results come back as the last line of the log
 * (`DO_WEB_RESULTS {…}`), which the harness reads from the page.
 *
 * The suites are required (not imported) so that they load after mocha.setup() has made
 * describe/it global: this folder's own, then every integration suite that imports no Node
 * built-in (the build finds them: scripts/webSuites.mjs). Suites that need Node (files, ssh,
 * psql, kubectl, S3 servers) import it and stay on Node; commands that need Node are hidden on
 * the web and checked absent by web.test.ts.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- ordered loading, see above */
import * as vscode from 'vscode';
import type { TestingApi } from '../../src/activate';
import { extensionLog } from '../integration/support/env';
import { loadSuites, nodeOnly, suites } from 'web-suites:';

declare const mocha: BrowserMocha;
interface BrowserMocha {
  setup(options: { ui: string; reporter: string; timeout: number; color: boolean; forbidOnly: boolean; grep?: string }): void;
  run(done: (failures: number) => void): {
    stats?: { passes: number; failures: number; pending: number };
    on(event: 'pending', listener: (test: { fullTitle(): string }) => void): void;
    on(event: 'fail', listener: (test: { fullTitle(): string }, error: unknown) => void): void;
  };
}

export async function run(): Promise<void> {
  require('mocha/mocha');
  const env = vscode.workspace.getConfiguration('doTest').get<Record<string, string>>('env') ?? {};
  // the demo account's requests go to the fake through Prism, as DIGITALOCEAN_DEMO_API_URL does on Node
  const extension = vscode.extensions.getExtension<{ testing?: TestingApi }>('do-explorer.digitalocean-explorer');
  const testing = (await extension?.activate())?.testing;
  if (!testing) throw new Error('the extension did not expose its testing API');
  testing.setDemoApiUrl(env.DIGITALOCEAN_DEMO_API_URL);
  mocha.setup({ ui: 'bdd', reporter: 'spec', timeout: 60_000, color: false, forbidOnly: true, ...(env.DO_TEST_GREP ? { grep: env.DO_TEST_GREP } : {}) });
  require('./web.test');
  require('./spaces.test');
  // every integration suite that needs nothing of Node, found by the build (scripts/webSuites.mjs)
  loadSuites();
  console.log(`web: ${suites.length} integration suites; left to Node: ${nodeOnly.join(', ')}`);
  const pendingTitles: string[] = [];
  const failedTitles: string[] = [];
  const apiUrl = vscode.workspace.getConfiguration('digitalocean').get<string>('apiUrl');
  const stats = await new Promise<{ passes: number; failures: number; pending: number }>((resolve) => {
    const runner = mocha.run(() => resolve(runner.stats ?? { passes: 0, failures: 1, pending: 0 }));
    runner.on('pending', (test) => pendingTitles.push(test.fullTitle()));
    runner.on('fail', (test, error) =>
      failedTitles.push(
        `${test.fullTitle()}: ${String((error as Error | undefined)?.message ?? error)
          .split('\n')[0]
          .slice(0, 200)}`,
      ),
    );
  });
  // The token leak check, the part only this side can do: the extension's log is in the browser's
  // storage here, not on disk. The harness searches the server's directories for the rest.
  const tokens = (globalThis as { __doTestTokens?: string[] }).__doTestTokens ?? [];
  const log = await extensionLog(testing).catch((error: unknown) => `(unreadable: ${String(error)})`);
  const logCheck = { bytes: log.length, accountAdded: log.includes('Account added:'), leaks: tokens.filter((t) => log.includes(t)).length };
  console.log(
    `DO_WEB_RESULTS ${JSON.stringify({ passes: stats.passes, failures: stats.failures, pending: stats.pending, pendingTitles, failedTitles, apiUrl, tokens, logCheck })}`,
  );
  if (stats.failures > 0) throw new Error(`${stats.failures} web test(s) failed`);
  if (stats.passes === 0) throw new Error('no web test ran');
}
