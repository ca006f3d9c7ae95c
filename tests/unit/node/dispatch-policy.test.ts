import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  contract,
  policyOf,
  reauthSchema,
  type ReauthReason,
  type VaultNeed,
} from '../../../src/shared/bridge';
import { OPERATION_NAMES, type OperationName } from '../../../src/shared/bridge-channels';
import { dispatch, type Bridge, type Handlers } from '../../../src/node/ipc/dispatch';
import { createBridge } from '../../../src/node/ipc/handlers';
import { createServices, type Services } from '../../../src/node/services/container';
import { tempDir, WEAK } from '../vault/helpers';

// Every policy test here is driven by the contract's own declarations: adding an operation to
// src/shared/bridge.ts puts it under these checks with no edit to this file (except the one
// explicit list of secret-releasing operations, which is the point of that test).

const PASSWORD = 'correct horse battery';
const withVault = (need: VaultNeed) => OPERATION_NAMES.filter((n) => policyOf(n).vault === need);
const withReason = (reason: ReauthReason) =>
  OPERATION_NAMES.filter((n) => policyOf(n).reauth === reason);
const asksReauth = OPERATION_NAMES.filter((n) => policyOf(n).reauth !== undefined);

/** The real services over a real vault on disk, with every handler replaced by a spy. */
let dir: ReturnType<typeof tempDir>;
let services: Services;
let bridge: Bridge;
let ran: Map<OperationName, ReturnType<typeof vi.fn>>;

beforeEach(async () => {
  dir = tempDir();
  services = createServices({
    clipboard: { writeText: async () => {}, readText: async () => '' },
    events: { emit: () => {} },
    appVersion: '1',
    dataDir: dir.dir,
    keychain: null,
    vaultOptions: WEAK,
  });
  await services.vault.create({ keychain: false, password: PASSWORD });
  const real = createBridge(services);
  ran = new Map(OPERATION_NAMES.map((n) => [n, vi.fn(() => 'ran')]));
  bridge = { ...real, handlers: Object.fromEntries(ran) as unknown as Handlers };
});
afterEach(() => dir.cleanup());

describe('vault state, as each operation declares it', () => {
  it.each(withVault('unlocked'))('%s is refused with vault.locked while locked', async (name) => {
    await services.vault.lock();
    const result = await dispatch(bridge, name, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'vault.locked' } });
    expect(ran.get(name)).not.toHaveBeenCalled();
  });

  it.each(withVault('locked'))(
    '%s is refused with vault.already-unlocked while unlocked',
    async (name) => {
      const result = await dispatch(bridge, name, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'vault.already-unlocked' } });
      expect(ran.get(name)).not.toHaveBeenCalled();
    },
  );

  it.each(withVault('any'))('%s is never refused for the vault state', async (name) => {
    await services.vault.lock();
    const result = await dispatch(bridge, name, {});
    // `{}` may be malformed for this operation; what matters is that the state did not refuse it.
    if (!result.ok) expect(result.error.code).toBe('bridge.invalid-arguments');
  });
});

/** Valid arguments, apart from `reauth`, for each operation that asks for re-authentication. */
const REST_OF_ARGS: Record<string, object> = {
  'backup:kit-data': { accountIds: null, transfer: false },
  'backup:export-aegis': { backupPassword: 'a backup password' },
  'backup:export-uris': {},
  'backup:transfer-codes': { accountIds: null },
  'recovery:reveal': { id: 'some-account' },
  'accounts:share-uri': { id: 'some-account' },
  'reauth:grant': {},
  'security:enable-keychain': {},
  'security:disable-auto-lock': {},
};

describe('re-authentication, as each operation declares it', () => {
  it('the secret-releasing operations are exactly these', () => {
    expect(withReason('releases-secrets').sort()).toEqual(
      [
        'accounts:share-uri',
        'backup:export-aegis',
        'backup:export-uris',
        'backup:kit-data',
        'backup:transfer-codes',
        'reauth:grant',
        'recovery:reveal',
      ].sort(),
    );
  });

  it('exactly the operations stating a reason take the one shared Reauth argument', () => {
    const takesReauth = OPERATION_NAMES.filter((n) => {
      const shape = (contract[n].args as { shape?: Record<string, unknown> }).shape;
      return shape !== undefined && shape.reauth === reauthSchema;
    });
    expect(takesReauth.sort()).toEqual([...asksReauth].sort());
    // No other argument may be named like it (a look-alike schema would bypass the policy).
    const lookAlikes = OPERATION_NAMES.filter((n) => {
      const shape = (contract[n].args as { shape?: Record<string, unknown> }).shape;
      return shape?.reauth !== undefined && !asksReauth.includes(n);
    });
    expect(lookAlikes).toEqual([]);
  });

  it('every such operation has sample arguments in this test', () => {
    expect(Object.keys(REST_OF_ARGS).sort()).toEqual([...asksReauth].sort());
  });

  it.each(asksReauth)(
    '%s runs only after the right password; a wrong one or a bare confirmation is refused',
    async (name) => {
      const call = (reauth: unknown) => dispatch(bridge, name, { ...REST_OF_ARGS[name], reauth });
      expect(await call({ method: 'password', password: 'wrong password' })).toMatchObject({
        ok: false,
        error: { code: 'vault.wrong-password' },
      });
      // The vault has a password, so ticking "it is me" is not enough.
      expect(await call({ method: 'confirm' })).toMatchObject({ ok: false });
      expect(await call(undefined)).toMatchObject({
        ok: false,
        error: { code: 'bridge.invalid-arguments' },
      });
      expect(ran.get(name)).not.toHaveBeenCalled();

      expect(await call({ method: 'password', password: PASSWORD })).toEqual({
        ok: true,
        value: 'ran',
      });
      expect(ran.get(name)).toHaveBeenCalledTimes(1);
    },
  );

  it.each(asksReauth.filter((n) => policyOf(n).vault === 'unlocked'))(
    '%s is refused while locked before any password is tried',
    async (name) => {
      await services.vault.lock();
      const verify = vi.spyOn(services.reauth, 'verify');
      const result = await dispatch(bridge, name, {
        ...REST_OF_ARGS[name],
        reauth: { method: 'password', password: PASSWORD },
      });
      expect(result).toMatchObject({ ok: false, error: { code: 'vault.locked' } });
      expect(verify).not.toHaveBeenCalled();
      expect(ran.get(name)).not.toHaveBeenCalled();
    },
  );
});

describe('the Backup screen’s grant, through dispatch and the real handlers', () => {
  it('one password, then exports take the grant; locking drops it', async () => {
    const real = createBridge(services);
    const transfer = (reauth: unknown) =>
      dispatch(real, 'backup:transfer-codes', { accountIds: null, reauth });
    const granted = await dispatch(real, 'reauth:grant', {
      reauth: { method: 'password', password: PASSWORD },
    });
    expect(granted.ok).toBe(true);
    const { token } = (granted as { value: { token: string } }).value;
    expect((await transfer({ method: 'grant', token })).ok).toBe(true);
    expect((await transfer({ method: 'grant', token })).ok).toBe(true);
    // A grant cannot be stretched by trading it for the next one.
    expect(
      await dispatch(real, 'reauth:grant', { reauth: { method: 'grant', token } }),
    ).toMatchObject({ ok: false, error: { code: 'backup.reauth-required' } });

    await services.lockNow('user');
    await services.vault.unlockWithPassword(PASSWORD);
    expect(await transfer({ method: 'grant', token })).toMatchObject({
      ok: false,
      error: { code: 'backup.reauth-required' },
    });
  });

  it('reauth:drop (the page left the Backup screen) ends it at once', async () => {
    const real = createBridge(services);
    const granted = await dispatch(real, 'reauth:grant', {
      reauth: { method: 'password', password: PASSWORD },
    });
    const { token } = (granted as { value: { token: string } }).value;
    expect((await dispatch(real, 'reauth:drop', {})).ok).toBe(true);
    expect(
      await dispatch(real, 'backup:export-uris', { reauth: { method: 'grant', token } }),
    ).toMatchObject({ ok: false, error: { code: 'backup.reauth-required' } });
  });
});
