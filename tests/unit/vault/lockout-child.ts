import { scryptKdf, type Kdf } from '../../../src/core/node/vault/kdf';
import { openVaultReadOnly } from '../../../src/node/services/vault/read-only';

// Child for lockout-parallel.test.ts: one command-line style password attempt on the vault in
// argv[2] with the password in argv[3]. Prints how many times its KDF ran and the outcome, so
// the parent counts scrypt runs from evidence, not from timing.
const [dir, password] = process.argv.slice(2) as [string, string];
let runs = 0;
const kdf: Kdf = (pw, params) => {
  runs++;
  return scryptKdf(pw, params);
};
const outcome = await openVaultReadOnly(dir, {
  password,
  keychain: null,
  kdf,
  allowWeakKdfForTests: true,
}).then(
  () => 'opened',
  (error: unknown) => (error as { code?: string }).code ?? String(error),
);
process.stdout.write(`${JSON.stringify({ runs, outcome })}\n`);
