import type { CommandSpec, Parsed } from './options';

/** Standard input, as a command may use it. */
export interface CliStdin {
  /** True when a person is typing (a terminal), false for a pipe or a file. */
  readonly isTTY: boolean;
  /** All of standard input as text; read once, later calls get the same text. */
  readAll(): Promise<string>;
  /** Asks on the terminal; `hidden` turns echo off (passwords). Resolves to the line typed. */
  ask(question: string, hidden: boolean): Promise<string>;
}

/** What a CLI command may touch, injected so tests can run commands in-process. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Unix milliseconds; overridable so tests can pin time. */
  readonly now: () => number;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Absent in tests that run commands in-process: no terminal, empty input. */
  readonly stdin?: CliStdin;
  /** Binary output (`export --out -`); absent in-process, where it goes to `stdout` as latin1. */
  readonly stdoutBytes?: (bytes: Uint8Array) => void;
  /** Whether standard output is a terminal (binary output is refused there). */
  readonly stdoutIsTTY?: boolean;
}

export interface CliCommand {
  readonly spec: CommandSpec;
  /** Resolves to the process exit code. */
  run(args: Parsed, io: CliIo): Promise<number>;
}

/** Exit codes shared by every command. */
export const EXIT = { ok: 0, notFound: 1, badInput: 2, busy: 3 } as const;

/** Exit statuses listed in the help of commands that open the vault. */
export const VAULT_EXITS = [
  { code: EXIT.ok, meaning: 'done' },
  {
    code: EXIT.badInput,
    meaning: 'bad arguments, no password given, wrong password, no vault, or a damaged vault',
  },
] as const;

export const BUSY_EXIT = {
  code: EXIT.busy,
  meaning: 'the Latchkey app (or another latchkey command) is using the vault; nothing changed',
} as const;
