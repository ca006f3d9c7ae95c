import type { StagedAccountView } from '../../../../shared/staging';
import { describeOtpKind } from './otp-kind';

/** One found account in the scan results: its tick box, picture, name, kind and warnings. */
export function FoundItem({
  item,
  picture,
  checked,
  keepingBoth,
  onToggle,
}: {
  item: StagedAccountView;
  picture: string | undefined;
  checked: boolean;
  keepingBoth: boolean;
  onToggle: () => void;
}) {
  const id = `found-${item.key}`;
  return (
    <li className="found-item" data-testid="found-item">
      <input type="checkbox" id={id} checked={checked} onChange={onToggle} />
      {picture ? (
        <img src={picture} alt="" width={48} height={48} />
      ) : (
        <span className="thumb-placeholder" aria-hidden="true" />
      )}
      <label htmlFor={id}>
        <strong>{item.issuer || item.name || 'Unnamed account'}</strong>
        {item.issuer && item.name && <span className="hint"> {item.name}</span>}
        <span className="hint">
          {' '}
          · {describeOtpKind(item)} · {item.source}
        </span>
        {item.duplicateOf !== null && (
          <span className="badge" data-testid="duplicate">
            Already in Latchkey{keepingBoth ? ' — keeping both' : ''}
          </span>
        )}
        {item.warnings.map((w) => (
          <span key={w} className="hint warning">
            {w}
          </span>
        ))}
      </label>
    </li>
  );
}
