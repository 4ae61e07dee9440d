import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { storyFromDisk } from '../../src/lib/storyFromDisk.ts';
import { readDataDir, root } from '../helpers.ts';

/** The story built from the real files with some of them changed. */
const changed = (files: {
  data?: Record<string, (t: string) => string>;
  charts?: Record<string, (t: string) => string>;
  story?: (t: string) => string;
}) => {
  const data = readDataDir();
  for (const [name, change] of Object.entries(files.data ?? {})) data[name] = change(data[name]!);
  const charts = Object.fromEntries(
    Object.entries(files.charts ?? {}).map(([name, change]) => [name, change(readFileSync(join(root, 'content/charts', name), 'utf8'))]),
  );
  const story = files.story?.(readFileSync(join(root, 'content/story.yaml'), 'utf8'));
  return () => storyFromDisk(root, { data, charts, ...(story && { story }) });
};

const svg = (markup: string) => parseHTML(`<html><body>${markup}</body></html>`).document.querySelector('svg')!;

describe('unusual but valid data', () => {
  it('draws figures that share an axis in one English unit, even when one is under a billion', () => {
    const story = changed({ data: { 'projects.json': (t) => t.replace('"value": 20, "unit": "亿元"', '"value": 5, "unit": "亿元"') } })();
    const chart = svg(story.figure('projects', 'en').svg.wide);
    const width = (key: string) => Number(chart.querySelector(`[data-key="${key}"] .bound-bar`)!.getAttribute('width'));
    expect(width('projects.hainengPark') / width('projects.newEnergyPark')).toBeCloseTo(10, 1);
  });

  it('stops with the file and field for a share or step that names no bar, and for an empty list of shares', () => {
    expect(() =>
      changed({ charts: { 'output.yaml': (t) => t.replace("shares: { '2019':", "shares: { '2109':") } })().figure('output', 'zh'),
    ).toThrow(/^content\/charts\/output.yaml: data.shares.2109: expected the key of a bar \(2018, 2019\)/);
    expect(() =>
      changed({ charts: { 'output.yaml': (t) => t.replace("show: ['2018']", "show: ['2108']") } })().figure('output', 'zh'),
    ).toThrow('content/charts/output.yaml: data.states[0].show[0]: expected one of 2018, 2019, 2019-part, change, got "2108"');
  });

  it('stops with the file and field for a timeline whose dataset lists no groups, or a chart with more groups than colours', () => {
    const ungrouped = (t: string) => t.replace(/"groups": \[[\s\S]*?\],\n/, '').replace(/, "group": "\w+"/g, '');
    expect(() => changed({ data: { 'milestones.json': ungrouped } })().figure('timeline', 'zh')).toThrow(
      /^content\/charts\/timeline.yaml: data.dataset: expected data\/milestones.json to list "groups"/,
    );
    const fourth = (t: string) =>
      t.replace('{ "key": "air"', '{ "key": "noise", "label": "噪声", "en": { "label": "Noise" } },\n    { "key": "air"');
    expect(() => changed({ data: { 'environment.json': fourth } })().figure('environment', 'zh')).toThrow(
      'content/charts/environment.yaml: data.dataset: data/environment.json lists 4 groups; the charts have colours for 3',
    );
  });

  it('names content/story.yaml and the field of a key figure that does not exist', () => {
    expect(changed({ story: (t) => t.replace('facts: [env.sewageCollection]', 'facts: [env.sewageCollectoin]') })).toThrow(
      /Unknown fact id "env.sewageCollectoin" in content\/story.yaml: keyFigures\[5\].facts\[0\]/,
    );
  });

  it('keeps the Chinese edition first, where the pages expect it', () => {
    expect(changed({ story: (t) => t.replace('editions: [zh, en]', 'editions: [en, zh]') })).toThrow(
      /content\/story.yaml: editions\[0\]: expected "zh" first/,
    );
  });

  it('says when a derived figure uses one computed after it', () => {
    const swapped = (t: string) => {
      const d = JSON.parse(t) as { records: unknown[] };
      d.records = [d.records[1], d.records[0], ...d.records.slice(2)];
      return JSON.stringify(d);
    };
    // derived.output.added.2019 does not use derived.output.2018 by id, so move one that does: a copy using it.
    const using = (t: string) => {
      const d = JSON.parse(swapped(t)) as { records: Record<string, unknown>[] };
      d.records.unshift({ ...d.records[1], id: 'derived.output.twice2018', compute: 'x * 2', inputs: { x: 'derived.output.2018' } });
      return JSON.stringify(d);
    };
    expect(changed({ data: { 'derived.json': using } })).toThrow(
      'data/derived.json: records[0].inputs.x: "derived.output.2018" is not computed yet: a derived figure must come after the ones it uses',
    );
  });

  it('asks for the English of every note the Chinese edition shows', () => {
    expect(
      changed({ data: { 'rankings.json': (t) => t.replace(', "note": "The report calls this a historic advance for the park."', '') } }),
    ).toThrow('data/rankings.json: ranking.2018: expected "en": { "note": … }, the English of the note "报道称这是园区的历史性进步。"');
  });
});
