import { generateCode } from '../../core/common/otp/index';
import type { SecretAccount } from '../../core/common/model';
import { searchAccounts } from '../../core/common/search/index';
import { parseOtpUri, type UriWarning } from '../../core/common/uri/index';
import { EXIT, VAULT_EXITS, type CliCommand, type CliIo } from '../io';
import { ArgsError, type CommandSpec, type Parsed } from '../options';
import { safe, safeJson } from '../terminal';
import { readVault } from '../vault-access';
import { VAULT_CREDENTIALS_NOTE, VAULT_OPTIONS, vaultCredentials } from '../vault-options';

/**
 * `latchkey code <otpauth-uri>`: prints the current code and a newline, nothing else on stdout.
 * `--search <text>`: codes from the user's vault (read-only), through the app's matcher
 * (src/core/common/search). One match prints just the code; several print
 * `code<TAB>issuer<TAB>account` per line, best match first; none exits 1. HOTP accounts show the
 * code for their stored counter (the command line never advances a counter).
 */
const spec: CommandSpec = {
  name: 'code',
  summary: 'Print the one-time code for an otpauth:// link, or for accounts in your vault',
  synopsis: [
    '<otpauth-uri> [--time <unix-seconds>] [--json]',
    '--search <text> [--time <unix-seconds>] [--json] [vault options]',
  ],
  description: VAULT_CREDENTIALS_NOTE,
  options: [
    {
      name: 'search',
      short: 's',
      value: 'text',
      description: 'codes of the vault’s accounts matching this text',
    },
    {
      name: 'time',
      short: 't',
      value: 'unix-seconds',
      description: 'the code at this time instead of now',
    },
    { name: 'json', description: 'print a JSON array of {issuer, name, code}' },
    ...VAULT_OPTIONS,
  ],
  exits: [
    VAULT_EXITS[0],
    { code: EXIT.notFound, meaning: 'no account matches the search' },
    VAULT_EXITS[1],
  ],
};

/** Reads a time given as Unix seconds (fractions allowed), or now. */
export function timeFromArgs(args: Parsed, io: CliIo): number {
  const text = args.string('time');
  if (text === undefined) return io.now();
  if (!/^\d+(\.\d+)?$/.test(text.trim())) {
    throw new ArgsError(`--time must be a Unix time in seconds (0 or more), not “${text}”`);
  }
  return Math.floor(Number(text.trim()) * 1000);
}

/** Parser warnings, one per line on stderr, so stdout stays machine-readable. */
export function printWarnings(warnings: readonly UriWarning[], io: CliIo): void {
  for (const warning of warnings) io.stderr(safe`warning: ${warning.message}\n`);
}

type Coded = { issuer: string; name: string; code: string };

function print(rows: readonly Coded[], json: boolean, io: CliIo): void {
  if (json) io.stdout(`${safeJson(rows)}\n`);
  else if (rows.length === 1) io.stdout(`${rows[0]!.code}\n`);
  else for (const r of rows) io.stdout(safe`${r.code}\t${r.issuer}\t${r.name}\n`);
}

async function linkMode(args: Parsed, timeMs: number, io: CliIo): Promise<number> {
  if (args.positional.length > 1) {
    throw new ArgsError('give one otpauth:// link (quote it so the shell keeps the & characters)');
  }
  const { draft, warnings } = parseOtpUri(args.positional[0]!);
  printWarnings(warnings, io);
  const code = generateCode(draft.secret, draft.otp, { timeMs });
  print([{ issuer: draft.issuer, name: draft.name, code }], args.flag('json'), io);
  return EXIT.ok;
}

async function searchMode(args: Parsed, timeMs: number, io: CliIo): Promise<number> {
  if (args.positional.length > 0) throw new ArgsError('give either a link or --search, not both');
  const text = args.string('search')!;
  const accounts = await readVault(args, io, await vaultCredentials(args, io));
  const matches = searchAccounts(accounts, text);
  if (matches.length === 0) {
    io.stderr(safe`latchkey code: no account matches “${text}”\n`);
    return EXIT.notFound;
  }
  const codeOf = (a: SecretAccount) => generateCode(a.secret, a.otp, { timeMs });
  print(
    matches.map((a) => ({ issuer: a.issuer, name: a.name, code: codeOf(a) })),
    args.flag('json'),
    io,
  );
  return EXIT.ok;
}

export const codeCommand: CliCommand = {
  spec,
  async run(args, io) {
    const timeMs = timeFromArgs(args, io);
    if (args.has('search')) return searchMode(args, timeMs, io);
    if (args.positional.length > 0) return linkMode(args, timeMs, io);
    throw new ArgsError('missing the otpauth:// link (or --search <text>)');
  },
};
