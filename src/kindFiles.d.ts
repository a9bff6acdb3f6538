/**
 * `import modules from 'kind-files:.'`: the namespaces of every other module in the importing
 * folder, sorted by file name, bundled by scripts/kindFiles.mjs. A folder's index.ts uses it to
 * find its kinds without a list naming them.
 */
declare module 'kind-files:.' {
  const modules: readonly Readonly<Record<string, unknown>>[];
  export default modules;
}

/** `import families from 'command-families:'`: each command family, its bundle and its commands (scripts/lazyFeatures.mjs). */
declare module 'command-families:' {
  const families: { name: string; bundle: string; ids: string[] }[];
  export default families;
}

/** `import coreModules from 'core-modules:'`: the modules of extension.js, by path, for the lazily loaded bundles (scripts/lazyFeatures.mjs). */
declare module 'core-modules:' {
  const modules: Record<string, unknown>;
  export default modules;
}

/** `import web from 'web-command-families:'`: the command families the browser build holds, and their modules by bundle name (scripts/lazyFeatures.mjs). */
declare module 'web-command-families:' {
  const web: { families: { name: string; bundle: string; ids: string[] }[]; modules: Record<string, unknown> };
  export default web;
}
