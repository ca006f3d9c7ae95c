import { createDecipheriv, scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { exportAegisPlain, exportAegisVault } from '../../../src/core/node/exporters/aegis';
import { importBackup } from '../../../src/core/node/importers';
import type { AccountDraft } from '../../../src/core/common/model';
import {
  asExpected,
  base32,
  corpusBytes,
  corpusJson,
  type ExpectedAccount,
} from '../importers/corpus';

/**
 * The exported vault is checked by an independent reader written here from Aegis' docs/vault.md
 * (../shared/corpora/aegis/vault_format_vault.md) with node:crypto directly, then by our importer.
 */

const drafts: AccountDraft[] = [
  {
    issuer: 'Deno',
    name: 'Mason',
    secret: Buffer.from('e4927870d21f365c8408f8b475c5267c', 'hex'),
    otp: { type: 'totp', algorithm: 'SHA1', digits: 6, period: 30 },
  },
  {
    issuer: 'WWE',
    name: 'Mason',
    secret: Buffer.from('ed40c5eefbecce2206b15d75c1182a76', 'hex'),
    otp: { type: 'hotp', algorithm: 'SHA512', digits: 8, counter: 10300 },
  },
  {
    issuer: 'Boeing',
    name: 'Sophia',
    secret: Buffer.from('4c7225f3e265eae831afcc745fa79132', 'hex'),
    otp: { type: 'steam', algorithm: 'SHA1', digits: 5, period: 30 },
  },
  {
    issuer: 'Ünïcode & Co',
    name: 'élodie@example.com',
    secret: Buffer.from('00112233445566778899aabbccddeeff00112233', 'hex'),
    otp: { type: 'totp', algorithm: 'SHA256', digits: 7, period: 20 },
  },
];

interface Slot {
  type: number;
  key: string;
  key_params: { nonce: string; tag: string };
  n: number;
  r: number;
  p: number;
  salt: string;
}

/** docs/vault.md: scrypt → slot key; AES-256-GCM(slot key) → master key; AES-256-GCM → content. */
function independentDecrypt(
  json: string,
  password: string,
): { version: number; entries: Record<string, unknown>[] } {
  const vault = JSON.parse(json) as {
    version: number;
    header: { slots: Slot[]; params: { nonce: string; tag: string } };
    db: string;
  };
  expect(vault.version).toBe(1);
  const slot = vault.header.slots.find((s) => s.type === 1)!;
  const slotKey = scryptSync(Buffer.from(password, 'utf8'), Buffer.from(slot.salt, 'hex'), 32, {
    N: slot.n,
    r: slot.r,
    p: slot.p,
    maxmem: 256 * 1024 * 1024,
  });
  const open = (key: Buffer, nonce: string, tag: string, data: Buffer) => {
    const d = createDecipheriv('aes-256-gcm', key, Buffer.from(nonce, 'hex'));
    d.setAuthTag(Buffer.from(tag, 'hex'));
    return Buffer.concat([d.update(data), d.final()]);
  };
  const master = open(
    slotKey,
    slot.key_params.nonce,
    slot.key_params.tag,
    Buffer.from(slot.key, 'hex'),
  );
  expect(master).toHaveLength(32);
  const plain = open(
    master,
    vault.header.params.nonce,
    vault.header.params.tag,
    Buffer.from(vault.db, 'base64'),
  );
  return JSON.parse(plain.toString('utf8'));
}

function fromAegisEntry(e: Record<string, unknown>): ExpectedAccount {
  const info = e.info as Record<string, string | number>;
  return {
    type: e.type as ExpectedAccount['type'],
    issuer: e.issuer as string,
    name: e.name as string,
    secret: info.secret as string,
    algorithm: info.algo as string,
    digits: info.digits as number,
    period: e.type === 'hotp' ? null : (info.period as number),
    counter: e.type === 'hotp' ? (info.counter as number) : null,
  };
}

describe('exportAegisVault', () => {
  it('writes what Aegis writes: version 1, one scrypt slot N=2^15 r=8 p=1 with a 32-byte salt, content version 3', async () => {
    const json = await exportAegisVault(drafts, 'correct horse');
    const vault = JSON.parse(json);
    expect(vault.header.slots).toHaveLength(1);
    expect(vault.header.slots[0]).toMatchObject({ type: 1, n: 32768, r: 8, p: 1 });
    expect(vault.header.slots[0].salt).toMatch(/^[0-9a-f]{64}$/);
    expect(vault.header.slots[0].key_params.nonce).toMatch(/^[0-9a-f]{24}$/);
    expect(vault.header.params.tag).toMatch(/^[0-9a-f]{32}$/);
    const content = independentDecrypt(json, 'correct horse');
    expect(content.version).toBe(3);
    expect(content.entries.map(fromAegisEntry)).toEqual(drafts.map(asExpected));
    expect(
      content.entries.every((e) => typeof e.uuid === 'string' && Array.isArray(e.groups)),
    ).toBe(true);
    expect(json).not.toContain(base32(drafts[0]!.secret));
  });

  it('reads back through our importer, and a wrong password is refused', async () => {
    const json = await exportAegisVault(drafts, 'pässwörd', { scryptN: 2 ** 12 });
    const bytes = new TextEncoder().encode(json);
    const result = await importBackup(bytes, { password: 'pässwörd' });
    expect(result.format).toBe('aegis');
    expect(result.entries.map((e) => e.ok && e.draft)).toEqual(
      drafts.map((d) => ({ ...d, secret: new Uint8Array(d.secret) })),
    );
    await expect(importBackup(bytes, { password: 'password' })).rejects.toMatchObject({
      code: 'import.wrong-password',
    });
  });

  it('every export uses a fresh master key, salt and nonces', async () => {
    const [a, b] = await Promise.all([
      exportAegisVault(drafts, 'x', { scryptN: 2 ** 10 }),
      exportAegisVault(drafts, 'x', { scryptN: 2 ** 10 }),
    ]);
    const va = JSON.parse(a);
    const vb = JSON.parse(b);
    expect(va.header.slots[0].salt).not.toBe(vb.header.slots[0].salt);
    expect(va.header.params.nonce).not.toBe(vb.header.params.nonce);
    expect(va.db).not.toBe(vb.db);
  });

  it('plain export has the layout of the Aegis corpus plain vault and reads back', async () => {
    const json = exportAegisPlain(drafts);
    const vault = JSON.parse(json);
    const sample = JSON.parse(
      Buffer.from(corpusBytes('aegis/importers/aegis_plain.json')).toString(),
    );
    expect(Object.keys(vault).sort()).toEqual(Object.keys(sample).sort());
    expect(vault.header).toEqual(sample.header);
    expect(vault.db.entries.map(fromAegisEntry)).toEqual(drafts.map(asExpected));
    const result = await importBackup(new TextEncoder().encode(json));
    expect(result.entries.map((e) => e.ok && asExpected(e.draft))).toEqual(drafts.map(asExpected));
  });

  it('the Aegis corpus vault decrypts with the same independent reader (the reader is right)', () => {
    const content = independentDecrypt(
      Buffer.from(corpusBytes('aegis/importers/aegis_encrypted.json')).toString(),
      'test',
    );
    const expected = corpusJson<Record<string, { expected_accounts: ExpectedAccount[] }>>(
      'aegis/expected/aegis_importers_expected.json',
    );
    expect(content.entries.map(fromAegisEntry)).toEqual(
      expected['importers/aegis_encrypted.json']!.expected_accounts,
    );
  });
});
