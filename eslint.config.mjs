// Lint: typescript-eslint's recommended rules, plus the project's own boundaries.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'dist-test/**', 'dist-vsix/**', 'node_modules/**', 'test-artifacts/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['src/api/**/*.ts', 'src/credentials/**/*.ts', 'src/demo/**/*.ts'],
    rules: {
      // The client, the credential file code and the demo API must not depend on VS Code.
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'src/api, src/credentials and src/demo never import vscode.' }] }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', fetch: 'readonly', URL: 'readonly', AbortSignal: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', describe: 'readonly', it: 'readonly', before: 'readonly', after: 'readonly', afterEach: 'readonly', beforeEach: 'readonly', require: 'readonly', module: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
);
