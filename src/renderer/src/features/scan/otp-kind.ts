import type { StagedAccountView } from '../../../../shared/staging';

/** A found account's kind of code in words ("6 digits, every 30 s", "Steam Guard"). */
export function describeOtpKind(item: StagedAccountView): string {
  switch (item.otp.type) {
    case 'totp':
      return `${item.otp.digits} digits, every ${item.otp.period} s${item.otp.algorithm === 'SHA1' ? '' : `, ${item.otp.algorithm}`}`;
    case 'hotp':
      return `counter-based, ${item.otp.digits} digits`;
    case 'steam':
      return 'Steam Guard';
  }
}
