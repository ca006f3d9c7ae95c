const LOCK_REASONS: Record<string, string> = {
  user: 'Latchkey is locked.',
  idle: 'Latchkey locked itself after a while without use.',
  suspend: 'Latchkey locked when the computer went to sleep.',
  'screen-lock': 'Latchkey locked when the screen was locked.',
  'signed-out': 'This device is signed out: Latchkey no longer opens automatically here.',
};

/** Why the vault is locked, in words; undefined for no reason or one without words. */
export function describeLockReason(reason: string | null): string | undefined {
  return reason ? LOCK_REASONS[reason] : undefined;
}

/** Time a saved copy was written, from its id (`<sequence>-<unix ms>`). */
export function savedAt(generationId: string): string {
  const ms = Number(generationId.split('-')[1]);
  return Number.isFinite(ms) ? new Date(ms).toLocaleString() : 'earlier';
}
