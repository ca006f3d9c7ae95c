import { version } from '../../package.json';
import { isLatchkeyError } from '../shared/errors/index';
import { commands } from './commands/index';
import { BusyError, NotFoundError, UsageError } from './errors';
import { EXIT, type CliIo } from './io';
import { ArgsError, helpText, parseCommandArgs } from './options';
import { terminalSafe } from './terminal';

export const VERSION: string = version;

function help(): string {
  const width = Math.max(...commands.map((c) => c.spec.name.length), 4);
  const lines = commands.map((c) => `  ${c.spec.name.padEnd(width)}  ${c.spec.summary}`);
  return [
    'latchkey — offline two-factor codes from the command line',
    '',
    'Usage: latchkey <command> [options]',
    '       latchkey --version',
    '',
    'Commands:',
    ...lines,
    '',
    'Run `latchkey <command> --help` for a command’s options and exit statuses.',
    'Exit status: 0 done, 1 nothing found, 2 bad input or credentials, 3 the vault is in use.',
    '',
  ].join('\n');
}

/** Runs one CLI invocation; never throws, resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(help());
    return name === undefined ? EXIT.badInput : EXIT.ok;
  }
  if (name === '--version' || name === '-V' || name === 'version') {
    io.stdout(`latchkey ${VERSION}\n`);
    return EXIT.ok;
  }
  const command = commands.find((c) => c.spec.name === name);
  if (!command) {
    io.stderr(`latchkey: unknown command “${terminalSafe(name)}”. Run latchkey --help.\n`);
    return EXIT.badInput;
  }
  try {
    const args = parseCommandArgs(command.spec, rest);
    if (args.flag('help')) {
      io.stdout(helpText(command.spec));
      return EXIT.ok;
    }
    return await command.run(args, io);
  } catch (error) {
    return report(name, error, io);
  }
}

function report(name: string, error: unknown, io: CliIo): number {
  const say = (text: string) => io.stderr(`latchkey ${name}: ${terminalSafe(text)}\n`);
  if (error instanceof ArgsError) {
    say(error.message);
    io.stderr(`Run latchkey ${name} --help for its options.\n`);
    return EXIT.badInput;
  }
  if (error instanceof NotFoundError) {
    say(error.message);
    return EXIT.notFound;
  }
  if (error instanceof BusyError) {
    say(error.message);
    return EXIT.busy;
  }
  if (error instanceof UsageError || isLatchkeyError(error)) {
    say(error.message);
    return EXIT.badInput;
  }
  say(error instanceof Error ? `unexpected failure: ${error.message}` : 'unexpected failure');
  return EXIT.badInput;
}
