import { describe, expect, it } from 'vitest';
import { timeSlicer } from '../../../src/core/common/import-entry/pace';
import { importBackup } from '../../../src/core/node/importers';
import { corpusBytes } from './corpus';

/**
 * Issue 10 finding 4: an import must not be able to take main's time or memory hostage —
 * bounded password stretching, a bounded entry count, and a way to stop it.
 * The encrypted vault is beemdevelopment/Aegis' own test vault (corpora aegis/importers,
 * password "test", one password slot of scrypt N=2^15, r=8, p=1).
 */

const PASSWORD = 'test';

function aegisVault(): { header: { slots: Record<string, unknown>[] } } {
  return JSON.parse(Buffer.from(corpusBytes('aegis/importers/aegis_encrypted.json')).toString());
}

const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

async function rejection(promise: Promise<unknown>): Promise<Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as Record<string, unknown>;
  }
  throw new Error('expected a failure');
}

describe('password stretching one import may spend', () => {
  it('refuses a slot asking for 1 GiB of scrypt (N=2^20, r=8) before running it', async () => {
    const vault = aegisVault();
    Object.assign(vault.header.slots[0]!, { n: 2 ** 20, r: 8, p: 1 });
    expect(await rejection(importBackup(encode(vault), { password: PASSWORD }))).toMatchObject({
      code: 'import.kdf-too-expensive',
      details: { parameter: 'scrypt N·r·p' },
    });
  });

  it('tries at most three password slots, then says so (the real slot is the tenth)', async () => {
    const vault = aegisVault();
    const real = vault.header.slots.find((s) => s.type === 1)!;
    // Nine decoys with the real slot's cost but a key that never opens (tag flipped).
    const decoy = { ...real, key_params: { ...(real.key_params as object), tag: '00'.repeat(16) } };
    vault.header.slots = [...Array.from({ length: 9 }, () => ({ ...decoy })), real];
    const error = await rejection(importBackup(encode(vault), { password: PASSWORD }));
    expect(error).toMatchObject({
      code: 'import.kdf-too-expensive',
      details: { parameter: 'password slots', maxPasswordSlots: 3 },
    });
    // Three slots with the real one among them still open.
    vault.header.slots = [{ ...decoy }, { ...decoy }, real];
    const opened = await importBackup(encode(vault), { password: PASSWORD });
    expect(opened.entries.filter((e) => e.ok).length).toBeGreaterThan(0);
  });

  it('spends one budget across slots: slots that each fit but together exceed it are refused', async () => {
    const vault = aegisVault();
    const real = vault.header.slots.find((s) => s.type === 1)!;
    const heavy = {
      ...real,
      n: 2 ** 17,
      r: 8,
      p: 1,
      key_params: { ...(real.key_params as object), tag: '00'.repeat(16) },
    };
    // 2^20 work each (128 MiB): the first two fit the 2^21 budget, the third would not.
    vault.header.slots = [{ ...heavy }, { ...heavy }, real];
    expect(await rejection(importBackup(encode(vault), { password: PASSWORD }))).toMatchObject({
      code: 'import.kdf-too-expensive',
      details: { parameter: 'scrypt N·r·p' },
    });
  });
});

describe('entry counts and cancelling', () => {
  it('refuses a JSON backup listing more than 100,000 entries as a whole, not entry by entry', async () => {
    const bytes = new TextEncoder().encode(
      `[${'{"secret":"","type":"TOTP"},'.repeat(100_001)}{"secret":"","type":"TOTP"}]`,
    );
    expect(await rejection(importBackup(bytes, { fileName: 'otp_accounts.json' }))).toMatchObject({
      code: 'import.too-many-entries',
    });
  });

  it('a cancelled import ends with import.cancelled and returns nothing', async () => {
    const links = Array.from(
      { length: 5000 },
      (_, i) => `otpauth://totp/I${i}:n?secret=JBSWY3DPEHPK3PXP`,
    ).join('\n');
    const controller = new AbortController();
    const pace = timeSlicer({ sliceMs: 0, signal: controller.signal });
    const running = importBackup(new TextEncoder().encode(links), {
      pace,
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 0);
    expect(await rejection(running)).toMatchObject({ code: 'import.cancelled' });
  });

  it('a paced import hands the event loop back while reading 20,000 links, and reads them all', async () => {
    const links = Array.from(
      { length: 20_000 },
      (_, i) => `otpauth://totp/I${i}:n?secret=JBSWY3DPEHPK3PXP`,
    ).join('\n');
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const result = await importBackup(new TextEncoder().encode(links), {
      pace: timeSlicer({ sliceMs: 5 }),
    });
    clearInterval(timer);
    expect(result.entries.filter((e) => e.ok)).toHaveLength(20_000);
    expect(ticks).toBeGreaterThan(0);
  });
});
