import { describe, expect, it } from 'vitest';
import {
  draftFromManualEntry,
  parseOtpUri,
  serializeOtpUri,
} from '../../../src/core/common/uri/index';
import { OTP_LIMITS } from '../../../src/shared/account';
import { defaultMessage } from '../../../src/shared/errors/index';
import { expectUriError, flat, latchkeyErrorOf } from './helpers';

// Google's Key Uri Format wiki example secret (also in corpora keepassxc_cases.json).
const SECRET = 'HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ';
const totp = (query: string, label = 'ACME%20Co:john@example.com') =>
  `otpauth://totp/${label}?secret=${SECRET}&${query}`;

describe('parseOtpUri: tolerant input', () => {
  it('reads the Key Uri Format example with defaults filled in', () => {
    const { draft, warnings } = parseOtpUri(totp('issuer=ACME%20Co'));
    expect(flat(draft)).toMatchObject({
      type: 'totp',
      issuer: 'ACME Co',
      name: 'john@example.com',
      secret: SECRET,
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
    });
    expect(warnings).toEqual([]);
  });

  it.each([
    ['lower case', SECRET.toLowerCase()],
    ['padded with =', `${SECRET}%3D%3D`],
    ['spaced (%20)', 'HXDM%20VJEC%20JJWS%20RB3H%20WIZR%204IFU%20GFTM%20XBOZ'],
    ['spaced (+)', 'HXDM+VJEC+JJWS+RB3H+WIZR+4IFU+GFTM+XBOZ'],
    ['dashed', 'HXDM-VJEC-JJWS-RB3H-WIZR-4IFU-GFTM-XBOZ'],
  ])('accepts a %s secret', (_, secret) => {
    const { draft } = parseOtpUri(`otpauth://totp/x?secret=${secret}`);
    expect(flat(draft).secret).toBe(SECRET);
  });

  it('is case-insensitive in scheme, type and parameter names, and trims the text', () => {
    const { draft } = parseOtpUri(
      `  OTPAUTH://TOTP/x?SECRET=${SECRET}&ALGORITHM=sha256&Digits=8\n`,
    );
    expect(flat(draft)).toMatchObject({ type: 'totp', algorithm: 'SHA256', digits: 8 });
  });

  it.each(['SHA-512', 'sha_512', 'HmacSHA512', 'HMAC-SHA-512'])('reads algorithm %s', (a) => {
    expect(parseOtpUri(totp(`algorithm=${a}`)).draft.otp.algorithm).toBe('SHA512');
  });

  it('takes the issuer from the label when there is no parameter', () => {
    expect(flat(parseOtpUri(totp('')).draft)).toMatchObject({
      issuer: 'ACME Co',
      name: 'john@example.com',
    });
  });

  it('takes the issuer from the parameter when the label has none', () => {
    const { draft } = parseOtpUri(totp('issuer=ACME+Co', 'john'));
    expect({ issuer: draft.issuer, name: draft.name }).toEqual({ issuer: 'ACME Co', name: 'john' });
  });

  it('lets the issuer parameter win over a different label prefix, with a warning', () => {
    const { draft, warnings } = parseOtpUri(totp('issuer=Contoso', 'ACME%20Co:john'));
    expect({ issuer: draft.issuer, name: draft.name }).toEqual({ issuer: 'Contoso', name: 'john' });
    expect(warnings).toEqual([
      {
        code: 'issuer-mismatch',
        message: expect.stringContaining('Contoso'),
        labelIssuer: 'ACME Co',
        issuer: 'Contoso',
      },
    ]);
  });

  it('keeps "+" in the label literal but reads "+" in the query as a space', () => {
    const { draft } = parseOtpUri(totp('issuer=Air+Canada', 'Air%20Canada:a+b'));
    expect({ issuer: draft.issuer, name: draft.name }).toEqual({
      issuer: 'Air Canada',
      name: 'a+b',
    });
  });

  it('keeps malformed percent escapes as written instead of failing', () => {
    const { draft } = parseOtpUri(totp('', '100%:caf%C3%A9%E2%28'));
    expect({ issuer: draft.issuer, name: draft.name }).toEqual({
      issuer: '100%',
      name: 'café%E2(',
    });
  });

  it('accepts a link without a label', () => {
    const { draft } = parseOtpUri(`otpauth://totp?secret=${SECRET}`);
    expect({ issuer: draft.issuer, name: draft.name }).toEqual({ issuer: '', name: '' });
  });

  it('ignores unknown parameters with a warning (image and Ente codeDisplay silently)', () => {
    const { warnings } = parseOtpUri(totp('issuer=ACME%20Co&foo=1&image=x&codeDisplay=%7B%7D'));
    expect(warnings).toEqual([
      { code: 'unknown-parameter', parameter: 'foo', message: expect.stringContaining('foo') },
    ]);
  });

  it('treats empty and "null" values as absent', () => {
    const { draft } = parseOtpUri(totp('algorithm=null&digits=&period=null'));
    expect(draft.otp).toEqual({ type: 'totp', algorithm: 'SHA1', digits: 6, period: 30 });
  });

  it('accepts a repeated parameter with the same value', () => {
    expect(parseOtpUri(totp('digits=8&digits=8')).draft.otp.digits).toBe(8);
  });

  it('starts HOTP at counter 0 with a warning when the counter is missing', () => {
    const { draft, warnings } = parseOtpUri(`otpauth://hotp/x?secret=${SECRET}`);
    expect(draft.otp).toEqual({ type: 'hotp', algorithm: 'SHA1', digits: 6, counter: 0 });
    expect(warnings.map((w) => w.code)).toEqual(['hotp-counter-missing']);
  });

  it.each([6, 7, 8, 9, 10])('accepts %i digits', (digits) => {
    expect(parseOtpUri(totp(`digits=${digits}`)).draft.otp.digits).toBe(digits);
  });

  it.each([1, 15, 3600])('accepts period %i', (period) => {
    expect(parseOtpUri(totp(`period=${period}`)).draft.otp).toMatchObject({ period });
  });
});

describe('parseOtpUri: Steam', () => {
  const steam = { type: 'steam', algorithm: 'SHA1', digits: 5, period: 30 };
  it('reads otpauth://steam/', () => {
    const { draft, warnings } = parseOtpUri(
      `otpauth://steam/Steam:alice?secret=${SECRET}&issuer=Steam&digits=5&period=30`,
    );
    expect(draft.otp).toEqual(steam);
    expect({ issuer: draft.issuer, name: draft.name }).toEqual({ issuer: 'Steam', name: 'alice' });
    expect(warnings).toEqual([]);
  });
  it('reads encoder=steam and reports the digits/period it overrides', () => {
    const { draft, warnings } = parseOtpUri(totp('encoder=STEAM&digits=7&period=15'));
    expect(draft.otp).toEqual(steam);
    expect(warnings).toEqual([
      {
        code: 'steam-parameters-ignored',
        parameters: ['digits', 'period'],
        message: expect.any(String),
      },
    ]);
  });
  it('reads steam://SECRET (Bitwarden)', () => {
    const { draft } = parseOtpUri(`steam://${SECRET}`);
    expect(draft.otp).toEqual(steam);
    expect({ issuer: draft.issuer, name: draft.name }).toEqual({ issuer: 'Steam', name: '' });
    expect(flat(draft).secret).toBe(SECRET);
  });
  it('writes Steam as totp with encoder=steam', () => {
    const uri = serializeOtpUri(parseOtpUri(`steam://${SECRET}`).draft);
    expect(uri).toBe(
      `otpauth://totp/Steam:?secret=${SECRET}&issuer=Steam&algorithm=SHA1&digits=5&period=30&encoder=steam`,
    );
  });
});

describe('parseOtpUri: strict where it matters', () => {
  it.each([
    ['', 'uri.empty', 'uri'],
    ['   \n', 'uri.empty', 'uri'],
    ['JBSWY3DPEHPK3PXP', 'uri.not-otpauth', 'uri'],
    ['mailto:someone@example.com', 'uri.not-otpauth', 'uri'],
    ['https://example.com/2fa/setup', 'uri.web-link', 'uri'],
    ['HTTP://example.com', 'uri.web-link', 'uri'],
    [
      'phonefactor://activate_account?code=123456789&url=https://mobileappcommunicator.auth.microsoft.com/activate/1/WEU',
      'uri.microsoft-link',
      'uri',
    ],
    [
      'https://account.activedirectory.windowsazure.com/activateAccount?x=1',
      'uri.microsoft-link',
      'uri',
    ],
    ['otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8SGA', 'uri.migration', 'uri'],
    [`otpauth:///x?secret=${SECRET}`, 'uri.type-missing', 'type'],
    [`otpauth://motp/x?secret=${SECRET}`, 'uri.unsupported-type', 'type'],
    ['otpauth://totp/x', 'uri.secret-missing', 'secret'],
    ['otpauth://totp/x?secret=', 'uri.secret-missing', 'secret'],
    ['otpauth://totp/x?secret=%20-%20', 'uri.secret-missing', 'secret'],
    ['otpauth://totp/x?secret=JBSWY3DPEHPK3PX1', 'uri.secret-invalid', 'secret'],
    ['otpauth://totp/x?secret=JBSWY3DPEHPK3PXPJ', 'uri.secret-invalid', 'secret'],
    ['otpauth://totp/x?secret=A', 'uri.secret-invalid', 'secret'],
    [`otpauth://totp/x?secret=${'A'.repeat(208)}`, 'uri.secret-too-long', 'secret'],
    [
      `otpauth://totp/x?secret=${SECRET}&algorithm=SHA384`,
      'uri.unsupported-algorithm',
      'algorithm',
    ],
    [`otpauth://totp/x?secret=${SECRET}&algorithm=MD5`, 'uri.unsupported-algorithm', 'algorithm'],
    [`otpauth://totp/x?secret=${SECRET}&digits=5`, 'uri.digits-out-of-range', 'digits'],
    [`otpauth://totp/x?secret=${SECRET}&digits=11`, 'uri.digits-out-of-range', 'digits'],
    [`otpauth://totp/x?secret=${SECRET}&digits=6.5`, 'uri.digits-out-of-range', 'digits'],
    [`otpauth://totp/x?secret=${SECRET}&period=0`, 'uri.period-out-of-range', 'period'],
    [`otpauth://totp/x?secret=${SECRET}&period=3601`, 'uri.period-out-of-range', 'period'],
    [`otpauth://totp/x?secret=${SECRET}&period=-30`, 'uri.period-out-of-range', 'period'],
    [`otpauth://hotp/x?secret=${SECRET}&counter=-1`, 'uri.counter-invalid', 'counter'],
    [
      `otpauth://hotp/x?secret=${SECRET}&counter=9007199254740992`,
      'uri.counter-invalid',
      'counter',
    ],
    [
      `otpauth://totp/x?secret=${SECRET}&secret=JBSWY3DPEHPK3PXP`,
      'uri.conflicting-parameter',
      'secret',
    ],
    [`otpauth://totp/${'a'.repeat(300)}?secret=${SECRET}`, 'uri.label-too-long', 'name'],
    [`otpauth://totp/x?secret=${SECRET}&issuer=${'i'.repeat(300)}`, 'uri.label-too-long', 'issuer'],
    [
      `otpauth://totp/x?secret=${SECRET}&x=${'y'.repeat(OTP_LIMITS.maxUriLength)}`,
      'uri.too-long',
      'uri',
    ],
  ] as const)('%s -> %s', (text, code, field) => {
    expectUriError(() => parseOtpUri(text), code, field);
  });

  it('accepts the largest safe counter', () => {
    const { draft } = parseOtpUri(`otpauth://hotp/x?secret=${SECRET}&counter=9007199254740991`);
    expect(draft.otp).toMatchObject({ counter: Number.MAX_SAFE_INTEGER });
  });

  it('gives people readable messages that never contain the secret', () => {
    const error = latchkeyErrorOf(() => parseOtpUri(`otpauth://totp/x?secret=${SECRET}&digits=99`));
    expect(error.message).toBe(defaultMessage('uri.digits-out-of-range'));
    expect(error.message).not.toContain(SECRET);
    expect(latchkeyErrorOf(() => parseOtpUri('https://x.example')).message).toMatch(/web address/);
    expect(
      latchkeyErrorOf(() => parseOtpUri('otpauth-migration://offline?data=x')).message,
    ).toMatch(/Google Authenticator export.*Add account/);
  });

  it('refuses non-string input with a LatchkeyError too', () => {
    expectUriError(() => parseOtpUri(undefined as unknown as string), 'uri.empty', 'uri');
    expectUriError(() => parseOtpUri(42 as unknown as string), 'uri.empty', 'uri');
  });
});

describe('short secrets', () => {
  // The service chooses the secret; oathtool, pyotp and Aegis accept short ones, and so do we,
  // with a warning below 80 bits (OTP_LIMITS.recommendedSecretBytes).
  it.each([
    ['ME', 1],
    ['GEZDGNBV', 5],
    ['HXDMVJECJJWSRBY', 9],
  ])('keeps the %s secret (%i bytes) and warns about its length', (secret, bytes) => {
    const { draft, warnings } = parseOtpUri(`otpauth://totp/x?secret=${secret}`);
    expect(draft.secret).toHaveLength(bytes);
    expect(flat(draft).secret).toBe(secret);
    expect(warnings).toEqual([
      {
        code: 'short-secret',
        bits: bytes * 8,
        message: `This key is only ${bytes * 8} bits long. Codes will work, but the service’s key is weaker than recommended (at least 80 bits).`,
      },
    ]);
    expect(warnings[0]!.message).not.toContain(secret);
  });

  it('does not warn from 80 bits on', () => {
    const tenBytes = 'JBSWY3DPEHPK3PXP';
    const { draft, warnings } = parseOtpUri(`otpauth://totp/x?secret=${tenBytes}`);
    expect(draft.secret).toHaveLength(OTP_LIMITS.recommendedSecretBytes);
    expect(warnings).toEqual([]);
  });

  it('warns alongside the other warnings, for HOTP, Steam links and typed entries', () => {
    expect(parseOtpUri('otpauth://hotp/x?secret=GEZDGNBV').warnings.map((w) => w.code)).toEqual([
      'short-secret',
      'hotp-counter-missing',
    ]);
    expect(parseOtpUri('steam://GEZDGNBV').warnings).toEqual([
      expect.objectContaining({ code: 'short-secret', bits: 40 }),
    ]);
    const manual = draftFromManualEntry({ issuer: 'i', name: 'n', secret: 'gezd gnbv' });
    expect(manual.draft.secret).toEqual(new TextEncoder().encode('12345'));
    expect(manual.warnings).toEqual([expect.objectContaining({ code: 'short-secret', bits: 40 })]);
  });

  it('writes a short secret back unchanged', () => {
    const { draft } = parseOtpUri('otpauth://totp/i:n?secret=GEZDGNBV&issuer=i');
    expect(serializeOtpUri(draft)).toBe(
      'otpauth://totp/i:n?secret=GEZDGNBV&issuer=i&algorithm=SHA1&digits=6&period=30',
    );
  });
});

describe('serializeOtpUri', () => {
  it('writes the canonical form: encoded label parts, literal colon, fixed parameter order', () => {
    const { draft } = parseOtpUri(
      `otpauth://totp/ACME%20Co:john%40example.com?period=60&digits=8&algorithm=sha256&issuer=ACME+Co&secret=${SECRET.toLowerCase()}`,
    );
    expect(serializeOtpUri(draft)).toBe(
      `otpauth://totp/ACME%20Co:john%40example.com?secret=${SECRET}&issuer=ACME%20Co&algorithm=SHA256&digits=8&period=60`,
    );
  });
  it('writes HOTP with its counter', () => {
    const { draft } = parseOtpUri(`otpauth://hotp/Issuu:James?secret=${SECRET}&counter=7`);
    expect(serializeOtpUri(draft)).toBe(
      `otpauth://hotp/Issuu:James?secret=${SECRET}&issuer=Issuu&algorithm=SHA1&digits=6&counter=7`,
    );
  });
  it('protects a colon in an account name that has no issuer', () => {
    const draft = { ...parseOtpUri(totp('', 'x')).draft, issuer: '', name: 'a:b' };
    const uri = serializeOtpUri(draft);
    expect(uri.startsWith('otpauth://totp/:a%3Ab?')).toBe(true);
    expect(parseOtpUri(uri).draft).toEqual(draft);
  });
});

describe('draftFromManualEntry', () => {
  const entry = {
    issuer: ' ACME Co ',
    name: 'john',
    secret: 'hxdm vjec jjws rb3h wizr 4ifu gftm xboz',
  };

  it('applies the defaults and the tolerant secret rules', () => {
    const { draft, warnings } = draftFromManualEntry(entry);
    expect(flat(draft)).toMatchObject({
      type: 'totp',
      issuer: 'ACME Co',
      name: 'john',
      secret: SECRET,
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
    });
    expect(warnings).toEqual([]);
  });

  it('gives the same draft as the equivalent link', () => {
    const manual = draftFromManualEntry({
      ...entry,
      type: 'hotp',
      algorithm: 'SHA512',
      digits: 8,
      counter: 5,
    }).draft;
    const link = parseOtpUri(
      `otpauth://hotp/ACME%20Co:john?secret=${SECRET}&algorithm=SHA512&digits=8&counter=5`,
    ).draft;
    expect(manual).toEqual(link);
  });

  it('stores a counter of -0 as 0, so the draft equals its own link read back', () => {
    // Found by the manual-entry property test once short secrets ("AA==") were accepted.
    const { draft } = draftFromManualEntry({ ...entry, type: 'hotp', counter: -0 });
    expect(Object.is(draft.otp.type === 'hotp' && draft.otp.counter, 0)).toBe(true);
    expect(parseOtpUri(serializeOtpUri(draft)).draft).toEqual(draft);
  });

  it('warns about a missing HOTP counter and ignored Steam settings', () => {
    expect(draftFromManualEntry({ ...entry, type: 'hotp' }).warnings.map((w) => w.code)).toEqual([
      'hotp-counter-missing',
    ]);
    const steam = draftFromManualEntry({ ...entry, type: 'steam', digits: 6 });
    expect(steam.draft.otp).toEqual({ type: 'steam', algorithm: 'SHA1', digits: 5, period: 30 });
    expect(steam.warnings.map((w) => w.code)).toEqual(['steam-parameters-ignored']);
  });

  it.each([
    [{ secret: '' }, 'uri.secret-missing', 'secret'],
    [{ secret: 'not base32!' }, 'uri.secret-invalid', 'secret'],
    [{ secret: 'A' }, 'uri.secret-invalid', 'secret'],
    [{ digits: 4 }, 'uri.digits-out-of-range', 'digits'],
    [{ period: 0 }, 'uri.period-out-of-range', 'period'],
    [{ period: 4000 }, 'uri.period-out-of-range', 'period'],
    [{ type: 'hotp' as const, counter: -1 }, 'uri.counter-invalid', 'counter'],
    [{ algorithm: 'MD5' }, 'uri.unsupported-algorithm', 'algorithm'],
    [{ type: 'motp' as unknown as 'totp' }, 'uri.unsupported-type', 'type'],
    [{ name: 'n'.repeat(300) }, 'uri.label-too-long', 'name'],
    [{ issuer: 'i'.repeat(300) }, 'uri.label-too-long', 'issuer'],
  ] as const)('%j -> %s on field %s', (change, code, field) => {
    expectUriError(() => draftFromManualEntry({ ...entry, ...change }), code, field);
  });
});

describe('issuer agreement', () => {
  it('does not warn when label prefix and parameter differ only in letter case', () => {
    const { draft, warnings } = parseOtpUri(
      'otpauth://totp/github:octocat?secret=HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ&issuer=GitHub',
    );
    expect({ issuer: draft.issuer, name: draft.name }).toEqual({
      issuer: 'GitHub',
      name: 'octocat',
    });
    expect(warnings).toEqual([]);
  });
});
