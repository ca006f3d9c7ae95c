// @ts-check
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/**
 * The boundary table: every folder that holds code, where that code runs, and which folders it
 * may import. It is the only statement of the layering; ESLint enforces it below and
 * tests/unit/architecture.test.ts checks it covers every folder (docs/architecture.md explains it).
 *
 * runs:
 * - 'page'     the browser side (the renderer, and code it shares): no Node built-ins, no
 *              `process`/`Buffer`/`require`, no Electron.
 * - 'preload'  Electron's sandboxed preload: Electron, but no Node built-ins.
 * - 'electron' the Electron main process: Electron and Node.
 * - 'node'     plain Node (services, CLI, tests, tools): Node, never Electron.
 *
 * A folder may import itself and what `imports` lists; nothing else inside the repository
 * (packages from node_modules are free, except `electron` and Node built-ins as above).
 * The first row whose folder contains a file classifies it, so a folder nested in another
 * (tests/e2e/harness in tests/e2e) comes first.
 */
export const BOUNDARY_TABLE = [
  { folder: 'src/shared', runs: 'page', imports: [] },
  { folder: 'src/core/common', runs: 'page', imports: ['src/shared'] },
  { folder: 'src/core/node', runs: 'node', imports: ['src/shared', 'src/core/common'] },
  {
    folder: 'src/node',
    runs: 'node',
    imports: ['src/shared', 'src/core/common', 'src/core/node'],
  },
  {
    folder: 'src/main',
    runs: 'electron',
    imports: ['src/shared', 'src/core/common', 'src/core/node', 'src/node'],
  },
  { folder: 'src/preload', runs: 'preload', imports: ['src/shared'] },
  { folder: 'src/renderer', runs: 'page', imports: ['src/shared', 'src/core/common'] },
  {
    folder: 'src/cli',
    runs: 'node',
    imports: ['src/shared', 'src/core/common', 'src/core/node', 'src/node'],
  },
  {
    folder: 'bench',
    runs: 'node',
    imports: [
      'src/shared',
      'src/core/common',
      'src/core/node',
      'src/node',
      'tests/e2e/harness',
      'tests/support',
      'tests/corpus',
    ],
  },
  { folder: 'scripts', runs: 'node', imports: ['src/shared', 'src/core/common', 'src/core/node'] },
  {
    folder: 'tests/support',
    runs: 'node',
    imports: ['src/shared', 'src/core/common', 'src/core/node'],
  },
  {
    folder: 'tests/corpus',
    runs: 'node',
    imports: ['src/shared', 'src/core/common', 'src/core/node', 'tests/support'],
  },
  {
    folder: 'tests/unit',
    runs: 'node',
    imports: [
      'src/shared',
      'src/core/common',
      'src/core/node',
      'src/node',
      'src/renderer',
      'src/cli',
      'scripts',
      'tests/support',
      'tests/corpus',
      'tests/e2e/support',
    ],
  },
  {
    folder: 'tests/fuzz',
    runs: 'node',
    imports: [
      'src/shared',
      'src/core/common',
      'src/core/node',
      'src/node',
      'src/cli',
      'tests/support',
      'tests/unit',
    ],
  },
  {
    folder: 'tests/e2e/harness',
    runs: 'node',
    imports: ['src/shared', 'src/core/common', 'src/node'],
  },
  {
    folder: 'tests/e2e/support',
    runs: 'node',
    imports: [
      'src/shared',
      'src/core/common',
      'src/core/node',
      'src/node',
      'tests/e2e',
      'tests/e2e/harness',
      'tests/support',
    ],
  },
  {
    folder: 'tests/e2e',
    runs: 'node',
    imports: [
      'src/shared',
      'src/core/common',
      'src/core/node',
      'src/node',
      'src/cli',
      'tests/e2e/harness',
      'tests/e2e/support',
      'tests/support',
      'tests/corpus',
      'tests/unit',
    ],
  },
  {
    folder: 'tests/electron',
    runs: 'node',
    imports: ['src/shared', 'src/node', 'src/main', 'scripts', 'tests/support'],
  },
];

/** Folders with code that ESLint does not read, and why (the architecture test knows them). */
export const UNLINTED_FOLDERS = {
  bin: 'the published launcher: three lines of CommonJS that load the built CLI from out/',
};

/** Node's globals that page code must not touch (it has no Node). */
const NODE_ONLY_GLOBALS = ['process', 'Buffer', 'require', 'global', '__dirname', '__filename'];
const filesIn = (folder) => [`${folder}/**/*.{ts,tsx,js,mjs,cjs}`];
const byRuntime = (...runs) => BOUNDARY_TABLE.filter((row) => runs.includes(row.runs));

/** The table as eslint-plugin-boundaries policies: allowed imports per folder, then the bans. */
const boundaryPolicies = [
  ...BOUNDARY_TABLE.map((row) => ({
    from: { element: { type: row.folder } },
    allow: {
      to: [
        { element: { types: { anyOf: [row.folder, ...row.imports] } } },
        { module: { origin: 'external' } },
        ...(row.runs === 'node' || row.runs === 'electron' ? [{ module: { origin: 'core' } }] : []),
      ],
    },
  })),
  ...byRuntime('page', 'preload').map((row) => ({
    from: { element: { type: row.folder } },
    disallow: { to: { module: { origin: 'core' } } },
    message: `${row.folder} runs in ${row.runs === 'page' ? 'the page' : 'the sandboxed preload'}: no Node built-in ('{{to.module.source}}'). See the boundary table in eslint.config.js.`,
  })),
  ...byRuntime('page', 'node').map((row) => ({
    from: { element: { type: row.folder } },
    disallow: { to: { module: { origin: 'external', source: 'electron' } } },
    message: `Only src/main and src/preload may import electron; ${row.folder} runs without it. See the boundary table in eslint.config.js.`,
  })),
];

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'bench/results/**',
      'test-results/**',
      'playwright-report/**',
      ...Object.keys(UNLINTED_FOLDERS).map((folder) => `${folder}/**`),
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
    plugins: { boundaries },
    settings: {
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs'] } },
      'boundaries/elements': BOUNDARY_TABLE.map((row) => ({
        type: row.folder,
        pattern: row.folder,
      })),
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          checkAllOrigins: true,
          policies: boundaryPolicies,
          message:
            '{{from.type}} may not import {{to.type}}: not allowed by the boundary table in eslint.config.js.',
        },
      ],
    },
  },
  {
    files: byRuntime('page', 'preload').flatMap((row) => filesIn(row.folder)),
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-globals': [
        'error',
        ...NODE_ONLY_GLOBALS.map((name) => ({
          name,
          message: `${name} is Node's; page code runs in the browser (boundary table in eslint.config.js).`,
        })),
      ],
    },
  },
  {
    files: filesIn('src/renderer'),
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
);
