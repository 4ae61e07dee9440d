import * as Plot from '@observablehq/plot';
import { createSvg } from './svg.ts';
import { isCompact, theme } from './theme.ts';

export interface Rate {
  key: string;
  label: string;
  value: number;
  group: string;
}

export interface EnvironmentRatesOptions {
  document: Document;
  id?: string;
  width?: number;
  title: string;
  description: string;
  /** Formats a rate for its label, e.g. 91.54 → "91.54%". */
  format?: (value: number) => string;
  /** Label of the 100% reference line. */
  full: string;
}

const defaults = { id: 'environment', width: 640, format: (v: number) => `${v}%` };

/** Rates sorted from highest to lowest as bars against a 100% track, coloured by group. */
export function environmentRates(data: readonly Rate[], options: EnvironmentRatesOptions): SVGSVGElement {
  const { document, id, width, format, full, title, description } = { ...defaults, ...options };
  const compact = isCompact(width);
  const rows = [...data].sort((a, b) => b.value - a.value || a.label.localeCompare(b.label));
  // On phones the labels go above the bars so the bars keep the full width.
  const step = compact ? 46 : 34;
  const marginLeft = compact ? 4 : 156;
  const marginTop = 34;
  const plot = Plot.plot({
    document,
    width,
    height: marginTop + 24 + rows.length * step,
    marginTop,
    marginLeft,
    marginRight: 72,
    marginBottom: 24,
    style: null as unknown as string,
    x: { domain: [0, 100], ticks: [0, 50, 100], tickFormat: (d: number) => `${d}%`, label: null, axis: 'top', tickSize: 0 },
    y: {
      domain: rows.map((d) => d.key),
      axis: compact ? null : 'left',
      tickFormat: (k: string) => rows.find((d) => d.key === k)!.label,
      tickSize: 0,
      label: null,
      padding: compact ? 0.55 : 0.3,
      align: compact ? 1 : 0.5,
    },
    marks: [
      Plot.barX(rows, { y: 'key', x1: 0, x2: 100, className: 'track' }),
      ...['water', 'waste', 'air'].map((g) =>
        Plot.barX(rows.filter((d) => d.group === g), { y: 'key', x1: 0, x2: 'value', className: `rate rate--${g}` }),
      ),
      Plot.ruleX([100], { className: 'reference' }),
      Plot.text([full], { x: 100, frameAnchor: 'bottom', dy: 16, textAnchor: 'middle', className: 'axis-note', fontSize: theme.font.small }),
      Plot.text(rows, {
        x: 100,
        y: 'key',
        dx: 8,
        text: (d: Rate) => format(d.value),
        textAnchor: 'start',
        className: 'value-label',
        fontSize: theme.font.value,
        fontWeight: 700,
      }),
      ...(compact
        ? [Plot.text(rows, { x: 0, y: 'key', dy: -17, text: 'label', textAnchor: 'start', className: 'axis-label', fontSize: theme.font.label })]
        : []),
    ],
  }) as SVGSVGElement;
  plot.querySelectorAll('style').forEach((s) => s.remove());
  // Plot labels its groups with aria-label; the figure's table carries the data instead.
  plot.querySelectorAll('[aria-label]').forEach((g) => g.removeAttribute('aria-label'));
  const svg = createSvg({ document, id, width, height: Number(plot.getAttribute('height')), title, description, className: 'chart--environment' });
  while (plot.firstChild) svg.appendChild(plot.firstChild);
  if (!compact) svg.querySelectorAll('g[text-anchor="end"] text').forEach((t) => t.setAttribute('font-size', String(theme.font.label)));
  return svg;
}
