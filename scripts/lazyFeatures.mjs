// Feature code loaded on first use (see "Which files load when" in docs/performance.md).
//
// dist/extension.js holds what activation needs: the wiring, the model, the tree, the client, the
// panels. Each command family is a feature folder of src/commands (src/commands/droplet/, …): its
// files that export `register…Commands` make one bundle, dist/commands.<folder>.js, required the
// first time one of its commands runs; its Node-only files, named `*.node.ts`, make a second,
// dist/commands.<folder>.node.js, which the browser build leaves out. A family
// bundle does not carry copies of the modules extension.js already has: its imports of them are
// answered by extension.js's own module instances (`coreModules`), so classes, caches and events
// are the same objects on both sides (a node made by the tree is `instanceof` the family's class).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve as resolvePath } from 'node:path';
import { kindFilesIn } from './kindFiles.mjs';

/**
 * The command families and the command ids each registers, read from the sources: a family is a
 * feature folder's files that export `register…Commands` (those named `*.node.ts` apart, as the
 * folder's Node-only family). An id declared in package.json belongs to the family whose files
 * name it, or — when several do (one runs another's command) — to the one that passes it to
 * registerCommand. The build fails on an id no family or several families claim, and on a file
 * with commands left beside the folders; the integration suite loads every family once.
 */
export function commandFamilies(root) {
  const dir = join(root, 'src', 'commands');
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const loose = kindFilesIn(dir).filter((file) => /export function register\w+Commands\(/.test(readFileSync(join(dir, file), 'utf8')));
  if (loose.length) throw new Error(`Commands belong in a feature folder of src/commands, not beside them: ${loose.join(', ')}`);
  const families = [];
  for (const folder of readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()) {
    const sources = kindFilesIn(join(dir, folder))
      .map((file) => ({ path: `src/commands/${folder}/${file}`, node: file.endsWith('.node.ts'), text: readFileSync(join(dir, folder, file), 'utf8') }))
      .filter((f) => /export function register\w+Commands\(/.test(f.text));
    for (const node of [false, true]) {
      const part = sources.filter((f) => f.node === node);
      if (part.length)
        families.push({
          name: node ? `${folder}.node` : folder,
          node,
          sources: part,
          files: part.map((f) => f.path),
          text: part.map((f) => f.text).join('\n'),
          ids: [],
          registeredIn: {},
        });
    }
  }
  const problems = [];
  for (const { command } of manifest.contributes.commands) {
    let owners = families.filter((f) => f.text.includes(`'${command}'`));
    if (owners.length > 1) owners = owners.filter((f) => f.text.includes(`registerCommand(deps, '${command}'`));
    if (owners.length === 1) {
      owners[0].ids.push(command);
      // the file that registers it (or, failing that, names it): one hop from an id to its code
      const file =
        owners[0].sources.find((f) => f.text.includes(`registerCommand(deps, '${command}'`)) ?? owners[0].sources.find((f) => f.text.includes(`'${command}'`));
      owners[0].registeredIn[command] = file.path;
    } else problems.push(`${command}: ${owners.length ? `claimed by ${owners.map((f) => f.name).join(', ')}` : 'named by no command family'}`);
  }
  if (problems.length) throw new Error(`Cannot tell which command family registers:\n  ${problems.join('\n  ')}`);
  return families.map(({ name, node, files, ids, registeredIn }) => ({ name, bundle: `commands.${name}.js`, node, files, ids, registeredIn }));
}

/** What the running extension keeps of a family (src/commands/lazy.ts's CommandFamilyInfo). */
const info = ({ name, bundle, ids }) => ({ name, bundle, ids });

/**
 * A family's entry module: its files, and one `registerFamilyCommands` that registers what each of
 * them does (the function src/commands/lazy.ts calls). Imports are relative to the root, so that a
 * module extension.js already has is taken from it.
 */
function familySource(family, prefix = '') {
  return [
    ...family.files.map((f, i) => `import * as ${prefix}m${i} from ${JSON.stringify(`./${f}`)};`),
    `const ${prefix}family = { registerFamilyCommands: (deps) => [${family.files.map((_, i) => `${prefix}m${i}`).join(', ')}].flatMap((m) => Object.entries(m).filter(([k, v]) => /^register\\w+Commands$/.test(k) && typeof v === 'function').flatMap(([, register]) => register(deps))) };`,
  ].join('\n');
}

/** Entry points `command-family:<name>`, one per family (for `entryPoints`). */
export function familyEntries(families) {
  return Object.fromEntries(families.map((f) => [f.bundle.replace(/\.js$/, ''), `command-family:${f.name}`]));
}

export function familyEntryPlugin(root, families) {
  return {
    name: 'command-family',
    setup(build) {
      build.onResolve({ filter: /^command-family:/ }, (args) => ({ path: args.path.slice('command-family:'.length), namespace: 'command-family' }));
      build.onLoad({ filter: /.*/, namespace: 'command-family' }, (args) => {
        const family = families.find((f) => f.name === args.path);
        return { contents: `${familySource(family)}\nexport const registerFamilyCommands = family.registerFamilyCommands;`, resolveDir: root, loader: 'js' };
      });
    },
  };
}

/** `import families from 'command-families:'`: [{ name, bundle, ids }] (src/commands/lazy.ts). */
export function commandFamiliesPlugin(families) {
  return {
    name: 'command-families',
    setup(build) {
      build.onResolve({ filter: /^command-families:$/ }, () => ({ path: 'command-families', namespace: 'command-families' }));
      build.onLoad({ filter: /.*/, namespace: 'command-families' }, () => ({
        contents: `export default ${JSON.stringify(families.map(info))};`,
        loader: 'js',
      }));
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
      const shared = (args) => {
        const file = sourceOf(args.resolveDir, args.path);
        const rel = file && relative(root, file);
        return rel && core.has(rel) ? { path: rel, namespace: 'shared-core' } : undefined;
      };
      // from the sources, and from a family's entry module (which names its files from the root)
      build.onResolve({ filter: /^\.\.?\//, namespace: 'file' }, shared);
      build.onResolve({ filter: /^\.\.?\//, namespace: 'command-family' }, shared);
      build.onLoad({ filter: /.*/, namespace: 'shared-core' }, (args) => ({
        // every bundle sits in dist/ beside extension.js, which is loaded (and cached) already
        contents: `module.exports = require('./extension.js').coreModules[${JSON.stringify(args.path)}];`,
        loader: 'js',
      }));
    },
  };
}

/**
 * The families the browser build holds: every one but the `*.node` families. A browser build of
 * each (a dry run with Node's built-ins left external, `outdir` dist/web) must reach no Node
 * built-in — one that does is an error naming it, not a family silently left out of the web build.
 * package.json hides the Node-only commands on the web (a unit test checks that against this list).
 */
export function webFamilies(families, metafile, builtins) {
  const reached = (file) =>
    (metafile.outputs[file]?.imports ?? []).filter((i) => i.external && (i.path.startsWith('node:') || builtins.includes(i.path))).map((i) => i.path);
  const wrong = families.filter((f) => !f.node && reached(`dist/web/${f.bundle}`).length);
  if (wrong.length)
    throw new Error(
      `These command families must run in a browser but reach Node (move the Node code into a *.node.ts file of the folder):\n  ${wrong.map((f) => `${f.name}: ${[...new Set(reached(`dist/web/${f.bundle}`))].join(', ')}`).join('\n  ')}`,
    );
  return families.filter((f) => !f.node);
}

/** `import web from 'web-command-families:'` in src/web.ts: those families and their modules, bundled. */
export function webFamiliesPlugin(root, families) {
  return {
    name: 'web-command-families',
    setup(build) {
      build.onResolve({ filter: /^web-command-families:$/ }, () => ({ path: 'web-command-families', namespace: 'web-command-families' }));
      build.onLoad({ filter: /.*/, namespace: 'web-command-families' }, () => ({
        contents: [
          ...families.map((f, i) => familySource(f, `f${i}_`)),
          `export default { families: ${JSON.stringify(families.map(info))}, modules: {${families.map((f, i) => `${JSON.stringify(f.bundle)}: f${i}_family`).join(', ')}} };`,
        ].join('\n'),
        resolveDir: root,
        loader: 'js',
      }));
    },
  };
}

/**
 * The command id → bundle table (src/commands/FAMILIES.md), reviewed like code: a change that
 * moves a command to another bundle, or makes a family Node-only, shows in the diff.
 * `node scripts/families.mjs --write` writes it; the static suite checks it is current.
 */
export function familyTable(families) {
  const rows = families.flatMap((f) =>
    f.ids.map(
      (id) => `| \`${id}\` | \`${f.registeredIn[id].replace(/^src\/commands\//, '')}\` | \`${f.bundle}\` | ${f.node ? 'Node only' : 'desktop and web'} |`,
    ),
  );
  return [
    '# Command families',
    '',
    'Written by `node scripts/families.mjs --write` from the sources (scripts/lazyFeatures.mjs); the',
    'static suite fails when it is out of date. Each feature folder of src/commands is one bundle,',
    'loaded the first time one of its commands runs; its `*.node.ts` files are a second one that the',
    'web build leaves out.',
    '',
    '| command | registered in (src/commands/) | bundle | runs on |',
    '|---|---|---|---|',
    ...rows.sort(),
    '',
  ].join('\n');
}
