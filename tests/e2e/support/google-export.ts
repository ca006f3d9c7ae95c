import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A real 3-QR Google Authenticator export (batch_size 3, index 0/1/2, one batch_id) with the
 * otpauth URIs the upstream library expects for each part: johncallahan/otpauth_migration
 * @183d6062, transcribed in shared/corpora/google_migration (corpora README section 2b).
 */
interface Case {
  readonly id: string;
  readonly migration_uri: string;
  readonly expected_otpauth_uris: readonly string[];
}

const CORPORA = join(
  resolve(fileURLToPath(new URL('../../..', import.meta.url))),
  '..',
  'shared',
  'corpora',
);

export function threePartExport(): {
  parts: string[];
  accounts: { issuer: string; name: string; secret: string }[];
} {
  const file = join(CORPORA, 'google_migration', 'johncallahan_otpauth_migration_vectors.json');
  const { cases } = JSON.parse(readFileSync(file, 'utf8')) as { cases: Case[] };
  const parts = ['string_1_of_3', 'string_2_of_3', 'string_3_of_3'].map((id) => {
    const found = cases.find((c) => c.id === id);
    if (!found) throw new Error(`${id} missing from ${file}`);
    return found;
  });
  const accounts = parts
    .flatMap((p) => p.expected_otpauth_uris)
    .map((uri) => {
      const url = new URL(uri);
      const label = decodeURIComponent(url.pathname.replace(/^\/\/totp\//, '').replace(/^\//, ''));
      return {
        issuer: url.searchParams.get('issuer') ?? '',
        name: label.split(':').slice(1).join(':'),
        secret: url.searchParams.get('secret') ?? '',
      };
    });
  return { parts: parts.map((p) => p.migration_uri), accounts };
}
