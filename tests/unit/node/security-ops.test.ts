import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch, type Bridge } from '../../../src/node/ipc/dispatch';
import { createBridge } from '../../../src/node/ipc/handlers';
import { createServices, type Services } from '../../../src/node/services/container';
import type { DialogPort } from '../../../src/node/services/dialog-port';
import { writeExport } from '../../../src/node/services/backup-service';
import { InMemoryKeychainForTests, sampleAccounts, tempDir, WEAK } from '../vault/helpers';

// Issue 10, findings 6 and 7 and parts of 8, through dispatch and the REAL handlers and
// services over a vault on disk: what the page can (and cannot) do.

const PASSWORD = 'correct horse battery';
let data: ReturnType<typeof tempDir>;
let outside: string;
let services: Services;
let bridge: Bridge;
let keychain: InMemoryKeychainForTests;
const saveTo = { path: '' };

const dialogs: DialogPort = {
  chooseSave: async () => saveTo.path,
  chooseOpen: async () => null,
  chooseFolder: async () => outside,
} as unknown as DialogPort;

beforeEach(async () => {
  data = tempDir();
  outside = mkdtempSync(join(tmpdir(), 'latchkey-outside-'));
  keychain = new InMemoryKeychainForTests();
  services = createServices({
    clipboard: { writeText: async () => {}, readText: async () => '' },
    events: { emit: () => {} },
    appVersion: '1',
    dataDir: data.dir,
    keychain,
    dialogs,
    vaultOptions: WEAK,
  });
  await services.vault.create({ keychain: false, password: PASSWORD });
  await services.vault.update(() => sampleAccounts(2));
  bridge = createBridge(services);
});
afterEach(() => {
  data.cleanup();
  rmSync(outside, { recursive: true, force: true });
});

const call = (name: string, args: object) => dispatch(bridge, name, args);
const right = { method: 'password', password: PASSWORD } as const;
const wrong = { method: 'password', password: 'not my password' } as const;

describe('changes that weaken protection ask for the password (finding 6)', () => {
  it('turning on keychain unlock', async () => {
    expect(await call('security:enable-keychain', {})).toMatchObject({
      ok: false,
      error: { code: 'bridge.invalid-arguments' },
    });
    expect(await call('security:enable-keychain', { reauth: wrong })).toMatchObject({
      ok: false,
      error: { code: 'vault.wrong-password' },
    });
    expect(keychain.entries.size).toBe(0);
    expect(await call('security:enable-keychain', { reauth: right })).toMatchObject({ ok: true });
    expect((await services.vault.status()).slots.keychain).toBe(true);
  });

  it('auto-lock never: not through settings:update, only with the password', async () => {
    expect(await call('settings:update', { autoLockMinutes: null })).toMatchObject({
      ok: false,
      error: { code: 'bridge.invalid-arguments' },
    });
    expect(await call('security:disable-auto-lock', { reauth: wrong })).toMatchObject({
      ok: false,
    });
    expect(services.vault.settings().autoLockMinutes).not.toBeNull();
    expect(await call('security:disable-auto-lock', { reauth: right })).toMatchObject({
      ok: true,
      value: { autoLockMinutes: null },
    });
  });

  it('an unlocked page cannot put an old generation back', async () => {
    const [oldest] = (await services.vault.listGenerations()).slice(-1);
    expect(await call('vault:restore-generation', { id: oldest!.id })).toMatchObject({
      ok: false,
      error: { code: 'vault.already-unlocked' },
    });
    await services.lockNow('user');
    // Locked, it is refused too unless an unlock attempt just proved the credential opens it.
    expect(await call('vault:restore-generation', { id: oldest!.id })).toMatchObject({
      ok: false,
      error: { code: 'vault.locked' },
    });
    await services.vault.unlockWithPassword(PASSWORD);
    expect(services.vault.accounts()).toHaveLength(2);
  });

  it('signing out of this device needs the password', async () => {
    await call('security:enable-keychain', { reauth: right });
    expect(await call('security:sign-out-device', {})).toMatchObject({
      error: { code: 'bridge.invalid-arguments' },
    });
    expect(await call('security:sign-out-device', { currentPassword: 'nope nope' })).toMatchObject({
      ok: false,
      error: { code: 'vault.wrong-password' },
    });
    expect(keychain.entries.size).toBe(1);
    expect(await call('security:sign-out-device', { currentPassword: PASSWORD })).toMatchObject({
      ok: true,
      value: { state: 'locked', slots: { keychain: false, password: true } },
    });
    expect(keychain.entries.size).toBe(0);
  });
});

describe('erase everything names what it deletes (finding 6)', () => {
  it('while locked: the plan lists each file; a wrong confirmation deletes nothing', async () => {
    await call('security:enable-keychain', { reauth: right });
    await services.lockNow('user');
    await services.vault.unlockWithPassword('wrong guess!').catch(() => undefined);
    const plan = await call('security:erase-plan', {});
    expect(plan.ok).toBe(true);
    const { paths, keychainEntry } = (plan as { value: { paths: string[]; keychainEntry: string } })
      .value;
    const generations = readdirSync(join(data.dir, 'generations')).map((n) =>
      join(data.dir, 'generations', n),
    );
    expect([...paths].sort()).toEqual(
      [
        join(data.dir, 'vault.json'),
        join(data.dir, 'lockout.json'),
        join(data.dir, 'generations'),
        ...generations,
      ].sort(),
    );
    expect(keychainEntry).toMatch(/^Latchkey \/ vault-[0-9a-f]{32}$/);

    expect(await call('security:erase-all', { confirmation: 'erase' })).toMatchObject({
      ok: false,
      error: { code: 'vault.confirmation-mismatch' },
    });
    for (const path of paths) expect(existsSync(path), path).toBe(true);
    expect(await call('security:erase-all', { confirmation: 'ERASE' })).toMatchObject({
      ok: true,
      value: { state: 'absent' },
    });
    for (const path of paths) expect(existsSync(path), path).toBe(false);
    expect(keychain.entries.size).toBe(0);
  });
});

describe('recovery codes are marked by position, never by value (finding 7)', () => {
  it('the page cannot ask whether a guessed code exists', async () => {
    const id = services.vault.accounts()[0]!.id;
    await services.recovery.set(id, 'aaaa-bbbb-1111\ncccc-dddd-2222\neeee-ffff-3333');
    // The old shape (a code's value) is refused before anything looks at the codes...
    for (const code of ['aaaa-bbbb-1111', 'zzzz-zzzz-9999']) {
      expect(await call('recovery:mark', { id, code, used: true })).toMatchObject({
        ok: false,
        error: { code: 'bridge.invalid-arguments' },
      });
    }
    // ...and by position the answer depends only on how many there are (which the page shows).
    expect(await call('recovery:mark', { id, index: 3, used: true })).toMatchObject({
      ok: false,
      error: { code: 'recovery.not-found' },
    });
    expect(await call('recovery:mark', { id, index: 1, used: true })).toMatchObject({
      ok: true,
      value: { recovery: { total: 3, unused: 2 } },
    });
    expect(services.recovery.reveal(id).map((c) => c.used)).toEqual([false, true, false]);
  });
});

describe('exports are written readable by the owner only (finding 8)', () => {
  it.each([
    ['Aegis', 'backup:export-aegis', { reauth: right, backupPassword: 'a backup password' }],
    ['links', 'backup:export-uris', { reauth: right }],
  ])('%s export over an existing 0644 file ends 0600', async (_label, name, args) => {
    saveTo.path = join(outside, `export-${name.replace(':', '-')}`);
    writeFileSync(saveTo.path, 'an older file');
    chmodSync(saveTo.path, 0o644);
    expect(await call(name, args)).toMatchObject({ ok: true, value: { saved: true } });
    expect(statSync(saveTo.path).mode & 0o777).toBe(0o600);
  });

  it('the PDF kit path too (writeExport), and a new file is 0600 from the start', async () => {
    const existing = join(outside, 'kit.pdf');
    writeFileSync(existing, 'old');
    chmodSync(existing, 0o666);
    await writeExport(existing, Buffer.from('%PDF-1.7'));
    expect(statSync(existing).mode & 0o777).toBe(0o600);
    const fresh = join(outside, 'new.pdf');
    await writeExport(fresh, Buffer.from('%PDF-1.7'));
    expect(statSync(fresh).mode & 0o777).toBe(0o600);
  });

  it('the Aegis export password follows the one password rule', async () => {
    saveTo.path = join(outside, 'short.json');
    expect(
      await call('backup:export-aegis', { reauth: right, backupPassword: '5char' }),
    ).toMatchObject({ ok: false, error: { code: 'backup.password-too-short' } });
    // Eight characters counted as a person would: 7 letters and one emoji (two UTF-16 units).
    expect(
      await call('backup:export-aegis', { reauth: right, backupPassword: 'abcdef🔑' }),
    ).toMatchObject({ ok: false, error: { code: 'backup.password-too-short' } });
  });
});

describe('automatic backups written before a password change (finding 2)', () => {
  it('are counted, and replaced on request with a current copy', async () => {
    await call('backup:set-auto', { keep: 10 });
    await services.vault.update(() => sampleAccounts(3));
    await services.backup.flush();
    const before = readdirSync(outside);
    expect(before.length).toBeGreaterThan(0);
    const status = await call('backup:status', {});
    expect(status).toMatchObject({ ok: true, value: { oldKeyAutoBackups: 0 } });

    await call('security:set-password', {
      newPassword: 'a new password here',
      currentPassword: PASSWORD,
    });
    await services.backup.flush();
    expect(await call('backup:status', {})).toMatchObject({
      value: { oldKeyAutoBackups: before.length },
    });
    // The old ones still open with the old password: that is what the notice says.
    const old = readdirSync(outside).find((n) => before.includes(n))!;
    await expect(
      services.vault.openFileWithPassword(readFileSync(join(outside, old)), PASSWORD),
    ).resolves.not.toHaveLength(0);

    expect(await call('backup:replace-old-auto', {})).toMatchObject({
      ok: true,
      value: { oldKeyAutoBackups: 0 },
    });
    const after = readdirSync(outside);
    expect(after.some((n) => before.includes(n))).toBe(false);
    expect(after.length).toBeGreaterThan(0);
    for (const name of after) {
      await expect(
        services.vault.openFileWithPassword(readFileSync(join(outside, name)), PASSWORD),
      ).rejects.toMatchObject({ code: 'vault.wrong-password' });
    }
  });
});

describe('locking forgets what was opened or staged, and our code on the clipboard (finding 8)', () => {
  it('an opened import file, staged accounts and the copied code do not survive a lock', async () => {
    let clip = '';
    const local = tempDir();
    try {
      const s = createServices({
        clipboard: { writeText: async (t) => void (clip = t), readText: async () => clip },
        events: { emit: () => {} },
        appVersion: '1',
        dataDir: local.dir,
        keychain: null,
        vaultOptions: WEAK,
      });
      await s.vault.create({ keychain: false, password: PASSWORD });
      await s.vault.update(() => sampleAccounts(1));
      const b = createBridge(s);
      const link = 'otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&issuer=Example';
      const opened = await dispatch(b, 'import:open-text', { text: link });
      const { token } = (opened as { value: { token: string } }).value;
      await dispatch(b, 'scan:read-texts', {
        texts: ['otpauth://totp/Other:bob?secret=KRSXG5CTMVRXEZLU&issuer=Other'],
      });
      expect((await dispatch(b, 'staging:view', {})) as unknown).toMatchObject({
        value: { items: [{}] },
      });
      await dispatch(b, 'clipboard:copy-code', { id: s.vault.accounts()[0]!.id });
      expect(clip).toMatch(/^\d{6}$/);

      await s.lockNow('user');
      expect(clip).toBe('');
      await s.vault.unlockWithPassword(PASSWORD);
      expect(await dispatch(b, 'import:read', { token })).toMatchObject({
        ok: false,
        error: { code: 'import.expired' },
      });
      expect(await dispatch(b, 'staging:view', {})).toMatchObject({ value: { items: [] } });
    } finally {
      local.cleanup();
    }
  });
});
