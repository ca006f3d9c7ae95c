/**
 * Strict RFC 4648 §4 base64: only the canonical encoding of some byte string is accepted, so a
 * changed character can never decode to the same bytes (Node's decoder silently ignores junk
 * and non-zero padding bits).
 */
export function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

export function fromBase64(text: unknown, expectedBytes?: number): Buffer | null {
  if (typeof text !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) {
    return null;
  }
  const bytes = Buffer.from(text, 'base64');
  if (bytes.toString('base64') !== text) return null;
  if (expectedBytes !== undefined && bytes.length !== expectedBytes) return null;
  return bytes;
}
