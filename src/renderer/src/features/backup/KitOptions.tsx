export type KitVariant = 'full' | 'recovery-only';

interface Props {
  readonly variant: KitVariant;
  readonly onVariant: (variant: KitVariant) => void;
  readonly transfer: boolean;
  readonly onTransfer: (transfer: boolean) => void;
}

/** What the emergency kit prints. */
export function KitOptions({ variant, onVariant, transfer, onTransfer }: Props) {
  return (
    <fieldset className="choices">
      <legend>What to print</legend>
      <label className="inline">
        <input
          type="radio"
          name="variant"
          checked={variant === 'full'}
          onChange={() => onVariant('full')}
        />{' '}
        Everything (QR codes, setup keys, recovery codes)
      </label>
      <label className="inline">
        <input
          type="radio"
          name="variant"
          checked={variant === 'recovery-only'}
          onChange={() => onVariant('recovery-only')}
        />{' '}
        Recovery codes only (no secrets)
      </label>
      {variant === 'full' && (
        <label className="inline">
          <input
            type="checkbox"
            checked={transfer}
            onChange={(e) => onTransfer(e.target.checked)}
          />{' '}
          Add Google Authenticator transfer codes (move everything to a phone in one scan)
        </label>
      )}
    </fieldset>
  );
}
