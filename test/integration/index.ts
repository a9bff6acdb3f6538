/**
 * The entry the extension host loads (extensionTestsPath): runs every *.test.js beside it with
 * mocha, inside the real VS Code. Used by both runners (VS Code server + Chromium, and
 * @vscode/test-electron). Writes the counts to DO_TEST_RESULTS_FILE when set.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import type { TestingApi } from '../../src/activate';
import { EXTENSION_ID } from './support/env';

export async function run(): Promise<void> {
  // forbidOnly: a forgotten it.only fails the run instead of running one test and calling it all
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec', forbidOnly: true });
  const grep = process.env.DO_TEST_GREP;
  if (grep) mocha.grep(grep);
  for (const file of fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  // the API the extension really talks to, for the harness to check it is Prism's address
  const apiUrl = vscode.workspace.getConfiguration('digitalocean').get<string>('apiUrl');
  const pendingTitles: string[] = [];
  const stats = await new Promise<Mocha.Stats>((resolve) => {
    const runner = mocha.run(() => resolve(runner.stats ?? ({ passes: 0, failures: 1 } as Mocha.Stats)));
    runner.on('pending', (test) => pendingTitles.push(test.fullTitle()));
  });
  const results = process.env.DO_TEST_RESULTS_FILE;
  const tokens = (globalThis as { __doTestTokens?: string[] }).__doTestTokens ?? [];
  // the extension's global state, read in the process that holds it: no token in any key or value
  const testing = (await vscode.extensions.getExtension<{ testing?: TestingApi }>(EXTENSION_ID)?.activate())?.testing;
  const state = testing
    ? testing.globalState
        .keys()
        .map((k) => `${k}=${JSON.stringify(testing.globalState.get(k))}`)
        .join('\n')
    : '';
  const stateCheck = { keys: testing?.globalState.keys().length ?? 0, bytes: state.length, leaks: tokens.filter((t) => state.includes(t)).length };
  if (results)
    fs.writeFileSync(
      results,
      JSON.stringify({ passes: stats.passes, failures: stats.failures, pending: stats.pending, pendingTitles, apiUrl, tokens, stateCheck }),
    );
  if (stats.failures > 0) throw new Error(`${stats.failures} integration test(s) failed`);
  if (stats.passes === 0) throw new Error('no integration test ran');
}
