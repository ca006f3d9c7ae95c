import { createCipheriv, createHash, randomBytes, randomUUID, scrypt } from 'node:crypto';
import { encodeBase32 } from '../../common/encoding/base32';
import type { AccountDraft } from '../../common/model';

/**
 * Writes an Aegis Authenticator vault (beemdevelopment/Aegis docs/vault.md, copied at
 * ../shared/corpora/aegis/vault_format_vault.md): vault version 1, content version 3.
 * Encrypted: a random 256-bit master key encrypts the content JSON with AES-256-GCM
 * (header.params {nonce, tag}); one password slot (type 1) wraps the master key with
 * AES-256-GCM under scrypt(password, 32-byte salt, N = 2^15, r = 8, p = 1) — the parameters
 * Aegis itself writes. Nonces, tags, keys and salts are hex; the content is base64.
 * Favourites, notes and groups are written back (content version 3: each entry lists group
 * uuids, `db.groups` names them); a picture icon is written as a PNG with its SHA-256.
 */

export interface AegisExportOptions {
  /** scrypt N; Aegis uses 2^15. Only tests should lower it. */
  readonly scryptN?: number;
}

const CONTENT_VERSION = 3;
const SCRYPT = { r: 8, p: 1 } as const;

interface AegisEntry {
  type: 'totp' | 'hotp' | 'steam';
  uuid: string;
  name: string;
  issuer: string;
  note: string;
  favorite: boolean;
  icon: string | null;
  icon_mime: 'image/png' | null;
  icon_hash: string | null;
  info: Record<string, string | number>;
  groups: string[];
}

interface AegisGroup {
  uuid: string;
  name: string;
}

function iconFields(draft: AccountDraft): Pick<AegisEntry, 'icon' | 'icon_mime' | 'icon_hash'> {
  if (draft.icon?.kind !== 'picture') return { icon: null, icon_mime: null, icon_hash: null };
  const bytes = Buffer.from(draft.icon.png, 'base64');
  return {
    icon: draft.icon.png,
    icon_mime: 'image/png',
    icon_hash: createHash('sha256').update(bytes).digest('hex'),
  };
}

function toEntry(draft: AccountDraft, groupIds: ReadonlyMap<string, string>): AegisEntry {
  const { otp } = draft;
  const info: Record<string, string | number> = {
    secret: encodeBase32(draft.secret),
    algo: otp.algorithm,
    digits: otp.digits,
  };
  if (otp.type === 'hotp') info.counter = otp.counter;
  else info.period = otp.period;
  return {
    type: otp.type,
    uuid: randomUUID(),
    name: draft.name,
    issuer: draft.issuer,
    note: draft.note ?? '',
    favorite: draft.favorite ?? false,
    ...iconFields(draft),
    info,
    groups: (draft.groups ?? []).map((g) => groupIds.get(g)!),
  };
}

function content(drafts: readonly AccountDraft[]): {
  version: number;
  entries: AegisEntry[];
  groups: AegisGroup[];
} {
  const names = [...new Set(drafts.flatMap((d) => d.groups ?? []))];
  const groups = names.map((name) => ({ uuid: randomUUID(), name }));
  const groupIds = new Map(groups.map((g) => [g.name, g.uuid]));
  return { version: CONTENT_VERSION, entries: drafts.map((d) => toEntry(d, groupIds)), groups };
}

function seal(
  key: Uint8Array,
  plaintext: Uint8Array,
): { ciphertext: Buffer; nonce: Buffer; tag: Buffer } {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { ciphertext, nonce, tag: cipher.getAuthTag() };
}

function deriveKey(password: string, salt: Uint8Array, n: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      password,
      salt,
      32,
      { N: n, ...SCRYPT, maxmem: 128 * n * SCRYPT.r + 32 * 1024 * 1024 },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

/** An unencrypted Aegis vault (what Aegis calls a plain-text JSON export). */
export function exportAegisPlain(drafts: readonly AccountDraft[]): string {
  return JSON.stringify(
    { version: 1, header: { slots: null, params: null }, db: content(drafts) },
    null,
    4,
  );
}

/** An encrypted Aegis vault that Aegis imports with `password`. */
export async function exportAegisVault(
  drafts: readonly AccountDraft[],
  password: string,
  opts: AegisExportOptions = {},
): Promise<string> {
  if (password === '') throw new RangeError('an encrypted export needs a password');
  const n = opts.scryptN ?? 2 ** 15;
  const masterKey = randomBytes(32);
  const salt = randomBytes(32);
  try {
    const slotKey = await deriveKey(password, salt, n);
    const wrapped = seal(slotKey, masterKey);
    slotKey.fill(0);
    const db = seal(masterKey, new TextEncoder().encode(JSON.stringify(content(drafts))));
    const vault = {
      version: 1,
      header: {
        slots: [
          {
            type: 1,
            uuid: randomUUID(),
            key: wrapped.ciphertext.toString('hex'),
            key_params: { nonce: wrapped.nonce.toString('hex'), tag: wrapped.tag.toString('hex') },
            n,
            r: SCRYPT.r,
            p: SCRYPT.p,
            salt: salt.toString('hex'),
            // Marks a slot written with Aegis' fixed password encoding (not the pre-2020 one).
            repaired: true,
            is_backup: false,
          },
        ],
        params: { nonce: db.nonce.toString('hex'), tag: db.tag.toString('hex') },
      },
      db: db.ciphertext.toString('base64'),
    };
    return JSON.stringify(vault, null, 4);
  } finally {
    masterKey.fill(0);
  }
}
