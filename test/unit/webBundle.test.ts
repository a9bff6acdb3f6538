/**
 * The browser build (src/web.ts → dist/web/extension.js) comes from the same sources with no Node
 * built-in in it: esbuild's browser platform already fails the build on one it must resolve; this
 * checks the result too (a `require` of one left for run time would fail in the web worker), and
 * that it holds the families that need nothing of Node and leaves out those that do.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';

describe('The browser build', () => {
  const text = readFileSync('dist/web/extension.js', 'utf8');
  const required = [...text.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);

  it('requires nothing but vscode: no Node built-in reaches it', () => {
    assert.ok(text.length > 100_000, 'the bundle is built');
    const builtins = required.filter((r) => r.startsWith('node:') || builtinModules.includes(r));
    assert.deepEqual(builtins, []);
    assert.deepEqual([...new Set(required)], ['vscode']);
  });

  it('holds the families that need nothing of Node, and not those that do', () => {
    for (const family of ['commands.accounts.js', 'commands.project.js', 'commands.goToResource.js', 'commands.drop.js', 'commands.kubernetesCreate.js']) assert.ok(text.includes(`"${family}"`), `${family} is in the browser build`);
    // kubeconfig and docker files, terminals, local files: Node only
    for (const family of ['commands.accountImport.js', 'commands.credentials.js', 'commands.connect.js', 'commands.databaseShell.js']) assert.ok(!text.includes(`"${family}"`), `${family} is left out`);
  });
});
