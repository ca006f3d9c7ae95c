import type { AccountDraft } from '../model';
import { encodeBase32 } from '../encoding/base32';
import { toWellFormed } from './fields';

/**
 * Writes the canonical Key Uri Format link for a draft
 * (https://github.com/google/google-authenticator/wiki/Key-Uri-Format). Canonical form:
 *
 *     otpauth://TYPE/LABEL?secret=S[&issuer=I]&algorithm=A&digits=D&(period=P|counter=C)[&encoder=steam]
 *
 * - TYPE is `totp` or `hotp`. Steam is written as `totp` with `digits=5&period=30&encoder=steam`
 *   (the KeePassXC/pyotp spelling): it stays a standard type that other apps can at least read,
 *   and this parser turns it back into Steam.
 * - LABEL is `Issuer:Account` with each part percent-encoded (`encodeURIComponent`: space is
 *   `%20`, a `:` inside a part is `%3A`) and the separating `:` left literal. With an empty
 *   issuer the label is `Account`, or `:Account` when the account itself contains a `:` (so it
 *   is not mistaken for a prefix). With an empty account it is `Issuer:`.
 * - `secret` is upper-case base32 without padding; `issuer` is repeated as a parameter when
 *   non-empty (percent-encoded the same way); `algorithm`, `digits` and `period`/`counter` are
 *   always written, even at their defaults, so the link does not rely on any app's defaults.
 *
 * `parseOtpUri(serializeOtpUri(d))` returns `d` for every valid draft (issuer and name trimmed).
 */
export function serializeOtpUri(draft: AccountDraft): string {
  const { otp } = draft;
  // encodeURIComponent throws on unpaired surrogates; drafts from the parser never hold one.
  const issuer = toWellFormed(draft.issuer);
  const name = toWellFormed(draft.name);
  const type = otp.type === 'hotp' ? 'hotp' : 'totp';
  const params: string[] = [`secret=${encodeBase32(draft.secret)}`];
  if (issuer !== '') params.push(`issuer=${encodeURIComponent(issuer)}`);
  params.push(`algorithm=${otp.algorithm}`, `digits=${otp.digits}`);
  if (otp.type === 'hotp') params.push(`counter=${otp.counter}`);
  else params.push(`period=${otp.period}`);
  if (otp.type === 'steam') params.push('encoder=steam');
  return `otpauth://${type}/${label(issuer, name)}?${params.join('&')}`;
}

function label(issuer: string, name: string): string {
  const account = encodeURIComponent(name);
  if (issuer !== '') return `${encodeURIComponent(issuer)}:${account}`;
  return name.includes(':') ? `:${account}` : account;
}
