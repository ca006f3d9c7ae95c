import type { OpenMethod } from './open-method';
import { OpenMethodOption } from './OpenMethodOption';

/** The three ways to open a new vault; the keychain ones only when the keychain is there. */
export function OpenMethodChoices({
  current,
  onChange,
  keychain,
}: {
  current: OpenMethod;
  onChange: (method: OpenMethod) => void;
  keychain: boolean;
}) {
  return (
    <fieldset className="choices">
      <legend>Open Latchkey</legend>
      <OpenMethodOption
        value="both"
        current={current}
        onChange={onChange}
        disabled={!keychain}
        title="Automatically on this device, with a password as a backup (recommended)"
      >
        Opens without asking on this computer; the password still opens your vault if the keychain
        is lost or you restore a backup elsewhere.
      </OpenMethodOption>
      <OpenMethodOption
        value="keychain"
        current={current}
        onChange={onChange}
        disabled={!keychain}
        title="Automatically on this device only"
      >
        Nothing to remember, but if this computer’s keychain is reset, the vault cannot be opened.
        Keep a printed emergency kit.
      </OpenMethodOption>
      <OpenMethodOption
        value="password"
        current={current}
        onChange={onChange}
        title="With a password every time"
      >
        Latchkey asks for your password whenever it opens or locks.
      </OpenMethodOption>
    </fieldset>
  );
}
