import { Notice } from '../../ui/Notice';

/** Why only a password is offered at first run, and how to get the keychain later. */
export function NoKeychainNotice() {
  return (
    <Notice role="note" testId="no-keychain">
      <strong>This computer’s keychain is not available.</strong> Latchkey could not reach a Secret
      Service (such as GNOME Keyring or KWallet), or its keyring is locked, so it cannot open
      automatically. Choose a password instead. To use the keychain later, install or start GNOME
      Keyring or KWallet, then turn on “Open automatically” in Settings.
    </Notice>
  );
}
