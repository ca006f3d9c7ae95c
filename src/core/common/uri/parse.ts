import type { HashAlgorithm, OtpParams } from '../../../shared/account';
import { OTP_LIMITS } from '../../../shared/account';
import type { AccountDraft } from '../model';
import {
  cleanLabel,
  decodeSecret,
  parseAlgorithm,
  parseCounter,
  parseDigits,
  parsePeriod,
  uriError,
  type UriField,
} from './fields';
import { decodePercent } from './percent';
import {
  hotpCounterMissing,
  issuerMismatch,
  secretWarnings,
  steamParametersIgnored,
  unknownParameter,
  type UriWarning,
} from './warnings';

/**
 * Reads an authenticator link: the Key Uri Format
 * (https://github.com/google/google-authenticator/wiki/Key-Uri-Format) and the Steam spellings
 * seen in other apps. Tolerant of how links are written in the wild, strict about anything that
 * would change the code:
 *
 * - Scheme, type and parameter names are case-insensitive; surrounding white space is ignored.
 * - The secret may be lower case, padded (`=` or `%3D`), or split by spaces or dashes.
 * - Label: `Issuer:Account`, the separator written `:` or `%3A`, spaces after it trimmed; a
 *   literal `:` wins over `%3A`, so an issuer containing an encoded colon stays whole.
 * - Issuer: the `issuer` parameter wins when present and non-empty (the Key Uri Format
 *   recommends it); a label prefix that differs (other than in letter case) yields an
 *   `issuer-mismatch` warning, and the label prefix is dropped. An empty `issuer=` falls back
 *   to the label prefix.
 * - Query values use form encoding (`+` is a space); label text does not (`+` stays `+`).
 * - A parameter repeated with the same value is accepted; with different values it is an error
 *   (`uri.conflicting-parameter`), because the right code would be a guess.
 * - Empty or `null` values of algorithm/digits/period/counter count as absent (Ente writes them).
 * - HOTP without a counter starts at 0 with a `hotp-counter-missing` warning.
 * - Steam: `otpauth://steam/…`, `otpauth://totp/…&encoder=steam`, or `steam://SECRET`; its fixed
 *   SHA1/5/30 s shape overrides the link's digits/period/algorithm (warning if they differed).
 * - A secret shorter than 80 bits is accepted with a `short-secret` warning (the service chose
 *   it; oathtool, pyotp and Aegis accept it too).
 * - Unknown parameters are ignored with an `unknown-parameter` warning (`image` and Ente's
 *   `codeDisplay` silently).
 *
 * Never throws anything but a `LatchkeyError` with a `uri.*` code; `details.field` names the
 * part at fault.
 */
export function parseOtpUri(text: string): { draft: AccountDraft; warnings: UriWarning[] } {
  if (typeof text !== 'string' || text.trim() === '') throw uriError('uri.empty', 'uri');
  if (text.length > OTP_LIMITS.maxUriLength) throw uriError('uri.too-long', 'uri');
  const trimmed = text.trim();
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(trimmed)?.[1]?.toLowerCase();
  const rest = scheme === undefined ? trimmed : trimmed.slice(scheme.length + 1);
  switch (scheme) {
    case 'otpauth':
      return parseOtpauth(rest);
    case 'steam':
      return parseSteamLink(rest);
    case 'otpauth-migration':
      throw uriError('uri.migration', 'uri');
    default:
      throw notAuthenticatorLink(scheme, trimmed);
  }
}

/** A Microsoft work-account activation (`phonefactor://activate_account?…`) or its web form. */
const MICROSOFT_LINK = /^phonefactor:|activate_?account|mobileappcommunicator\.auth\.microsoft/i;

function notAuthenticatorLink(scheme: string | undefined, text: string) {
  if (MICROSOFT_LINK.test(text)) return uriError('uri.microsoft-link', 'uri');
  if (scheme === 'http' || scheme === 'https') return uriError('uri.web-link', 'uri');
  return uriError('uri.not-otpauth', 'uri');
}

/** `steam://SECRET` (Bitwarden's spelling): only a secret, no label. */
function parseSteamLink(rest: string): { draft: AccountDraft; warnings: UriWarning[] } {
  const body = rest.replace(/^\/\//, '').split(/[?#]/)[0]!.replace(/\/+$/, '');
  const secret = decodeSecret(decodePercent(body, false));
  return {
    draft: { issuer: 'Steam', name: '', otp: STEAM, secret },
    warnings: secretWarnings(secret),
  };
}

const STEAM: OtpParams = { type: 'steam', algorithm: 'SHA1', digits: 5, period: 30 };

/** Parameters with a meaning here; any other name gets an `unknown-parameter` warning. */
const KNOWN = new Set(['secret', 'issuer', 'algorithm', 'digits', 'period', 'counter', 'encoder']);
/** Known extensions (FreeOTP/pyotp `image`, Ente `codeDisplay`) that carry nothing Latchkey uses. */
const SILENT = new Set(['image', 'codedisplay']);

const FIELD_OF: Readonly<Record<string, UriField>> = {
  secret: 'secret',
  issuer: 'issuer',
  algorithm: 'algorithm',
  digits: 'digits',
  period: 'period',
  counter: 'counter',
  encoder: 'type',
};

type Query = Map<string, string>;

/** Splits `a=1&b=2`; names are lower-cased; a name without `=` has the empty value. */
function parseQuery(query: string): { params: Query; order: string[] } {
  const params: Query = new Map();
  const order: string[] = [];
  for (const piece of query.split('&')) {
    if (piece === '') continue;
    const eq = piece.indexOf('=');
    const name = decodePercent(eq === -1 ? piece : piece.slice(0, eq), true)
      .trim()
      .toLowerCase();
    const value = eq === -1 ? '' : decodePercent(piece.slice(eq + 1), true);
    if (name === '') continue;
    const previous = params.get(name);
    if (previous === undefined) {
      params.set(name, value);
      order.push(name);
    } else if (previous !== value && FIELD_OF[name] !== undefined) {
      throw uriError('uri.conflicting-parameter', FIELD_OF[name]);
    }
  }
  return { params, order };
}

/** A value that counts as given: not absent, not empty, not the literal `null`. */
function given(params: Query, name: string): string | undefined {
  const value = params.get(name)?.trim();
  return value === undefined || value === '' || value.toLowerCase() === 'null' ? undefined : value;
}

function parseOtpauth(rest: string): { draft: AccountDraft; warnings: UriWarning[] } {
  const body = rest.replace(/^\/{0,2}/, '');
  const q = body.indexOf('?');
  const path = q === -1 ? body : body.slice(0, q);
  const { params, order } = parseQuery(q === -1 ? '' : body.slice(q + 1));
  const slash = path.indexOf('/');
  const typeText = decodePercent(slash === -1 ? path : path.slice(0, slash), false)
    .trim()
    .toLowerCase();
  const rawLabel = slash === -1 ? '' : path.slice(slash + 1);
  const warnings: UriWarning[] = [];

  if (typeText === '') throw uriError('uri.type-missing', 'type');
  if (typeText !== 'totp' && typeText !== 'hotp' && typeText !== 'steam') {
    throw uriError('uri.unsupported-type', 'type');
  }
  const encoder = params.get('encoder')?.trim().toLowerCase();
  const isSteam = typeText === 'steam' || (typeText === 'totp' && encoder === 'steam');

  const secret = decodeSecret(params.get('secret'));
  warnings.push(...secretWarnings(secret));
  const otp = isSteam
    ? steamParams(params, warnings)
    : typeText === 'hotp'
      ? hotpParams(params, warnings)
      : totpParams(params);
  const { issuer, name } = splitLabel(rawLabel, params.get('issuer'), warnings);

  for (const parameter of order) {
    if (!KNOWN.has(parameter) && !SILENT.has(parameter)) warnings.push(unknownParameter(parameter));
  }
  return { draft: { issuer, name, otp, secret }, warnings };
}

function algorithmOf(params: Query): HashAlgorithm {
  const text = given(params, 'algorithm');
  return text === undefined ? 'SHA1' : parseAlgorithm(text);
}

function digitsOf(params: Query): number {
  const text = given(params, 'digits');
  return text === undefined ? 6 : parseDigits(text);
}

function totpParams(params: Query): OtpParams {
  const text = given(params, 'period');
  return {
    type: 'totp',
    algorithm: algorithmOf(params),
    digits: digitsOf(params),
    period: text === undefined ? 30 : parsePeriod(text),
  };
}

function hotpParams(params: Query, warnings: UriWarning[]): OtpParams {
  const text = given(params, 'counter');
  if (text === undefined) warnings.push(hotpCounterMissing());
  return {
    type: 'hotp',
    algorithm: algorithmOf(params),
    digits: digitsOf(params),
    counter: text === undefined ? 0 : parseCounter(text),
  };
}

/** Steam's shape is fixed; values the link states differently are reported, not applied. */
function steamParams(params: Query, warnings: UriWarning[]): OtpParams {
  const differing: string[] = [];
  const digits = given(params, 'digits');
  if (digits !== undefined && digits !== '5') differing.push('digits');
  const period = given(params, 'period');
  if (period !== undefined && period !== '30') differing.push('period');
  const algorithm = given(params, 'algorithm');
  if (algorithm !== undefined && algorithm.toUpperCase().replace(/[-_]/g, '') !== 'SHA1') {
    differing.push('algorithm');
  }
  if (differing.length > 0) warnings.push(steamParametersIgnored(differing));
  return STEAM;
}

/**
 * Splits the label into issuer prefix and account name (Key Uri Format "Label") and reconciles
 * it with the `issuer` parameter; see the module rules above.
 */
function splitLabel(
  rawLabel: string,
  rawIssuerParam: string | undefined,
  warnings: UriWarning[],
): { issuer: string; name: string } {
  const issuerParam = cleanLabel(rawIssuerParam ?? '', 'issuer');
  const fullLabel = decodePercent(rawLabel, false);

  // An issuer that itself contains ':' and is repeated verbatim as the prefix.
  if (issuerParam.includes(':') && fullLabel.startsWith(`${issuerParam}:`)) {
    return {
      issuer: issuerParam,
      name: cleanLabel(fullLabel.slice(issuerParam.length + 1), 'name'),
    };
  }

  let prefix: string | undefined;
  let account: string;
  const literal = rawLabel.indexOf(':');
  const encoded = rawLabel.search(/%3A/i);
  if (literal !== -1) {
    prefix = decodePercent(rawLabel.slice(0, literal), false);
    account = decodePercent(rawLabel.slice(literal + 1), false);
  } else if (encoded !== -1) {
    prefix = decodePercent(rawLabel.slice(0, encoded), false);
    account = decodePercent(rawLabel.slice(encoded + 3), false);
  } else {
    account = fullLabel;
  }
  const name = cleanLabel(account, 'name');
  const labelIssuer = prefix === undefined ? '' : cleanLabel(prefix, 'issuer');

  if (issuerParam === '') return { issuer: labelIssuer, name };
  if (labelIssuer !== '' && labelIssuer.toLowerCase() !== issuerParam.toLowerCase()) {
    warnings.push(issuerMismatch(labelIssuer, issuerParam));
  }
  return { issuer: issuerParam, name };
}
