import type { OtpParams } from '../../../shared/account';

/** "JBSWY3DPEHPK3PXP" → "JBSW Y3DP EHPK 3PXP": groups of four are easy to type back by hand. */
export function groupSecret(base32: string): string {
  const clean = base32.replace(/[\s=-]/g, '').toUpperCase();
  return clean.match(/.{1,4}/g)?.join(' ') ?? '';
}

/** One line telling someone typing the secret by hand which settings to choose. */
export function describeOtp(otp: OtpParams): string {
  switch (otp.type) {
    case 'steam':
      return 'Steam Guard (5 characters, new code every 30 s)';
    case 'hotp':
      return `Counter-based (HOTP) - ${otp.algorithm} - ${otp.digits} digits - next counter ${otp.counter}`;
    case 'totp':
      return `Time-based (TOTP) - ${otp.algorithm} - ${otp.digits} digits - new code every ${otp.period} s`;
  }
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "30 November 2026" in the local calendar: the day the user printed it. */
export function formatKitDate(date: Date): string {
  return `${date.getDate()} ${MONTHS[date.getMonth()]} ${date.getFullYear()}`;
}
