/**
 * `import modules from 'kind-files:.'`: the namespaces of every other module in the importing
 * folder, sorted by file name, bundled by scripts/kindFiles.mjs. A folder's index.ts uses it to
 * find its kinds without a list naming them.
 */
declare module 'kind-files:.' {
  const modules: readonly Readonly<Record<string, unknown>>[];
  export default modules;
}
