/** The screens of an unlocked vault: the code list, and those shown over it. */
export type AppScreen = 'codes' | 'add' | 'settings' | 'backup';
