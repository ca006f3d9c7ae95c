/** A tiny, strict argument splitter: `--flag value` options and positional words. */
export interface ParsedArgs {
  readonly positional: readonly string[];
  readonly options: ReadonlyMap<string, string>;
  readonly flags: ReadonlySet<string>;
}

export class ArgsError extends Error {}

/**
 * @param valued option names that take a value (`--time 59`), without the dashes
 * @param boolean option names that are plain switches (`--json`)
 */
export function parseArgs(
  args: readonly string[],
  valued: readonly string[],
  boolean: readonly string[] = [],
): ParsedArgs {
  const positional: string[] = [];
  const options = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg.length === 2) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if (boolean.includes(name)) {
      flags.add(name);
    } else if (valued.includes(name)) {
      const value = eq === -1 ? args[++i] : arg.slice(eq + 1);
      if (value === undefined) throw new ArgsError(`--${name} needs a value`);
      options.set(name, value);
    } else {
      throw new ArgsError(`unknown option --${name}`);
    }
  }
  return { positional, options, flags };
}
