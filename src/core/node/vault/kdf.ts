import { scrypt } from 'node:crypto';
import { LatchkeyError } from '../../../shared/errors';

/**
 * Password slots derive their wrapping key with scrypt (RFC 7914). The parameters travel in the
 * slot, so they are hostile input: a file must not be able to make us allocate gigabytes.
 */
export interface ScryptParams {
  readonly N: number;
  readonly r: number;
  readonly p: number;
  readonly salt: Uint8Array;
}

/** Derives a 32-byte key. Injected into the vault service so tests can count KDF runs. */
export type Kdf = (password: Uint8Array, params: ScryptParams) => Promise<Buffer>;

export const SCRYPT_LIMITS = {
  /** The least a file may ask for: N ≥ 2^15, r = 8, p = 1 (what early versions wrote). */
  minLogN: 15,
  /** 2^18 × 128 × 8 = 256 MiB: the most memory a vault file may ask of us. */
  maxLogN: 18,
  /** Only with `allowWeakKdfForTests`, so crash and flow tests stay fast. */
  minLogNForTests: 4,
  r: 8,
  p: 1,
  saltBytes: 32,
  keyBytes: 32,
} as const;

/**
 * New password slots use N = 2^17 (128 MiB, OWASP's scrypt floor). Slots written earlier at
 * 2^15 still open (the read range is unchanged) and are re-made at 2^17 on the next successful
 * password unlock.
 */
export const DEFAULT_SCRYPT_LOG_N = 17;

/** Room for scrypt's 128·N·r working set plus its small fixed overhead. */
export function scryptMaxmem(params: Pick<ScryptParams, 'N' | 'r' | 'p'>): number {
  return 128 * params.N * params.r * params.p + 4 * 1024 * 1024;
}

/**
 * The callback form of crypto.scrypt runs on the libuv thread pool: the event loop (and with it
 * the window) stays responsive while the key is derived. Never scryptSync.
 */
export const scryptKdf: Kdf = (password, params) =>
  new Promise((resolve, reject) => {
    scrypt(
      password,
      params.salt,
      SCRYPT_LIMITS.keyBytes,
      { N: params.N, r: params.r, p: params.p, maxmem: scryptMaxmem(params) },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });

/** Throws `vault.corrupt` for parameters outside what we accept (read or write). */
export function checkScryptParams(
  params: Pick<ScryptParams, 'N' | 'r' | 'p'> & { readonly salt: Uint8Array },
  allowWeakKdfForTests: boolean,
): void {
  const logN = Math.log2(params.N);
  const minLogN = allowWeakKdfForTests ? SCRYPT_LIMITS.minLogNForTests : SCRYPT_LIMITS.minLogN;
  const ok =
    Number.isInteger(logN) &&
    logN >= minLogN &&
    logN <= SCRYPT_LIMITS.maxLogN &&
    params.r === SCRYPT_LIMITS.r &&
    params.p === SCRYPT_LIMITS.p &&
    params.salt.length === SCRYPT_LIMITS.saltBytes;
  if (!ok) throw new LatchkeyError('vault.corrupt', { details: { reason: 'kdf-parameters' } });
}

/** Passwords are NFC-normalized so the same characters typed on another OS give the same key. */
export function passwordBytes(password: string): Buffer {
  return Buffer.from(password.normalize('NFC'), 'utf8');
}
