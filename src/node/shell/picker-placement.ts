/**
 * Where the quick picker opens: on the display that has the mouse pointer (where the user is
 * looking), centred horizontally, a little above the middle like a command palette, and
 * always inside that display's work area (clear of task bars and docks).
 */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export const PICKER_SIZE = { width: 440, height: 420 } as const;

const contains = (r: Rect, p: { x: number; y: number }) =>
  p.x >= r.x && p.x < r.x + r.width && p.y >= r.y && p.y < r.y + r.height;

export function pickerBounds(
  cursor: { readonly x: number; readonly y: number },
  workAreas: readonly Rect[],
  size: { readonly width: number; readonly height: number } = PICKER_SIZE,
): Rect {
  const area = workAreas.find((a) => contains(a, cursor)) ?? workAreas[0];
  if (!area) return { x: 0, y: 0, ...size };
  const width = Math.min(size.width, area.width);
  const height = Math.min(size.height, area.height);
  return {
    x: Math.round(area.x + (area.width - width) / 2),
    y: Math.round(area.y + Math.max(0, (area.height - height) / 3)),
    width,
    height,
  };
}
