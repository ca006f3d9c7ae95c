import { LatchkeyError } from '../../../shared/errors/index';

/** Limits: no service issues more than a few dozen codes, each well under 64 characters. */
export const RECOVERY_LIMITS = {
  maxBlockLength: 20_000,
  maxCodes: 100,
  minCodeLength: 4,
  maxCodeLength: 64,
} as const;

/** "1.", "2)", "(3)", "#4", "-", "*", "•", "[ ]" before a code. */
const LIST_MARKER = /^(?:\(?\d{1,3}[.):]|#\d{1,3}|[-*•·–—+>]|\[[ xX]?\]|☐|☑)\s+/u;
/** Separators between codes inside a line: tab, comma, semicolon, pipe, or two+ spaces. */
const CELL_SPLIT = /\t|[,;|]|\s{2,}/;
/** A code: letters/digits in groups joined by single dashes or spaces. */
const CODE_SHAPE = /^[\p{L}\p{N}]+(?:[- ][\p{L}\p{N}]+)*$/u;

/**
 * Reads the block of recovery codes a service shows (or its downloaded text file) and
 * returns the codes in the service's own formatting, deduplicated, in order.
 *
 * Heuristics, in order:
 * 1. Each line loses a list marker ("1.", "2)", "-", "•", "[ ]"), then is split into cells at
 *    tabs, commas, semicolons, pipes and runs of 2+ spaces (two-column layouts); each cell
 *    loses its own marker.
 * 2. Grouped codes such as "1234 5678": if the most common shape among the cells has inner
 *    spaces between short groups (at most 5 characters each) and covers at least half of all
 *    code-like cells, cells of that shape are whole codes. Otherwise every
 *    cell is split at spaces ("a1b2c3d4 e5f6g7h8" is two codes).
 * 3. A token is a code if it has only letters, digits and inner dashes/spaces, is 4–64
 *    characters long, and contains a digit or a dash — unless the block has no prose at all,
 *    in which case letter-only tokens ("abcd efgh" lists) count too.
 * 4. When one shape (letter/digit group lengths) covers at least three codes and half of
 *    them, tokens of other shapes are dropped: they are dates or words from the surrounding
 *    text ("Created on Nov 30, 2026").
 * Duplicates (ignoring case, spaces and dashes) are dropped.
 * @throws LatchkeyError('backup.recovery-block-too-long' | 'backup.recovery-too-many')
 */
export function parseRecoveryCodes(block: string): string[] {
  if (block.length > RECOVERY_LIMITS.maxBlockLength)
    throw new LatchkeyError('backup.recovery-block-too-long');
  const cells = block
    .split(/\r\n|\r|\n/)
    .map(stripMarker)
    .flatMap((line) => line.split(CELL_SPLIT))
    .map(stripMarker)
    .filter((cell) => cell.length > 0);
  const bare = cells.every((cell) => CODE_SHAPE.test(cell));

  // minCount 1: a single "1234 5678" pasted alone is one code, not two.
  const grouped = dominantShape(
    cells.filter((c) => isCandidate(c, bare)),
    1,
  );
  const keepWhole = grouped !== undefined && isReadabilityGrouping(grouped);
  const tokens = cells.flatMap((cell) =>
    keepWhole && shapeOf(cell) === grouped ? [cell] : cell.split(/\s+/),
  );
  let codes = tokens.filter((t) => isCandidate(t, bare));
  const main = dominantShape(codes, 3);
  if (main !== undefined) codes = codes.filter((c) => shapeOf(c) === main);

  const seen = new Set<string>();
  const unique = codes.filter((code) => {
    const key = code.replace(/[\s-]/g, '').toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (unique.length > RECOVERY_LIMITS.maxCodes) throw new LatchkeyError('backup.recovery-too-many');
  return unique;
}

function stripMarker(text: string): string {
  return text.trim().replace(LIST_MARKER, '').trim();
}

/** "4 4" or "4 4 4" (groups for readability), not "8 8" (two codes on one line). */
function isReadabilityGrouping(shape: string): boolean {
  return shape.includes(' ') && shape.split(/[ -]/).every((group) => Number(group) <= 5);
}

function isCandidate(token: string, bare: boolean): boolean {
  const length = token.replace(/[\s-]/g, '').length;
  if (length < RECOVERY_LIMITS.minCodeLength || token.length > RECOVERY_LIMITS.maxCodeLength)
    return false;
  if (!CODE_SHAPE.test(token)) return false;
  return bare || /\p{N}/u.test(token) || token.includes('-');
}

/** "3f9a1-b7c2e" → "5-5", "1234 5678" → "4 4": the group lengths and separators. */
function shapeOf(token: string): string {
  return token.replace(/[\p{L}\p{N}]+/gu, (group) => String(group.length));
}

/** The shape shared by at least `minCount` tokens and half of them, if any. */
function dominantShape(tokens: readonly string[], minCount = 2): string | undefined {
  const counts = new Map<string, number>();
  for (const t of tokens) counts.set(shapeOf(t), (counts.get(shapeOf(t)) ?? 0) + 1);
  let best: [string, number] | undefined;
  for (const entry of counts) if (!best || entry[1] > best[1]) best = entry;
  return best && best[1] >= minCount && best[1] * 2 >= tokens.length ? best[0] : undefined;
}
