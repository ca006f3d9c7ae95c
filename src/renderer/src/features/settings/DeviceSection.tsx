import type { VaultStatusView } from '../../../../shared/bridge';
import { Section } from '../../ui/Section';
import { EnableKeychain } from './EnableKeychain';
import { SignOutDevice } from './SignOutDevice';

/** Whether this computer's keychain opens the vault: turn it on, or sign this device out. */
export function DeviceSection({ status }: { status: VaultStatusView }) {
  return (
    <Section title="This device">
      {status.slots.keychain ? (
        <>
          <p className="hint">
            Latchkey opens automatically here, with a key kept in this computer’s keychain.
          </p>
          {status.slots.password ? (
            <SignOutDevice />
          ) : (
            <p className="hint">Set a password first: signing out removes the only other way in.</p>
          )}
        </>
      ) : (
        <>
          <p className="hint">
            {status.keychainAvailable
              ? 'Open Latchkey without a password on this computer, using its keychain.'
              : 'This computer’s keychain (a Secret Service such as GNOME Keyring or KWallet) is not available, so Latchkey cannot open automatically here.'}
          </p>
          <EnableKeychain status={status} />
        </>
      )}
    </Section>
  );
}
