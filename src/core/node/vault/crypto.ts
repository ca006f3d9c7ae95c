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

/**
 * Payloads pass through the cipher in slices of this size (a multiple of 3, so each slice of
 * ciphertext base64-encodes without padding): no payload-sized update() result and
 * concatenated copy, which at 10,000 accounts made every save allocate megabytes the garbage
 * collector then had to chase.
 */
const SLICE_BYTES = 3 * 64 * 1024;

export function seal(key: Uint8Array, plaintext: Uint8Array, aad: Uint8Array): Sealed {
  const nonce = newNonce();
  const sealed = Buffer.allocUnsafeSlow(plaintext.length + TAG_BYTES);
  let pos = 0;
  sealInParts(key, nonce, plaintext, aad, (part) => {
    sealed.set(part, pos);
    pos += part.length;
  });
  return { nonce, sealed };
}

export const newNonce = (): Buffer => randomBytes(NONCE_BYTES);

/**
 * seal's ciphertext and tag under a given fresh nonce, handed to `write` in parts as they are
 * produced (a reused view: copy what you keep), so a caller can encode them straight into a file.
 */
export function sealInParts(
  key: Uint8Array,
  nonce: Uint8Array,
  plaintext: Uint8Array,
  aad: Uint8Array,
  write: (part: Buffer) => void,
): void {
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad);
  for (let at = 0; at < plaintext.length; at += SLICE_BYTES) {
    write(cipher.update(plaintext.subarray(at, at + SLICE_BYTES)));
  }
  write(cipher.final());
  write(cipher.getAuthTag());
}

/**
 * Checks that a sealed payload fed in parts opens under `key`, keeping none of its plaintext:
 * each decrypted part is wiped at once. For checks that need only the tag (a save's verify).
 */
export function openingCheck(
  key: Uint8Array,
  nonce: Uint8Array,
  aad: Uint8Array,
): { update(ciphertext: Uint8Array): void; finish(tag: Uint8Array): boolean } {
  const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
  decipher.setAAD(aad);
  return {
    update(ciphertext) {
      for (let at = 0; at < ciphertext.length; at += SLICE_BYTES) {
        decipher.update(ciphertext.subarray(at, at + SLICE_BYTES)).fill(0);
      }
    },
    finish(tag) {
      if (tag.length !== TAG_BYTES) return false;
      decipher.setAuthTag(tag);
      try {
        decipher.final().fill(0);
        return true;
      } catch {
        return false;
      }
    },
  };
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
