import type { SecretAccount } from '../../common/model';
import { encodeDatabase, storedAccount, type VaultDatabase } from './database';

/**
 * encodeDatabase's exact bytes at a cost proportional to what changed. Accounts are immutable
 * values (every change makes a new object), so each account's JSON is produced once and kept as
 * the bytes before and after its secret; a save then copies those frames and writes the secrets
 * (base32, read live from the key arrays) straight into one buffer, so no secret is ever a
 * string on the save path. The frames hold no key material, so locking has nothing of theirs
 * to wipe, and they go with their account objects.
 * tests/unit/vault/database-encoder.test.ts checks the bytes against encodeDatabase itself.
 */
interface Frame {
  /** The account's JSON up to and including the secret's opening quote. */
  readonly head: Buffer;
  /** From the secret's closing quote to the end of the account's JSON. */
  readonly tail: Buffer;
}

const frames = new WeakMap<SecretAccount, Frame>();
const EMPTY_SECRET = '"secret":""';
const BASE32 = Buffer.from('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 'latin1');

/** Where the account list sits in encodeDatabase's output: `…"accounts":[` and `],…`. */
function around(settings: VaultDatabase['settings']): { start: string; end: string } {
  const empty = encodeDatabase({ accounts: [], settings }).toString('utf8');
  const at = empty.indexOf('[]');
  return { start: empty.slice(0, at + 1), end: empty.slice(at + 1) };
}

/**
 * One account's frame: its stored shape (storedAccount, the one definition of the fields) with
 * an empty secret. A JSON string value never holds an unescaped `"`, so the first
 * `"secret":""` is the key with its value; no secret ever becomes a string here.
 */
function frameOf(account: SecretAccount): Frame {
  const known = frames.get(account);
  if (known) return known;
  const json = JSON.stringify(storedAccount(account, ''));
  const at = json.indexOf(EMPTY_SECRET) + EMPTY_SECRET.length - 1;
  const frame = {
    head: Buffer.from(json.slice(0, at), 'utf8'),
    tail: Buffer.from(json.slice(at), 'utf8'),
  };
  frames.set(account, frame);
  return frame;
}

const base32Length = (bytes: number): number => Math.ceil((bytes * 8) / 5);

/** RFC 4648 §6 without padding (encodeBase32's form), written into `out` at `at`. */
function writeBase32(secret: Uint8Array, out: Buffer, at: number): number {
  let buffer = 0;
  let bits = 0;
  let pos = at;
  for (let i = 0; i < secret.length; i++) {
    buffer = ((buffer << 8) | secret[i]!) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out[pos++] = BASE32[(buffer >> bits) & 31]!;
    }
  }
  if (bits > 0) out[pos++] = BASE32[(buffer << (5 - bits)) & 31]!;
  return pos;
}

/** The payload plaintext, byte for byte what encodeDatabase(db) returns. The caller wipes it. */
export function encodeDatabaseFast(db: VaultDatabase): Buffer {
  const { start, end } = around(db.settings);
  const parts = db.accounts.map(frameOf);
  let size = Buffer.byteLength(start) + Buffer.byteLength(end) + Math.max(0, parts.length - 1);
  for (let i = 0; i < parts.length; i++) {
    size += parts[i]!.head.length + parts[i]!.tail.length;
    size += base32Length(db.accounts[i]!.secret.length);
  }
  const out = Buffer.allocUnsafeSlow(size);
  let pos = out.write(start, 0, 'utf8');
  for (let i = 0; i < parts.length; i++) {
    if (i > 0) out[pos++] = 0x2c; // ,
    // TypedArray#set, not Buffer#copy: 20,000 small copies cost a native call each otherwise.
    const { head, tail } = parts[i]!;
    out.set(head, pos);
    pos = writeBase32(db.accounts[i]!.secret, out, pos + head.length);
    out.set(tail, pos);
    pos += tail.length;
  }
  out.write(end, pos, 'utf8');
  return out;
}
