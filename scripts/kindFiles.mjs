// An esbuild plugin: `import modules from 'kind-files:.'` in a folder's index.ts bundles every
// other .ts module of that folder and gives their namespaces, sorted by file name. Adding a kind
// is then adding its file: the registries in src/api/resources, src/tree/kinds and
// src/panels/kinds pick out what they need (descriptors, presenters, panel builders) by shape, so
// no list has to name it. (Command families are found by folder: lazyFeatures.mjs.) The declaration is in src/kindFiles.d.ts.
import { readdirSync } from 'node:fs';

export function kindFilesIn(dir) {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && f !== 'index.ts')
    .sort();
}

export const kindFiles = {
  name: 'kind-files',
  setup(build) {
    build.onResolve({ filter: /^kind-files:\.$/ }, (args) => ({ path: args.resolveDir, namespace: 'kind-files' }));
    build.onLoad({ filter: /.*/, namespace: 'kind-files' }, (args) => {
      const files = kindFilesIn(args.path);
      const contents = [...files.map((f, i) => `import * as m${i} from './${f}';`), `export default [${files.map((_, i) => `m${i}`).join(', ')}];`].join('\n');
      // watchDirs: a new file in the folder rebuilds the registry under --watch
      return { contents, resolveDir: args.path, loader: 'ts', watchDirs: [args.path] };
    });
  },
};
