/** How a new vault opens: keychain with a password as backup, keychain only, or password only. */
export type OpenMethod = 'both' | 'keychain' | 'password';
