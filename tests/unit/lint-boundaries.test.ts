import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The boundary table in eslint.config.js is enforced by ESLint alone; these cases prove that
// the project's own configuration refuses each kind of violation, naming the rule, for code
// placed where it must not be. The untouched tree linting clean is `npm run lint`.
const eslint = new ESLint({ cwd: join(import.meta.dirname, '..', '..') });

async function ruleHits(filePath: string, text: string) {
  const [result] = await eslint.lintText(text, { filePath });
  return (result?.messages ?? []).map((m) => ({ rule: m.ruleId, message: m.message }));
}

describe('ESLint enforces the boundary table', () => {
  it.each([
    [
      'a Node built-in in a renderer component',
      'src/renderer/src/features/codes/Probe.tsx',
      "import { readFileSync } from 'node:fs';\nexport const probe = () => readFileSync('x');\n",
      'boundaries/dependencies',
      /src\/renderer runs in the page: no Node built-in \('node:fs'\)/,
    ],
    [
      'Buffer in a renderer component',
      'src/renderer/src/features/codes/Probe.tsx',
      "export const probe = () => Buffer.from('x');\n",
      'no-restricted-globals',
      /Buffer is Node's/,
    ],
    [
      'electron in a CLI file',
      'src/cli/probe.ts',
      "import { app } from 'electron';\nexport const probe = () => app.quit();\n",
      'boundaries/dependencies',
      /Only src\/main and src\/preload may import electron; src\/cli runs without it/,
    ],
    [
      'node:crypto in page-safe core',
      'src/core/common/qr/probe.ts',
      "import 'node:crypto';\n",
      'boundaries/dependencies',
      /src\/core\/common runs in the page: no Node built-in \('node:crypto'\)/,
    ],
    [
      'process in src/shared',
      'src/shared/probe.ts',
      'export const probe = () => process.platform;\n',
      'no-restricted-globals',
      /process is Node's/,
    ],
    [
      'a shared Node service importing the Electron shell',
      'src/node/services/probe.ts',
      "import { createMainWindow } from '../../main/window';\nexport const probe = createMainWindow;\n",
      'boundaries/dependencies',
      /src\/node may not import src\/main/,
    ],
    [
      'an end-to-end test importing the Electron shell',
      'tests/e2e/probe.spec.ts',
      "import { createMainWindow } from '../../src/main/window';\nexport const probe = createMainWindow;\n",
      'boundaries/dependencies',
      /tests\/e2e may not import src\/main/,
    ],
    [
      'Node-only core reaching up into the services',
      'src/core/node/vault/probe.ts',
      "import { VaultService } from '../../../node/services/vault';\nexport const probe = VaultService;\n",
      'boundaries/dependencies',
      /src\/core\/node may not import src\/node/,
    ],
  ])('refuses %s', async (_case, filePath, text, rule, message) => {
    const hits = await ruleHits(filePath, text);
    expect(hits).toContainEqual({ rule, message: expect.stringMatching(message) });
  });

  it.each([
    [
      'electron in the Electron shell',
      'src/main/probe.ts',
      "import { app } from 'electron';\nimport { defaultDataDir } from '../node/data-dir';\nexport const probe = () => [app, defaultDataDir];\n",
    ],
    [
      'Node built-ins in a shared Node service',
      'src/node/services/probe.ts',
      "import { readFile } from 'node:fs/promises';\nexport const probe = readFile;\n",
    ],
    [
      'the contract in a renderer component',
      'src/renderer/src/features/codes/Probe.tsx',
      "import type { Account } from '../../../../shared/account';\nexport type Probe = Account;\n",
    ],
  ])('accepts %s', async (_case, filePath, text) => {
    expect(await ruleHits(filePath, text)).toEqual([]);
  });
});
