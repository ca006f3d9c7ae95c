/**
 * Seeded mutators in the style of AFL/libFuzzer's havoc stage: each case takes a real file and
 * applies a few random edits — bit flips, "interesting" integers (0, −1, 2^31−1, …) written
 * over 1–4 bytes, inserted or deleted runs, repeated chunks, cuts, and splices with another
 * seed. Interesting integers matter here because the bugs we hunt are counts read from files.
 */

export type Random = () => number;

const INTERESTING_8 = [0, 1, 0x7f, 0x80, 0xff];
const INTERESTING_32 = [0, 1, 0x7fffffff, 0x80000000, 0xffffffff, 0xffff, 0x10000, 65535 * 65535];

const int = (random: Random, below: number) => Math.floor(random() * below);

function overwriteInteger(out: number[], random: Random): void {
  if (out.length === 0) return;
  const at = int(random, out.length);
  const width = [1, 2, 4][int(random, 3)]!;
  const value =
    width === 1
      ? INTERESTING_8[int(random, INTERESTING_8.length)]!
      : INTERESTING_32[int(random, INTERESTING_32.length)]!;
  const bigEndian = random() < 0.5;
  for (let i = 0; i < width && at + i < out.length; i++) {
    const shift = 8 * (bigEndian ? width - 1 - i : i);
    out[at + i] = Math.floor(value / 2 ** shift) & 0xff;
  }
}

/** One havoc round of 1–8 edits; the result is capped at `maxLength` bytes. */
export function mutateBytes(
  input: Uint8Array,
  random: Random,
  other: Uint8Array,
  maxLength = 1 << 20,
): Uint8Array {
  const out = Array.from(input);
  const edits = 1 + int(random, 8);
  for (let e = 0; e < edits; e++) {
    const at = out.length === 0 ? 0 : int(random, out.length);
    switch (int(random, 9)) {
      case 0:
        if (out.length) out[at] = out[at]! ^ (1 << int(random, 8));
        break;
      case 1:
        if (out.length) out[at] = int(random, 256);
        break;
      case 2:
      case 3:
        overwriteInteger(out, random);
        break;
      case 4:
        out.splice(at, 1 + int(random, 16));
        break;
      case 5: {
        const run = Array.from({ length: 1 + int(random, 16) }, () => int(random, 256));
        out.splice(at, 0, ...run);
        break;
      }
      case 6: {
        const start = int(random, Math.max(1, out.length));
        const chunk = out.slice(start, start + 1 + int(random, 64));
        const times = 1 + int(random, 8);
        for (let t = 0; t < times; t++) out.splice(at, 0, ...chunk);
        break;
      }
      case 7:
        out.length = at;
        break;
      default: {
        const start = int(random, Math.max(1, other.length));
        out.splice(at, out.length - at, ...other.subarray(start, start + int(random, 4096)));
      }
    }
  }
  return Uint8Array.from(out.slice(0, maxLength));
}

const TEXT = new TextDecoder('utf-8', { fatal: false });
const UTF8 = new TextEncoder();

/** Text mutation: byte havoc on the UTF-8, then decoded again (invalid sequences become U+FFFD). */
export function mutateText(input: string, random: Random, other: string): string {
  return TEXT.decode(mutateBytes(UTF8.encode(input), random, UTF8.encode(other)));
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const ODD_VALUES: Json[] = [
  null,
  true,
  0,
  -1,
  2 ** 31 - 1,
  2 ** 53,
  1e308,
  0.5,
  '',
  'x'.repeat(300),
  '\u0000\u001b[2J\u202e',
  [],
  {},
  [[[[[]]]]],
];

/** A fresh copy: the edits below work in place, so no two nodes may share an object. */
const odd = (random: Random): Json => structuredClone(ODD_VALUES[int(random, ODD_VALUES.length)]!);

/** Structural JSON mutation: a few nodes replaced by odd values, deleted, duplicated or re-typed. */
export function mutateJson(input: Json, random: Random): Json {
  const edits = 1 + int(random, 4);
  let value = structuredClone(input);
  for (let e = 0; e < edits; e++) value = editOne(value, random, 0);
  return value;
}

function editOne(node: Json, random: Random, depth: number): Json {
  const descend = depth < 12 && node !== null && typeof node === 'object' && random() < 0.8;
  if (!descend) return odd(random);
  if (Array.isArray(node)) {
    if (node.length === 0 || random() < 0.1) return [...node, odd(random)];
    const i = int(random, node.length);
    if (random() < 0.1) return node.filter((_, j) => j !== i);
    if (random() < 0.05)
      return Array.from({ length: 1 + int(random, 200) }, () => structuredClone(node[i]!));
    node[i] = editOne(node[i]!, random, depth + 1);
    return node;
  }
  const keys = Object.keys(node);
  if (keys.length === 0) return { key: odd(random) };
  const key = keys[int(random, keys.length)]!;
  if (random() < 0.1) {
    const { [key]: _dropped, ...rest } = node;
    return rest;
  }
  node[key] = editOne(node[key]!, random, depth + 1);
  return node;
}
