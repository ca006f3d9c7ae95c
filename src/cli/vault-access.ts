import { mkdir } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SecretAccount } from '../core/common/model';
import { parseVaultFile } from '../core/node/vault/format';
import { acquireDataLock, type LockHolder } from '../node/data-lock';
import { defaultDataDir } from '../node/data-dir';
import { createKeytarKeychain } from '../node/keychain';
import { createServices, type Services } from '../node/services/container';
import type { DialogPort } from '../node/services/dialog-port';
import { openVaultReadOnly, type KeychainAdapter } from '../node/services/vault';
import { isLatchkeyError, LatchkeyError } from '../shared/errors/index';
import type { Credentials } from './credentials';
import { BusyError, UsageError } from './errors';
import type { CliIo } from './io';
import type { OptionSpec, Parsed } from './options';

export const DATA_DIR_OPTION: OptionSpec = {
  name: 'data-dir',
  value: 'folder',
  description: 'the vault’s folder (default: $LATCHKEY_DATA_DIR, else the app’s folder)',
  complete: 'dir',
};

export function dataDirOf(args: Parsed, io: CliIo): string {
  return args.string('data-dir') ?? defaultDataDir(io.env);
}

/** The keychain is looked up once per run: opening keytar costs a D-Bus round trip. */
let keychain: KeychainAdapter | undefined;
const theKeychain = () => (keychain ??= createKeytarKeychain());

const KEYCHAIN_FAILURES = [
  'vault.keychain-unavailable',
  'vault.keychain-missing',
  'vault.keychain-mismatch',
];

/**
 * Opens the user's vault read-only (safe while the app runs): this device's keychain key when
 * the vault has a keychain slot and the keychain answers, else the password — asked for only
 * then. Every password check goes through the vault's lockout.
 */
export async function readVault(
  args: Parsed,
  io: CliIo,
  credentials: Credentials,
): Promise<SecretAccount[]> {
  const dir = dataDirOf(args, io);
  if (credentials.given('vault')) {
    return openVaultReadOnly(dir, {
      keychain: theKeychain(),
      password: await credentials.get('vault'),
    });
  }
  const slots = vaultSlots(dir);
  if (slots.keychain) {
    try {
      return await openVaultReadOnly(dir, { keychain: theKeychain() });
    } catch (error) {
      const retry =
        isLatchkeyError(error) &&
        KEYCHAIN_FAILURES.includes(error.code) &&
        slots.password &&
        credentials.canPrompt;
      if (!retry) throw error;
      io.stderr(`latchkey: ${error.message}\n`);
    }
  }
  if (!slots.password) throw new LatchkeyError('vault.keychain-unavailable');
  return openVaultReadOnly(dir, { keychain: null, password: await credentials.get('vault') });
}

/**
 * Which unlock slots vault.json has, from its header alone (no key is tried). Only used to
 * decide whether to ask for a password; the vault code checks everything again.
 */
function vaultSlots(dir: string): { keychain: boolean; password: boolean } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(join(dir, 'vault.json'));
  } catch {
    throw new LatchkeyError('vault.absent');
  }
  try {
    const { slots } = parseVaultFile(bytes).header;
    return {
      keychain: slots.some((s) => s.type === 'keychain'),
      password: slots.some((s) => s.type === 'password'),
    };
  } catch {
    // Damaged: the vault code reports it precisely once it gets there.
    return { keychain: true, password: true };
  }
}

/** The dialogs a command line "answers": the paths it was given. */
export function scriptedDialogs(paths: { open?: string; save?: string }): DialogPort {
  return {
    chooseOpen: async () => paths.open ?? null,
    chooseSave: async () => paths.save ?? null,
    chooseFolder: async () => null,
  };
}

export interface WriteSession {
  readonly services: Services;
  readonly dir: string;
}

/**
 * Runs `change` with the vault unlocked through the app's own services, holding the data
 * folder's write lock (exit 3 while the app or another command holds it). `unlock: false` is
 * for `init`, which creates the vault instead.
 */
export async function withVaultForWriting<T>(
  args: Parsed,
  io: CliIo,
  credentials: Credentials,
  change: (session: WriteSession) => Promise<T>,
  options: { unlock?: boolean; dialogs?: DialogPort } = {},
): Promise<T> {
  const dir = dataDirOf(args, io);
  // Only `init` may create the folder; every other command needs the vault to exist already.
  if (options.unlock === false) await mkdir(dir, { recursive: true, mode: 0o700 });
  else if (!existsSync(join(dir, 'vault.json'))) throw new LatchkeyError('vault.absent');
  const taken = await acquireDataLock(dir, 'cli');
  if (!taken.ok) throw new BusyError(busyMessage(taken.holder));
  const services = createServices({
    clipboard: noClipboard,
    events: { emit: () => {} },
    dataDir: dir,
    keychain: theKeychain(),
    appVersion: 'cli',
    dialogs: options.dialogs ?? scriptedDialogs({}),
  });
  try {
    if (options.unlock !== false) await unlock(services, credentials, io);
    return await change({ services, dir });
  } finally {
    await services.backup.flush();
    await services.vault.lock();
    await taken.lock.release();
  }
}

async function unlock(services: Services, credentials: Credentials, io: CliIo): Promise<void> {
  const { vault } = services;
  const status = await vault.status();
  if (status.state === 'absent') throw new LatchkeyError('vault.absent');
  if (status.slots.keychain) {
    try {
      await vault.unlockWithKeychain();
      return;
    } catch (error) {
      const fallBack =
        isLatchkeyError(error) &&
        KEYCHAIN_FAILURES.includes(error.code) &&
        status.slots.password &&
        (credentials.given('vault') || credentials.canPrompt);
      if (!fallBack) throw error;
      if (!credentials.given('vault')) io.stderr(`latchkey: ${error.message}\n`);
    }
  }
  if (!status.slots.password) throw new LatchkeyError('vault.keychain-unavailable');
  await vault.unlockWithPassword(await credentials.get('vault'));
}

export function busyMessage(holder: LockHolder): string {
  return holder.role === 'app'
    ? 'Latchkey is running — close it, or use the app. Nothing was changed.'
    : `another latchkey command (process ${holder.pid}) is changing the vault — try again when it has finished. Nothing was changed.`;
}

const noClipboard = {
  writeText: async () => {
    throw new UsageError('the command line does not use the clipboard');
  },
  readText: async () => '',
};
