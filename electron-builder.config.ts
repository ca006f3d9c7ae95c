import type { Configuration } from 'electron-builder';

/**
 * The one packaging configuration (electron-builder). `npm run dist` and the release workflow
 * use it; tests/unit/packaging asserts its security-relevant parts, and tests/electron reads the
 * fuses back from a packaged binary.
 */

/** Link schemes Latchkey handles: a single account, and Google Authenticator's export. */
export const LINK_SCHEMES = ['otpauth', 'otpauth-migration'] as const;

const config: Configuration = {
  appId: 'io.github.latchkey.Latchkey',
  productName: 'Latchkey',
  executableName: 'latchkey',
  copyright: 'Copyright © Latchkey contributors (MIT licence)',
  directories: { output: 'dist', buildResources: 'build' },

  // Only the built app and the production dependencies (electron-builder adds those from
  // package.json `dependencies`, never `devDependencies`). Sources, tests, benchmarks and the
  // command-line bundle stay out of the package.
  files: [
    'out/main/**',
    'out/preload/**',
    'out/renderer/**',
    'resources/**',
    'package.json',
    '!**/*.map',
  ],
  asar: true,
  // keytar is a native module: a .node file cannot be loaded from inside an archive.
  asarUnpack: ['**/node_modules/keytar/**'],

  /**
   * Fuses are bits in the Electron binary flipped at package time, before signing, so the OS
   * signature check protects them. Off: anything that lets another local program run the
   * Latchkey binary as plain Node (or attach a debugger) and so read the keychain item that
   * trusts this binary. On: integrity checks that keep the code the signature vouches for.
   */
  electronFuses: {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    enableCookieEncryption: true,
    grantFileProtocolExtraPrivileges: false,
    loadBrowserProcessSpecificV8Snapshot: false,
  },

  protocols: [{ name: 'Two-factor account link', schemes: [...LINK_SCHEMES] }],

  linux: {
    target: ['AppImage', 'deb', 'rpm'],
    category: 'Utility',
    icon: 'build/icons',
    mimeTypes: LINK_SCHEMES.map((scheme) => `x-scheme-handler/${scheme}`),
    desktop: {
      entry: {
        Name: 'Latchkey',
        Comment: 'Two-step sign-in codes, offline',
        Categories: 'Utility;Security;',
        MimeType: LINK_SCHEMES.map((scheme) => `x-scheme-handler/${scheme};`).join(''),
        StartupWMClass: 'Latchkey',
      },
    },
    maintainer: 'Latchkey contributors <latchkey@users.noreply.github.com>',
    synopsis: 'Offline desktop two-factor authenticator',
  },
  // electron-builder's default .deb dependencies already include libsecret-1-0; its .rpm
  // defaults do not, so they are repeated here with libsecret added.
  rpm: {
    depends: [
      'gtk3',
      'libnotify',
      'nss',
      'libXScrnSaver',
      '(libXtst or libXtst6)',
      'xdg-utils',
      'at-spi2-core',
      '(libuuid or libuuid1)',
      'libsecret',
    ],
  },

  mac: {
    target: [
      { target: 'dmg', arch: ['x64', 'arm64'] },
      { target: 'zip', arch: ['x64', 'arm64'] },
    ],
    category: 'public.app-category.utilities',
    icon: 'build/icon.icns',
    hardenedRuntime: true,
    entitlements: 'build/entitlements.mac.plist',
    entitlementsInherit: 'build/entitlements.mac.plist',
    extendInfo: {
      NSCameraUsageDescription:
        'Latchkey reads a two-factor QR code you hold up to the camera. Nothing is recorded or sent anywhere.',
    },
  },

  win: {
    target: ['nsis', 'zip'],
    icon: 'build/icon.ico',
  },
  // A per-user installer: no administrator rights, the vault stays the user's.
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },

  publish: null,
};

export default config;
