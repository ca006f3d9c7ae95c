import type { AccountId } from '../../shared/account';
import { LatchkeyError } from '../../shared/errors';
import type { StagedAccountView } from '../../shared/staging';
import { sameKey, type AccountDraft, type SecretAccount } from '../../core/common/model';
import type { AccountRepository } from './account-repository';
import type { Clock } from './ports';

interface Staged {
  readonly view: StagedAccountView;
  readonly draft: AccountDraft;
}

/**
 * Found-but-not-yet-added accounts (from scans and imports), kept in main so their secrets
 * never reach the page. Nothing is written to the vault until `commit`. Cleared on lock.
 */
export class StagingArea {
  readonly #staged = new Map<string, Staged>();
  #counter = 0;

  constructor(
    private readonly accounts: AccountRepository,
    private readonly clock: Clock,
  ) {}

  /** Adds drafts to the staging area; a draft already staged (same secret and type) is not repeated. */
  stage(
    entries: readonly {
      draft: AccountDraft;
      source: string;
      warnings?: readonly string[];
      origin?: number;
    }[],
  ): StagedAccountView[] {
    const existing = this.accounts.list();
    const added: StagedAccountView[] = [];
    for (const { draft, source, warnings = [], origin = null } of entries) {
      if ([...this.#staged.values()].some((s) => sameKey(s.draft, draft))) continue;
      const key = `staged-${++this.#counter}`;
      const view: StagedAccountView = {
        key,
        issuer: draft.issuer,
        name: draft.name,
        otp: draft.otp,
        duplicateOf: existing.find((a) => sameKey(a, draft))?.id ?? null,
        source,
        origin,
        warnings,
      };
      this.#staged.set(key, { view, draft });
      added.push(view);
    }
    return added;
  }

  list(): StagedAccountView[] {
    const existing = this.accounts.list();
    // Duplicates are re-checked: the vault may have changed since staging.
    return [...this.#staged.values()].map(({ view, draft }) => ({
      ...view,
      duplicateOf: existing.find((a) => sameKey(a, draft))?.id ?? null,
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
    const existing = this.accounts.list();
    const now = this.clock.now();
    const toAdd: AccountDraft[] = [];
    let skipped = 0;
    for (const { staged, choice } of picked) {
      if (!keepDuplicates && existing.some((a) => sameKey(a, staged.draft))) {
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
    for (const { choice } of picked) this.#staged.delete(choice.key);
    return { added: added.map((a: SecretAccount) => a.id), skipped };
  }

  clear(): void {
    this.#staged.clear();
  }
}
