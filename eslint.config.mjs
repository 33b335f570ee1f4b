import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.cache/**', '.e2e/**', 'test/fixtures/**', 'examples/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', require: 'readonly', module: 'readonly', __dirname: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setImmediate: 'readonly', Buffer: 'readonly', fetch: 'readonly', window: 'readonly', document: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    // push(...items) / Math.max(...items) pass every item as an argument: RangeError past ~125k (a document with
    // 150k tickets threw). Use pushAll (server/src/model/scan.ts) or a loop.
    files: ['server/src/{model,lint,rules,reader,lsp}/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name=/^(push|unshift|max|min|fromCharCode|fromCodePoint)$/] > SpreadElement",
          message: 'Spreading an array into call arguments throws past ~125k items: use pushAll() or a loop.',
        },
      ],
    },
  },
  {
    // Imports only run downwards (docs/architecture.md): the engine never reaches the editor, and the model never
    // reaches the rules or the runner above it.
    files: ['server/src/{model,lint,rules,config,reader,archive,index}/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['vscode', 'vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageclient', 'vscode-languageclient/*'], message: 'The engine is pure: no editor or LSP imports.' }] }],
    },
  },
  {
    files: ['server/src/model/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['vscode', 'vscode-languageserver', 'vscode-languageserver/*'], message: 'The engine is pure: no editor or LSP imports.' },
        { group: ['**/lint/*', '**/rules/*', '**/config/*', '**/lsp/*', '**/reader/*', '**/cli/*'], message: 'The model is the bottom layer: it imports nothing above it.' },
      ] }],
    },
  },
);
