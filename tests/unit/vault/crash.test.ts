import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { contentFor, CRASH_PASSWORD } from './crash-content';
import { childCommand as makeChildCommand, tempDir, weakService } from './helpers';

// A child process saves in a loop and is SIGKILLed at random moments, 200+ times. After each
// kill the vault must open with either the last save the child reported finished or the one
// that was in flight — never neither, never damaged.
//
// Speed: the child uses a password slot at N = 2^6 (allowWeakKdfForTests; production refuses
// anything below 2^15) and is bundled once with esbuild so each start costs ~50 ms, not ~400.

const KILLS = 200;
let dir: string;
let cleanup: () => void;
let work: { dir: string; cleanup: () => void };
let childCommand: string[];

beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  work = tempDir();
  childCommand = makeChildCommand(join(__dirname, 'crash-child.ts'), work.dir);
});
afterAll(() => {
  cleanup();
  work.cleanup();
});

function runAndKill(
  vaultDir: string,
  delayMs: number,
): Promise<{ lastSaved: number; saves: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(childCommand[0]!, [...childCommand.slice(1), vaultDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let armed = false;
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (!armed && out.includes('ready\n')) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`child ended on its own: ${err}`));
      const saved = [...out.matchAll(/saved (\d+)/g)].map((m) => Number(m[1]));
      resolve({ lastSaved: saved.at(-1) ?? -1, saves: saved.length });
    });
  });
}

async function openedSeq(vaultDir: string): Promise<number> {
  const vault = weakService(vaultDir);
  await vault.unlockWithPassword(CRASH_PASSWORD);
  const accounts = vault.accounts();
  const seq = Number(accounts[0]!.note);
  // The whole content must be exactly that save's content.
  expect(accounts.map((a) => a.note)).toEqual(contentFor(seq).map((a) => a.note));
  await vault.lock();
  return seq;
}

/** One lane: its own vault folder, killed `kills` times in a row. Two lanes run side by side. */
async function lane(vaultDir: string, kills: number) {
  const vault = weakService(vaultDir);
  await vault.create({ keychain: false, password: CRASH_PASSWORD });
  await vault.update(() => contentFor(0));
  await vault.lock();
  let seq = 0;
  let saves = 0;
  let inFlight = 0;
  for (let i = 0; i < kills; i++) {
    // Saves take ~10 ms: kill anywhere in the first two or three, so every phase gets hit.
    const { lastSaved, saves: done } = await runAndKill(vaultDir, Math.random() * 25);
    saves += done;
    const before = Math.max(seq, lastSaved);
    const now = await openedSeq(vaultDir);
    expect([before, before + 1], `kill ${i}: reported ${lastSaved}, previous ${seq}`).toContain(
      now,
    );
    if (now === before + 1) inFlight++;
    seq = now;
  }
  expect((await weakService(vaultDir).listGenerations()).length).toBeLessThanOrEqual(11);
  return { saves, inFlight };
}

test(
  `vault survives ${KILLS} SIGKILLs mid-save with old or new content`,
  { timeout: 240_000 },
  async () => {
    const lanes = await Promise.all([
      lane(join(dir, 'a'), KILLS / 2),
      lane(join(dir, 'b'), KILLS / 2),
    ]);
    const saves = lanes.reduce((n, l) => n + l.saves, 0);
    const inFlight = lanes.reduce((n, l) => n + l.inFlight, 0);
    console.info(
      `crash test: ${KILLS} kills, ${saves} completed saves, ${inFlight} in-flight saves landed`,
    );
    expect(saves).toBeGreaterThan(0);
  },
);
