/**
 * Forgiving percent-decoding: well-formed UTF-8 `%XX` runs are decoded, anything that is not
 * (a stray `%`, a truncated or invalid UTF-8 sequence) is kept as written instead of failing.
 * `plusIsSpace` applies the form-encoding rule used in query strings (`issuer=Air+Canada`).
 */
export function decodePercent(text: string, plusIsSpace: boolean): string {
  const spaced = plusIsSpace ? text.replace(/\+/g, ' ') : text;
  if (!spaced.includes('%')) return spaced;
  return spaced.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return decodeRunLeniently(run);
    }
  });
}

/** Decodes the longest valid prefixes of a `%XX` run, keeping undecodable escapes verbatim. */
function decodeRunLeniently(run: string): string {
  const escapes = run.match(/%[0-9A-Fa-f]{2}/g) ?? [];
  let out = '';
  let i = 0;
  while (i < escapes.length) {
    let decoded: string | null = null;
    let used = 0;
    // A UTF-8 sequence is at most 4 bytes: try the longest first.
    for (let len = Math.min(4, escapes.length - i); len >= 1 && decoded === null; len--) {
      try {
        decoded = decodeURIComponent(escapes.slice(i, i + len).join(''));
        used = len;
      } catch {
        decoded = null;
      }
    }
    if (decoded === null) {
      out += escapes[i]!;
      i += 1;
    } else {
      out += decoded;
      i += used;
    }
  }
  return out;
}
