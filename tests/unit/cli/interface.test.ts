import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../../src/cli/commands/index';
import { optionsOf, type OptionSpec } from '../../../src/cli/options';
import { ensureCliBundle } from '../../support/cli-bundle';
import { latchkey } from './cli-harness';

/**
 * Issue 15 §4: every command's options live in one table; `--help` (of the BUILT command) lists
 * exactly that table — each option with its short form, value and description — and the exit
 * statuses; completions come from the same tables.
 */

const ROOT = join(__dirname, '../../..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

beforeAll(async () => ensureCliBundle(), 120_000);

/** The option lines of a help text, read back as name / short / value / description. */
function optionsInHelp(help: string) {
  const section = help.split('\nOptions:\n')[1]!.split('\n\n')[0]!;
  return section.split('\n').map((line) => {
    const m = /^ {2}(?:-(\w), |\s{4})--([\w-]+)(?: <([^>]+)>)?\s{2,}(.+)$/.exec(line);
    if (!m) throw new Error(`not an option line: ${line}`);
    return { short: m[1], name: m[2], value: m[3], description: m[4] };
  });
}

const fromTable = (o: OptionSpec) => ({
  short: o.short,
  name: o.name,
  value: o.value,
  description: o.choices
    ? `${o.description} (${o.choices.join(', ').replace(/, (\w+)$/, ' or $1')})`
    : o.description,
});

describe('help, version and completions come from the option tables', () => {
  it.each(commands.map((c) => [c.spec.name, c] as const))(
    'latchkey %s --help lists exactly its table and its exit statuses',
    (name, command) => {
      const { code, stdout } = latchkey([name, '--help']);
      expect(code).toBe(0);
      expect(stdout.startsWith(`Usage: latchkey ${name} `)).toBe(true);
      expect(optionsInHelp(stdout)).toEqual(optionsOf(command.spec).map(fromTable));
      const exits = stdout.split('\nExit status:\n')[1]!.trim().split('\n');
      expect(exits.map((l) => Number(l.trim().split(/\s+/)[0]))).toEqual(
        command.spec.exits.map((e) => e.code),
      );
      // -h is the same help.
      expect(latchkey([name, '-h']).stdout).toBe(stdout);
    },
  );

  it('the overview names every command; --version prints package.json’s version', () => {
    const overview = latchkey(['--help']);
    for (const c of commands)
      expect(overview.stdout).toMatch(new RegExp(`^  ${c.spec.name} `, 'm'));
    expect(latchkey(['--version'])).toMatchObject({ code: 0, stdout: `latchkey ${pkg.version}\n` });
    expect(latchkey(['-V']).stdout).toBe(`latchkey ${pkg.version}\n`);
  });

  it('short options work (code -t 59 gives the RFC 6238 code)', () => {
    // RFC 6238 appendix B: SHA-1 key "12345678901234567890", T = 59 → 94287082 (8 digits).
    const uri =
      'otpauth://totp/RFC:test?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&digits=8&issuer=RFC';
    expect(latchkey(['code', '-t', '59', uri])).toMatchObject({ code: 0, stdout: '94287082\n' });
    expect(latchkey(['code', uri, '-x']).stderr).toMatch(/unknown option -x/);
  });

  it('completion scripts hold every option of every command; bash parses and completes', () => {
    for (const shell of ['bash', 'zsh', 'fish']) {
      const { code, stdout } = latchkey(['completion', shell]);
      expect(code).toBe(0);
      for (const c of commands) {
        expect(stdout).toContain(c.spec.name);
        for (const o of optionsOf(c.spec)) {
          expect(stdout).toMatch(
            shell === 'fish' ? new RegExp(`-l ${o.name}\\b`) : new RegExp(`--${o.name}\\b`),
          );
        }
      }
    }
    const script = latchkey(['completion', 'bash']).stdout;
    const complete = (words: string[]) =>
      spawnSync(
        'bash',
        [
          '-c',
          `${script}\nCOMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _latchkey; printf '%s\\n' "\${COMPREPLY[@]}"`,
        ],
        { encoding: 'utf8' },
      )
        .stdout.trim()
        .split('\n');
    expect(complete(['latchkey', 'ex'])).toEqual(['export']);
    expect(complete(['latchkey', 'export', '--fo'])).toEqual(['--format', '--force']);
    expect(complete(['latchkey', 'export', '--format', 'a'])).toEqual(['aegis']);
    expect(latchkey(['completion', 'tcsh']).code).toBe(2);
  });
});
