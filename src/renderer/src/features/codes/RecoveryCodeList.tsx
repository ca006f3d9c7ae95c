import type { RevealedCode } from './use-recovery-codes';

/** The revealed recovery codes, each with a box to tick once it is used. */
export function RecoveryCodeList({
  codes,
  onMark,
}: {
  codes: readonly RevealedCode[];
  onMark: (index: number, used: boolean) => void;
}) {
  return (
    <ul className="recovery-list">
      {codes.map((c, index) => (
        <li key={c.code}>
          <label className="inline">
            <input
              type="checkbox"
              checked={c.used}
              onChange={(e) => onMark(index, e.target.checked)}
            />{' '}
            <code className={c.used ? 'used' : ''}>{c.code}</code>
          </label>
        </li>
      ))}
    </ul>
  );
}
