import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SecretAccount } from '../../../src/core/common/model';
import { scryptKdf, type Kdf } from '../../../src/core/node/vault/kdf';
import type { KeychainAdapter } from '../../../src/node/services/vault/keychain-adapter';
import {
  VaultService,
  type VaultServiceOptions,
} from '../../../src/node/services/vault/vault-service';

/** Fresh private folder per test; removed by the returned cleanup. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'latchkey-vault-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * NOT a keychain: an in-memory map with the adapter's shape, for tests about other things
 * (tampering, flows). Keychain behaviour itself is tested against gnome-keyring in keychain.test.ts.
 */
export class InMemoryKeychainForTests implements KeychainAdapter {
  readonly entries = new Map<string, string>();
  async get(account: string): Promise<string | null> {
    return this.entries.get(account) ?? null;
  }
  async set(account: string, value: string): Promise<void> {
    this.entries.set(account, value);
  }
  async delete(account: string): Promise<boolean> {
    return this.entries.delete(account);
  }
  async available(): Promise<boolean> {
    return true;
  }
}

/** The real scrypt, counting how often it runs. */
export function countingKdf(): Kdf & { calls: number } {
  const kdf = (async (password, params) => {
    kdf.calls++;
    return scryptKdf(password, params);
  }) as Kdf & { calls: number };
  kdf.calls = 0;
  return kdf;
}

/** Small scrypt cost (N = 2^6) so flow tests are fast; production refuses it. */
export const WEAK = { allowWeakKdfForTests: true, scryptLogN: 6 } as const;

export function weakService(dir: string, extra: Partial<VaultServiceOptions> = {}): VaultService {
  return new VaultService({ dir, keychain: null, ...WEAK, ...extra });
}

/** Deterministic accounts whose secrets tests can search for. */
export function sampleAccounts(count: number, seed = 1): SecretAccount[] {
  return Array.from({ length: count }, (_, i) => {
    const secret = new Uint8Array(20);
    for (let b = 0; b < secret.length; b++) secret[b] = (seed * 131 + i * 31 + b * 7 + 11) & 0xff;
    return {
      id: `acct-${seed}-${i}`,
      issuer: `Issuer ${i}`,
      name: `user${i}@example.com`,
      otp: { type: 'totp', algorithm: 'SHA1', digits: 6, period: 30 },
      secret,
      favorite: i % 3 === 0,
      groups: i % 2 === 0 ? ['work'] : [],
      note: '',
      createdAt: 1_700_000_000_000 + i,
      lastUsedAt: null,
      useCount: 0,
      icon: { kind: 'auto' },
      recoveryCodes: [],
    } satisfies SecretAccount;
  });
}

/**
 * The command that runs a child-process script of these tests (`entry`, TypeScript): bundled
 * by esbuild into `outDir` when it is installed (a child starts in milliseconds, so many can
 * run), else through tsx.
 */
export function childCommand(entry: string, outDir: string): string[] {
  const repoRoot = join(import.meta.dirname, '..', '..', '..');
  const esbuild = join(repoRoot, 'node_modules', '.bin', 'esbuild');
  if (!existsSync(esbuild)) return [process.execPath, '--import', 'tsx', entry];
  const out = join(outDir, entry.replace(/^.*\//, '').replace(/\.ts$/, '.mjs'));
  const built = spawnSync(esbuild, [
    entry,
    '--bundle',
    '--platform=node',
    '--format=esm',
    '--log-level=error',
    // proper-lockfile (the lockout lock) is CommonJS; give the ESM bundle a require().
    `--banner:js=import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);`,
    `--outfile=${out}`,
  ]);
  if (built.status !== 0) throw new Error(`esbuild failed: ${built.stderr.toString()}`);
  return [process.execPath, out];
}
