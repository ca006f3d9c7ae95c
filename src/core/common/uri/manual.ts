import type { HashAlgorithm, OtpParams } from '../../../shared/account';
import type { ManualEntry } from '../../../shared/bridge';
import type { AccountDraft } from '../model';
import {
  checkCounter,
  checkDigits,
  checkPeriod,
  cleanLabel,
  decodeSecret,
  parseAlgorithm,
  uriError,
} from './fields';
import {
  hotpCounterMissing,
  secretWarnings,
  steamParametersIgnored,
  type UriWarning,
} from './warnings';

/**
 * Builds a draft from the Add-account form. Same rules, codes and `details.field` values as
 * `parseOtpUri`, so the form can show each message next to its field: defaults TOTP/SHA1/6/30,
 * a secret under 80 bits is kept (warning), HOTP without a counter starts at 0 (warning),
 * Steam ignores digits/period/algorithm (warning if they differ from its fixed SHA1/5/30 s).
 */
export function draftFromManualEntry(entry: ManualEntry): {
  draft: AccountDraft;
  warnings: UriWarning[];
} {
  const issuer = cleanLabel(entry.issuer, 'issuer');
  const name = cleanLabel(entry.name, 'name');
  const secret = decodeSecret(entry.secret);
  const warnings: UriWarning[] = secretWarnings(secret);
  const type: string = entry.type ?? 'totp';
  let otp: OtpParams;
  switch (type) {
    case 'totp':
      otp = {
        type: 'totp',
        algorithm: algorithmOf(entry),
        digits: checkDigits(entry.digits ?? 6),
        period: checkPeriod(entry.period ?? 30),
      };
      break;
    case 'hotp':
      if (entry.counter === undefined) warnings.push(hotpCounterMissing());
      otp = {
        type: 'hotp',
        algorithm: algorithmOf(entry),
        digits: checkDigits(entry.digits ?? 6),
        counter: checkCounter(entry.counter ?? 0),
      };
      break;
    case 'steam': {
      const differing = [
        entry.digits !== undefined && entry.digits !== 5 ? 'digits' : '',
        entry.period !== undefined && entry.period !== 30 ? 'period' : '',
        entry.algorithm !== undefined && entry.algorithm !== 'SHA1' ? 'algorithm' : '',
      ].filter((p) => p !== '');
      if (differing.length > 0) warnings.push(steamParametersIgnored(differing));
      otp = { type: 'steam', algorithm: 'SHA1', digits: 5, period: 30 };
      break;
    }
    default:
      throw uriError('uri.unsupported-type', 'type');
  }
  return { draft: { issuer, name, otp, secret }, warnings };
}

function algorithmOf(entry: ManualEntry): HashAlgorithm {
  return entry.algorithm === undefined ? 'SHA1' : parseAlgorithm(entry.algorithm);
}
