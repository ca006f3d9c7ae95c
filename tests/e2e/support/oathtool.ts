import { execFileSync } from 'node:child_process';

/** Debian's oathtool: an independent implementation of RFC 4226/6238 used as the oracle. */
export function oathTotp(
  secretBase32: string,
  unixSeconds: number,
  opts: { digits?: number; period?: number; algorithm?: 'SHA1' | 'SHA256' | 'SHA512' } = {},
): string {
  const args = [
    `--totp=${(opts.algorithm ?? 'SHA1').toLowerCase()}`,
    '-b',
    `--digits=${opts.digits ?? 6}`,
    `--time-step-size=${opts.period ?? 30}s`,
    `--now=@${unixSeconds}`,
    secretBase32,
  ];
  return execFileSync('oathtool', args, { encoding: 'utf8' }).trim();
}

export function oathHotp(secretBase32: string, counter: number, digits = 6): string {
  return execFileSync(
    'oathtool',
    ['--hotp', '-b', `--digits=${digits}`, `--counter=${counter}`, secretBase32],
    {
      encoding: 'utf8',
    },
  ).trim();
}

/**
 * Reads a code from the screen and checks it against the oracle at the same instant. The
 * oracle is asked for the time before and after the read, so a read that straddles a period
 * boundary still has exactly one right answer to match.
 */
export async function expectCodeMatchesAt(
  read: () => Promise<string>,
  oracle: (unixSeconds: number) => string,
): Promise<{ code: string; expected: string[] }> {
  const before = Math.floor(Date.now() / 1000);
  const code = (await read()).replace(/\s/g, '');
  const after = Math.floor(Date.now() / 1000);
  const expected = [...new Set([oracle(before), oracle(after)])];
  return { code, expected };
}
