import type { AccountDraft } from '../../common/model';
import { serializeOtpUri } from '../../common/uri/index';

/**
 * A plain text file with one canonical otpauth:// link per line (src/core/common/uri/serialize.ts),
 * the format nearly every authenticator imports ("Google Authenticator URI list", Aegis
 * plain text, Ente plain text). Anyone holding the file holds the secrets.
 */
export function exportUriList(drafts: readonly AccountDraft[]): string {
  return drafts.map((draft) => `${serializeOtpUri(draft)}\n`).join('');
}
