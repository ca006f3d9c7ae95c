/**
 * Things the parser tolerated but the person may want to know. Each warning has a stable
 * `code` (tests and the UI rely on it) and a message for a person; none contains a secret.
 */
export type UriWarning =
  | { readonly code: 'hotp-counter-missing'; readonly message: string }
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
