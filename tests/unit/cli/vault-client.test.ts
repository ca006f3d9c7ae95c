import { execFileSync, spawnSync } from 'node:child_process';
import { createDecipheriv, scryptSync } from 'node:crypto';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCliBundle } from '../../support/cli-bundle';
import { latchkey, oathtool } from './cli-harness';

/**
 * Issue 15's acceptance: a fresh data folder driven ONLY through the built command, each result
 * checked by an independent oracle — oathtool for codes, pdftoppm + zbarimg for the kit's QR
 * codes, and an Aegis reader written here from Aegis's vault format (docs/vault.md in
 * beemdevelopment/Aegis, copied as ../shared/corpora/aegis/vault_format_vault.md): scrypt slot key
 * → AES-256-GCM-unwrapped master key → AES-256-GCM database.
 */

const ROOT = resolve(__dirname, '../../..');
const CORPUS = join(ROOT, '../shared/corpora/aegis/importers/aegis_plain.json');
const PASSWORD = 'correct horse battery staple';
const NEW_PASSWORD = 'a different horse, stapled';
const BACKUP_PASSWORD = 'backup password for aegis';
const T = 1_700_000_123;

const work = mkdtempSync(join(tmpdir(), 'latchkey-cli-client-'));
const vault = join(work, 'data');
const file = (name: string, text: string) => {
  writeFileSync(join(work, name), text);
  return join(work, name);
};
const pw = file('pw', `${PASSWORD}\n`);
const newPw = file('new-pw', `${NEW_PASSWORD}\n`);
const backupPw = file('backup-pw', `${BACKUP_PASSWORD}\n`);
const withVault = (...args: string[]) => [
  ...args,
  '--data-dir',
  vault,
  '--vault-password-file',
  pw,
];

beforeAll(async () => ensureCliBundle(), 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

// RFC 6238 appendix B's SHA-1 key, a 32-byte key and one account that is also in the corpus file.
const RFC_KEY = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const OWN = [
  `otpauth://totp/Example%20Forge:alice@example.com?secret=${RFC_KEY}&issuer=Example%20Forge`,
  'otpauth://totp/Mail:bob?secret=MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43UOV3HO6DZPIYTEMZUGU3DOOBZ&issuer=Mail',
];

describe('a fresh data folder, only through the CLI (issue 15 done-when)', () => {
  let corpusLinks: string[] = [];

  it('init creates a vault and refuses a second one with exit 2', () => {
    const made = latchkey([
      'init',
      '--no-keychain',
      '--data-dir',
      vault,
      '--new-password-file',
      pw,
    ]);
    expect(made).toMatchObject({ code: 0 });
    expect(made.stdout).toMatch(/Created an empty vault/);
    expect(statSync(join(vault, 'vault.json')).isFile()).toBe(true);
    const again = latchkey([
      'init',
      '--no-keychain',
      '--data-dir',
      vault,
      '--new-password-file',
      pw,
    ]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists/);
  });

  it('add stores three links; the same secret again is skipped with a note', () => {
    corpusLinks = latchkey(['import', CORPUS]).stdout.trim().split('\n');
    expect(corpusLinks.length).toBeGreaterThan(3);
    const added = latchkey(withVault('add', OWN[0]!, OWN[1]!, corpusLinks[0]!));
    expect(added.code).toBe(0);
    expect(added.stdout.trim().split('\n')).toHaveLength(3);
    const again = latchkey(withVault('add', OWN[0]!));
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('');
    expect(again.stderr).toMatch(/already in the vault, skipped/);
  });

  it('list --json shows the three accounts (no secrets)', () => {
    const listed = latchkey(withVault('list', '--json'));
    expect(listed.code).toBe(0);
    const rows = JSON.parse(listed.stdout) as { issuer: string; name: string; type: string }[];
    expect(rows.map((r) => `${r.issuer}|${r.name}|${r.type}`)).toEqual([
      'Example Forge|alice@example.com|totp',
      'Mail|bob|totp',
      'Deno|Mason|totp',
    ]);
    expect(listed.stdout).not.toContain(RFC_KEY);
  });

  it('code --search equals oathtool', () => {
    const coded = latchkey(withVault('code', '--search', 'forge', '--time', String(T)));
    expect(coded).toMatchObject({ code: 0, stdout: `${oathtool(RFC_KEY, T)}\n` });
    const json = latchkey(withVault('code', '-s', 'forge', '-t', String(T), '--json'));
    expect(JSON.parse(json.stdout)).toEqual([
      { issuer: 'Example Forge', name: 'alice@example.com', code: oathtool(RFC_KEY, T) },
    ]);
  });

  it('import --into-vault adds the corpus file, skipping and counting the duplicate', () => {
    const before = readFileSync(join(vault, 'vault.json'));
    const preview = latchkey(withVault('import', CORPUS, '--into-vault', '--dry-run', '--json'));
    expect(preview.code).toBe(0);
    const planned = JSON.parse(preview.stdout) as { added: number; duplicates: number };
    expect(planned).toMatchObject({ added: corpusLinks.length - 1, duplicates: 1, failed: 0 });
    // The dry run saved nothing.
    expect(readFileSync(join(vault, 'vault.json')).equals(before)).toBe(true);

    const done = latchkey(withVault('import', CORPUS, '--into-vault'));
    expect(done.code).toBe(0);
    expect(done.stdout).toBe(`added ${corpusLinks.length - 1}, duplicates 1, failed 0\n`);
    const count = latchkey(withVault('list')).stdout.trim().split('\n').length;
    expect(count).toBe(2 + corpusLinks.length);
  });

  it('export --format pdf of the vault holds every account’s QR code (pdftoppm + zbarimg)', () => {
    const links = latchkey(withVault('export', '--format', 'uris', '--out', '-'));
    expect(links.code).toBe(0);
    const expected = links.stdout.trim().split('\n');
    expect(expected).toHaveLength(2 + corpusLinks.length);

    const kit = join(work, 'kit.pdf');
    const made = latchkey(withVault('export', '--format', 'pdf', '--out', kit));
    expect(made.code).toBe(0);
    expect(statSync(kit).mode & 0o777).toBe(0o600);
    const pages = join(work, 'pages');
    mkdirSync(pages);
    execFileSync('pdftoppm', ['-r', '150', '-png', kit, join(pages, 'p')]);
    const found = new Set<string>();
    for (const page of readdirSync(pages)) {
      // zbarimg exits 4 on a page without codes (the cover); its stdout is what it found.
      const read = spawnSync('zbarimg', ['--quiet', '--raw', join(pages, page)], {
        encoding: 'utf8',
      });
      for (const line of read.stdout.split('\n')) if (line) found.add(line);
    }
    for (const link of expected) expect(found).toContain(link);
  });

  it('export --format aegis decrypts with an independent reader to the vault’s secrets', () => {
    const out = join(work, 'aegis.json');
    const made = latchkey(
      withVault('export', '-f', 'aegis', '-o', out, '--backup-password-file', backupPw),
    );
    expect(made.code).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const entries = readAegis(readFileSync(out, 'utf8'), BACKUP_PASSWORD);
    const links = latchkey(withVault('export', '--format', 'uris', '--out', '-')).stdout;
    const secrets = [...links.matchAll(/secret=([A-Z2-7]+)/g)].map((m) => m[1]);
    expect(entries.map((e) => e.info.secret.replace(/=+$/, ''))).toEqual(secrets);
    expect(entries.find((e) => e.issuer === 'Example Forge')?.name).toBe('alice@example.com');
  });

  it('passwd: afterwards the old password fails and the new one works', () => {
    const changed = latchkey([
      'passwd',
      '--data-dir',
      vault,
      '--vault-password-file',
      pw,
      '--new-password-file',
      newPw,
    ]);
    expect(changed.code).toBe(0);
    const old = latchkey(withVault('list'));
    expect(old.code).toBe(2);
    expect(old.stderr).toMatch(/password is not correct/);
    const fresh = latchkey(['list', '--data-dir', vault, '--vault-password-file', newPw]);
    expect(fresh.code).toBe(0);
    expect(fresh.stdout.trim().split('\n')).toHaveLength(2 + corpusLinks.length);
  });
});

interface AegisEntry {
  readonly issuer: string;
  readonly name: string;
  readonly info: { readonly secret: string };
}

/** Aegis vault format: the password slot (type 1) wraps the master key, which seals the db. */
function readAegis(text: string, password: string): AegisEntry[] {
  const file = JSON.parse(text) as {
    header: {
      slots: {
        type: number;
        key: string;
        key_params: { nonce: string; tag: string };
        n: number;
        r: number;
        p: number;
        salt: string;
      }[];
      params: { nonce: string; tag: string };
    };
    db: string;
  };
  const gcm = (key: Buffer, params: { nonce: string; tag: string }, data: Buffer) => {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(params.nonce, 'hex'));
    decipher.setAuthTag(Buffer.from(params.tag, 'hex'));
    return Buffer.concat([decipher.update(data), decipher.final()]);
  };
  const slot = file.header.slots.find((s) => s.type === 1)!;
  const slotKey = scryptSync(password, Buffer.from(slot.salt, 'hex'), 32, {
    N: slot.n,
    r: slot.r,
    p: slot.p,
    maxmem: 256 * slot.n * slot.r,
  });
  const masterKey = gcm(slotKey, slot.key_params, Buffer.from(slot.key, 'hex'));
  const db = gcm(masterKey, file.header.params, Buffer.from(file.db, 'base64'));
  return (JSON.parse(db.toString('utf8')) as { entries: AegisEntry[] }).entries;
}
