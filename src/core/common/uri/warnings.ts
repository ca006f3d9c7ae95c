import { OTP_LIMITS } from '../../../shared/account';

/**
 * Things the parser tolerated but the person may want to know. Each warning has a stable
 * `code` (tests and the UI rely on it) and a message for a person; none contains a secret.
 */
export type UriWarning =
  | { readonly code: 'hotp-counter-missing'; readonly message: string }
  | {
      readonly code: 'short-secret';
      readonly message: string;
      /** The secret's length in bits (whole bytes × 8). */
      readonly bits: number;
    }
  | {
      readonly code: 'issuer-mismatch';
      readonly message: string;
      /** The issuer written before the `:` in the label, which was not used. */
      readonly labelIssuer: string;
      /** The issuer that was used (the `issuer` parameter). */
      readonly issuer: string;
    }
  | { readonly code: 'unknown-parameter'; readonly message: string; readonly parameter: string }
  | {
      readonly code: 'steam-parameters-ignored';
      readonly message: string;
      readonly parameters: readonly string[];
    };

export type UriWarningCode = UriWarning['code'];

export const hotpCounterMissing = (): UriWarning => ({
  code: 'hotp-counter-missing',
  message: 'The link does not give a counter for this counter-based account, so it starts at 0.',
});

/**
 * The secret is shorter than `OTP_LIMITS.recommendedSecretBytes` (80 bits; RFC 4226 §4 asks
 * for 128). Codes are still right: the service chose the secret, so refusing it helps no one.
 */
export const shortSecret = (bytes: number): UriWarning => ({
  code: 'short-secret',
  message: `This key is only ${bytes * 8} bits long. Codes will work, but the service’s key is weaker than recommended (at least ${OTP_LIMITS.recommendedSecretBytes * 8} bits).`,
  bits: bytes * 8,
});

/** The `short-secret` warning for `secret`, or nothing when it has the recommended length. */
export function secretWarnings(secret: Uint8Array): UriWarning[] {
  return secret.length < OTP_LIMITS.recommendedSecretBytes ? [shortSecret(secret.length)] : [];
}

export const issuerMismatch = (labelIssuer: string, issuer: string): UriWarning => ({
  code: 'issuer-mismatch',
  message: `The link names two issuers, “${labelIssuer}” and “${issuer}”; “${issuer}” was used.`,
  labelIssuer,
  issuer,
});

export const unknownParameter = (parameter: string): UriWarning => ({
  code: 'unknown-parameter',
  message: `The link’s “${parameter}” setting is not used by Latchkey and was ignored.`,
  parameter,
});

export const steamParametersIgnored = (parameters: readonly string[]): UriWarning => ({
  code: 'steam-parameters-ignored',
  message: `Steam Guard codes always use 5 characters every 30 seconds; the link’s ${parameters
    .map((p) => `“${p}”`)
    .join(', ')} setting was ignored.`,
  parameters,
});
