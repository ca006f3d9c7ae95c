import { readFile, stat } from 'node:fs/promises';
import { passwordProblem, PASSWORD_RULE } from '../shared/password-rule';
import { UsageError } from './errors';
import type { CliIo } from './io';
import type { OptionSpec, Parsed } from './options';

/**
 * The one way every command gets a password: from a file, from standard input, or typed at a
 * no-echo prompt when standard input is a terminal. Files and standard input are read before
 * anything is tried, so a missing, unreadable or empty source is a usage error (exit 2) and
 * never a wrong attempt.
 */
export type PasswordRole = 'vault' | 'backup' | 'new';

const WHAT: Record<PasswordRole, string> = {
  vault: 'vault password',
  backup: 'backup password',
  new: 'new password',
};

export const VAULT_PASSWORD_FILE: OptionSpec = {
  name: 'vault-password-file',
  value: 'file',
  description: 'read the vault’s password from the first line of this file',
  complete: 'file',
};
export const BACKUP_PASSWORD_FILE: OptionSpec = {
  name: 'backup-password-file',
  value: 'file',
  description: 'read the backup’s password from the first line of this file',
  complete: 'file',
};
export const NEW_PASSWORD_FILE: OptionSpec = {
  name: 'new-password-file',
  value: 'file',
  description: 'read the new password from the first line of this file',
  complete: 'file',
};
export const PASSWORD_STDIN: OptionSpec = {
  name: 'password-stdin',
  description: 'read the password from the first line of standard input',
};
/** `--password-file`: kept for scripts; an alias whose meaning each command states. */
export function passwordFileAlias(role: PasswordRole): OptionSpec {
  return {
    name: 'password-file',
    value: 'file',
    description: `alias of --${role}-password-file`,
    complete: 'file',
  };
}

export interface CredentialPlan {
  /** Which password `--password-file` means on this command, if it has the option. */
  readonly aliasFor?: PasswordRole;
  /** Which password `--password-stdin` supplies on this command. */
  readonly stdinFor?: PasswordRole;
}

export interface Credentials {
  /**
   * The password, from its file, standard input or a prompt; a UsageError when none is given.
   * `confirm` asks twice at a prompt (a password being chosen: `new` always is).
   */
  get(role: PasswordRole, options?: { confirm?: boolean }): Promise<string>;
  /** Whether a password for `role` was given without having to ask. */
  given(role: PasswordRole): boolean;
  /** Whether a prompt could ask for one. */
  readonly canPrompt: boolean;
}

/** Reads every password named on the command line up front (see the file comment). */
export async function loadCredentials(
  args: Parsed,
  io: CliIo,
  plan: CredentialPlan,
): Promise<Credentials> {
  const files: Partial<Record<PasswordRole, string>> = {};
  const fileOption: Record<PasswordRole, string> = {
    vault: 'vault-password-file',
    backup: 'backup-password-file',
    new: 'new-password-file',
  };
  for (const role of ['vault', 'backup', 'new'] as const) {
    const path =
      args.string(fileOption[role]) ??
      (plan.aliasFor === role ? args.string('password-file') : undefined);
    if (path !== undefined) files[role] = await readPasswordFile(path, role);
  }
  if (args.flag('password-stdin')) {
    const role = plan.stdinFor ?? 'vault';
    if (files[role] !== undefined) {
      throw new UsageError(`give the ${WHAT[role]} once: a file or --password-stdin, not both`);
    }
    files[role] = await readPasswordStdin(io, role);
  }
  const canPrompt = (io.stdin?.isTTY ?? false) && !args.flag('password-stdin');
  return {
    canPrompt,
    given: (role) => files[role] !== undefined,
    async get(role, options = {}) {
      const known = files[role];
      if (known !== undefined) return known;
      if (!canPrompt || !io.stdin) throw noPassword(role, plan);
      const typed = await io.stdin.ask(`${capitalise(WHAT[role])}: `, true);
      if (typed === '') throw new UsageError(`no ${WHAT[role]} given (nothing was typed)`);
      if (role === 'new' || options.confirm) {
        const again = await io.stdin.ask(`Repeat the ${WHAT[role]}: `, true);
        if (again !== typed) throw new UsageError(`the two ${WHAT[role]}s differ; nothing changed`);
      }
      files[role] = typed;
      return typed;
    },
  };
}

/** A new password must meet the one rule the app uses (src/shared/password-rule.ts). */
export function checkChosenPassword(password: string, role: 'new' | 'backup'): void {
  const problem = passwordProblem(password);
  if (problem === 'too-short') {
    throw new UsageError(
      `the ${WHAT[role]} must be at least ${PASSWORD_RULE.minLength} characters long`,
    );
  }
  if (problem === 'too-long') {
    throw new UsageError(
      `the ${WHAT[role]} must be at most ${PASSWORD_RULE.maxLength} characters long`,
    );
  }
}

function noPassword(role: PasswordRole, plan: CredentialPlan): UsageError {
  const ways = [`--${role}-password-file <file>`];
  if (plan.aliasFor === role) ways.push('--password-file <file>');
  if ((plan.stdinFor ?? 'vault') === role) ways.push('--password-stdin');
  return new UsageError(
    `no ${WHAT[role]} given: use ${ways.join(', ')}, or run it in a terminal to be asked`,
  );
}

const capitalise = (text: string) => text[0]!.toUpperCase() + text.slice(1);

/** The one password-file reader: its first line, without the line ending editors add. */
export async function readPasswordFile(path: string, role: PasswordRole): Promise<string> {
  const what = `the ${WHAT[role]} file “${path}”`;
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`${what} ${reason(error.code)}`);
  });
  if (info.isDirectory()) throw new UsageError(`${what} is a folder, not a file`);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`${what} ${reason((error as NodeJS.ErrnoException).code)}`);
  }
  const password = firstLine(text);
  if (password === '') {
    throw new UsageError(`${what} is empty${text === '' ? '' : ' (its first line is blank)'}`);
  }
  return password;
}

async function readPasswordStdin(io: CliIo, role: PasswordRole): Promise<string> {
  const password = firstLine((await io.stdin?.readAll()) ?? '');
  if (password === '') throw new UsageError(`no ${WHAT[role]} on standard input (it was empty)`);
  return password;
}

const firstLine = (text: string) => text.split(/\r?\n/, 1)[0] ?? '';

function reason(code: string | undefined): string {
  switch (code) {
    case 'ENOENT':
      return 'does not exist';
    case 'EACCES':
    case 'EPERM':
      return 'cannot be read (permission denied)';
    case 'EISDIR':
      return 'is a folder, not a file';
    default:
      return `cannot be read (${code ?? 'error'})`;
  }
}
