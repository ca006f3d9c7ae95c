import { describe, expect, test } from 'vitest';
import { randomKey } from '../../../src/core/node/vault/crypto';
import { DEFAULT_SETTINGS } from '../../../src/core/node/vault/database';
import { sealVault } from '../../../src/core/node/vault/envelope';
import { headerTextOf, parseVaultFile } from '../../../src/core/node/vault/format';
import { makeKeychainSlot } from '../../../src/core/node/vault/slots';

// The generation sweep compares headers from a file's first bytes (headerTextOf); it must agree
// with the full parser on what we write, and refuse anything else rather than guess.
const vaultId = 'ab'.repeat(16);
const masterKey = randomKey();
const file = sealVault(
  masterKey,
  { vaultId, slots: [makeKeychainSlot(vaultId, masterKey, randomKey())] },
  { accounts: [], settings: DEFAULT_SETTINGS },
);

describe('headerTextOf', () => {
  test('gives the header text the full parser reads, from the whole file or its first bytes', () => {
    const { headerText } = parseVaultFile(file);
    expect(headerTextOf(file)).toBe(headerText);
    expect(headerTextOf(file.subarray(0, headerText.length + 200))).toBe(headerText);
  });

  test('null for bytes that do not start like a vault file, or stop inside the header', () => {
    expect(headerTextOf(Buffer.from('{"format":"latchkey-vault","version":2,"header":"x"'))).toBe(
      null,
    );
    expect(headerTextOf(file.subarray(0, 60))).toBe(null);
    expect(headerTextOf(Buffer.from('not json at all'))).toBe(null);
  });
});
