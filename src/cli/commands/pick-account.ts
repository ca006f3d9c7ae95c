import type { SecretAccount } from '../../core/common/model';
import { searchAccounts } from '../../core/common/search/index';
import { NotFoundError, UsageError } from '../errors';
import type { CliIo } from '../io';
import { safe } from '../terminal';

/**
 * The one account a change is about, found with the app's matcher. Several matches are refused
 * (listed on stderr) rather than guessed: a change must never land on the wrong account.
 */
export function pickOne(
  accounts: readonly SecretAccount[],
  text: string,
  io: CliIo,
): SecretAccount {
  const matches = searchAccounts(accounts, text);
  if (matches.length === 0) throw new NotFoundError(`no account matches “${text}”`);
  if (matches.length > 1) {
    for (const a of matches) io.stderr(safe`  ${a.issuer}\t${a.name}\n`);
    throw new UsageError(
      `“${text}” matches ${matches.length} accounts (listed above); search for one of them more precisely`,
    );
  }
  return matches[0]!;
}

/** `issuer: name`, for messages. */
export const labelOf = (a: { issuer: string; name: string }) =>
  a.issuer ? `${a.issuer}: ${a.name}` : a.name;
