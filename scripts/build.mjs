// Bundles the extension (and, with --tests, the test suites and the fake API server) with esbuild.
//   node scripts/build.mjs               development build with source maps
//   node scripts/build.mjs --production  minified, no source maps (what `npm run package` ships)
//   node scripts/build.mjs --tests       also the tests, into dist-test/
//   node scripts/build.mjs --watch       build everything, then rebuild each bundle on change
import * as esbuild from 'esbuild';
import { readdirSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { kindFiles } from './kindFiles.mjs';
import { webSuitesPlugin } from './webSuites.mjs';
import {
  commandFamilies,
  commandFamiliesPlugin,
  coreModulesPlugin,
  familyEntries,
  familyEntryPlugin,
  sharedCorePlugin,
  webFamilies,
  webFamiliesPlugin,
} from './lazyFeatures.mjs';
import { builtinModules } from 'node:module';
import { documentSchemaSource, writeDocumentSchemas } from './documentSchemas.mjs';

const production = process.argv.includes('--production');
const tests = process.argv.includes('--tests');
const watch = process.argv.includes('--watch');

// Found (or fetched and checked) before anything is built: a production build without it stops here.
let schemaSource;
try {
  schemaSource = documentSchemaSource(process.cwd(), { required: production });
} catch (error) {
  console.error(`\n${error.message}\n`);
  process.exit(1);
}

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  logLevel: 'warning',
  sourcemap: production ? false : 'linked',
  minify: production,
  // ws tries these optional native speed-ups inside try/catch: leave them out of the bundle
  external: ['vscode', 'bufferutil', 'utf-8-validate'],
  // ofetch's "node" entry drags in node-fetch-native (~117 KB) although every extension host
  // has a global fetch; its "worker" entry (listed before "node") uses the global one.
  conditions: ['worker'],
  plugins: [kindFiles],
};

/**
 * Every Node bundle in dist/ requires one shared @vscode/l10n (dist/l10n.js) instead of holding a
 * copy: src/l10n.ts configures it once with VS Code's translations, and the lazily loaded bundles
 * translate with that same configuration.
 */
const sharedL10n = {
  name: 'shared-l10n',
  setup(build) {
    build.onResolve({ filter: /^@vscode\/l10n$/ }, () => ({ path: './l10n.js', external: true }));
  },
};

rmSync('dist', { recursive: true, force: true });

// What loads when (scripts/lazyFeatures.mjs): extension.js holds activation, the model, the tree,
// the client and the panels; each command family is its own bundle, required when one of its
// commands first runs; the agent tools, the demo API, the document checker (ajv) and the S3 client for Spaces
// (aws4fetch, fast-xml-parser) are bundles of their own too. All of them share extension.js's
// modules instead of carrying copies.
const root = process.cwd();
const families = commandFamilies(root);
const extensionEntry = { extension: 'src/extension.ts' };
const extensionPlugins = (core) => [...common.plugins, sharedL10n, commandFamiliesPlugin(families), coreModulesPlugin(root, core)];
// Dry builds first: the modules activation pulls in, then which of them the lazily loaded bundles
// import. extension.js exports just those (an exported module keeps all its exports: the fewer,
// the smaller), and the lazy bundles take them from it.
const probe = await esbuild.build({
  ...common,
  plugins: extensionPlugins([]),
  entryPoints: extensionEntry,
  outdir: 'dist',
  write: false,
  metafile: true,
  logLevel: 'error',
});
const inCore = Object.keys(probe.metafile.inputs)
  .filter((f) => /^src\/.*\.ts$/.test(f))
  .sort();
const lazy = {
  demo: 'src/demo/index.ts',
  documents: 'src/api/documents.ts',
  spaces: 'src/api/spaces/spacesClient.ts',
  panels: 'src/panels/resourcePanel.ts',
  agents: 'src/agents/index.ts',
  ...familyEntries(families),
};
const lazyPlugins = (core) => [...common.plugins, sharedL10n, familyEntryPlugin(root, families), sharedCorePlugin(root, core)];
const lazyProbe = await esbuild.build({
  ...common,
  plugins: lazyPlugins(inCore),
  entryPoints: lazy,
  outdir: 'dist',
  write: false,
  metafile: true,
  logLevel: 'error',
});
const core = Object.keys(lazyProbe.metafile.inputs)
  .filter((f) => f.startsWith('shared-core:'))
  .map((f) => f.slice('shared-core:'.length))
  .sort();
// Which families the browser can run: each built for the browser, Node's built-ins left external
// so that the ones reached show in the metafile (live logs get the browser's WebSocket for ws).
const browserAliases = { ws: './src/api/appLogs/browserWebSocket.ts' };
const browserProbe = await esbuild.build({
  bundle: true,
  platform: 'browser',
  format: 'cjs',
  external: ['vscode', 'node:*', ...builtinModules],
  alias: browserAliases,
  plugins: [kindFiles, familyEntryPlugin(root, families)],
  entryPoints: familyEntries(families),
  outdir: 'dist/web',
  write: false,
  metafile: true,
  logLevel: 'error',
});
const forBrowser = webFamilies(families, browserProbe.metafile, builtinModules);
const nodeOnlyFamilies = families.filter((f) => !forBrowser.includes(f));
const builds = [
  { ...common, plugins: extensionPlugins(core), entryPoints: extensionEntry, outdir: 'dist' },
  { ...common, plugins: lazyPlugins(core), entryPoints: lazy, outdir: 'dist' },
  { ...common, entryPoints: { l10n: 'node_modules/@vscode/l10n/dist/main.js' }, outdir: 'dist' },
  // The browser build (src/web.ts): one bundle, for the web worker extension host. platform
  // "browser" makes any Node built-in that reaches it fail the build.
  {
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    logLevel: 'warning',
    sourcemap: production ? false : 'linked',
    minify: production,
    external: ['vscode'],
    plugins: [kindFiles, webFamiliesPlugin(root, forBrowser)],
    // live logs and the console: the browser's WebSocket behind the part of ws's API they use
    alias: browserAliases,
    entryPoints: { extension: 'src/web.ts' },
    outdir: 'dist/web',
  },
  // The detail panels' page: browser code and its styles, the only files a webview may load.
  {
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    logLevel: 'warning',
    sourcemap: production ? false : 'linked',
    minify: production,
    entryPoints: { panel: 'src/webview/main.ts', 'panel-style': 'src/webview/panel.css' },
    outdir: 'dist/webview',
  },
];

if (tests) {
  rmSync('dist-test', { recursive: true, force: true });
  const suites = (dir) =>
    existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith('.ts'))
          .map((f) => join(dir, f))
      : [];
  builds.push(
    {
      ...common,
      sourcemap: 'inline',
      minify: false,
      entryPoints: suites('test/unit'),
      outdir: 'dist-test/unit',
      external: ['vscode', 'mocha', 'bufferutil', 'utf-8-validate'],
    },
    {
      ...common,
      sourcemap: 'inline',
      minify: false,
      entryPoints: suites('test/contract'),
      outdir: 'dist-test/contract',
      external: ['mocha', 'bufferutil', 'utf-8-validate'],
    },
    {
      ...common,
      sourcemap: 'inline',
      minify: false,
      entryPoints: suites('test/integration'),
      outdir: 'dist-test/integration',
      external: ['vscode', 'mocha', 'bufferutil', 'utf-8-validate'],
    },
    {
      ...common,
      sourcemap: 'inline',
      minify: false,
      entryPoints: ['test/fake-api/server.ts', 'test/fake-api/s3rver.ts'],
      outdir: 'dist-test/fake-api',
      external: [...common.external, 's3rver', 's3rver/*'],
    },
    {
      ...common,
      sourcemap: false,
      minify: false,
      entryPoints: suites('test/bench'),
      outdir: 'dist-test/bench',
      external: ['vscode', 'bufferutil', 'utf-8-validate'],
    },
    { ...common, sourcemap: 'inline', minify: false, entryPoints: suites('test/watch'), outdir: 'dist-test/watch', external: ['vscode'] },
    // the web suites (test/web/index.ts): for the web worker extension host, like the web build;
    // Node's assert is the npm assert package there
    {
      bundle: true,
      platform: 'browser',
      format: 'cjs',
      target: 'es2022',
      logLevel: 'warning',
      sourcemap: 'inline',
      external: ['vscode'],
      plugins: [kindFiles, webSuitesPlugin(root)],
      alias: { ...browserAliases, 'node:assert/strict': './test/web/assertStrict.ts' },
      // the npm util package (under assert) reads process.env.NODE_DEBUG; a worker has no process
      define: { 'process.env.NODE_DEBUG': 'false' },
      entryPoints: { index: 'test/web/index.ts' },
      outdir: 'dist-test/web',
    },
  );
}

// The edited documents' JSON Schemas, from the OpenAPI document (documentSchemas.mjs, openapiSpec.mjs).
const writeSchema = () => writeDocumentSchemas(schemaSource, join('dist', 'schemas'));

/** What each bundle holds (for `npm run bench`) and which families the browser build holds. */
function writeBuildFacts(results) {
  writeFileSync(join('dist', 'meta.json'), JSON.stringify(results[0].metafile));
  // which command families the browser build holds and which it leaves out (their commands are
  // hidden on the web: test/unit/webBundle.test.ts checks package.json's when clauses against it)
  writeFileSync(join('dist', 'web', 'families.json'), JSON.stringify({ web: forBrowser.map((f) => f.name), nodeOnly: nodeOnlyFamilies }, null, 1));
  writeSchema();
}

const wanted = builds.filter((b) => b.entryPoints.length !== 0).map((b) => ({ ...b, metafile: true }));
if (watch) {
  // Every bundle is watched, not just extension.js: it requires dist/l10n.js and the lazily
  // loaded bundles, and a change to a command family must reach that family's bundle. Which
  // modules extension.js shares with them is decided once, above; a change that moves a module
  // into or out of activation needs a restart of the watch.
  const contexts = await Promise.all(wanted.map((b) => esbuild.context(b)));
  writeBuildFacts(await Promise.all(contexts.map((c) => c.rebuild())));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log(`watching src/ … (${contexts.length} builds)`);
} else {
  writeBuildFacts(await Promise.all(wanted.map((b) => esbuild.build(b))));
}
