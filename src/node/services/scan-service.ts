import { isLatchkeyError, LatchkeyError, type ErrorInfo } from '../../shared/errors';
import type { BatchProgressView, StagingProblem, StagingView } from '../../shared/staging';
import { decodeMigrationUri } from '../../core/common/migration';
import { parseOtpUri } from '../../core/common/uri';
import type { StagingArea } from './staging-area';

/** Decoded QR text is hostile input: anything longer than a QR code can hold is refused. */
export const MAX_SCANNED_TEXT = 16_384;
const EXCERPT_LENGTH = 80;

/**
 * Turns the texts of scanned QR codes into staged accounts: otpauth:// links, Google
 * Authenticator exports (tracking which parts of a multi-code export are still missing), and
 * a specific explanation for anything else. Never opens or follows a decoded text.
 */
export class ScanService {
  readonly #batches = new Map<number, { size: number; received: Set<number> }>();
  #problems: StagingProblem[] = [];

  constructor(private readonly staging: StagingArea) {}

  /** `source` names where each text came from on the confirmation screen ("QR code 2", "Link"). */
  readTexts(
    texts: readonly string[],
    source: (index: number) => string = (i) => `QR code ${i + 1}`,
  ): StagingView {
    const seen = new Set<string>();
    for (const [i, text] of texts.entries()) {
      if (seen.has(text)) continue;
      seen.add(text);
      this.#read(text, source(i), i);
    }
    return this.view();
  }

  view(): StagingView {
    return { items: this.staging.list(), problems: this.#problems, batches: this.#batchViews() };
  }

  /** Forgets problems and export progress (new scan session); staged accounts stay until added or cleared. */
  reset(): void {
    this.#batches.clear();
    this.#problems = [];
    this.staging.clear();
  }

  #read(text: string, source: string, origin: number): void {
    if (text.length > MAX_SCANNED_TEXT)
      return this.#problem(source, text, new LatchkeyError('uri.too-long'));
    const scheme = text.trimStart().slice(0, 24).toLowerCase();
    if (scheme.startsWith('otpauth-migration:')) return this.#readMigration(text, source, origin);
    try {
      const { draft, warnings } = parseOtpUri(text);
      this.staging.stage([{ draft, source, origin, warnings: warnings.map((w) => w.message) }]);
    } catch (error) {
      this.#problem(source, text, error);
    }
  }

  #readMigration(text: string, source: string, origin: number): void {
    try {
      const decoded = decodeMigrationUri(text);
      const { batch } = decoded;
      const part =
        batch && batch.size > 1
          ? `Google Authenticator export, part ${batch.index + 1} of ${batch.size}`
          : 'Google Authenticator export';
      if (batch) {
        const progress = this.#batches.get(batch.id) ?? {
          size: batch.size,
          received: new Set<number>(),
        };
        progress.received.add(batch.index);
        this.#batches.set(batch.id, progress);
      }
      this.staging.stage(
        decoded.accounts.map((draft, i) => ({
          draft,
          source: part,
          origin,
          warnings: decoded.warnings[i] ?? [],
        })),
      );
      for (const entry of decoded.errors) {
        this.#problems.push({
          source: `${part}, ${entry.label || `entry ${entry.index + 1}`}`,
          excerpt: '',
          error: entry.error,
        });
      }
    } catch (error) {
      this.#problem(source, '', error);
    }
  }

  #problem(source: string, text: string, error: unknown): void {
    const info: ErrorInfo = isLatchkeyError(error)
      ? error.toInfo()
      : new LatchkeyError('uri.malformed').toInfo();
    // An excerpt helps the user recognise what was read — but not of anything that may carry a key.
    const mayHoldSecret = /secret=|otpauth|data=/i.test(text);
    const excerpt = mayHoldSecret
      ? ''
      : text.slice(0, EXCERPT_LENGTH) + (text.length > EXCERPT_LENGTH ? '…' : '');
    this.#problems.push({ source, excerpt, error: info });
  }

  #batchViews(): BatchProgressView[] {
    return [...this.#batches.entries()].map(([id, { size, received }]) => {
      const all = Array.from({ length: size }, (_, i) => i);
      return {
        id,
        size,
        received: all.filter((i) => received.has(i)).map((i) => i + 1),
        missing: all.filter((i) => !received.has(i)).map((i) => i + 1),
      };
    });
  }
}
