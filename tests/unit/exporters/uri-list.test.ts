import * as OTPAuth from 'otpauth';
import { describe, expect, it } from 'vitest';
import { exportUriList } from '../../../src/core/node/exporters/uri-list';
import { importBackup } from '../../../src/core/node/importers';
import { asExpected, corpusBytes } from '../importers/corpus';

describe('exportUriList', () => {
  it('re-exports the Aegis plain.txt accounts as one link per line that read back identically', async () => {
    const original = await importBackup(corpusBytes('aegis/importers/plain.txt'));
    const drafts = original.entries.flatMap((e) => (e.ok ? [e.draft] : []));
    expect(drafts).toHaveLength(7);
    const text = exportUriList(drafts);
    expect(text.endsWith('\n')).toBe(true);
    expect(text.trimEnd().split('\n')).toHaveLength(7);
    const again = await importBackup(new TextEncoder().encode(text));
    expect(again.entries.map((e) => e.ok && asExpected(e.draft))).toEqual(drafts.map(asExpected));
  });

  it('TOTP/HOTP lines are readable by an independent parser (the otpauth library)', async () => {
    const original = await importBackup(corpusBytes('aegis/importers/aegis_plain.json'));
    const drafts = original.entries.flatMap((e) =>
      e.ok && e.draft.otp.type !== 'steam' ? [e.draft] : [],
    );
    const lines = exportUriList(drafts).trimEnd().split('\n');
    lines.forEach((line, i) => {
      const parsed = OTPAuth.URI.parse(line);
      const d = asExpected(drafts[i]!);
      expect([
        parsed.issuer,
        parsed.label,
        parsed.secret.base32.replace(/=+$/, ''),
        parsed.algorithm,
        parsed.digits,
      ]).toEqual([d.issuer, d.name, d.secret, d.algorithm, d.digits]);
    });
  });
});
