import { createHash } from 'node:crypto';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { exportAegisPlain, exportAegisVault } from '../../../src/core/node/exporters/aegis';
import { importBackup } from '../../../src/core/node/importers';
import type { AccountDraft } from '../../../src/core/common/model';
import { corpusBytes } from './corpus';

const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const drafts = async (bytes: Uint8Array, password?: string): Promise<AccountDraft[]> =>
  (await importBackup(bytes, password ? { password } : {})).entries.map((e) => {
    if (!e.ok) throw new Error(e.error.code);
    return e.draft;
  });
const extras = (d: AccountDraft) => ({
  issuer: d.issuer,
  favorite: d.favorite ?? false,
  groups: d.groups ?? [],
  note: d.note ?? '',
  icon: d.icon ?? null,
});

/** A 128×96 JPEG with a left-to-right gradient, as Aegis stores icons (vault.md: JPEG base64). */
function jpegIcon(): string {
  const [width, height] = [128, 96];
  const data = Buffer.alloc(width * height * 4);
  for (let i = 0; i < width * height; i++) data.set([(i % width) * 2, 80, 160, 255], i * 4);
  return Buffer.from(jpeg.encode({ width, height, data }, 90).data).toString('base64');
}

/**
 * An Aegis content-version-3 plain vault built from beemdevelopment/Aegis docs/vault.md (copied
 * at ../shared/corpora/aegis/vault_format_vault.md): entries list group uuids, db.groups names them.
 */
function aegisV3(): unknown {
  const entry = (issuer: string, secret: string, more: Record<string, unknown>) => ({
    type: 'totp',
    uuid: `00000000-0000-4000-8000-${issuer.padStart(12, '0').slice(-12)}`,
    name: 'me@example.com',
    issuer,
    note: '',
    favorite: false,
    icon: null,
    icon_mime: null,
    icon_hash: null,
    info: { secret, algo: 'SHA1', digits: 6, period: 30 },
    groups: [],
    ...more,
  });
  return {
    version: 1,
    header: { slots: null, params: null },
    db: {
      version: 3,
      groups: [
        { uuid: '11111111-1111-4111-8111-111111111111', name: 'Work' },
        { uuid: '22222222-2222-4222-8222-222222222222', name: 'Personal' },
      ],
      entries: [
        entry('GitHub', 'JBSWY3DPEHPK3PXP', {
          favorite: true,
          note: 'Recovery codes in the safe',
          groups: ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222'],
          icon: jpegIcon(),
          icon_mime: 'image/jpeg',
        }),
        entry('Mastodon', 'GEZDGNBVGY3TQOJQ', {
          groups: ['22222222-2222-4222-8222-222222222222'],
        }),
        entry('Plain', 'MFRGGZDFMZTWQ2LK', {}),
      ],
    },
  };
}

describe('importers keep favourites, groups, notes and icons', () => {
  it('Aegis content v3: group uuids, favourite, note; the JPEG icon becomes a ≤64 px PNG', async () => {
    const [github, mastodon, plain] = await drafts(encode(aegisV3()));
    expect(extras(github!)).toMatchObject({
      favorite: true,
      groups: ['Work', 'Personal'],
      note: 'Recovery codes in the safe',
      icon: { kind: 'picture' },
    });
    if (github!.icon?.kind !== 'picture') throw new Error('no picture');
    const png = PNG.sync.read(Buffer.from(github!.icon.png, 'base64'));
    expect([png.width, png.height]).toEqual([64, 48]);
    expect(extras(mastodon!)).toMatchObject({ favorite: false, groups: ['Personal'], icon: null });
    expect(extras(plain!)).toEqual({
      issuer: 'Plain',
      favorite: false,
      groups: [],
      note: '',
      icon: null,
    });
  });

  it('Aegis content v2 (real file): the one group name per entry', async () => {
    const all = await drafts(corpusBytes('aegis/vault/aegis_plain_grouped_v2.json'));
    // The corpus file puts Deno and Airbnb in "group1"; SPDX has no group.
    const byIssuer = new Map(all.map((d) => [d.issuer, d.groups ?? []]));
    expect(byIssuer.get('Deno')).toEqual(['group1']);
    expect(byIssuer.get('Airbnb')).toEqual(['group1']);
    expect(byIssuer.get('SPDX')).toEqual([]);
  });

  it('Aegis vault → import → export to Aegis (encrypted) → import: the same fields come back', async () => {
    const imported = await drafts(encode(aegisV3()));
    const exported = await exportAegisVault(imported, 'backup password', { scryptN: 2 ** 10 });
    const raw = JSON.parse(exported);
    expect(raw.header.slots[0].type).toBe(1);
    const back = await drafts(new TextEncoder().encode(exported), 'backup password');
    expect(back.map(extras)).toEqual(imported.map(extras));
    expect(back.map((d) => Buffer.from(d.secret).toString('hex'))).toEqual(
      imported.map((d) => Buffer.from(d.secret).toString('hex')),
    );
  });

  it('the Aegis export names each group once and hashes each icon as Aegis does (SHA-256)', async () => {
    const imported = await drafts(encode(aegisV3()));
    const db = JSON.parse(exportAegisPlain(imported)).db;
    expect(db.version).toBe(3);
    expect(db.groups.map((g: { name: string }) => g.name)).toEqual(['Work', 'Personal']);
    const [github] = db.entries;
    expect(github.icon_mime).toBe('image/png');
    expect(github.icon_hash).toBe(
      createHash('sha256').update(Buffer.from(github.icon, 'base64')).digest('hex'),
    );
    const names = new Map(db.groups.map((g: { uuid: string; name: string }) => [g.uuid, g.name]));
    expect(github.groups.map((u: string) => names.get(u))).toEqual(['Work', 'Personal']);
  });

  it('an unreadable icon costs only the icon, not the account', async () => {
    const vault = aegisV3() as { db: { entries: Record<string, unknown>[] } };
    vault.db.entries[0]!.icon = Buffer.from('not a jpeg').toString('base64');
    const [github] = await drafts(encode(vault));
    expect(github!.icon).toBeUndefined();
    expect(github!.favorite).toBe(true);
  });

  it('2FAS: a service’s groupId names one of the backup’s groups', async () => {
    // 2FAS schema 4 (twofas-android backup model): services[].groupId → groups[{id, name}].
    const backup = {
      schemaVersion: 4,
      appVersionCode: 5000000,
      groups: [{ id: 'g-1', name: 'Banking', isExpanded: true }],
      services: [
        {
          name: 'Bank',
          secret: 'JBSWY3DPEHPK3PXP',
          groupId: 'g-1',
          otp: {
            account: 'me',
            issuer: 'Bank',
            digits: 6,
            period: 30,
            algorithm: 'SHA1',
            tokenType: 'TOTP',
          },
        },
        {
          name: 'Other',
          secret: 'GEZDGNBVGY3TQOJQ',
          otp: {
            account: 'me',
            issuer: 'Other',
            digits: 6,
            period: 30,
            algorithm: 'SHA1',
            tokenType: 'TOTP',
          },
        },
      ],
    };
    const [bank, other] = await drafts(encode(backup));
    expect(bank!.groups).toEqual(['Banking']);
    expect(other!.groups).toBeUndefined();
  });

  it('andOTP: tags become groups', async () => {
    // andOTP plain JSON (see ../shared/corpora/aegis/importers/andotp_plain.json): entries with tags[].
    const backup = [
      {
        secret: 'JBSWY3DPEHPK3PXP',
        issuer: 'GitLab',
        label: 'me',
        digits: 6,
        type: 'TOTP',
        algorithm: 'SHA1',
        thumbnail: 'Default',
        last_used: 0,
        used_frequency: 0,
        period: 30,
        tags: ['Work', 'Code', 'Work'],
      },
    ];
    const [gitlab] = await drafts(encode(backup));
    expect(gitlab!.groups).toEqual(['Work', 'Code']);
  });

  it('Bitwarden JSON: folders become groups; favourites and notes are kept', async () => {
    // Bitwarden unencrypted JSON export: folders[{id, name}], items[{folderId, favorite, notes}].
    const backup = {
      encrypted: false,
      folders: [{ id: 'f-1', name: 'Social' }],
      items: [
        {
          type: 1,
          name: 'Mastodon',
          folderId: 'f-1',
          favorite: true,
          notes: 'Instance: example.social',
          login: { username: 'me', totp: 'JBSWY3DPEHPK3PXP' },
        },
      ],
    };
    const [mastodon] = await drafts(encode(backup));
    expect(extras(mastodon!)).toMatchObject({
      favorite: true,
      groups: ['Social'],
      note: 'Instance: example.social',
    });
  });
});
