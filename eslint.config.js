// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** Where a file lives says where it may run (DESIGN.md §1); these rules enforce it. */
const noElectron = {
  name: 'electron',
  message: 'Only src/main and src/preload may import electron.',
};
const noReact = { name: 'react', message: 'Pure code may not depend on React.' };
const nodeBuiltins = ['node:*', 'fs', 'path', 'crypto', 'os', 'child_process', 'zlib', 'http'];

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'node_modules/**',
      'bench/results/**',
      'test-results/**',
      'playwright-report/**',
      'bin/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': 'off',
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, noReact],
          patterns: [
            { group: nodeBuiltins, message: 'src/shared runs everywhere: no Node built-ins.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, noReact],
          patterns: [
            {
              group: ['**/main/**', '**/renderer/**', '**/preload/**'],
              message: 'core is pure: it may import only src/shared and src/core.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/node/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message:
                'Services and handlers run in the test bridge too: reach Electron through an adapter.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            { group: nodeBuiltins, message: 'The page has no Node.' },
            {
              group: ['**/main/**', '**/preload/**', '**/cli/**'],
              message: 'The page reaches main only through window.latchkey.',
            },
          ],
        },
      ],
    },
  },
);
