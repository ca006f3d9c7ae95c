/**
 * Strict RFC 4648 §4 base64: only the canonical encoding of some byte string is accepted, so a
 * changed character can never decode to the same bytes (Node's decoder silently ignores junk
 * and non-zero padding bits).
 */
export function toBase64(bytes: Uint8Array): string {
  return asBuffer(bytes).toString('base64');
}

export function fromBase64(text: unknown, expectedBytes?: number): Buffer | null {
  if (typeof text !== 'string' || text.length % 4 !== 0) return null;
  // The round trip alone proves the text canonical: Node's decoder skips junk, accepts the URL
  // alphabet and ignores stray padding bits, and re-encoding then differs. (A character-class
  // regex before it cost 12 ms on a 10,000-account vault and caught nothing more.)
  const bytes = Buffer.from(text, 'base64');
  if (bytes.toString('base64') !== text) return null;
  if (expectedBytes !== undefined && bytes.length !== expectedBytes) return null;
  return bytes;
}

/**
 * Multi-megabyte payloads go through base64 in slices of this many input bytes (a multiple of 3,
 * so the slices' encodings join without padding). A whole 10,000-account payload as one string is
 * a 4 MB external string per step; slices stay small young-generation strings, which the
 * scavenger frees almost for free, instead of driving a full garbage collection every other save.
 */
const SLICE_BYTES = 3 * 16 * 1024;
const SLICE_CHARS = (SLICE_BYTES / 3) * 4;

export const base64Length = (bytes: number): number => 4 * Math.ceil(bytes / 3);

/**
 * Writes the base64 of a byte stream, given in parts of any length, into `out` from `at`: the
 * same characters as toBase64 of the parts joined. `end()` pads and returns the end offset.
 */
export function base64Writer(
  out: Buffer,
  at: number,
): { write(part: Uint8Array): void; end(): number } {
  let pos = at;
  const carry = Buffer.alloc(3);
  let carried = 0;
  const encode = (bytes: Buffer): void => {
    for (let start = 0; start < bytes.length; start += SLICE_BYTES) {
      const text = bytes.toString('base64', start, Math.min(bytes.length, start + SLICE_BYTES));
      pos += out.write(text, pos, 'latin1');
    }
  };
  return {
    write(part) {
      let bytes = asBuffer(part);
      if (carried > 0) {
        const take = Math.min(3 - carried, bytes.length);
        carry.set(bytes.subarray(0, take), carried);
        carried += take;
        bytes = bytes.subarray(take);
        if (carried < 3) return;
        encode(carry);
        carried = 0;
      }
      const whole = bytes.length - (bytes.length % 3);
      encode(bytes.subarray(0, whole));
      carry.set(bytes.subarray(whole));
      carried = bytes.length - whole;
    },
    end() {
      encode(carry.subarray(0, carried));
      carried = 0;
      return pos;
    },
  };
}

/**
 * Decodes the Latin-1 base64 text in `source[start, end)` slice by slice, never holding the whole
 * text as one string, handing each decoded slice (a reused buffer: copy what you keep) and its
 * offset to `onSlice`. The same strictness as fromBase64: each slice must round-trip, and only
 * the last may carry padding (a `=` anywhere else makes the whole text non-canonical). Returns
 * the decoded length, or null for text fromBase64 would refuse.
 */
export function decodeBase64Slices(
  source: Uint8Array,
  start: number,
  end: number,
  onSlice: (bytes: Buffer, offset: number) => void,
): number | null {
  const total = decodedLength(source, start, end);
  if (total === null) return null;
  const input = asBuffer(source);
  const slice = Buffer.allocUnsafe(Math.min(SLICE_BYTES, total));
  let offset = 0;
  for (let from = start; from < end; from += SLICE_CHARS) {
    const to = Math.min(end, from + SLICE_CHARS);
    const text = input.toString('latin1', from, to);
    const expected = to === end ? total - offset : ((to - from) / 4) * 3;
    if (expected < 0 || slice.write(text, 0, expected, 'base64') !== expected) return null;
    if (slice.toString('base64', 0, expected) !== text) return null;
    onSlice(slice.subarray(0, expected), offset);
    offset += expected;
  }
  return offset === total ? total : null;
}

/** fromBase64 of the Latin-1 text in `source[start, end)`, without it ever becoming a string. */
export function readBase64(source: Uint8Array, start: number, end: number): Buffer | null {
  const total = decodedLength(source, start, end);
  if (total === null) return null;
  const out = Buffer.allocUnsafeSlow(total);
  const decoded = decodeBase64Slices(source, start, end, (bytes, offset) => out.set(bytes, offset));
  return decoded === total ? out : null;
}

/** The byte count base64 text of this length and padding decodes to; null if no text could. */
export function decodedLength(source: Uint8Array, start: number, end: number): number | null {
  const length = end - start;
  if (length < 0 || length % 4 !== 0) return null;
  if (length === 0) return 0;
  const padding = (source[end - 1] === 0x3d ? 1 : 0) + (source[end - 2] === 0x3d ? 1 : 0);
  return (length / 4) * 3 - padding;
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes)
    ? bytes
    : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
