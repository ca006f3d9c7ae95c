import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect } from 'vitest';
import type { AccountDraft } from '../../../src/core/common/model';
import { LatchkeyError } from '../../../src/shared/errors/index';

/** Real files from other projects live next to the repo (see ../shared/corpora/README.md). */
export const CORPORA = join(resolve(__dirname, '../../..'), '..', 'shared', 'corpora');

export function corpusBytes(path: string): Uint8Array {
  return new Uint8Array(readFileSync(join(CORPORA, path)));
}

export function corpusText(path: string): string {
  return readFileSync(join(CORPORA, path), 'utf8');
}

export function corpusJson<T>(path: string): T {
  return JSON.parse(corpusText(path)) as T;
}

/** RFC 4648 base32 without padding, written here so tests do not trust the code under test. */
export function base32(bytes: Uint8Array): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const bits = [...bytes].map((b) => b.toString(2).padStart(8, '0')).join('');
  let out = '';
  for (let i = 0; i < bits.length; i += 5)
    out += alphabet[parseInt(bits.slice(i, i + 5).padEnd(5, '0'), 2)];
  return out;
}

/** The account shape the corpora's expectation files use. */
export interface ExpectedAccount {
  type: 'totp' | 'hotp' | 'steam';
  issuer: string;
  name: string;
  secret: string;
  algorithm: string;
  digits: number;
  period: number | null;
  counter: number | null;
}

export function asExpected(draft: AccountDraft): ExpectedAccount {
  const { otp } = draft;
  return {
    type: otp.type,
    issuer: draft.issuer,
    name: draft.name,
    secret: base32(draft.secret),
    algorithm: otp.algorithm,
    digits: otp.digits,
    period: otp.type === 'hotp' ? null : otp.period,
    counter: otp.type === 'hotp' ? otp.counter : null,
  };
}

/** The code of the LatchkeyError a promise rejects with (any other outcome fails the test). */
export async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(LatchkeyError);
    return (error as LatchkeyError).code;
  }
  throw new Error('expected a failure');
}
