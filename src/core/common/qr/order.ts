import type { QrBounds } from './types';

/**
 * Reading order: top to bottom, then left to right. Codes whose vertical extents overlap share
 * a row, so a row of codes reads left to right even when their tops differ by a few pixels.
 */
export function sortReadingOrder<T extends { readonly bounds: QrBounds }>(
  items: readonly T[],
): T[] {
  const byTop = [...items].sort((a, b) => a.bounds.y - b.bounds.y || a.bounds.x - b.bounds.x);
  const rows: T[][] = [];
  for (const item of byTop) {
    const { y, height } = item.bounds;
    const row = rows.find((r) =>
      r.some((o) => y < o.bounds.y + o.bounds.height && o.bounds.y < y + height),
    );
    if (row) row.push(item);
    else rows.push([item]);
  }
  return rows.flatMap((row) => row.sort((a, b) => a.bounds.x - b.bounds.x));
}

/** True when two boxes are the same code seen twice (centres closer than half the smaller box). */
export function sameSpot(a: QrBounds, b: QrBounds): boolean {
  const dx = a.x + a.width / 2 - (b.x + b.width / 2);
  const dy = a.y + a.height / 2 - (b.y + b.height / 2);
  const size = Math.min(Math.max(a.width, a.height), Math.max(b.width, b.height));
  return Math.hypot(dx, dy) < size / 2;
}

/** True when the point lies inside the box grown by `pad`. */
export function contains(box: QrBounds, x: number, y: number, pad = 0): boolean {
  return (
    x >= box.x - pad &&
    x <= box.x + box.width + pad &&
    y >= box.y - pad &&
    y <= box.y + box.height + pad
  );
}
