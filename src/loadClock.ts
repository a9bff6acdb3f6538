/** The first module of extension.js to run: when loading the bundle began (for `npm run bench`). */
export const loadStarted = performance.now();
