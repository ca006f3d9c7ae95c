/**
 * Text from an account name, a backup or a QR code is untrusted: written raw, an escape sequence
 * in it could retitle or clear the terminal, or write the clipboard (OSC 52), and a bidi override
 * could make a line read differently from what it is. Everything such text can carry that a
 * terminal acts on is written visibly escaped instead.
 */

// C0 controls, DEL, C1 controls, the Arabic letter mark, LRM/RLM, line/paragraph separators,
// bidi embeddings/overrides (U+202A–U+202E) and isolates (U+2066–U+2069).
const UNSAFE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** What JSON.stringify leaves raw; its own newlines (the indentation) stay. */
const UNSAFE_BEYOND_C0 = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** `ESC` → `\u{1b}`: visible, and never acted on by a terminal. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u{${c.charCodeAt(0).toString(16)}}`);
}

/**
 * A template tag that escapes every interpolated value and keeps the literal parts (where
 * the command's own tabs and newlines live): `` safe`${issuer}\t${name}\n` ``.
 */
export function safe(literals: TemplateStringsArray, ...values: readonly unknown[]): string {
  let out = literals[0] ?? '';
  values.forEach((value, i) => {
    out += terminalSafe(String(value)) + (literals[i + 1] ?? '');
  });
  return out;
}

/**
 * JSON for a terminal or a pipe: JSON.stringify escapes C0 controls but leaves C1 controls and
 * bidi controls raw; they can only occur inside strings, where `\uXXXX` is the same text.
 */
export function safeJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(
    UNSAFE_BEYOND_C0,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
