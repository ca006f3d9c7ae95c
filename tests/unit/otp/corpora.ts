import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Real test files from other projects, next to the repo (see ../shared/corpora/README.md). */
export const CORPORA = join(resolve(__dirname, '../../..'), '..', 'shared', 'corpora');

export function readCorpus<T>(relative: string): T {
  return JSON.parse(readFileSync(join(CORPORA, relative), 'utf8')) as T;
}

export const hexBytes = (hex: string): Uint8Array => new Uint8Array(Buffer.from(hex, 'hex'));
