import { parseArgs as parseWithNode } from 'node:util';
import { UsageError } from './errors';

/**
 * Every command declares its options ONCE in a table; the parser (node:util parseArgs), the
 * `--help` text and the shell completions are all generated from that table, so they cannot
 * drift apart.
 */
export interface OptionSpec {
  /** Long name without the dashes. */
  readonly name: string;
  /** One-letter short form, without the dash. */
  readonly short?: string;
  /** Placeholder for the value (`file`); absent for switches. */
  readonly value?: string;
  readonly description: string;
  /** Allowed values, offered by completion and checked by the parser. */
  readonly choices?: readonly string[];
  /** What a shell should complete the value with. */
  readonly complete?: 'file' | 'dir';
}

export interface ExitSpec {
  readonly code: number;
  readonly meaning: string;
}

export interface CommandSpec {
  readonly name: string;
  readonly summary: string;
  /** Synopsis lines after `latchkey <name> `, e.g. `<otpauth-uri>...`. */
  readonly synopsis: readonly string[];
  /** Paragraphs printed between the synopsis and the options. */
  readonly description?: string;
  readonly options: readonly OptionSpec[];
  readonly exits: readonly ExitSpec[];
  /** What a shell should complete positional words with. */
  readonly positional?: 'file' | 'none';
}

/** A usage error about the arguments themselves; the command's usage lines follow it. */
export class ArgsError extends UsageError {}

/** The options of every command, appended to each table. */
export const HELP_OPTION: OptionSpec = {
  name: 'help',
  short: 'h',
  description: 'show this help and exit',
};

export interface Parsed {
  readonly positional: readonly string[];
  /** The value of a valued option, or undefined when it was not given. */
  string(name: string): string | undefined;
  /** Whether a switch was given. */
  flag(name: string): boolean;
  has(name: string): boolean;
}

export function optionsOf(spec: CommandSpec): readonly OptionSpec[] {
  return [...spec.options, HELP_OPTION];
}

/**
 * Parses argv against the table. A valued option takes the next word even when it starts with
 * a dash (`--out -`, `--time -5` reach the command, which says what is wrong with the value).
 */
export function parseCommandArgs(spec: CommandSpec, argv: readonly string[]): Parsed {
  const table = optionsOf(spec);
  const config: Record<string, { type: 'string' | 'boolean'; short?: string }> = {};
  for (const o of table) {
    config[o.name] = { type: o.value ? 'string' : 'boolean', ...(o.short && { short: o.short }) };
  }
  let tokens;
  try {
    ({ tokens } = parseWithNode({
      args: joinDashValues(table, argv),
      options: config,
      allowPositionals: true,
      strict: false,
      tokens: true,
    }));
  } catch (error) {
    throw new ArgsError(error instanceof Error ? error.message : 'cannot read the options');
  }
  const values = new Map<string, string | true>();
  const positional: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') positional.push(token.value);
    if (token.kind !== 'option') continue;
    const option = table.find((o) => o.name === token.name);
    if (!option) throw new ArgsError(`unknown option ${token.rawName}`);
    if (option.value) {
      if (token.value === undefined) throw new ArgsError(`--${option.name} needs a value`);
      if (option.choices && !option.choices.includes(token.value)) {
        throw new ArgsError(`--${option.name} must be ${orList(option.choices)}`);
      }
      values.set(option.name, token.value);
    } else {
      if (token.value !== undefined) throw new ArgsError(`--${option.name} takes no value`);
      values.set(option.name, true);
    }
  }
  return {
    positional,
    string: (name) => {
      const value = values.get(name);
      return typeof value === 'string' ? value : undefined;
    },
    flag: (name) => values.get(name) === true,
    has: (name) => values.has(name),
  };
}

/** `--opt -x` → `--opt=-x` for valued options, so node's parser never calls it ambiguous. */
function joinDashValues(table: readonly OptionSpec[], argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      out.push(...argv.slice(i));
      break;
    }
    const option = table.find(
      (o) => o.value && (arg === `--${o.name}` || (o.short && arg === `-${o.short}`)),
    );
    const next = argv[i + 1];
    if (option && next !== undefined && next.startsWith('-')) {
      out.push(`--${option.name}=${next}`);
      i++;
    } else {
      out.push(arg);
    }
  }
  return out;
}

export function orList(items: readonly string[]): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** `-t, --time <unix-seconds>` */
export function optionLabel(option: OptionSpec): string {
  const short = option.short ? `-${option.short}, ` : '    ';
  return `${short}--${option.name}${option.value ? ` <${option.value}>` : ''}`;
}

/** The whole `--help` text of a command, generated from its table. */
export function helpText(spec: CommandSpec): string {
  const table = optionsOf(spec);
  const labels = table.map(optionLabel);
  const width = Math.max(...labels.map((l) => l.length));
  const usage = spec.synopsis.map((line, i) =>
    `${i === 0 ? 'Usage: ' : '       '}latchkey ${spec.name} ${line}`.trimEnd(),
  );
  const options = table.map((o, i) => {
    const choices = o.choices ? ` (${orList(o.choices)})` : '';
    return `  ${labels[i]!.padEnd(width)}  ${o.description}${choices}`;
  });
  const exits = spec.exits.map((e) => `  ${e.code}  ${e.meaning}`);
  return [
    ...usage,
    '',
    spec.summary,
    ...(spec.description ? ['', spec.description] : []),
    '',
    'Options:',
    ...options,
    '',
    'Exit status:',
    ...exits,
    '',
  ].join('\n');
}
