import type { OtpType } from '../../../shared/account';
import type { AccountDraft } from '../../common/model';

/** What an existing account needs to expose for duplicate checks (secret stays in main). */
export interface ExistingAccount {
  readonly issuer: string;
  readonly name: string;
  readonly secret: Uint8Array;
  readonly otp?: { readonly type: OtpType };
}

export interface Duplicate {
  /** Index into the drafts list. */
  readonly draftIndex: number;
  /** Index into the existing list, or -1 when the duplicate is an earlier draft of the same import. */
  readonly existingIndex: number;
  /** Index of the earlier draft when existingIndex is -1. */
  readonly earlierDraftIndex?: number;
}

function key(type: OtpType | undefined, secret: Uint8Array): string {
  return `${type ?? '*'}:${Array.from(secret, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * Same secret bytes and same code type = the same account, whatever the labels say (apps
 * rename issuers). An existing account without a known type matches any type.
 */
export function findDuplicates(
  existing: readonly ExistingAccount[],
  drafts: readonly AccountDraft[],
): Duplicate[] {
  const known = new Map<string, number>();
  existing.forEach((account, i) => {
    const k = key(account.otp?.type, account.secret);
    if (!known.has(k)) known.set(k, i);
  });
  const seen = new Map<string, number>();
  const out: Duplicate[] = [];
  drafts.forEach((draft, draftIndex) => {
    const typed = key(draft.otp.type, draft.secret);
    const existingIndex = known.get(typed) ?? known.get(key(undefined, draft.secret));
    if (existingIndex !== undefined) out.push({ draftIndex, existingIndex });
    else if (seen.has(typed))
      out.push({ draftIndex, existingIndex: -1, earlierDraftIndex: seen.get(typed)! });
    if (!seen.has(typed)) seen.set(typed, draftIndex);
  });
  return out;
}
