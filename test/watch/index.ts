/**
 * The entry the extension host loads for the watched-build check (test/harness/watchBuild.mjs):
 * the extension as `node scripts/build.mjs --watch` left it activates, and a command of a lazily
 * loaded family runs — its bundle required from dist/, translating through the shared
 * dist/l10n.js — and reports the text the watch rebuilt into it. Throws on any failure, which
 * fails the run.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'do-explorer.digitalocean-explorer';

export async function run(): Promise<void> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed in this host`);
  await extension.activate();
  const id = await vscode.commands.executeCommand<string | undefined>('digitalocean.addDemoAccount');
  if (typeof id !== 'string' || !id) throw new Error(`Add Demo Account gave ${String(id)}: its lazily loaded bundle did not run`);
  // the family's bundle as loaded: it must hold the edit the watch rebuilt
  const marker = process.env.DO_TEST_WATCH_MARKER;
  const bundle = fs.readFileSync(path.join(extension.extensionPath, 'dist', 'commands.accounts.js'), 'utf8');
  if (!marker || !bundle.includes(marker)) throw new Error('the accounts bundle in the host does not hold the watched edit');
  console.log(`DO_WATCH_RESULTS ${JSON.stringify({ account: id, marker })}`);
}
