// Feature code loaded on first use (see "Which files load when" in the README).
//
// dist/extension.js holds what activation needs: the wiring, the model, the tree, the client, the
// panels. Each command family (a file of src/commands exporting `register…Commands`) is its own
// bundle, dist/commands.<family>.js, required the first time one of its commands runs. A family
// bundle does not carry copies of the modules extension.js already has: its imports of them are
// answered by extension.js's own module instances (`coreModules`), so classes, caches and events
// are the same objects on both sides (a node made by the tree is `instanceof` the family's class).
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve as resolvePath } from 'node:path';
import { kindFilesIn } from './kindFiles.mjs';

/**
 * The command families and the command ids each registers, read from the sources: an id declared
 * in package.json belongs to the family whose file names it, or — when several files name it (one
 * runs another's command) — to the one that passes it to registerCommand. The build fails on an
 * id no family or several families claim; the integration suite checks the result by loading
 * every family.
 */
export function commandFamilies(root) {
  const dir = join(root, 'src', 'commands');
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const families = kindFilesIn(dir)
    .map((file) => ({ file, text: readFileSync(join(dir, file), 'utf8') }))
    .filter((f) => /export function register\w+Commands\(/.test(f.text))
    .map((f) => ({ name: f.file.replace(/\.ts$/, ''), text: f.text, ids: [] }));
  const problems = [];
  for (const { command } of manifest.contributes.commands) {
    let owners = families.filter((f) => f.text.includes(`'${command}'`));
    if (owners.length > 1) owners = owners.filter((f) => f.text.includes(`registerCommand(deps, '${command}'`));
    if (owners.length === 1) owners[0].ids.push(command);
    else problems.push(`${command}: ${owners.length ? `claimed by ${owners.map((f) => f.name).join(', ')}` : 'named by no command family'}`);
  }
  if (problems.length) throw new Error(`Cannot tell which command family registers:\n  ${problems.join('\n  ')}`);
  return families.map(({ name, ids }) => ({ name, bundle: `commands.${name}.js`, ids }));
}

/** `import families from 'command-families:'`: [{ name, bundle, ids }] (src/commands/lazy.ts). */
export function commandFamiliesPlugin(families) {
  return {
    name: 'command-families',
    setup(build) {
      build.onResolve({ filter: /^command-families:$/ }, () => ({ path: 'command-families', namespace: 'command-families' }));
      build.onLoad({ filter: /.*/, namespace: 'command-families' }, () => ({ contents: `export default ${JSON.stringify(families)};`, loader: 'js' }));
    },
  };
}

/**
 * `import coreModules from 'core-modules:'` in extension.ts: the namespace of every module in
 * `files` (paths relative to the root), by that path, for the family bundles to share.
 */
export function coreModulesPlugin(root, files) {
  return {
    name: 'core-modules',
    setup(build) {
      build.onResolve({ filter: /^core-modules:$/ }, () => ({ path: 'core-modules', namespace: 'core-modules' }));
      build.onLoad({ filter: /.*/, namespace: 'core-modules' }, () => ({
        contents: [
          ...files.map((f, i) => `import * as m${i} from ${JSON.stringify(join(root, f))};`),
          `export default {${files.map((f, i) => `${JSON.stringify(f)}: m${i}`).join(', ')}};`,
        ].join('\n'),
        resolveDir: root,
        loader: 'js',
      }));
    },
  };
}

/** The source file a relative import names, as esbuild would find it (.ts, or a folder's index.ts). */
function sourceOf(resolveDir, spec) {
  const base = resolvePath(resolveDir, spec);
  return [`${base}.ts`, join(base, 'index.ts'), base].find((p) => existsSync(p) && p.endsWith('.ts'));
}

/** In a family bundle: an import of a module extension.js has becomes a reference to that module. */
export function sharedCorePlugin(root, files) {
  const core = new Set(files);
  return {
    name: 'shared-core',
    setup(build) {
      build.onResolve({ filter: /^\.\/extension\.js$/, namespace: 'shared-core' }, () => ({ path: './extension.js', external: true }));
      build.onResolve({ filter: /^\.\.?\//, namespace: 'file' }, (args) => {
        const file = sourceOf(args.resolveDir, args.path);
        const rel = file && relative(root, file);
        return rel && core.has(rel) ? { path: rel, namespace: 'shared-core' } : undefined;
      });
      build.onLoad({ filter: /.*/, namespace: 'shared-core' }, (args) => ({
        // every bundle sits in dist/ beside extension.js, which is loaded (and cached) already
        contents: `module.exports = require('./extension.js').coreModules[${JSON.stringify(args.path)}];`,
        loader: 'js',
      }));
    },
  };
}

/**
 * The families whose browser build (a dry run with Node's built-ins left external, `outdir`
 * dist/web) reaches no Node built-in: the ones the browser build can hold. The rest are Node-only
 * (package.json hides their commands on the web; a unit test checks that against this list).
 */
export function webFamilies(families, metafile, builtins) {
  const nodeOnly = (file) => (metafile.outputs[file]?.imports ?? []).some((i) => i.external && (i.path.startsWith('node:') || builtins.includes(i.path)));
  return families.filter((f) => !nodeOnly(`dist/web/${f.bundle}`));
}

/** `import web from 'web-command-families:'` in src/web.ts: those families and their modules, bundled. */
export function webFamiliesPlugin(root, families) {
  return {
    name: 'web-command-families',
    setup(build) {
      build.onResolve({ filter: /^web-command-families:$/ }, () => ({ path: 'web-command-families', namespace: 'web-command-families' }));
      build.onLoad({ filter: /.*/, namespace: 'web-command-families' }, () => ({
        contents: [
          ...families.map((f, i) => `import * as m${i} from ${JSON.stringify(join(root, 'src', 'commands', `${f.name}.ts`))};`),
          `export default { families: ${JSON.stringify(families)}, modules: {${families.map((f, i) => `${JSON.stringify(f.bundle)}: m${i}`).join(', ')}} };`,
        ].join('\n'),
        resolveDir: root,
        loader: 'js',
      }));
    },
  };
}
