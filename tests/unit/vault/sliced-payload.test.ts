import { randomBytes } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import {
  base64Writer,
  decodeBase64Slices,
  fromBase64,
  readBase64,
} from '../../../src/core/node/vault/base64';
import { open, randomKey, seal, sealInParts } from '../../../src/core/node/vault/crypto';
import { DEFAULT_SETTINGS } from '../../../src/core/node/vault/database';
import { sealVault, verifyVault, verifyVaultBytes } from '../../../src/core/node/vault/envelope';
import { parseVaultFile, type VaultHeader } from '../../../src/core/node/vault/format';
import { sampleAccounts } from './helpers';

// A 10,000-account vault passes through base64 and AES-GCM in slices (a few dozen KiB) so a save
// does not allocate payload-sized copies. Every slice boundary must be invisible: the bytes are
// exactly what the one-shot Node calls give (RFC 4648 §4 base64, NIST SP 800-38D GCM), and the
// strictness is the same on both sides of a boundary. Sizes here span several slices.

const LATIN1 = (text: string) => Buffer.from(text, 'latin1');
const BIG = 300_001; // bytes: ~6 base64 slices and ~2 cipher slices, and not a multiple of 3

describe('base64 in slices', () => {
  test('parts of any length encode to exactly the one-shot base64', () => {
    const bytes = randomBytes(BIG);
    for (const cuts of [[1], [2, 3], [65_535, 1, 1], [49_151, 49_153], [BIG]]) {
      const out = Buffer.alloc(4 * Math.ceil(BIG / 3));
      const writer = base64Writer(out, 0);
      let at = 0;
      for (let i = 0; at < BIG; i++) {
        const n = cuts[i % cuts.length]!;
        writer.write(bytes.subarray(at, at + n));
        at += n;
      }
      expect(writer.end()).toBe(out.length);
      expect(out.toString('latin1')).toBe(bytes.toString('base64'));
    }
  });

  test('sliced decoding gives fromBase64’s bytes, with slices handed over in order', () => {
    for (const size of [0, 1, 2, 3, 49_152, 49_153, BIG]) {
      const bytes = randomBytes(size);
      const text = LATIN1(bytes.toString('base64'));
      expect(readBase64(text, 0, text.length)?.equals(bytes)).toBe(true);
      const offsets: number[] = [];
      decodeBase64Slices(text, 0, text.length, (_, offset) => offsets.push(offset));
      expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
    }
  });

  test('text fromBase64 refuses is refused in slices too, wherever the fault sits', () => {
    const text = randomBytes(BIG).toString('base64');
    // Inside the first slice, at the boundary between slices, deep in the middle, and at the end.
    for (const at of [10, 65_535, 65_536, 200_000, text.length - 3]) {
      for (const bad of ['=', '-', '_', ' ', '\n', '*']) {
        const changed = text.slice(0, at) + bad + text.slice(at + 1);
        expect(fromBase64(changed)).toBeNull();
        expect(readBase64(LATIN1(changed), 0, changed.length)).toBeNull();
      }
    }
    // Non-zero padding bits: 300,001 bytes end in `xy==`, where y's low 4 bits are unused; Node
    // decodes a y with them set to the same bytes, the canonical form has them clear.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    const y = text.at(-3)!;
    const sloppy = text.slice(0, -3) + alphabet[alphabet.indexOf(y) ^ 1]! + '==';
    expect(Buffer.from(sloppy, 'base64').equals(Buffer.from(text, 'base64'))).toBe(true);
    expect(fromBase64(sloppy)).toBeNull();
    expect(readBase64(LATIN1(sloppy), 0, sloppy.length)).toBeNull();
    expect(readBase64(LATIN1(text + 'A'), 0, text.length + 1)).toBeNull(); // length % 4
  });
});

describe('AES-GCM in slices', () => {
  test('sealing in parts gives the one-shot ciphertext and tag, and it opens', () => {
    const key = randomKey();
    const plaintext = randomBytes(BIG);
    const aad = Buffer.from('header');
    const { nonce, sealed } = seal(key, plaintext, aad);
    const parts: Buffer[] = [];
    sealInParts(key, nonce, plaintext, aad, (part) => parts.push(Buffer.from(part)));
    expect(Buffer.concat(parts).equals(sealed)).toBe(true);
    expect(open(key, nonce, sealed, aad)?.equals(plaintext)).toBe(true);
  });
});

describe('a save’s read-back check (verifyVaultBytes)', () => {
  const masterKey = randomKey();
  const header: VaultHeader = {
    vaultId: 'a'.repeat(32),
    slots: [
      {
        type: 'keychain',
        account: `vault-${'a'.repeat(32)}`,
        nonce: randomBytes(12),
        wrapped: randomBytes(48),
      },
    ],
  };
  const bytes = sealVault(masterKey, header, {
    accounts: sampleAccounts(600),
    settings: DEFAULT_SETTINGS,
  });
  const outcome = (file: Uint8Array, key: Uint8Array = masterKey) => {
    try {
      verifyVaultBytes(file, key, false);
      return 'ok';
    } catch (error) {
      return (error as { code?: string }).code ?? 'threw';
    }
  };
  const reference = (file: Uint8Array, key: Uint8Array = masterKey) => {
    try {
      verifyVault(parseVaultFile(file, false), key);
      return 'ok';
    } catch (error) {
      return (error as { code?: string }).code ?? 'threw';
    }
  };

  test('a payload spanning several slices verifies', () => {
    expect(bytes.length).toBeGreaterThan(200_000);
    expect(outcome(bytes)).toBe('ok');
  });

  test('it refuses exactly what parseVaultFile + verifyVault refuse, with the same error', () => {
    const body = bytes.indexOf('"ciphertext":"') + 14;
    const cases: Buffer[] = [];
    for (const at of [body, body + 65_536, body + 100_001, bytes.length - 6, bytes.length - 4]) {
      for (const to of ['A', 'B', '=', '-']) {
        const copy = Buffer.from(bytes);
        if (copy[at] === to.charCodeAt(0)) continue;
        copy[at] = to.charCodeAt(0);
        cases.push(copy);
      }
    }
    cases.push(bytes.subarray(0, bytes.length - 1)); // no newline: not our layout
    cases.push(Buffer.concat([bytes.subarray(0, body), bytes.subarray(body + 4)])); // 3 bytes gone
    for (const file of cases) {
      const expected = reference(file);
      expect(expected).not.toBe('ok');
      expect(outcome(file)).toBe(expected);
    }
    expect(outcome(bytes, randomKey())).toBe('vault.tampered');
  });
});
