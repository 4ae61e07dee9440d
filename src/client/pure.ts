/** Pure helpers of the browser enhancers, kept free of the DOM so they can be unit-tested. */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The next point index for a key press, or null when the key does not move. Wraps at the ends. */
export function stepIndex(current: number, key: string, count: number): number | null {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return current < 0 ? 0 : (current + 1) % count;
    case 'ArrowLeft':
    case 'ArrowUp':
      return current < 0 ? count - 1 : (current - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/**
 * Where a tooltip of size `tip` goes for a mark at `anchor` (viewport coordinates): centred
 * above the mark, or below it when there is no room above, and always inside the viewport.
 */
export function placeTooltip(anchor: Box, tip: { width: number; height: number }, viewport: { width: number; height: number }, gap = 8) {
  const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(v, Math.max(lo, hi)));
  const left = clamp(anchor.x + anchor.width / 2 - tip.width / 2, gap, viewport.width - tip.width - gap);
  const above = anchor.y - tip.height - gap;
  const top = above >= gap ? above : clamp(anchor.y + anchor.height + gap, gap, viewport.height - tip.height - gap);
  return { left: Math.round(left), top: Math.round(top) };
}

/** The widest prerendered variant that fits a column `width` wide (the narrowest if none does). */
export function variantFor<V extends string>(width: number, widths: Record<V, number>): V {
  const sorted = (Object.entries(widths) as [V, number][]).sort((a, b) => a[1] - b[1]);
  let pick = sorted[0]![0];
  for (const [v, w] of sorted) if (w <= width) pick = v;
  return pick;
}

/** Which keyed elements move, appear and leave when one state becomes the next. */
export function morphPlan(from: readonly string[], to: readonly string[]) {
  const a = new Set(from);
  const b = new Set(to);
  return { update: to.filter((k) => a.has(k)), enter: to.filter((k) => !a.has(k)), exit: from.filter((k) => !b.has(k)) };
}

/**
 * What the live region says about a point, worded by its edition's `template` (its own
 * punctuation): "{label}：{value}（{source}）" in Chinese, "{label}: {value} ({source})" in English.
 */
export const announce = (p: { label: string; value: string; source: string }, template: string) =>
  template.replace(/\{(label|value|source)\}/g, (_, k: 'label' | 'value' | 'source') => p[k]);

/** The lowest pitch the Listen control plays (middle C, in hertz), and its range above it in semitones (two octaves). */
export const lowest = 261.63;
export const range = 24;

/**
 * The pitch of each point, in hertz: its number placed between the lowest and the highest of the
 * numbers in its unit (a larger number sounds higher; equal numbers, the same), evenly in semitones.
 * A point with no number has none (null); numbers all alike sit in the middle of the range.
 */
export function pitches(points: readonly { n?: number | undefined; unit?: string | undefined }[]): (number | null)[] {
  const bounds = new Map<string, [number, number]>();
  for (const p of points) {
    if (p.n === undefined) continue;
    const [lo, hi] = bounds.get(p.unit ?? '') ?? [p.n, p.n];
    bounds.set(p.unit ?? '', [Math.min(lo, p.n), Math.max(hi, p.n)]);
  }
  return points.map((p) => {
    if (p.n === undefined) return null;
    const [lo, hi] = bounds.get(p.unit ?? '')!;
    const at = hi === lo ? 0.5 : (p.n - lo) / (hi - lo);
    return lowest * 2 ** ((at * range) / 12);
  });
}
