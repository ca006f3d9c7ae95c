import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { decodeMigrationUri, decodeBase64Loose } from '../../src/core/common/migration';
import { parseRecoveryCodes } from '../../src/core/common/recovery';
import { parseOtpUri } from '../../src/core/common/uri';
import { decodeImage } from '../../src/core/node/image';
import { importBackup } from '../../src/core/node/importers';
import {
  decodeDatabase,
  DEFAULT_SETTINGS,
  encodeDatabase,
} from '../../src/core/node/vault/database';
import { openVault, sealVault } from '../../src/core/node/vault/envelope';
import { parseVaultFile } from '../../src/core/node/vault/format';
import { makeKeychainSlot } from '../../src/core/node/vault/slots';
import { sampleAccounts } from '../unit/vault/helpers';
import { mutateBytes, mutateJson, mutateText, type Random } from './mutate';

/**
 * Every parser that reads input Latchkey did not write, with real files as seeds
 * (../shared/corpora, see its README and MANIFEST.json). A case either returns, or throws a
 * LatchkeyError; anything else is a bug.
 */

export interface Target {
  readonly name: string;
  /** Makes case `i`'s input from a seeded random source. */
  readonly make: (random: Random, caseSeed: number) => unknown;
  readonly run: (input: unknown) => unknown;
}

const ROOT = resolve(import.meta.dirname, '../..');
const CORPORA = join(ROOT, '..', 'shared', 'corpora');

function filesUnder(dir: string, keep: (path: string) => boolean): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(CORPORA, dir), { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    if (keep(path) && statSync(path).size <= 256 * 1024) out.push(path);
  }
  return out.sort();
}

/** Every string in a JSON tree, for pulling links out of the corpora's vector files. */
function stringsIn(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) value.forEach((v) => stringsIn(v, into));
  else if (value && typeof value === 'object')
    Object.values(value).forEach((v) => stringsIn(v, into));
  return into;
}

function corpusStrings(dirs: string[], pattern: RegExp): string[] {
  const found = new Set<string>();
  for (const dir of dirs) {
    for (const path of filesUnder(dir, (p) => /\.(json|txt)$/.test(p))) {
      const text = readFileSync(path, 'utf8');
      const candidates = path.endsWith('.json')
        ? (() => {
            try {
              return stringsIn(JSON.parse(text));
            } catch {
              return text.split('\n');
            }
          })()
        : text.split('\n');
      for (const s of candidates) if (pattern.test(s.trim())) found.add(s.trim());
    }
  }
  return [...found];
}

const pick = <T>(random: Random, list: readonly T[]): T =>
  list[Math.floor(random() * list.length)]!;

/** 85 % havoc on a seed, 15 % fresh from a fast-check arbitrary (with the case's own seed). */
function textTarget(
  name: string,
  seeds: readonly string[],
  generated: fc.Arbitrary<string>,
  run: (text: string) => unknown,
): Target {
  if (seeds.length === 0) throw new Error(`no corpus seeds for ${name}`);
  return {
    name,
    make: (random, caseSeed) =>
      random() < 0.15
        ? fc.sample(generated, { seed: caseSeed, numRuns: 1 })[0]!
        : mutateText(pick(random, seeds), random, pick(random, seeds)),
    run: (input) => run(input as string),
  };
}

function bytesTarget(
  name: string,
  seeds: readonly Uint8Array[],
  run: (bytes: Uint8Array) => unknown,
  json = false,
): Target {
  if (seeds.length === 0) throw new Error(`no corpus seeds for ${name}`);
  const parsed = seeds.map((s) => {
    try {
      return JSON.parse(Buffer.from(s).toString('utf8')) as Parameters<typeof mutateJson>[0];
    } catch {
      return undefined;
    }
  });
  return {
    name,
    make: (random, caseSeed) => {
      const roll = random();
      if (roll < 0.1)
        return fc.sample(fc.uint8Array({ maxLength: 2048 }), { seed: caseSeed, numRuns: 1 })[0]!;
      const i = Math.floor(random() * seeds.length);
      if (json && parsed[i] !== undefined && roll < 0.55)
        return new TextEncoder().encode(JSON.stringify(mutateJson(parsed[i]!, random)));
      return mutateBytes(seeds[i]!, random, pick(random, seeds));
    },
    run: (input) => run(input as Uint8Array),
  };
}

const read = (path: string) => new Uint8Array(readFileSync(path));

/** Small pictures in each format, written by ImageMagick from corpus QR codes (the encoders under test are not ours). */
function imageSeeds(): Record<'png' | 'jpeg' | 'bmp' | 'gif' | 'webp', Uint8Array[]> {
  const pngs = filesUnder(
    'qr_images',
    (p) => p.endsWith('.png') && statSync(p).size < 40_000,
  ).slice(0, 6);
  const convert = (source: string, ...args: string[]) =>
    new Uint8Array(execFileSync('convert', [source, '-resize', '160x160>', ...args]));
  const from = (...args: string[][]) =>
    pngs.slice(0, 3).flatMap((p) => args.map((a) => convert(p, ...a)));
  return {
    png: [
      ...pngs.map(read),
      ...from(['-type', 'Palette', 'PNG8:-'], ['-interlace', 'PNG', 'PNG:-']),
    ],
    jpeg: [
      read(
        join(
          CORPORA,
          'google_migration/extract_otp_secrets/tests/data/text_masquerading_as_image.jpeg',
        ),
      ),
      ...from(['JPEG:-'], ['-interlace', 'JPEG', 'JPEG:-'], ['-sampling-factor', '2x2', 'JPEG:-']),
    ],
    bmp: [
      ...filesUnder('qr_images', (p) => p.endsWith('.bmp')).map(read),
      ...from(
        ['BMP3:-'],
        ['-type', 'Palette', 'BMP3:-'],
        ['-type', 'Bilevel', 'BMP:-'],
        ['BMP2:-'],
      ),
    ],
    gif: from(['GIF:-'], ['-type', 'Bilevel', 'GIF:-']),
    webp: [
      ...filesUnder('google_migration', (p) => p.endsWith('.webp')).map(read),
      ...from(['WEBP:-'], ['-define', 'webp:lossless=true', 'WEBP:-'], ['-alpha', 'set', 'WEBP:-']),
    ],
  };
}

/** A real sealed vault (keychain slot) and the master key that opens it. */
function sealedVault(): { bytes: Uint8Array; key: Uint8Array; plaintexts: Uint8Array[] } {
  const key = new Uint8Array(32).fill(7);
  const vaultId = 'ab'.repeat(16);
  const header = { vaultId, slots: [makeKeychainSlot(vaultId, key, new Uint8Array(32).fill(9))] };
  const dbs = [1, 3, 12].map((n, i) => ({
    accounts: sampleAccounts(n, i + 1),
    settings: DEFAULT_SETTINGS,
  }));
  return {
    bytes: new Uint8Array(sealVault(key, header, dbs[1]!)),
    key,
    plaintexts: dbs.map((db) => new Uint8Array(encodeDatabase(db))),
  };
}

const IMPORTER_CORPORA = [
  'aegis/importers',
  'proton_authenticator/test_data/authenticator',
  'google_migration',
  'steam',
];

export function buildTargets(): Target[] {
  const links = corpusStrings(
    ['otpauth_uris', 'google_migration', 'proton_authenticator'],
    /^(otpauth|steam):\/\//i,
  );
  const migrations = corpusStrings(
    ['google_migration', 'proton_authenticator'],
    /^otpauth-migration:\/\//i,
  );
  const payloads = migrations.flatMap((link) => {
    try {
      return [decodeBase64Loose(decodeURIComponent(/data=([^&#]*)/.exec(link)![1]!))];
    } catch {
      return [];
    }
  });
  const backups = IMPORTER_CORPORA.flatMap((dir) =>
    filesUnder(dir, (p) => !p.endsWith('/password') && !/\.(png|jpe?g|webp|bmp|md)$/.test(p)).map(
      read,
    ),
  );
  const images = imageSeeds();
  const vault = sealedVault();
  const recovery = [
    '1234-5678\n2345-6789\n3456-7890\n4567-8901',
    'abcd efgh ijkl mnop\nqrst uvwx yzab cdef',
    '1. 8f3a9c2d1e\n2. 7b6c5d4e3f\n3. 0a1b2c3d4e\n',
    'Your backup codes:\n  12345678   23456789\n  34567890   45678901\n',
    'A1B2-C3D4-E5F6 G7H8-I9J0-K1L2',
  ];
  const migrationLink = (bytes: Uint8Array) =>
    `otpauth-migration://offline?data=${encodeURIComponent(Buffer.from(bytes).toString('base64'))}`;
  // The KDF itself is node:crypto's; capping it below the corpus files' cost (N = 2^15) keeps
  // 10,000 cases quick and reaches every check before the KDF runs.
  const importOptions = {
    password: 'test',
    maxKdfCost: { maxScryptN: 2 ** 12, maxScryptWork: 2 ** 15, maxPbkdf2Iterations: 2_000 },
  };

  return [
    textTarget(
      'otpauth-uri',
      links,
      fc.string({ unit: 'binary', maxLength: 400 }).map((s) => `otpauth://totp/${s}`),
      parseOtpUri,
    ),
    {
      name: 'migration-link',
      make: (random, caseSeed) => {
        if (random() < 0.5)
          return mutateText(pick(random, migrations), random, pick(random, migrations));
        const bytes =
          random() < 0.1
            ? fc.sample(fc.uint8Array({ maxLength: 600 }), { seed: caseSeed, numRuns: 1 })[0]!
            : mutateBytes(pick(random, payloads), random, pick(random, payloads));
        return migrationLink(bytes);
      },
      run: (input) => decodeMigrationUri(input as string),
    },
    bytesTarget('importers', backups, (bytes) => importBackup(bytes, importOptions), true),
    bytesTarget('image-png', images.png, decodeImage),
    bytesTarget('image-jpeg', images.jpeg, decodeImage),
    bytesTarget('image-bmp', images.bmp, decodeImage),
    bytesTarget('image-gif', images.gif, decodeImage),
    bytesTarget('image-webp', images.webp, decodeImage),
    bytesTarget(
      'vault-file',
      [vault.bytes],
      (bytes) => openVault(parseVaultFile(bytes), vault.key),
      true,
    ),
    bytesTarget('vault-database', vault.plaintexts, decodeDatabase, true),
    textTarget('recovery-codes', recovery, fc.string({ maxLength: 3000 }), parseRecoveryCodes),
  ];
}
