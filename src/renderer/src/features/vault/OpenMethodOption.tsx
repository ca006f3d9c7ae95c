import type { OpenMethod } from './open-method';

/** One way to open the vault as a radio button, with its consequences spelled out under it. */
export function OpenMethodOption(props: {
  value: OpenMethod;
  current: OpenMethod;
  onChange: (c: OpenMethod) => void;
  disabled?: boolean;
  title: string;
  children: string;
}) {
  const id = `choice-${props.value}`;
  return (
    <div className={`choice${props.disabled ? ' choice-disabled' : ''}`}>
      <input
        type="radio"
        id={id}
        name="open-method"
        value={props.value}
        checked={props.current === props.value}
        disabled={props.disabled}
        aria-describedby={`${id}-hint`}
        onChange={() => props.onChange(props.value)}
      />
      <label htmlFor={id}>{props.title}</label>
      <p id={`${id}-hint`} className="hint">
        {props.children}
      </p>
    </div>
  );
}
