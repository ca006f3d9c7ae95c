/**
 * What the vault needs from an OS keychain. The app uses keytar (src/node/keychain.ts); tests
 * about other things may use an in-memory stand-in, but never to claim keychain behaviour.
 * Values are base64 text of a 32-byte key and nothing else.
 */
export interface KeychainAdapter {
  get(account: string): Promise<string | null>;
  /** Throws `vault.keychain-unavailable` when the keychain cannot store it. */
  set(account: string, value: string): Promise<void>;
  delete(account: string): Promise<boolean>;
  /** True when a harmless read succeeds. A locked collection may still refuse `set`. */
  available(): Promise<boolean>;
}
