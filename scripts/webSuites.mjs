// The integration suites the web stage runs, found rather than listed: every
// test/integration/*.test.ts that imports no Node built-in (node:assert aside — the web test build
// aliases it to the npm assert package). A suite that needs files, processes or sockets imports
// them, and so stays on Node. `import { loadSuites, suites } from 'web-suites:'` in test/web/index.ts.
import { readFileSync, readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';

const NODE_IMPORT = new RegExp(
  `from '(node:(?!assert)[\\w/]+|${builtinModules
    .filter((m) => !m.startsWith('_') && m !== 'assert')
    .map((m) => m.replace(/[/]/g, '\\/'))
    .join('|')})'`,
);

/** The suites' paths, sorted by file name, and those left out. */
export function webSuites(root) {
  const dir = join(root, 'test', 'integration');
  const all = readdirSync(dir)
    .filter((f) => f.endsWith('.test.ts'))
    .sort();
  const nodeOnly = all.filter((f) => NODE_IMPORT.test(readFileSync(join(dir, f), 'utf8')));
  return { web: all.filter((f) => !nodeOnly.includes(f)).map((f) => join(dir, f)), nodeOnly };
}

export function webSuitesPlugin(root) {
  return {
    name: 'web-suites',
    setup(build) {
      build.onResolve({ filter: /^web-suites:$/ }, () => ({ path: 'web-suites', namespace: 'web-suites' }));
      build.onLoad({ filter: /.*/, namespace: 'web-suites' }, () => {
        const { web, nodeOnly } = webSuites(root);
        return {
          // required, not imported: they load when loadSuites() runs, after mocha.setup() has made describe/it global
          contents: [
            `export const suites = ${JSON.stringify(web.map((f) => f.slice(root.length + 1)))};`,
            `export const nodeOnly = ${JSON.stringify(nodeOnly)};`,
            'export function loadSuites() {',
            ...web.map((f) => `  require(${JSON.stringify(f)});`),
            '}',
          ].join('\n'),
          resolveDir: root,
          loader: 'js',
          watchDirs: [join(root, 'test', 'integration')],
        };
      });
    },
  };
}
