/**
 * Shared sizes for every chart. Colours are not here: charts set class names and the
 * site's stylesheet (src/styles/charts.css) paints them from CSS custom properties, so
 * one SVG serves the light and the dark scheme and the page's CSP needs no inline styles.
 */
export const theme = {
  /** Widths the charts are prerendered at: one for phones, one for the desktop column. */
  widths: { compact: 340, wide: 640 },
  /** Font sizes in SVG user units; at the widths above they render at 12–15 CSS px in a 320–680 px column. */
  font: { label: 14, value: 15, small: 12.5, axis: 12.5 },
  margin: { top: 28, right: 16, bottom: 36, left: 16 },
} as const;

export type Variant = keyof typeof theme.widths;

/** Chooses the layout variant from a width: below 480 user units charts use their phone layout. */
export const isCompact = (width: number) => width < 480;
