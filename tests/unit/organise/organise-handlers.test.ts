import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import jpeg from 'jpeg-js';
import { dispatch, type Bridge } from '../../../src/node/ipc/dispatch';
import { createBridge } from '../../../src/node/ipc/handlers';
import { createServices, type Services } from '../../../src/node/services/container';
import type { Account } from '../../../src/shared/account';
import type { Result } from '../../../src/shared/result';
import { tempDir, WEAK } from '../vault/helpers';

// The organising operations through the real dispatcher, handlers and an encrypted vault on disk.
let dir: { dir: string; cleanup: () => void };
let services: Services;
let bridge: Bridge;
const call = (name: string, args: unknown) =>
  dispatch(bridge, name, args) as Promise<Result<never>>;
const value = async <T>(name: string, args: unknown): Promise<T> => {
  const result = (await dispatch(bridge, name, args)) as Result<T>;
  if (!result.ok) throw new Error(`${name}: ${result.error.code}`);
  return result.value;
};
const GITHUB = 'otpauth://totp/GitHub:octo?secret=JBSWY3DPEHPK3PXP&issuer=GitHub';

function startServices() {
  services = createServices({
    clipboard: { writeText: async () => {}, readText: async () => '' },
    events: { emit: () => {} },
    appVersion: '1',
    dataDir: dir.dir,
    keychain: null,
    vaultOptions: WEAK,
  });
  bridge = createBridge(services);
}

beforeEach(async () => {
  dir = tempDir();
  startServices();
  await value('vault:create', { keychain: false, password: 'correct horse battery' });
});
afterEach(() => dir.cleanup());

async function reopen() {
  await services.lockNow('user');
  startServices();
  await value('vault:unlock', { method: 'password', password: 'correct horse battery' });
}

describe('duplicates on the link and typed-key paths', () => {
  it('the same link twice is refused with "accounts.duplicate" unless the user keeps both', async () => {
    const first = await value<{ account: Account }>('accounts:add-uri', { uri: GITHUB });
    const again = await call('accounts:add-uri', { uri: GITHUB.replace('octo', 'other') });
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'accounts.duplicate', details: { existingId: first.account.id } },
    });
    expect(await value<Account[]>('accounts:list', {})).toHaveLength(1);
    await value('accounts:add-uri', { uri: GITHUB, keepDuplicate: true });
    expect(await value<Account[]>('accounts:list', {})).toHaveLength(2);
  });

  it('a typed key equal to a linked one is a duplicate; the same key as HOTP is not', async () => {
    await value('accounts:add-uri', { uri: GITHUB });
    const typed = { issuer: 'GH', name: '', secret: 'jbsw y3dp ehpk 3pxp' };
    expect(await call('accounts:add-manual', typed)).toMatchObject({
      ok: false,
      error: { code: 'accounts.duplicate' },
    });
    await value('accounts:add-manual', { ...typed, type: 'hotp', counter: 0 });
    expect(await value<Account[]>('accounts:list', {})).toHaveLength(2);
  });
});

describe('favourites, groups, notes and icons', () => {
  it('are saved in the vault and survive locking and unlocking', async () => {
    const { account } = await value<{ account: Account }>('accounts:add-uri', { uri: GITHUB });
    await value('accounts:update', {
      id: account.id,
      favorite: true,
      note: '  Work laptop  ',
      groups: ['Work', 'Dev\u0007', 'Work'],
      icon: { kind: 'brand', slug: 'github' },
    });
    await reopen();
    const [saved] = await value<Account[]>('accounts:list', {});
    expect(saved).toMatchObject({
      favorite: true,
      note: 'Work laptop',
      groups: ['Work', 'Dev'],
      icon: { kind: 'brand', slug: 'github' },
    });
    expect((await value<{ groups: string[] }>('settings:get', {})).groups).toEqual(['Work', 'Dev']);
  });

  it('groups can be created empty, renamed everywhere and deleted without deleting accounts', async () => {
    const { account } = await value<{ account: Account }>('accounts:add-uri', { uri: GITHUB });
    await value('groups:create', { name: 'Home' });
    expect(await call('groups:create', { name: 'Home' })).toMatchObject({
      ok: false,
      error: { code: 'accounts.group-exists' },
    });
    await value('accounts:update', { id: account.id, groups: ['Home'] });
    const saves = async () => (await services.vault.listGenerations()).length;
    const before = await saves();
    const renamed = await value<{ groups: string[] }>('groups:rename', {
      from: 'Home',
      to: 'Family',
    });
    expect(renamed.groups).toEqual(['Family']);
    expect((await value<Account[]>('accounts:list', {}))[0]!.groups).toEqual(['Family']);
    // One save (one new generation): no saved version has the new name on only one side.
    expect(await saves()).toBe(before + 1);
    await value('groups:delete', { name: 'Family' });
    expect(await saves()).toBe(before + 2);
    const [left] = await value<Account[]>('accounts:list', {});
    expect(left!.groups).toEqual([]);
    expect((await value<{ groups: string[] }>('settings:get', {})).groups).toEqual([]);
  });

  it('a picture is decoded in main and stored as a PNG at most 64 px a side', async () => {
    const { account } = await value<{ account: Account }>('accounts:add-uri', { uri: GITHUB });
    const big = new PNG({ width: 300, height: 150 });
    big.data.fill(200);
    const png = new Uint8Array(PNG.sync.write(big));
    const updated = await value<Account>('accounts:set-picture', { id: account.id, bytes: png });
    if (updated.icon.kind !== 'picture') throw new Error('expected a picture');
    const stored = PNG.sync.read(Buffer.from(updated.icon.png, 'base64'));
    expect([stored.width, stored.height]).toEqual([64, 32]);
    expect(stored.data[0]).toBe(200);

    const photo = jpeg.encode({ width: 40, height: 40, data: Buffer.alloc(40 * 40 * 4, 90) }, 90);
    const fromJpeg = await value<Account>('accounts:set-picture', {
      id: account.id,
      bytes: new Uint8Array(photo.data),
    });
    expect(fromJpeg.icon.kind).toBe('picture');

    const notAPicture = new TextEncoder().encode('GIF89a not really');
    expect(
      await call('accounts:set-picture', { id: account.id, bytes: notAPicture }),
    ).toMatchObject({ ok: false, error: { code: 'accounts.picture-invalid' } });
  });

  it('copying counts uses for the "most used" order; settings keep the list preferences', async () => {
    const { account } = await value<{ account: Account }>('accounts:add-uri', { uri: GITHUB });
    await value('clipboard:copy-code', { id: account.id });
    await value('clipboard:copy-code', { id: account.id });
    await value('settings:update', {
      sortOrder: 'most-used',
      density: 'compact',
      showNextCode: false,
    });
    await reopen();
    expect((await value<Account[]>('accounts:list', {}))[0]!.useCount).toBe(2);
    expect(await value('settings:get', {})).toMatchObject({
      sortOrder: 'most-used',
      density: 'compact',
      showNextCode: false,
    });
  });
});

describe('showing one account as a QR code', () => {
  it('needs the vault password and gives back the account link', async () => {
    const { account } = await value<{ account: Account }>('accounts:add-uri', { uri: GITHUB });
    expect(
      await call('accounts:share-uri', {
        id: account.id,
        reauth: { method: 'password', password: 'wrong one!' },
      }),
    ).toMatchObject({ ok: false });
    const { uri } = await value<{ uri: string }>('accounts:share-uri', {
      id: account.id,
      reauth: { method: 'password', password: 'correct horse battery' },
    });
    expect(uri).toContain('secret=JBSWY3DPEHPK3PXP');
    expect(uri).toContain('issuer=GitHub');
  });
});
