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
 * How long the screen may still show a period's code after the period ended: the page redraws
 * codes on its tick, and a busy machine delays that tick (seen on CI: a read a few hundred
 * milliseconds after a turnover still saw the old code).
 */
export const SCREEN_LAG_SECONDS = 2;

/**
 * Every code the oracle gives at some whole second from `from` to `to` (unix seconds): a code
 * that was computed at an unknown instant in that window must be one of these. Usually one or
 * two codes out of a million, so the check keeps its teeth.
 */
export function codesDuring(
  oracle: (unixSeconds: number) => string,
  from: number,
  to: number,
): string[] {
  const codes = new Set<string>();
  for (let t = Math.floor(from); t <= Math.ceil(to); t++) codes.add(oracle(t));
  return [...codes];
}

/**
 * Reads a code from the screen and lists what the oracle allows for it: the codes from a little
 * before the read (the screen may lag a turnover) to just after it.
 */
export async function expectCodeMatchesAt(
  read: () => Promise<string>,
  oracle: (unixSeconds: number) => string,
): Promise<{ code: string; expected: string[] }> {
  const before = Date.now() / 1000 - SCREEN_LAG_SECONDS;
  const code = (await read()).replace(/\s/g, '');
  const expected = codesDuring(oracle, before, Date.now() / 1000);
  return { code, expected };
}
