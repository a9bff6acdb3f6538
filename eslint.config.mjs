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
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        fetch: 'readonly',
        URL: 'readonly',
        AbortSignal: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        describe: 'readonly',
        it: 'readonly',
        before: 'readonly',
        after: 'readonly',
        afterEach: 'readonly',
        beforeEach: 'readonly',
        require: 'readonly',
        module: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Text a person reads goes through l10n.t (vscode.l10n in the VS Code layers, @vscode/l10n
    // below them), so translators work from l10n/bundle.l10n.json without touching code.
    files: ['src/**/*.ts'],
    ignores: ['src/demo/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...[
          'CallExpression[callee.property.name=/^(show(Information|Warning|Error)Message|notify|confirm|showSecret)$/] > :matches(Literal[value=/[A-Za-z]{2,} [A-Za-z]/], TemplateLiteral:has(TemplateElement[value.raw=/[A-Za-z]{2,} [A-Za-z]{2,}/]))',
          'CallExpression[callee.name=/^(withProgress|reportError)$/] > :matches(Literal[value=/[A-Za-z]{2,} [A-Za-z]/], TemplateLiteral:has(TemplateElement[value.raw=/[A-Za-z]{2,} [A-Za-z]{2,}/]))',
          'Property[key.name=/^(title|placeHolder|prompt|tooltip|label|description|detail|message|openLabel|saveLabel)$/] > :matches(Literal[value=/[A-Za-z]{2,} [A-Za-z]{2,}/], TemplateLiteral:has(TemplateElement[value.raw=/[A-Za-z]{2,} [A-Za-z]{2,}/]))',
        ].map((selector) => ({ selector, message: 'User-visible text goes through l10n.t (vscode.l10n.t in the VS Code layers).' })),
      ],
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
);
