import { VaultService } from '../../../src/node/services/vault/vault-service';
import { contentFor, CRASH_PASSWORD } from './crash-content';

// Child for crash.test.ts: unlocks the vault in argv[2] and saves forever, printing
// "saved <n>" after each save has returned. The parent SIGKILLs it at a random moment.
const dir = process.argv[2]!;
const vault = new VaultService({ dir, keychain: null, allowWeakKdfForTests: true, scryptLogN: 6 });
await vault.unlockWithPassword(CRASH_PASSWORD);
let seq = Number(vault.accounts()[0]?.note ?? '0');
process.stdout.write('ready\n');
for (;;) {
  seq++;
  const next = seq;
  await vault.update(() => contentFor(next));
  process.stdout.write(`saved ${next}\n`);
}
