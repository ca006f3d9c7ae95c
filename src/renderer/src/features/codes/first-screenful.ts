import { useEffect, useState } from 'react';

/** Rows in the first render: more than the tallest window shows at the compact density. */
export const FIRST_SCREENFUL = 60;
/** Rows added per frame after that, so a 10,000-account list never holds the page for long. */
const ROWS_PER_FRAME = 200;

/**
 * A long list's first screenful renders, and shows its codes, before the rest: the list starts
 * at FIRST_SCREENFUL rows and grows frame by frame until every row is there; from then on it is
 * always whole (an account added later appears at once). Short lists (search results, up to
 * twice a screenful) are whole from the start.
 */
export function useFirstScreenful<T>(items: readonly T[]): readonly T[] {
  // Infinity once the list has been whole: from then on nothing is held back.
  const [count, setCount] = useState(FIRST_SCREENFUL);
  const whole = count >= items.length || items.length <= 2 * FIRST_SCREENFUL;
  const length = items.length;
  useEffect(() => {
    if (whole) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // After the frame is painted, not before it: the first rows are on screen by then.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() =>
        setCount((c) => (c + ROWS_PER_FRAME >= length ? Infinity : c + ROWS_PER_FRAME)),
      );
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [whole, count, length]);
  return whole ? items : items.slice(0, count);
}
