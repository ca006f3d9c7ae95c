import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { minimatch } from 'minimatch';
import { describe, expect, it } from 'vitest';
import config from '../../../electron-builder.config';

const root = join(import.meta.dirname, '..', '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** electron-builder's `files` semantics: included by a positive pattern, not removed by a `!` one. */
function packed(file: string): boolean {
  const patterns = (config.files ?? []) as string[];
  let included = false;
  for (const pattern of patterns) {
    if (pattern.startsWith('!')) {
      if (minimatch(file, pattern.slice(1), { dot: true })) included = false;
    } else if (minimatch(file, pattern, { dot: true })) included = true;
  }
  return included;
}

describe('packaging configuration (electron-builder.config.ts)', () => {
  // Electron's fuse list: https://www.electronjs.org/docs/latest/tutorial/fuses
  it.each([
    ['runAsNode', false],
    ['enableNodeOptionsEnvironmentVariable', false],
    ['enableNodeCliInspectArguments', false],
    ['enableEmbeddedAsarIntegrityValidation', true],
    ['onlyLoadAppFromAsar', true],
    ['enableCookieEncryption', true],
    ['grantFileProtocolExtraPrivileges', false],
    ['loadBrowserProcessSpecificV8Snapshot', false],
  ] as const)('fuse %s is %s', (fuse, value) => {
    expect(config.electronFuses?.[fuse]).toBe(value);
  });

  it('registers otpauth and otpauth-migration links, with the Linux MIME types', () => {
    const protocols = [config.protocols ?? []].flat();
    expect(protocols.flatMap((p) => p.schemes).sort()).toEqual(['otpauth', 'otpauth-migration']);
    expect(config.linux?.mimeTypes).toEqual([
      'x-scheme-handler/otpauth',
      'x-scheme-handler/otpauth-migration',
    ]);
    expect(config.linux?.desktop?.entry?.MimeType).toBe(
      'x-scheme-handler/otpauth;x-scheme-handler/otpauth-migration;',
    );
  });

  it('packs into an asar archive with keytar (a native module) unpacked', () => {
    expect(config.asar).toBe(true);
    const unpack = [config.asarUnpack ?? []].flat() as string[];
    const keytarBinary = 'node_modules/keytar/build/Release/keytar.node';
    expect(unpack.some((p) => minimatch(keytarBinary, p, { dot: true }))).toBe(true);
    expect(unpack.some((p) => minimatch('node_modules/react/index.js', p, { dot: true }))).toBe(
      false,
    );
  });

  it('packs the built app only: no sources, tests, benchmarks, maps or the CLI bundle', () => {
    const tracked = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' })
      .split('\n')
      .filter(Boolean);
    const packedTracked = tracked.filter(packed);
    expect(packedTracked.filter((f) => /^(src|tests|bench|docs|scripts)\//.test(f))).toEqual([]);
    expect(packedTracked).toContain('package.json');
    expect(packed('out/main/index.js')).toBe(true);
    expect(packed('out/renderer/index.html')).toBe(true);
    expect(packed('out/preload/index.cjs')).toBe(true);
    expect(packed('out/cli/latchkey.cjs')).toBe(false);
    expect(packed('out/main/index.js.map')).toBe(false);
    expect(packed('resources/tray/trayTemplate.png')).toBe(true);
  });

  it('ships production dependencies only: no development dependency is in the runtime tree', () => {
    // electron-builder collects node_modules from the same npm tree, production only.
    const runtime = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], {
      cwd: root,
      encoding: 'utf8',
    })
      .split('\n')
      .filter((line) => line.includes('node_modules'))
      .map((line) => line.slice(line.lastIndexOf('node_modules/') + 'node_modules/'.length));
    const devOnly = Object.keys(pkg.devDependencies).filter((d) => !(d in pkg.dependencies));
    expect(runtime.filter((name) => devOnly.includes(name))).toEqual([]);
    expect(runtime).toContain('keytar');
    expect(Object.keys(pkg.dependencies)).not.toContain('electron');
  });

  it('macOS: hardened runtime with the camera entitlement and usage text', () => {
    expect(config.mac?.hardenedRuntime).toBe(true);
    const entitlements = readFileSync(join(root, config.mac?.entitlements ?? ''), 'utf8');
    expect(entitlements).toContain('<key>com.apple.security.device.camera</key>');
    expect(String(config.mac?.extendInfo?.NSCameraUsageDescription)).toMatch(/camera/);
  });

  it('Windows installs per user; every OS has its targets', () => {
    expect(config.nsis?.perMachine).toBe(false);
    const names = (t: unknown) =>
      [t]
        .flat()
        .map((x) => (typeof x === 'string' ? x : (x as { target: string }).target))
        .sort();
    expect(names(config.linux?.target)).toEqual(['AppImage', 'deb', 'rpm']);
    expect(names(config.mac?.target)).toEqual(['dmg', 'zip']);
    expect(names(config.win?.target)).toEqual(['nsis', 'zip']);
  });
});

describe('Linux packages can be built and run', () => {
  it('the .rpm depends on libsecret (keytar), the .deb keeps electron-builder defaults (which have it)', () => {
    expect(config.rpm?.depends).toContain('libsecret');
    expect(config.deb?.depends).toBeUndefined();
  });

  it('deb/rpm metadata that fpm requires is present (maintainer, homepage)', () => {
    expect(config.linux?.maintainer).toMatch(/<.+@.+>/);
    expect(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).homepage).toMatch(
      /^https:\/\//,
    );
  });
});
