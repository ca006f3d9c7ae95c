/** Problems with an otpauth:// (or steam://) text or a manually typed account. Owned by src/core/common/uri. */
export const uriErrorMessages = {
  'uri.empty': 'Nothing was entered.',
  'uri.too-long': 'This text is too long to be an authenticator link.',
  'uri.not-otpauth': 'This is not an authenticator link (it should start with otpauth://).',
  'uri.web-link':
    'This is a web address, not an authenticator secret. Open it in a browser; the site should then show a QR code or a secret key for your authenticator app.',
  'uri.microsoft-link':
    'This is a Microsoft Authenticator sign-up link, which only Microsoft’s app can use. On the Microsoft page, choose to use a different authenticator app to get a standard QR code.',
  'uri.migration':
    'This is a Google Authenticator export. Scan it on the Add account screen to import its accounts.',
  'uri.malformed': 'This authenticator link is malformed.',
  'uri.type-missing': 'The link does not say which kind of code it is (totp or hotp).',
  'uri.unsupported-type': 'This kind of one-time code is not supported.',
  'uri.conflicting-parameter':
    'The link gives the same setting twice with different values, so the right code cannot be known.',
  'uri.secret-missing': 'The link has no secret.',
  'uri.secret-invalid': 'The secret is not valid base32 (letters A–Z and digits 2–7).',
  'uri.secret-too-long': 'The secret is too long.',
  'uri.unsupported-algorithm': 'This hash algorithm is not supported (use SHA1, SHA256 or SHA512).',
  'uri.digits-out-of-range': 'The number of digits must be between 6 and 10.',
  'uri.period-out-of-range': 'The period must be between 1 and 3600 seconds.',
  'uri.counter-invalid': 'The counter must be a whole number of 0 or more.',
  'uri.label-too-long': 'The issuer or account name is too long.',
} as const;
export type UriErrorCode = keyof typeof uriErrorMessages;
