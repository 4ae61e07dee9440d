import { series } from '../styles/palette.ts';

/**
 * Shared sizes for every chart. Colours are not here: charts set class names and the
 * site's stylesheet (src/styles/charts.css) paints them from the palette's custom properties
 * (src/styles/palette.ts), so
 * one SVG serves the light and the dark scheme and the page's CSP needs no inline styles.
 */
export const theme = {
  /**
   * Widths the charts are prerendered at. Each is the narrowest column it is shown in
   * (charts.css switches at 440 px and 600 px), so an SVG is only ever scaled up and its
   * 12.5-unit labels never render below 12.5 CSS px. The narrowest column is a 360 px phone's.
   */
  widths: { compact: 320, medium: 440, wide: 600 },
  font: { label: 14, value: 15, small: 12.5, axis: 12.5 },
  /** The weight of values, titles and other emphasised labels (their widths are measured bold). */
  bold: 700,
  margin: { top: 28, right: 16, bottom: 36, left: 16 },
} as const;

/** Colours the palette has for groups of marks (series-1, series-2, …), light and dark; more groups would draw unpainted. */
export const seriesColours = series.length;

export type Variant = keyof typeof theme.widths;

/** Phone layout below 420 units: legends stack, labels sit above bars. */
export const isCompact = (width: number) => width < 420;
