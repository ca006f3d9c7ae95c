import type { Services } from '../../../src/node/services/container';
import { decodeBase32 } from '../../../src/core/common/encoding/base32';
import type { OtpParams } from '../../../src/shared/account';

const totp = (
  period = 30,
  digits = 6,
  algorithm: 'SHA1' | 'SHA256' | 'SHA512' = 'SHA1',
): OtpParams => ({ type: 'totp', algorithm, digits, period });

/** A realistic mix of accounts for screenshots and accessibility scans. */
export async function seedAccounts(services: Services): Promise<void> {
  const rows: [string, string, string, OtpParams][] = [
    ['GitHub', 'octo-alice', 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', totp()],
    ['Proton', 'alice@proton.me', 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', totp()],
    ['Fastmail', 'alice@fastmail.com', 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U', totp(60, 8, 'SHA256')],
    [
      'Steam',
      'alice_plays',
      'ONSWG4TFORSWG4TFORSWG4TFOQ======',
      { type: 'steam', algorithm: 'SHA1', digits: 5, period: 30 },
    ],
    [
      'Company VPN',
      'alice',
      'KRUGS4ZANFZSAYJAONSWG4TFOQ======',
      { type: 'hotp', algorithm: 'SHA1', digits: 6, counter: 3 },
    ],
  ];
  for (const [issuer, name, secret, otp] of rows) {
    await services.accounts.add({ issuer, name, otp, secret: decodeBase32(secret)! }, Date.now());
  }
}
