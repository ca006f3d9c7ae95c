import { isAegisVault } from './aegis';
import { isAndOtpList } from './andotp';
import { isBitwardenJson, looksLikeBitwardenCsv } from './bitwarden';
import { isFreeOtpPlus, isProtonAuthenticator, isSteamGuard } from './json-formats';
import { isTwoFasBackup } from './twofas';
import type { ImportFormat } from '../../common/import-entry/types';
import { linesOf } from './uri-list';
import { isObject, type Json } from './util';

/**
 * Recognises a backup from its content. The file name only breaks ties the content cannot:
 * an empty JSON array (andOTP with no accounts) and binary data (andOTP's encrypted backup is
 * the one binary format, and it has no magic number).
 */

/** Magic numbers of files people pick by mistake (images, archives, databases, PDFs). */
const NOT_BACKUPS: readonly number[][] = [
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF
  [0x50, 0x4b, 0x03, 0x04], // ZIP
  [0x25, 0x50, 0x44, 0x46], // PDF
  [0x1f, 0x8b], // gzip
  [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], // "SQLite"
  [0x52, 0x49, 0x46, 0x46], // RIFF (WebP)
  [0xac, 0xed], // Java serialisation (FreeOTP 2 backups)
  [...'AUTHENTICATORPRO'].map((c) => c.charCodeAt(0)), // Stratum / Authenticator Pro
  [...'AuthenticatorPro'].map((c) => c.charCodeAt(0)),
];

const UTF8 = new TextDecoder('utf-8', { fatal: true });

export function decodeText(bytes: Uint8Array): string | null {
  try {
    const text = UTF8.decode(bytes).replace(/^\uFEFF/, '');
    // Text files do not contain NULs or most other C0 controls (tab, LF, VT, FF, CR are fine).
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code < 0x20 && (code < 0x09 || code > 0x0d)) return null;
    }
    return text;
  } catch {
    return null;
  }
}

export function parseJsonLoose(text: string): Json | undefined {
  const start = text.trimStart()[0];
  if (start !== '{' && start !== '[') return undefined;
  try {
    return JSON.parse(text) as Json;
  } catch {
    return undefined;
  }
}

function isEnteEncrypted(value: Json): boolean {
  return isObject(value) && 'kdfParams' in value && 'encryptedData' in value;
}

export function detectJsonFormat(value: Json, fileName = ''): ImportFormat | null {
  if (isAegisVault(value)) return 'aegis';
  if (isTwoFasBackup(value)) return '2fas';
  if (isBitwardenJson(value)) return 'bitwarden-json';
  if (isFreeOtpPlus(value)) return 'freeotp-plus';
  if (isProtonAuthenticator(value)) return 'proton-authenticator';
  if (isSteamGuard(value)) return 'steam';
  if (isAndOtpList(value)) return 'andotp';
  if (isEnteEncrypted(value)) return 'ente';
  if (Array.isArray(value) && value.length === 0 && /otp/i.test(fileName)) return 'andotp';
  return null;
}

/**
 * Link lists are told apart (Google export, Ente, plain) by their first lines: all three are read
 * by the same line reader, so the verdict only names the format, and a 40,000-line file is not
 * scanned whole while main waits.
 */
const DETECT_LINES = 1_000;

function detectTextFormat(text: string): ImportFormat | null {
  if (looksLikeBitwardenCsv(text)) return 'bitwarden-csv';
  const lines = linesOf(text.slice(0, DETECT_LINES * 512)).slice(0, DETECT_LINES);
  const links = lines.filter((l) => /(otpauth|steam|otpauth-migration):\/\//i.test(l));
  if (links.length === 0) return null;
  if (links.every((l) => /otpauth-migration:\/\//i.test(l))) return 'google-migration';
  if (links.some((l) => /[?&]codeDisplay=/.test(l))) return 'ente';
  return 'uri-list';
}

export function detectFormat(bytes: Uint8Array, fileName?: string): ImportFormat | null {
  const text = decodeText(bytes);
  if (text !== null) {
    const json = parseJsonLoose(text);
    if (json !== undefined) return detectJsonFormat(json, fileName);
    return detectTextFormat(text);
  }
  if (NOT_BACKUPS.some((magic) => magic.every((b, i) => bytes[i] === b))) return null;
  // andOTP's smallest encrypted backup: nonce (12) + tag (16) + at least "[]".
  return bytes.length >= 30 ? 'andotp' : null;
}
