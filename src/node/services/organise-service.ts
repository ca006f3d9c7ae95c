import {
  ORGANISE_LIMITS,
  OTP_LIMITS,
  type AccountIcon,
  type AccountId,
} from '../../shared/account';
import { LatchkeyError } from '../../shared/errors';
import type { SecretAccount } from '../../core/common/model';
import { serializeOtpUri } from '../../core/common/uri';
import { pictureToIconPng } from '../../core/node/icons/picture';
import { draftOf } from './backup-service';
import type { VaultService } from './vault';
import type { VaultAccountRepository } from './vault-account-repository';

/** What the editor may change about one account; absent fields stay as they are. */
export interface AccountChange {
  readonly issuer?: string;
  readonly name?: string;
  readonly note?: string;
  readonly groups?: readonly string[];
  readonly favorite?: boolean;
  readonly icon?: Exclude<AccountIcon, { kind: 'picture' }>;
}

/** Control characters have no place in a name shown on screen or printed in a kit. */
export const cleanLabel = (text: string) =>
  [...text]
    .filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f)
    .join('')
    .trim();

function cleanGroup(name: string): string {
  const clean = cleanLabel(name);
  if (clean.length === 0 || clean.length > ORGANISE_LIMITS.maxGroupLength) {
    throw new LatchkeyError('accounts.group-invalid');
  }
  return clean;
}

function cleanGroups(groups: readonly string[]): string[] {
  const unique = [...new Set(groups.map(cleanGroup))];
  if (unique.length > ORGANISE_LIMITS.maxGroups) throw new LatchkeyError('accounts.group-invalid');
  return unique;
}

/**
 * Favourites, groups, notes, icons and names: everything the user arranges about accounts,
 * and showing one account's link for moving it to another device (after re-authentication).
 */
export class OrganiseService {
  constructor(
    private readonly accounts: VaultAccountRepository,
    private readonly vault: VaultService,
  ) {}

  async update(id: AccountId, change: AccountChange): Promise<SecretAccount> {
    const labels = [change.issuer, change.name].map((l) => (l === undefined ? l : cleanLabel(l)));
    if (labels.some((l) => l !== undefined && l.length > OTP_LIMITS.maxLabelLength)) {
      throw new LatchkeyError('accounts.name-invalid');
    }
    if (change.note !== undefined && change.note.length > ORGANISE_LIMITS.maxNoteLength) {
      throw new LatchkeyError('accounts.note-invalid');
    }
    const groups = change.groups === undefined ? undefined : cleanGroups(change.groups);
    if (groups) await this.#remember(groups);
    return this.accounts.update(id, (a) => ({
      ...a,
      ...(labels[0] !== undefined && { issuer: labels[0] }),
      ...(labels[1] !== undefined && { name: labels[1] }),
      ...(change.note !== undefined && { note: change.note.trim() }),
      ...(groups !== undefined && { groups }),
      ...(change.favorite !== undefined && { favorite: change.favorite }),
      ...(change.icon !== undefined && { icon: change.icon }),
    }));
  }

  async setPicture(id: AccountId, bytes: Uint8Array): Promise<SecretAccount> {
    const png = pictureToIconPng(bytes);
    return this.accounts.update(id, (a) => ({ ...a, icon: { kind: 'picture', png } }));
  }

  /** Every group: the ones the user created (in their order), then any only accounts name. */
  groups(): string[] {
    const known = this.vault.settings().groups;
    const used = this.vault.accounts().flatMap((a) => a.groups);
    return [...new Set([...known, ...used])];
  }

  async createGroup(name: string): Promise<void> {
    const clean = cleanGroup(name);
    if (this.groups().includes(clean)) throw new LatchkeyError('accounts.group-exists');
    await this.#remember([clean]);
  }

  async renameGroup(from: string, to: string): Promise<void> {
    const clean = cleanGroup(to);
    const all = this.groups();
    if (!all.includes(from)) throw new LatchkeyError('accounts.group-not-found');
    if (clean !== from && all.includes(clean)) throw new LatchkeyError('accounts.group-exists');
    // Both changes are queued in the same tick, so the vault writes them as one save: no
    // generation ever holds the new group list with accounts still in the old group.
    await Promise.all([
      this.vault.updateSettings({ groups: all.map((g) => (g === from ? clean : g)) }),
      this.vault.update((accounts) =>
        accounts.map((a) =>
          a.groups.includes(from)
            ? { ...a, groups: [...new Set(a.groups.map((g) => (g === from ? clean : g)))] }
            : a,
        ),
      ),
    ]);
  }

  /** Deletes the group, not its accounts: they only leave it. */
  async deleteGroup(name: string): Promise<void> {
    const all = this.groups();
    if (!all.includes(name)) throw new LatchkeyError('accounts.group-not-found');
    await Promise.all([
      this.vault.update((accounts) =>
        accounts.map((a) =>
          a.groups.includes(name) ? { ...a, groups: a.groups.filter((g) => g !== name) } : a,
        ),
      ),
      this.vault.updateSettings({ groups: all.filter((g) => g !== name) }),
    ]);
  }

  /**
   * The otpauth:// link of one account, for a QR code on screen. Only after re-authentication:
   * `accounts:share-uri` says 'releases-secrets' in the contract and dispatch verifies it.
   */
  shareUri(id: AccountId): string {
    return serializeOtpUri(draftOf(this.accounts.get(id)));
  }

  async #remember(groups: readonly string[]): Promise<void> {
    const known = this.vault.settings().groups;
    const missing = groups.filter((g) => !known.includes(g));
    if (missing.length === 0) return;
    if (known.length + missing.length > ORGANISE_LIMITS.maxGroups) {
      throw new LatchkeyError('accounts.group-invalid');
    }
    await this.vault.updateSettings({ groups: [...known, ...missing] });
  }
}
