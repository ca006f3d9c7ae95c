import { isLatchkeyError } from '../../../shared/errors/index';
import { parseOtpUri } from '../../common/uri/index';
import type { AccountDraft } from '../../common/model';
import type { ImportEntry } from '../../common/import-entry/types';

/**
 * Turns one otpauth:// or steam:// text into an import entry with the shared parser
 * (src/core/common/uri), optionally filling an empty issuer or name from the surrounding record.
 */
export function entryFromUri(
  uri: string,
  index: number,
  fallback: { issuer?: string; name?: string } = {},
): ImportEntry {
  try {
    const { draft, warnings } = parseOtpUri(uri);
    const filled: AccountDraft = {
      ...draft,
      issuer: draft.issuer || (fallback.issuer ?? '').trim(),
      name: draft.name || (fallback.name ?? '').trim(),
    };
    return { ok: true, draft: filled, warnings: warnings.map((w) => w.message) };
  } catch (error) {
    if (!isLatchkeyError(error)) throw error;
    return { ok: false, index, label: labelFromUri(uri, fallback), error: error.toInfo() };
  }
}

/**
 * The label part of a link, for error messages; never the query (which holds the secret).
 */
export function labelFromUri(
  uri: string,
  fallback: { issuer?: string; name?: string } = {},
): string {
  const match = /^[a-z-]+:\/\/[^/?]*\/([^?#]*)/i.exec(uri.trim());
  let label = '';
  if (match) {
    try {
      label = decodeURIComponent(match[1]!);
    } catch {
      label = match[1]!;
    }
  }
  label = label.slice(0, 80).trim();
  return label || [fallback.issuer, fallback.name].filter(Boolean).join(': ');
}
