import { createDecipheriv, createHash, pbkdf2, scrypt } from 'node:crypto';
import { LatchkeyError } from '../../../shared/errors/index';
import type { ImportOptions, KdfLimits } from '../../common/import-entry/types';

/**
 * Password stretching and decryption for encrypted backups. Importing runs in main, so this
 * uses node:crypto; the KDFs are the async forms (libuv thread pool), never the *Sync ones.
 * Every cost parameter comes from a file someone else wrote, so each is capped first.
 */

export const DEFAULT_KDF_LIMITS: KdfLimits = {
  maxScryptN: 2 ** 20,
  maxScryptWork: 2 ** 21,
  maxPasswordSlots: 3,
  maxPbkdf2Iterations: 10_000_000,
};

export function kdfLimits(options: ImportOptions): KdfLimits {
  return { ...DEFAULT_KDF_LIMITS, ...options.maxKdfCost };
}

export function requirePassword(options: ImportOptions): string {
  if (options.password === undefined || options.password === '') {
    throw new LatchkeyError('import.password-required');
  }
  return options.password;
}

function tooExpensive(what: string): LatchkeyError {
  return new LatchkeyError('import.kdf-too-expensive', { details: { parameter: what } });
}

export function checkCancelled(options: ImportOptions): void {
  if (options.signal?.aborted) throw new LatchkeyError('import.cancelled');
}

/**
 * The password stretching one import may spend: every scrypt run draws its work N·r·p from
 * one budget, and only `maxPasswordSlots` slots are tried, so a file listing many costly slots
 * costs at most about a second (issue 10 finding 4: 1 GiB and ~3.7 s per slot, no slot limit).
 */
export class KdfBudget {
  #work = 0;
  #slots = 0;

  constructor(private readonly options: ImportOptions) {}

  /** scrypt (RFC 7914) with the file's parameters, refused beyond the caps before it runs. */
  scrypt(
    password: string,
    salt: Uint8Array,
    params: { n: number; r: number; p: number },
  ): Promise<Buffer> {
    const limits = kdfLimits(this.options);
    checkCancelled(this.options);
    if (this.#slots >= limits.maxPasswordSlots) {
      throw new LatchkeyError('import.kdf-too-expensive', {
        message: `The password did not open the first ${limits.maxPasswordSlots} password slots of this backup, and Latchkey tries no more than that.`,
        details: { parameter: 'password slots', maxPasswordSlots: limits.maxPasswordSlots },
      });
    }
    const { n, r, p } = params;
    const work = n * r * p;
    checkScryptParams(params, limits);
    if (this.#work + work > limits.maxScryptWork) throw tooExpensive('scrypt N·r·p');
    this.#work += work;
    this.#slots++;
    return scryptKey(password, salt, params);
  }
}

function checkScryptParams(params: { n: number; r: number; p: number }, limits: KdfLimits): void {
  const { n, r, p } = params;
  const valid =
    [n, r, p].every((v) => Number.isSafeInteger(v) && v >= 1) && (n & (n - 1)) === 0 && n > 1;
  if (!valid)
    throw new LatchkeyError('import.unreadable', { details: { reason: 'bad scrypt parameters' } });
  if (n > limits.maxScryptN) throw tooExpensive('scrypt N');
  // Memory is 128·N·r bytes; N·r·p ≤ the work cap bounds it to 256 MiB by default.
  if (r > 32 || p > 16 || n * r * p > limits.maxScryptWork) throw tooExpensive('scrypt N·r·p');
}

/** scrypt (RFC 7914); callers go through `KdfBudget`, which checks the parameters first. */
function scryptKey(
  password: string,
  salt: Uint8Array,
  params: { n: number; r: number; p: number },
): Promise<Buffer> {
  const { n, r, p } = params;
  const maxmem = 128 * n * r * p + 32 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(password, salt, 32, { N: n, r, p, maxmem }, (error, key) =>
      error
        ? reject(new LatchkeyError('import.unreadable', { details: { reason: 'scrypt failed' } }))
        : resolve(key),
    );
  });
}

/** PBKDF2 (RFC 8018 §5.2) with the file's iteration count, refused beyond the cap. */
export function pbkdf2Key(
  password: string,
  salt: Uint8Array,
  iterations: number,
  digest: 'sha1' | 'sha256' | 'sha512',
  length: number,
  limits: KdfLimits,
): Promise<Buffer> {
  if (!Number.isSafeInteger(iterations) || iterations < 1) {
    throw new LatchkeyError('import.unreadable', { details: { reason: 'bad iteration count' } });
  }
  if (iterations > limits.maxPbkdf2Iterations) throw tooExpensive('PBKDF2 iterations');
  return new Promise((resolve, reject) => {
    pbkdf2(password, salt, iterations, length, digest, (error, key) =>
      error
        ? reject(new LatchkeyError('import.unreadable', { details: { reason: 'pbkdf2 failed' } }))
        : resolve(key),
    );
  });
}

export function sha256(data: string | Uint8Array): Buffer {
  return createHash('sha256').update(data).digest();
}

/**
 * AES-256-GCM (NIST SP 800-38D) with a 16-byte tag. Returns null when the tag does not verify,
 * which for a password-derived key means "wrong password (or damaged file)".
 */
export function aesGcmOpen(
  key: Uint8Array,
  nonce: Uint8Array,
  ciphertext: Uint8Array,
  tag: Uint8Array,
): Buffer | null {
  if (key.length !== 32 || nonce.length === 0 || tag.length !== 16) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: 16 });
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch {
    return null;
  }
}

/** Same, for the common layout ciphertext‖tag. */
export function aesGcmOpenJoined(
  key: Uint8Array,
  nonce: Uint8Array,
  sealed: Uint8Array,
): Buffer | null {
  if (sealed.length < 16) return null;
  return aesGcmOpen(
    key,
    nonce,
    sealed.subarray(0, sealed.length - 16),
    sealed.subarray(sealed.length - 16),
  );
}
