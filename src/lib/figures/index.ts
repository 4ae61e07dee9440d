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

let cache: Map<string, FigureModel> | undefined;

/** The charts the story can place with `<Chart id="…" />`. */
export function figures(): Map<string, FigureModel> {
  cache ??= new Map(
    [
      outputFigure(),
      rankingFigure(),
      environmentFigure(),
      sewageFigure(),
      projectsFigure(),
      cleanupFigure(),
      industriesFigure(),
      timelineFigure(),
    ].map((f) => [f.id, f]),
  );
  return cache;
}

/** The figure with this id, or an error that lists the ids that exist. */
export function lookupFigure(id: string, where = ''): FigureModel {
  const f = figures().get(id);
  if (!f) throw new Error(`Unknown chart id "${id}"${where ? ` in ${where}` : ''}. Known chart ids: ${[...figures().keys()].join(', ')}.`);
  return f;
}
