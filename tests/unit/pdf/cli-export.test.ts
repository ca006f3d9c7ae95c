import { createDecipheriv, scryptSync } from 'node:crypto';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/run';
import { parseOtpUri } from '../../../src/core/common/uri/index';
import { encodeBase32 } from '../../../src/core/common/encoding/base32';
import { rasterise, tempDir, zbar } from './helpers';

const corpora = resolve(__dirname, '../../../..', 'shared', 'corpora');

interface Case {
  readonly input: string;
  readonly expected?: { readonly secret?: string };
}

/** Real links from KeePassXC's tests (corpora/otpauth_uris/keepassxc_cases.json) that we accept. */
function corpusLinks(): Case[] {
  const file = JSON.parse(
    readFileSync(join(corpora, 'otpauth_uris', 'keepassxc_cases.json'), 'utf8'),
  ) as {
    parse_cases: Case[];
  };
  return file.parse_cases.filter((c) => {
    if (!c.input.startsWith('otpauth://')) return false;
    try {
      parseOtpUri(c.input);
      return true;
    } catch {
      return false;
    }
  });
}

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: {
      stdout: (t: string) => void out.push(t),
      stderr: (t: string) => void err.push(t),
      now: () => Date.UTC(2026, 10, 30, 12),
      env: {},
    },
  };
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function setup(lines: readonly string[]) {
  const dir = tempDir();
  dirs.push(dir);
  const from = join(dir, 'links.txt');
  writeFileSync(from, `# my accounts\n${lines.join('\n')}\n\n`);
  return { dir, from };
}

describe('latchkey export', () => {
  const cases = corpusLinks();
  // A synthetic account with names that need escaping, alongside the real links.
  const extra =
    'otpauth://totp/AT%26T%3A%20Mobile:j%C3%BCrgen%20m%C3%BCller?secret=JBSWY3DPEHPK3PXP&issuer=AT%26T%3A%20Mobile';
  const lines = [...cases.map((c) => c.input), extra];

  it('has real links to work with', () => {
    expect(cases.length).toBeGreaterThanOrEqual(3);
  });

  it('--format pdf writes a kit whose QR codes (read by zbar) hold every account', async () => {
    const { dir, from } = setup(lines);
    const out = join(dir, 'kit.pdf');
    const t = io();
    expect(await runCli(['export', '--from', from, '--format', 'pdf', '--out', out], t.io)).toBe(0);
    expect(t.out.join('')).toContain(`Wrote ${lines.length} accounts to ${out}`);
    const pdf = readFileSync(out);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const found = rasterise(new Uint8Array(pdf), dir).flatMap((p) => zbar(p));
    expect(found).toHaveLength(lines.length);
    // Each scanned link carries the secret the corpus says the original link has.
    const secrets = found.map((text) => encodeBase32(parseOtpUri(text).draft.secret)).sort();
    const expectedSecrets = lines.map((l) => encodeBase32(parseOtpUri(l).draft.secret)).sort();
    expect(secrets).toEqual(expectedSecrets);
    for (const c of cases)
      if (c.expected?.secret) expect(secrets).toContain(c.expected.secret.toUpperCase());
    expect(found.some((f) => parseOtpUri(f).draft.name === 'jürgen müller')).toBe(true);
  });

  it('--format uris writes canonical links, warns that they are in the clear, and refuses to overwrite', async () => {
    const { dir, from } = setup(lines);
    const out = join(dir, 'links-out.txt');
    const first = io();
    expect(
      await runCli(['export', '--from', from, '--format', 'uris', '--out', out], first.io),
    ).toBe(0);
    expect(first.err.join('')).toMatch(/holds your secrets in the clear/);
    const written = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(written).toHaveLength(lines.length);
    written.forEach((w, i) => {
      expect(w).toMatch(/^otpauth:\/\/(totp|hotp)\//);
      expect(parseOtpUri(w).draft).toEqual(parseOtpUri(lines[i]!).draft);
    });

    const before = readFileSync(out);
    const second = io();
    expect(
      await runCli(['export', '--from', from, '--format', 'pdf', '--out', out], second.io),
    ).toBe(2);
    expect(second.err.join('')).toMatch(/already exists.*--force/);
    expect(readFileSync(out)).toEqual(before);

    const forced = io();
    expect(
      await runCli(
        ['export', '--from', from, '--format', 'pdf', '--out', out, '--force'],
        forced.io,
      ),
    ).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('--transfer-codes adds Google Authenticator transfer codes and names the accounts left out', async () => {
    const steam =
      'otpauth://totp/Steam:gaben?secret=63BEDWCQZKTQWPESARIERL5DTTQFCJTK&issuer=Steam&encoder=steam&digits=5';
    const { dir, from } = setup([lines[0]!, steam, extra]);
    const out = join(dir, 'kit.pdf');
    const t = io();
    expect(
      await runCli(
        ['export', '--from', from, '--format', 'pdf', '--transfer-codes', '--out', out],
        t.io,
      ),
    ).toBe(0);
    expect(t.err.join('')).toMatch(
      /account 2 is not in the Google Authenticator transfer codes \(steam-not-supported\)/,
    );
    const found = rasterise(new Uint8Array(readFileSync(out)), dir).flatMap((p) => zbar(p));
    expect(found.filter((f) => f.startsWith('otpauth://'))).toHaveLength(3);
    expect(found.filter((f) => f.startsWith('otpauth-migration://offline?data='))).toHaveLength(1);
  });

  it('a bad line stops the export: exit 2, the line number, no secret echoed, no file', async () => {
    const secret = 'NOTBASE32!!SECRETXYZ';
    const { dir, from } = setup([lines[0]!, `otpauth://totp/Bad?secret=${secret}`]);
    const out = join(dir, 'never.pdf');
    const t = io();
    expect(await runCli(['export', '--from', from, '--format', 'pdf', '--out', out], t.io)).toBe(2);
    expect(t.err.join('')).toMatch(/line 3:/);
    expect(t.err.join('')).not.toContain(secret);
    expect(existsSync(out)).toBe(false);
  });

  it.each([
    // Without --from, export reads the vault (issue 15): no vault there is said as such.
    [['--format', 'pdf', '--out', 'x.pdf', '--data-dir', '/nonexistent/latchkey'], /no vault/i],
    [['--from', 'a.txt', '--format', 'docx', '--out', 'x'], /--format must be/],
    [['--from', 'a.txt', '--format', 'pdf'], /missing --out/],
  ])('usage errors exit 2: %j', async (argv, message) => {
    const t = io();
    expect(await runCli(['export', ...argv], t.io)).toBe(2);
    expect(t.err.join('')).toMatch(message);
  });

  it('an empty or missing input file exits 2 and writes nothing', async () => {
    const { dir } = setup([]);
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '\n# nothing\n');
    const out = join(dir, 'out.pdf');
    const t = io();
    expect(await runCli(['export', '--from', empty, '--format', 'pdf', '--out', out], t.io)).toBe(
      2,
    );
    expect(t.err.join('')).toMatch(/no authenticator links/);
    expect(
      await runCli(
        ['export', '--from', join(dir, 'nope.txt'), '--format', 'uris', '--out', out],
        t.io,
      ),
    ).toBe(2);
    expect(t.err.join('')).toMatch(/cannot read .*nope\.txt: ENOENT/);
    expect(existsSync(out)).toBe(false);
  });

  it('--format aegis needs --password-file', async () => {
    const { dir, from } = setup(lines);
    const t = io();
    const out = join(dir, 'backup.json');
    expect(await runCli(['export', '--from', from, '--format', 'aegis', '--out', out], t.io)).toBe(
      2,
    );
    expect(t.err.join('')).toMatch(/--password-file/);
    const empty = join(dir, 'empty-password');
    writeFileSync(empty, '\n');
    expect(
      await runCli(
        ['export', '--from', from, '--format', 'aegis', '--password-file', empty, '--out', out],
        t.io,
      ),
    ).toBe(2);
    expect(t.err.join('')).toMatch(/password file .* is empty/);
    expect(existsSync(out)).toBe(false);
  });

  it('--format aegis writes a vault that opens with the password (decrypted here per Aegis docs/vault.md)', async () => {
    const { dir, from } = setup(lines);
    const passwordFile = join(dir, 'password');
    writeFileSync(passwordFile, 'correct horse battery\n');
    const out = join(dir, 'aegis.json');
    const t = io();
    expect(
      await runCli(
        [
          'export',
          '--from',
          from,
          '--format',
          'aegis',
          '--password-file',
          passwordFile,
          '--out',
          out,
        ],
        t.io,
      ),
    ).toBe(0);
    const vault = JSON.parse(readFileSync(out, 'utf8')) as AegisVault;
    const slot = vault.header.slots.find((s) => s.type === 1)!;
    const slotKey = scryptSync('correct horse battery', Buffer.from(slot.salt, 'hex'), 32, {
      N: slot.n,
      r: slot.r,
      p: slot.p,
      maxmem: 128 * slot.n * slot.r * 2,
    });
    const masterKey = gcmOpen(slotKey, slot.key_params, Buffer.from(slot.key, 'hex'));
    const db = JSON.parse(
      gcmOpen(masterKey, vault.header.params, Buffer.from(vault.db, 'base64')).toString(),
    ) as {
      entries: { info: { secret: string } }[];
    };
    const secrets = db.entries.map((e) => e.info.secret.toUpperCase()).sort();
    expect(secrets).toEqual(lines.map((l) => encodeBase32(parseOtpUri(l).draft.secret)).sort());
  });
});

interface AegisVault {
  header: {
    slots: {
      type: number;
      key: string;
      key_params: GcmParams;
      n: number;
      r: number;
      p: number;
      salt: string;
    }[];
    params: GcmParams;
  };
  db: string;
}
interface GcmParams {
  nonce: string;
  tag: string;
}

function gcmOpen(key: Buffer, params: GcmParams, ciphertext: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(params.nonce, 'hex'));
  decipher.setAuthTag(Buffer.from(params.tag, 'hex'));
  return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
}
