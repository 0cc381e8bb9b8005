// Lint: typescript-eslint + svelte, and the layering rules of STYLE.md as no-restricted-imports.
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

const coreRules = {
  'no-restricted-imports': [
    'error',
    {
      paths: [{ name: 'electron', message: 'The core never imports electron: hosts adapt the core.' }],
      patterns: [
        { group: ['**/electron/**', '**/web/**', '**/cli/**'], message: 'The core may not import a host.' },
        { group: ['**/src-renderer/**'], message: 'The core may not import the renderer.' },
      ],
    },
  ],
};

const rendererRules = {
  'no-restricted-imports': [
    'error',
    {
      paths: [
        { name: 'better-sqlite3', message: 'The renderer reaches data only through the typed client.' },
        { name: 'electron', message: 'The renderer reaches Electron only through the preload bridge.' },
      ],
      patterns: [
        { group: ['node:*'], message: 'No Node modules in the renderer.' },
        {
          regex: 'src-main/(?!core/contract$|core/text/decode$)',
          message: 'The renderer may import only src-main/core/contract (types and ids) and the pure text decoder.',
        },
      ],
    },
  ],
};

export default ts.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'coverage/**', 'test-results/**'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } },
  },
  { files: ['src-main/core/**/*.ts'], rules: coreRules },
  {
    files: ['src-renderer/**/*.ts', 'src-renderer/**/*.svelte'],
    languageOptions: { globals: { ...globals.browser } },
    rules: rendererRules,
  },
  { files: ['scripts/**/*.mjs', 'bin/**/*.js', '*.cjs'], languageOptions: { globals: { ...globals.node } } },
);
