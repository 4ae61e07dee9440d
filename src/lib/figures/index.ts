import type { Locale } from '../format.ts';
import { cleanupFigure } from './cleanup.ts';
import { environmentFigure } from './environment.ts';
import { industriesFigure } from './industries.ts';
import type { FigureModel } from './model.ts';
import { outputFigure } from './output.ts';
import { projectsFigure } from './projects.ts';
import { rankingFigure } from './ranking.ts';
import { sewageFigure } from './sewage.ts';
import { timelineFigure } from './timeline.ts';

export type { FigureModel, TableRow } from './model.ts';

const builders = [
  outputFigure,
  rankingFigure,
  environmentFigure,
  sewageFigure,
  projectsFigure,
  cleanupFigure,
  industriesFigure,
  timelineFigure,
];
const cache = new Map<Locale, Map<string, FigureModel>>();

/** The charts the story can place with `<Chart id="…" />`, worded and rendered for an edition. */
export function figures(locale: Locale = 'zh'): Map<string, FigureModel> {
  let map = cache.get(locale);
  if (!map) {
    map = new Map(builders.map((build) => build(locale)).map((f) => [f.id, f]));
    cache.set(locale, map);
  }
  return map;
}

/** The figure with this id, or an error that lists the ids that exist. */
export function lookupFigure(id: string, locale: Locale = 'zh', where = ''): FigureModel {
  const f = figures(locale).get(id);
  if (!f)
    throw new Error(`Unknown chart id "${id}"${where ? ` in ${where}` : ''}. Known chart ids: ${[...figures(locale).keys()].join(', ')}.`);
  return f;
}
