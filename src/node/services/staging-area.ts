import type { AccountId } from '../../shared/account';
import { LatchkeyError } from '../../shared/errors';
import type { StagedAccountView } from '../../shared/staging';
import { forEachPaced, type Pacer } from '../../core/common/import-entry/pace';
import { duplicateKey, type AccountDraft, type SecretAccount } from '../../core/common/model';
import type { AccountRepository } from './account-repository';
import type { Clock } from './ports';

interface Staged {
  readonly view: StagedAccountView;
  readonly draft: AccountDraft;
  readonly identity: string;
}

export interface StagingEntry {
  readonly draft: AccountDraft;
  readonly source: string;
  readonly warnings?: readonly string[];
  readonly origin?: number;
}

/**
 * Found-but-not-yet-added accounts (from scans and imports), kept in main so their secrets
 * never reach the page. Nothing is written to the vault until `commit`. Cleared on lock.
 * Every duplicate check is a Map lookup on `duplicateKey` (secret + type), so staging and
 * listing cost grows with the number of accounts, not its square (issue 10 finding 4).
 */
export class StagingArea {
  readonly #staged = new Map<string, Staged>();
  /** duplicateKey → staging key, so a repeat inside one import or scan is caught at once. */
  readonly #identities = new Map<string, string>();
  #counter = 0;

  constructor(
    private readonly accounts: AccountRepository,
    private readonly clock: Clock,
  ) {}

  /** Adds drafts to the staging area; a draft already staged (same secret and type) is not repeated. */
  stage(entries: readonly StagingEntry[]): StagedAccountView[] {
    const existing = this.#existing();
    const added: StagedAccountView[] = [];
    for (const entry of entries) this.#stageOne(entry, existing, added);
    return added;
  }

  /**
   * `stage` for long lists: hands main's event loop back between slices (see pace.ts). When
   * the pacer cancels, the entries staged by this call are taken back out.
   */
  async stagePaced(entries: readonly StagingEntry[], pace: Pacer): Promise<StagedAccountView[]> {
    const existing = this.#existing();
    const added: StagedAccountView[] = [];
    try {
      await forEachPaced(entries, pace, (entry) => this.#stageOne(entry, existing, added));
    } catch (error) {
      this.unstage(added.map((view) => view.key));
      throw error;
    }
    return added;
  }

  list(): StagedAccountView[] {
    // Duplicates are re-checked: the vault may have changed since staging.
    const existing = this.#existing();
    return [...this.#staged.values()].map(({ view, identity }) => ({
      ...view,
      duplicateOf: existing.get(identity) ?? null,
    }));
  }

  /**
   * Adds the chosen staged accounts in one save. Duplicates of existing accounts are skipped
   * unless `keepDuplicates` (then both are kept). Issuer/name may be corrected by the user.
   */
  async commit(
    choices: readonly { key: string; issuer?: string; name?: string }[],
    keepDuplicates: boolean,
  ): Promise<{ added: AccountId[]; skipped: number }> {
    const picked = choices.map((choice) => {
      const staged = this.#staged.get(choice.key);
      if (!staged) throw new LatchkeyError('staging.expired');
      return { staged, choice };
    });
    const existing = this.#existing();
    const now = this.clock.now();
    const toAdd: AccountDraft[] = [];
    let skipped = 0;
    for (const { staged, choice } of picked) {
      if (!keepDuplicates && existing.has(staged.identity)) {
        skipped++;
        continue;
      }
      toAdd.push({
        ...staged.draft,
        issuer: choice.issuer ?? staged.draft.issuer,
        name: choice.name ?? staged.draft.name,
      });
    }
    const added = await this.accounts.addMany(toAdd, now);
    this.unstage(picked.map(({ choice }) => choice.key));
    return { added: added.map((a: SecretAccount) => a.id), skipped };
  }

  unstage(keys: readonly string[]): void {
    for (const key of keys) {
      const staged = this.#staged.get(key);
      if (!staged) continue;
      this.#staged.delete(key);
      this.#identities.delete(staged.identity);
    }
  }

  clear(): void {
    this.#staged.clear();
    this.#identities.clear();
  }

  /** The vault's accounts by duplicateKey (the first one wins, as `find` did). */
  #existing(): Map<string, AccountId> {
    const index = new Map<string, AccountId>();
    for (const account of this.accounts.list()) {
      const identity = duplicateKey(account);
      if (!index.has(identity)) index.set(identity, account.id);
    }
    return index;
  }

  #stageOne(
    { draft, source, warnings = [], origin }: StagingEntry,
    existing: ReadonlyMap<string, AccountId>,
    added: StagedAccountView[],
  ): void {
    const identity = duplicateKey(draft);
    if (this.#identities.has(identity)) return;
    const key = `staged-${++this.#counter}`;
    const view: StagedAccountView = {
      key,
      issuer: draft.issuer,
      name: draft.name,
      otp: draft.otp,
      duplicateOf: existing.get(identity) ?? null,
      source,
      origin: origin ?? null,
      warnings,
    };
    this.#staged.set(key, { view, draft, identity });
    this.#identities.set(identity, key);
    added.push(view);
  }
}
