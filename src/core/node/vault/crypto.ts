import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM (NIST SP 800-38D) with a 96-bit random nonce and a 128-bit tag appended to the
 * ciphertext. Every seal draws a fresh nonce: with at most a few thousand saves per key the
 * random-nonce collision bound of SP 800-38D §8.3 is nowhere near.
 */
export const KEY_BYTES = 32;
export const NONCE_BYTES = 12;
export const TAG_BYTES = 16;

export interface Sealed {
  readonly nonce: Buffer;
  /** Ciphertext followed by the 16-byte authentication tag. */
  readonly sealed: Buffer;
}

export function randomKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

export function seal(key: Uint8Array, plaintext: Uint8Array, aad: Uint8Array): Sealed {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad);
  const sealed = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  return { nonce, sealed };
}

/** Returns the plaintext, or null when the key is wrong or any input byte was changed. */
export function open(
  key: Uint8Array,
  nonce: Uint8Array,
  sealed: Uint8Array,
  aad: Uint8Array,
): Buffer | null {
  if (key.length !== KEY_BYTES || nonce.length !== NONCE_BYTES || sealed.length < TAG_BYTES) {
    return null;
  }
  const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
  decipher.setAAD(aad);
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  const body = decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES));
  let rest: Buffer;
  try {
    rest = decipher.final();
  } catch {
    body.fill(0);
    return null;
  }
  // GCM gives everything from update(); not copying it again saves a payload-sized copy per open.
  return rest.length === 0 ? body : Buffer.concat([body, rest]);
}

/** Overwrites key material we hold; JS strings cannot be wiped, so keys never become strings. */
export function wipe(...buffers: (Uint8Array | null | undefined)[]): void {
  for (const buffer of buffers) buffer?.fill(0);
}
