const FORMAT_NAMES: Record<string, string> = {
  'google-migration': 'Google Authenticator export',
  aegis: 'Aegis backup',
  '2fas': '2FAS backup',
  andotp: 'andOTP backup',
  'bitwarden-json': 'Bitwarden (JSON) export',
  'bitwarden-csv': 'Bitwarden (CSV) export',
  'freeotp-plus': 'FreeOTP+ backup',
  ente: 'Ente Auth backup',
  'proton-authenticator': 'Proton Authenticator backup',
  steam: 'Steam Guard (.maFile)',
  'uri-list': 'list of otpauth:// links',
  latchkey: 'Latchkey backup',
};

/** A recognised import format's name for a sentence ("… is an encrypted Aegis backup."). */
export function formatName(format: string | null | undefined): string {
  return FORMAT_NAMES[format ?? ''] ?? 'backup';
}

export const IMPORT_FORMATS =
  'Aegis, 2FAS, andOTP, Bitwarden, FreeOTP+, Ente Auth, Proton Authenticator, Steam (.maFile), ' +
  'Google Authenticator export links, lists of otpauth:// links, and Latchkey’s own automatic ' +
  'backups.';
