import { spawnSync } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VaultService } from '../../../src/node/services/vault';
import { CLI_BUNDLE, ensureCliBundle } from '../../support/cli-bundle';
import { sampleAccounts } from '../vault/helpers';

/** One run of the BUILT command (out/cli/latchkey.cjs) as its own process; stdin is a pipe. */
export interface Ran {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly bytes: Buffer;
}

export function latchkey(args: readonly string[], options: { input?: string } = {}): Ran {
  const result = spawnSync(process.execPath, [CLI_BUNDLE, ...args], {
    input: options.input ?? '',
    env: { ...process.env, LATCHKEY_DATA_DIR: '/nonexistent/latchkey-tests-never-here' },
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return {
    code: result.status ?? -1,
    stdout: result.stdout.toString('utf8'),
    stderr: result.stderr.toString('utf8'),
    bytes: result.stdout,
  };
}

/** The wrong-password counter of a data folder (lockout.json; absent means none). */
export function recordedFailures(dir: string): number {
  try {
    return (JSON.parse(readFileSync(join(dir, 'lockout.json'), 'utf8')) as { failures: number })
      .failures;
  } catch {
    return 0;
  }
}

/** Debian's oathtool: the independent oracle for codes. */
export function oathtool(base32: string, unixSeconds: number, extra: string[] = []): string {
  return execFileSync('oathtool', ['--totp', '-b', ...extra, `--now=@${unixSeconds}`, base32], {
    encoding: 'utf8',
  }).trim();
}

/** Every C0/C1 control but tab and newline, DEL, and the bidi embeddings, overrides and isolates. */
export const TERMINAL_UNSAFE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/**
 * A password-only vault with `count` sample accounts in `dir`, locked again, and the CLI bundle
 * built: the starting point of the CLI tests that need an existing vault.
 */
export async function seedPasswordVault(dir: string, password: string, count = 2): Promise<void> {
  await ensureCliBundle();
  const app = new VaultService({ dir, keychain: null });
  await app.create({ keychain: false, password });
  await app.update(() => sampleAccounts(count));
  await app.lock();
}
