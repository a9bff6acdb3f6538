/**
 * Bench row 3, activation: run in a fresh extension host each time (an extension activates once
 * per host), by `npm run bench`. Records the time of `activate()` as the extension measures it
 * (its function, wiring only), the time from asking VS Code to activate until it is active (which
 * adds loading dist/extension.js), and the requests made on activation (none may be).
 */
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { TestingApi } from '../../src/extension';

const EXTENSION_ID = 'do-explorer.digitalocean-explorer';

export async function run(): Promise<void> {
  const extension = vscode.extensions.getExtension<{ testing?: TestingApi }>(EXTENSION_ID)!;
  if (extension.isActive) throw new Error('the extension was active before the bench asked: the figure would be wrong');
  await fetch(`${process.env.DO_TEST_FAKE_URL}/__fake/log/clear`, { method: 'POST' });
  const t0 = performance.now();
  const exports = await extension.activate();
  const loadAndActivateMs = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 500));
  const log = (await (await fetch(`${process.env.DO_TEST_FAKE_URL}/__fake/log`)).json()) as { seen: unknown[] };
  fs.writeFileSync(
    process.env.DO_BENCH_RESULTS_FILE!,
    JSON.stringify({ activateMs: exports.testing!.activateMs, loadMs: exports.testing!.loadMs, loadAndActivateMs, requestsOnActivation: log.seen.length }),
  );
}
