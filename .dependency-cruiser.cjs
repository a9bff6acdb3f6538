/**
 * The shape of the code, checked on every `npm test` (static suite) with dependency-cruiser:
 * imports run one way, extension → commands/agents → panels → tree → model → accounts → api, with the
 * shared UI helpers (src/ui) below commands and panels; no import cycles, type-only imports
 * included; src/api, src/credentials and src/model never import vscode.
 */
const layer = (name) => `^src/${name}/`;

/** Each layer, and what it must not import (everything above it). */
const above = {
  api: ['accounts', 'model', 'tree', 'panels', 'commands', 'agents', 'ui', 'credentials', 'demo', 'webview'],
  credentials: ['accounts', 'model', 'tree', 'panels', 'commands', 'agents', 'ui', 'demo', 'webview'],
  accounts: ['model', 'tree', 'panels', 'commands', 'agents', 'ui', 'webview'],
  model: ['tree', 'panels', 'commands', 'agents', 'ui', 'credentials', 'demo', 'webview'],
  ui: ['tree', 'panels', 'commands', 'agents', 'model', 'credentials', 'demo', 'webview'],
  tree: ['panels', 'commands', 'agents', 'ui', 'credentials', 'demo', 'webview'],
  panels: ['commands', 'agents', 'credentials', 'demo'],
  // commands and agents sit side by side: neither imports the other
  commands: ['agents'],
  agents: ['commands', 'panels', 'credentials', 'demo', 'webview'],
  demo: ['accounts', 'model', 'tree', 'panels', 'commands', 'agents', 'ui', 'credentials', 'webview'],
  webview: ['api', 'accounts', 'model', 'tree', 'commands', 'agents', 'ui', 'credentials', 'demo'],
};

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import cycle: the layers must stay a one-way street.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    ...Object.entries(above).map(([name, forbidden]) => ({
      name: `no-upward-from-${name}`,
      severity: 'error',
      comment: `src/${name} imports only from below it: extension → commands → panels → tree → model → accounts → api (src/ui below commands and panels).`,
      from: { path: layer(name) },
      to: { path: `^src/(${forbidden.join('|')})/` },
    })),
    {
      name: 'no-extension-entry-imports',
      severity: 'error',
      comment: 'extension.ts is the top: nothing imports it (tests use its exported types only).',
      from: { path: '^src/', pathNot: '^src/extension\\.ts$' },
      to: { path: '^src/extension\\.ts$' },
    },
    {
      name: 'no-vscode-below-accounts',
      severity: 'error',
      comment: 'src/api, src/credentials and src/model run in plain Node (and the browser later).',
      from: { path: '^src/(api|credentials|model)/' },
      // a type-only import resolves to @types/vscode, a value import stays the bare name
      to: { path: '(^vscode$)|(node_modules/@types/vscode/)' },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
  },
};
