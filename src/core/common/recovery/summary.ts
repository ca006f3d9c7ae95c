/** At or below this many unused codes the app suggests generating new ones. */
export const LOW_RECOVERY_CODES = 2;

export interface RecoveryCodeSummary {
  readonly total: number;
  readonly unused: number;
  /** True when some codes were saved and at most two are still unused. */
  readonly low: boolean;
}

export function summarizeRecoveryCodes(
  codes: readonly { readonly used: boolean }[],
): RecoveryCodeSummary {
  const unused = codes.filter((c) => !c.used).length;
  return { total: codes.length, unused, low: codes.length > 0 && unused <= LOW_RECOVERY_CODES };
}
