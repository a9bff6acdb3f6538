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
  // calls, not text: ajv keeps `require("ajv/dist/runtime/…")` in strings for the code it can
  // write out (standalone mode), which this extension never uses
  const required = [...text.matchAll(/(?<![`'])require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
  const templated = [...text.matchAll(/[`']require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);

  it('requires nothing but vscode: no Node built-in reaches it', () => {
    assert.ok(text.length > 100_000, 'the bundle is built');
    const builtins = required.filter((r) => r.startsWith('node:') || builtinModules.includes(r));
    assert.deepEqual(builtins, []);
    assert.deepEqual([...new Set(required)], ['vscode']);
    assert.ok(
      templated.every((t) => t.startsWith('ajv/dist/runtime/')),
      `templated requires: ${templated.join(', ')}`,
    );
  });

  it('holds the families that need nothing of Node, and not those that do', () => {
    for (const family of [
      'commands.accounts.js',
      'commands.project.js',
      'commands.resources.js',
      'commands.kubernetes.js',
      'commands.droplet.js',
      'commands.app.js',
      'commands.spaces.js',
      'commands.functions.js',
    ])
      assert.ok(text.includes(`"${family}"`), `${family} is in the browser build`);
    // kubeconfig and docker files, terminals, local files: Node only, in the folders' *.node.ts
    for (const family of ['commands.accounts.node.js', 'commands.kubernetes.node.js', 'commands.droplet.node.js', 'commands.database.node.js'])
      assert.ok(!text.includes(`"${family}"`), `${family} is left out`);
    // live logs and the console use the browser's WebSocket, not ws (which would throw there)
    assert.ok(!text.includes('ws does not work in the browser'), 'the ws package is not in the browser build');
  });
});

interface MenuItem {
  command: string;
  when?: string;
}

describe('Node-only commands on the web', () => {
  const families = JSON.parse(readFileSync('dist/web/families.json', 'utf8')) as { web: string[]; nodeOnly: { name: string; ids: string[] }[] };
  const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
    contributes: {
      commands: { command: string }[];
      menus: Record<string, MenuItem[]>;
      keybindings?: MenuItem[];
      walkthroughs: { steps: { id: string; when?: string; description: string; completionEvents?: string[] }[] }[];
    };
  };
  const nodeOnly = new Set(families.nodeOnly.flatMap((f) => f.ids));
  // Not `isWeb`: that is true in any browser workbench, also where the extension runs in a Node host
  // (code-server, Codespaces), which has every command. The web entry sets digitalocean.webWorker.
  // `!digitalocean.webWorker` must hold for the whole clause: appended with && at the top level (an || inside is parenthesised)
  const hiddenOnWeb = (when: string | undefined) =>
    when === 'false' || (when !== undefined && /(^|&&\s*)!digitalocean\.webWorker$/.test(when.trim()) && !/\|\|/.test(when.replace(/\([^()]*\)/g, '')));

  it('the build sorted every family, and some are Node-only', () => {
    assert.ok(families.web.length >= 10 && nodeOnly.size >= 10, JSON.stringify(families.nodeOnly.map((f) => f.name)));
    // one family per feature folder, and its Node-only files as a second
    assert.ok(
      families.nodeOnly.every((f) => f.name.endsWith('.node')),
      JSON.stringify(families.nodeOnly.map((f) => f.name)),
    );
    assert.ok(nodeOnly.has('digitalocean.kubernetes.addToKubeconfig') && nodeOnly.has('digitalocean.droplet.sshTerminal'));
  });

  it('are hidden from the palette on the web', () => {
    const palette = manifest.contributes.menus.commandPalette;
    const shown = [...nodeOnly].filter((id) => !palette.some((i) => i.command === id && hiddenOnWeb(i.when)));
    assert.deepEqual(shown, []);
  });

  it('are hidden from every menu and keybinding on the web', () => {
    const items = [...Object.entries(manifest.contributes.menus), ['keybindings', manifest.contributes.keybindings ?? []] as const].flatMap(([menu, list]) =>
      list.map((i) => ({ menu, ...i })),
    );
    const shown = items.filter((i) => nodeOnly.has(i.command) && !hiddenOnWeb(i.when)).map((i) => `${i.menu}: ${i.command} (${i.when})`);
    assert.deepEqual(shown, []);
  });

  // Built for the web, hidden there all the same: what a browser cannot do by its nature. A
  // browser cannot create a bucket: S3 answers the preflight of a bucket that is not there yet
  // with no CORS rules to allow it (the command says so if it is run anyway).
  const browserCannot = new Set(['digitalocean.spaces.createBucket']);

  it('commands the web build has are not hidden there, but for what a browser cannot do', () => {
    const items = Object.values(manifest.contributes.menus).flat();
    const hidden = items
      .filter((i) => !nodeOnly.has(i.command) && !browserCannot.has(i.command) && i.when?.includes('digitalocean.webWorker'))
      .map((i) => i.command);
    assert.deepEqual(hidden, []);
    const shown = [...Object.values(manifest.contributes.menus).flat(), ...(manifest.contributes.keybindings ?? [])].filter(
      (i) => browserCannot.has(i.command) && !hiddenOnWeb(i.when),
    );
    assert.deepEqual(shown, []);
    assert.ok(
      manifest.contributes.menus.commandPalette.some((i) => browserCannot.has(i.command) && hiddenOnWeb(i.when)),
      'hidden from the palette too',
    );
  });

  it('walkthrough steps about Node-only commands are hidden on the web', () => {
    const steps = manifest.contributes.walkthroughs.flatMap((w) => w.steps);
    const shown = steps
      .filter((s) => (s.completionEvents ?? []).some((e) => nodeOnly.has(e.replace(/^onCommand:/, ''))) && s.when !== '!digitalocean.webWorker')
      .map((s) => s.id);
    assert.deepEqual(shown, []);
  });
});
