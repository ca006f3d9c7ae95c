/**
 * RFC 4648 §6 base32 (alphabet A–Z 2–7). Decoding is tolerant of the ways people and services
 * write secrets — lower case, spaces, dashes, missing or extra `=` padding — and strict about
 * everything else. Returns null (never throws) on characters outside the alphabet or impossible
 * lengths, so callers can choose their own error.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const LOOKUP: Int8Array = (() => {
  const table = new Int8Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) {
    table[ALPHABET.charCodeAt(i)] = i;
    table[ALPHABET.toLowerCase().charCodeAt(i)] = i;
  }
  return table;
})();

/** Removes the separators people type and the padding, leaving only alphabet candidates. */
export function normalizeBase32(text: string): string {
  return text
    .replace(/[\s\-_.]/g, '')
    .replace(/=+$/, '')
    .toUpperCase();
}

export function decodeBase32(text: string): Uint8Array | null {
  return decodeBase32Exact(normalizeBase32(text));
}

/**
 * Decodes text that is already bare alphabet (no separators, no padding), as encodeBase32
 * writes it; null for anything else. The vault stores secrets in that form, so unlock can skip
 * the tolerant clean-up passes.
 */
export function decodeBase32Exact(clean: string): Uint8Array | null {
  // 1, 3 and 6 trailing characters cannot come from whole bytes (RFC 4648 §6 final quanta).
  const tail = clean.length % 8;
  if (tail === 1 || tail === 3 || tail === 6) return null;
  const out = new Uint8Array(Math.floor((clean.length * 5) / 8));
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (let i = 0; i < clean.length; i++) {
    const code = clean.charCodeAt(i);
    const value = code < 128 ? LOOKUP[code]! : -1;
    if (value < 0) return null;
    buffer = ((buffer << 5) | value) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out[index++] = (buffer >> bits) & 0xff;
    }
  }
  return out;
}

/** Encodes without padding, the form otpauth:// URIs use. */
export function encodeBase32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET[(buffer >> bits) & 31];
    }
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}
