/** `import { loadSuites } from 'web-suites:'`: the integration suites that run in the web worker (scripts/webSuites.mjs). */
declare module 'web-suites:' {
  /** Their paths from the project's root, in the order they load. */
  export const suites: readonly string[];
  /** The integration suites left to Node (they import a Node built-in). */
  export const nodeOnly: readonly string[];
  /** Requires each suite (after mocha.setup). */
  export function loadSuites(): void;
}
