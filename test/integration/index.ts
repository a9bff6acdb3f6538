/**
 * The entry the extension host loads (extensionTestsPath): runs every *.test.js beside it with
 * mocha, inside the real VS Code. Used by both runners (VS Code server + Chromium, and
 * @vscode/test-electron). Writes the counts to DO_TEST_RESULTS_FILE when set.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  const grep = process.env.DO_TEST_GREP;
  if (grep) mocha.grep(grep);
  for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  const stats = await new Promise<Mocha.Stats>((resolve) => {
    const runner = mocha.run(() => resolve(runner.stats ?? ({ passes: 0, failures: 1 } as Mocha.Stats)));
  });
  const results = process.env.DO_TEST_RESULTS_FILE;
  const tokens = (globalThis as { __doTestTokens?: string[] }).__doTestTokens ?? [];
  if (results) fs.writeFileSync(results, JSON.stringify({ passes: stats.passes, failures: stats.failures, pending: stats.pending, tokens }));
  if (stats.failures > 0) throw new Error(`${stats.failures} integration test(s) failed`);
  if (stats.passes === 0) throw new Error('no integration test ran');
}
