// `node scripts/build.mjs --watch` checked as a developer uses it: in a copy of the sources, the
// watch builds every bundle, an edit to a lazily loaded command family is rebuilt into that
// family's bundle, and the watched dist/ loads in the real extension host, where the family's
// command runs (test/watch/index.ts). It once rebuilt extension.js alone, after deleting dist/,
// and the extension then failed to load ./l10n.js.
import { openapiJson } from '../../scripts/openapiSpec.mjs';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runExtensionTests, startProcess, startVsCodeServer, stopProcess, waitFor } from './services.mjs';

/** Resolves to { passed, note }; the copy and its processes are gone afterwards. */
export async function checkWatchedBuild({ root, browser, vscode, artifacts }) {
  const dir = mkdtempSync(join(tmpdir(), 'do-watch-'));
  const started = [];
  try {
    for (const d of ['src', 'scripts', 'l10n', 'media']) cpSync(join(root, d), join(dir, d), { recursive: true });
    for (const f of ['package.json', 'package.nls.json', 'tsconfig.json']) cpSync(join(root, f), join(dir, f));
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
    // the copy has nothing beside it: hand it the document this clone found (or fetched)
    const spec = openapiJson(root).path;
    const env = spec ? { ...process.env, DO_OPENAPI_JSON: spec } : process.env;
    const watch = startProcess('build-watch', process.execPath, ['scripts/build.mjs', '--watch'], { cwd: dir, env });
    started.push(watch);
    await waitFor('the watched build', () => /watching src\//.test(watch.output()), 180_000, watch.child);

    const marker = `watched-${process.pid}-${Date.now()}`;
    const source = join(dir, 'src', 'commands', 'accounts', 'accounts.ts');
    const before = readFileSync(source, 'utf8');
    if (!before.includes("'Demo account added'"))
      return { passed: false, note: "src/commands/accounts/accounts.ts no longer logs 'Demo account added': the check needs a new edit to make" };
    writeFileSync(source, before.replace("'Demo account added'", `'Demo account added ${marker}'`));
    const bundle = join(dir, 'dist', 'commands.accounts.js');
    await waitFor(
      'the accounts bundle rebuilt by the watch',
      () => {
        try {
          return readFileSync(bundle, 'utf8').includes(marker);
        } catch {
          return false;
        }
      },
      60_000,
      watch.child,
    );

    const server = await startVsCodeServer(vscode, { name: 'vscode-server-watch', env: { DO_TEST_WATCH_MARKER: marker } });
    started.push(server);
    let results;
    const code = await runExtensionTests(browser, server, {
      extensionPath: dir,
      testsEntry: join(root, 'dist-test', 'watch', 'index.js'),
      timeoutMs: 180_000,
      screenshot: join(artifacts, 'watch-failure.png'),
      onLine: (line) => {
        const m = /^DO_WATCH_RESULTS (\{.*\})$/.exec(line.trim());
        if (m) results = JSON.parse(m[1]);
      },
    });
    if (code !== 0 || !results) return { passed: false, note: `the watched build did not run in the extension host (exit ${code}); see the log above` };
    return {
      passed: true,
      note: `every bundle built and watched; an edit reached commands.accounts.js, which ran in the extension host (account ${results.account})`,
    };
  } finally {
    for (const p of started.reverse()) stopProcess(p);
    rmSync(dir, { recursive: true, force: true });
  }
}
