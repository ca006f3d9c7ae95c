/**
 * `npm run dist [-- linux|mac|win]`: builds the app and packages it with electron-builder
 * (electron-builder.config.ts). Checks for the Electron binary FIRST, so a machine that cannot
 * have it (no access to Electron's downloads) gets one line and a non-zero exit within seconds,
 * and no half-written dist/.
 */
import { spawnSync } from 'node:child_process';
import { electronBinary } from './electron-binary';

type Target = 'linux' | 'mac' | 'win';
const HOST: Record<string, Target> = { linux: 'linux', darwin: 'mac', win32: 'win' };

function fail(line: string): never {
  console.error(`latchkey dist: ${line}`);
  process.exit(1);
}

const requested = process.argv[2];
if (requested !== undefined && !['linux', 'mac', 'win'].includes(requested)) {
  fail(`unknown target "${requested}" (use linux, mac or win)`);
}
const host = HOST[process.platform];
const target = (requested as Target | undefined) ?? host;
if (!target) fail(`no package target for this OS (${process.platform})`);

const binary = electronBinary();
if ('missing' in binary) {
  fail(
    `cannot package: ${binary.missing} — run \`npm install\` on a machine that can reach Electron's downloads (without ELECTRON_SKIP_BINARY_DOWNLOAD), or let the CI workflow build the packages.`,
  );
}

const run = (command: string, args: string[]) => {
  const { status } = spawnSync(command, args, {
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (status !== 0) process.exit(status ?? 1);
};

run('npx', ['electron-vite', 'build']);
run('npx', [
  'electron-builder',
  '--config',
  'electron-builder.config.ts',
  `--${target}`,
  // Package the Electron this machine already has when building for this OS; other targets
  // download theirs (the CI workflow builds each OS on its own runner).
  ...(target === host ? [`--config.electronDist=${binary.distDir}`] : []),
]);
