import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_BUNDLE } from '../../support/cli-bundle';
import { seedPasswordVault } from './cli-harness';

/**
 * Issue 15 §2: with a terminal on standard input, the command asks — without echo — for the
 * password it needs. The terminal is a real pseudo-terminal made by util-linux `script`; the
 * answers are typed only once the question is on screen.
 */

const PASSWORD = 'correct horse battery staple';
const work = mkdtempSync(join(tmpdir(), 'latchkey-cli-prompt-'));
const dir = join(work, 'data');

beforeAll(() => seedPasswordVault(dir, PASSWORD), 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs the CLI on a pseudo-terminal, answering each expected question in turn. */
function onTerminal(args: string[], answers: readonly [RegExp, string][]) {
  const command = [process.execPath, CLI_BUNDLE, ...args].map((a) => `'${a}'`).join(' ');
  const child = spawn('script', ['-qec', command, '/dev/null'], {
    env: { ...process.env, LATCHKEY_DATA_DIR: dir },
  });
  let screen = '';
  let next = 0;
  child.stdout.on('data', (chunk: Buffer) => {
    screen += chunk.toString('utf8');
    while (next < answers.length && answers[next]![0].test(screen)) {
      child.stdin.write(`${answers[next]![1]}\r`);
      next++;
    }
  });
  return new Promise<{ code: number; screen: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code: code ?? -1, screen })),
  );
}

describe('asking on a terminal', () => {
  it('asks for the vault password without echoing it', async () => {
    const { code, screen } = await onTerminal(['list'], [[/Vault password: /, PASSWORD]]);
    expect(code).toBe(0);
    expect(screen).toMatch(/Issuer 0\tuser0@example\.com\ttotp/);
    expect(screen).not.toContain(PASSWORD);
  }, 60_000);

  it('rm asks for confirmation, and "no" removes nothing', async () => {
    const { code, screen } = await onTerminal(
      ['rm', 'issuer 1'],
      [
        [/Vault password: /, PASSWORD],
        [/Remove Issuer 1: user1@example\.com\?.*\[y\/N\] /, 'n'],
      ],
    );
    expect(code).toBe(2);
    expect(screen).toMatch(/not confirmed; nothing was removed/);
    const { screen: after } = await onTerminal(['list'], [[/Vault password: /, PASSWORD]]);
    expect(after).toMatch(/Issuer 1/);
  }, 60_000);

  it('a new password is asked twice; two different answers change nothing', async () => {
    const { code, screen } = await onTerminal(
      ['passwd'],
      [
        [/Vault password: /, PASSWORD],
        [/New password: /, 'first new password'],
        [/Repeat the new password: /, 'second new password'],
      ],
    );
    expect(code).toBe(2);
    expect(screen).toMatch(/the two new passwords differ; nothing changed/);
    expect(screen).not.toContain('first new password');
  }, 60_000);
});
