import { expect, test } from '@playwright/test';
import { spawn } from 'node:child_process';
import { packagedApp } from './packaged-app';

/**
 * The fuses electron-builder.config.ts sets, read back from the packaged binary: a config that
 * says "off" proves nothing unless the shipped binary agrees. Runs after `npm run dist` (the
 * CI workflow does that on each OS); skips here, saying why.
 */
const app = packagedApp();
const skipReason = 'missing' in app ? app.missing : '';
if (skipReason) console.log(`[electron tests] packaged-app checks skipped: ${skipReason}`);

test.describe('the packaged app (needs `npm run dist`)', () => {
  test.skip(!!skipReason, skipReason);
  const executable = 'path' in app ? app.path : '';

  test('every fuse is as the packaging config sets it', async () => {
    // @electron/fuses needs Node 22; import it only where this test runs.
    const { getCurrentFuseWire, FuseV1Options, FuseState } = await import('@electron/fuses');
    const wire = await getCurrentFuseWire(executable);
    const expected: [number, number][] = [
      [FuseV1Options.RunAsNode, FuseState.DISABLE],
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable, FuseState.DISABLE],
      [FuseV1Options.EnableNodeCliInspectArguments, FuseState.DISABLE],
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation, FuseState.ENABLE],
      [FuseV1Options.OnlyLoadAppFromAsar, FuseState.ENABLE],
      [FuseV1Options.EnableCookieEncryption, FuseState.ENABLE],
      [FuseV1Options.GrantFileProtocolExtraPrivileges, FuseState.DISABLE],
      [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot, FuseState.DISABLE],
    ];
    for (const [fuse, state] of expected) {
      expect(wire[fuse as keyof typeof wire], `fuse ${FuseV1Options[fuse]}`).toBe(state);
    }
  });

  test('ELECTRON_RUN_AS_NODE=1 does not turn the app into plain Node', async () => {
    const marker = 'latchkey-ran-as-node';
    const child = spawn(executable, ['-e', `console.log('${marker}'); process.exit(0)`], {
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    // As plain Node it would print the marker and exit at once; as the app it starts its
    // window instead, so give it a few seconds, then close it.
    await new Promise((r) => setTimeout(r, 5_000));
    child.kill();
    expect(output).not.toContain(marker);
  });

  test('NODE_OPTIONS and --inspect are ignored', async () => {
    const child = spawn(executable, ['--inspect=0'], {
      env: { ...process.env, NODE_OPTIONS: '--require /nonexistent/latchkey-probe.js' },
    });
    let output = '';
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    await new Promise((r) => setTimeout(r, 5_000));
    child.kill();
    expect(output).not.toMatch(/Debugger listening|latchkey-probe/);
  });
});
