import { ArgsError } from './args';
import { commands } from './commands/index';
import { EXIT, type CliIo } from './io';

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length), 4);
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    'latchkey — offline two-factor codes from the command line',
    '',
    'Usage: latchkey <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Run `latchkey <command> --help` for a command’s options.',
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
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr(`latchkey: unknown command “${name}”. Run latchkey --help.\n`);
    return EXIT.badInput;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`Usage: ${command.usage}\n\n${command.summary}\n`);
    return EXIT.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    const message =
      error instanceof ArgsError ? `${error.message}\nUsage: ${command.usage}` : describe(error);
    io.stderr(`latchkey ${name}: ${message}\n`);
    return EXIT.badInput;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : 'unexpected failure';
}
