import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { steamCode } from '../../e2e/support/steam-oracle';

// The end-to-end tests check Steam codes on screen against a test-side Steam implementation;
// this proves that oracle itself against the published vectors (KeePassXC's real-app captures,
// steamguard-cli, ValvePython/steam, steampy, pyotp, Proton) in shared/corpora/steam.
const corpus = JSON.parse(
  readFileSync(
    join(import.meta.dirname, '../../../../shared/corpora/steam/steam_guard_vectors.json'),
    'utf8',
  ),
) as {
  vectors: { secret_hex: string; unix_time: number; code: string; source: { repo: string } }[];
};

describe('the end-to-end Steam oracle', () => {
  it.each(corpus.vectors.map((v) => [v.source.repo, v.unix_time, v.code, v.secret_hex] as const))(
    '%s @%d = %s',
    (_repo, time, code, hex) => {
      expect(steamCode(Buffer.from(hex, 'hex'), time)).toBe(code);
    },
  );
});
