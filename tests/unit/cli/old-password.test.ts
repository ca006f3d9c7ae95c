import { cpSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/run';
import { VaultService } from '../../../src/node/services/vault';
import { sampleAccounts, tempDir } from '../vault/helpers';

// Issue 10, finding 2, at the command line: after a password change, `latchkey list` with the
// OLD password opens neither the vault nor any of its saved generations (each tried as a vault
// of its own, as an attacker holding a copy of the data folder would). Before the fix every
// generation still opened with the old password and held the key of the current vault.

const OLD = 'correct horse battery staple';
const NEW = 'an entirely new passphrase';
let work: ReturnType<typeof tempDir>;
beforeEach(() => (work = tempDir()));
afterEach(() => work.cleanup());

async function list(dataDir: string, passwordFile: string) {
  let out = '';
  const code = await runCli(['list', '--data-dir', dataDir, '--password-file', passwordFile], {
    stdout: (t) => (out += t),
    stderr: () => {},
    now: () => Date.now(),
    env: {},
  });
  return { code, out };
}

it('latchkey list --password-file <old> fails on the vault and on every generation', async () => {
  const dir = join(work.dir, 'data');
  mkdirSync(dir);
  // Production rules (no weak-KDF switch), at the lowest cost they accept to keep this quick.
  const app = new VaultService({ dir, keychain: null, scryptLogN: 15 });
  await app.create({ keychain: false, password: OLD });
  for (let n = 1; n <= 3; n++) await app.update(() => sampleAccounts(n));
  await app.setPassword(NEW, { currentPassword: OLD });
  await app.update(() => sampleAccounts(4));
  await app.lock();
  const oldFile = join(work.dir, 'old.txt');
  const newFile = join(work.dir, 'new.txt');
  writeFileSync(oldFile, `${OLD}\n`);
  writeFileSync(newFile, `${NEW}\n`);

  expect((await list(dir, oldFile)).code).not.toBe(0);
  const now = await list(dir, newFile);
  expect(now.code).toBe(0);
  expect(now.out.trim().split('\n')).toHaveLength(4);

  const generations = readdirSync(join(dir, 'generations'));
  expect(generations.length).toBeGreaterThanOrEqual(5);
  for (const [i, name] of generations.entries()) {
    // Each copy in a folder of its own, so no lockout carries over between them.
    const copy = join(work.dir, `copy-${i}`);
    mkdirSync(copy);
    cpSync(join(dir, 'generations', name), join(copy, 'vault.json'));
    expect((await list(copy, oldFile)).code, `${name} opened with the old password`).not.toBe(0);
    expect((await list(copy, newFile)).code, `${name} lost by the re-seal`).toBe(0);
  }
}, 120_000);
