/**
 * The GIF LZW decoder (GIF89a Appendix F: variable-length codes from minCodeSize+1 up to 12
 * bits, clear and end codes, the deferred-clear table). Written here because both npm
 * decoders tried loop or grow without bound on damaged data (found by `npm run fuzz`): omggif
 * chases a cyclic table forever, gifuct-js lets a stale entry point at itself and grows its
 * pixel stack until V8 aborts. Here every table entry points at a strictly smaller code, output
 * never passes `pixelCount`, and an impossible code ends the image (the rest stays index 0).
 */
const MAX_CODES = 4096;

export function decodeGifLzw(
  minCodeSize: number,
  data: Uint8Array,
  pixelCount: number,
): Uint8Array {
  const out = new Uint8Array(pixelCount);
  const clear = 1 << minCodeSize;
  const end = clear + 1;
  const prefix = new Uint16Array(MAX_CODES);
  const suffix = new Uint8Array(MAX_CODES);
  const first = new Uint8Array(MAX_CODES);
  const length = new Uint16Array(MAX_CODES);
  for (let code = 0; code < clear; code++) {
    suffix[code] = code;
    first[code] = code;
    length[code] = 1;
  }
  let size = minCodeSize + 1;
  let next = end + 1;
  let previous = -1;
  let buffer = 0;
  let bits = 0;
  let at = 0;
  let written = 0;
  /** Writes the string of `code` (then `extra`, when ≥ 0) at the current position. */
  const emit = (code: number, extra: number) => {
    const total = length[code]! + (extra >= 0 ? 1 : 0);
    let position = written + length[code]! - 1;
    for (let c = code; ; c = prefix[c]!) {
      if (position < pixelCount) out[position] = suffix[c]!;
      position--;
      if (c < clear) break;
    }
    if (extra >= 0 && written + total - 1 < pixelCount) out[written + total - 1] = extra;
    written += total;
  };
  while (written < pixelCount) {
    while (bits < size) {
      if (at >= data.length) return out;
      buffer |= data[at++]! << bits;
      bits += 8;
    }
    const code = buffer & ((1 << size) - 1);
    buffer >>>= size;
    bits -= size;
    if (code === clear) {
      size = minCodeSize + 1;
      next = end + 1;
      previous = -1;
      continue;
    }
    if (code === end) break;
    if (previous < 0) {
      if (code >= clear) break; // the first code after a clear must be a colour
      emit(code, -1);
      previous = code;
      continue;
    }
    if (code > next || (code === next && next >= MAX_CODES)) break; // damaged data
    const known = code < next;
    const head = known ? first[code]! : first[previous]!;
    if (known) emit(code, -1);
    else emit(previous, head);
    if (next < MAX_CODES) {
      prefix[next] = previous;
      suffix[next] = head;
      first[next] = first[previous]!;
      length[next] = length[previous]! + 1;
      next++;
      if (next === 1 << size && size < 12) size++;
    }
    previous = code;
  }
  return out;
}
