import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { checkStory } from '../../src/story/check.ts';
import { withChanges } from '../../src/story/files.ts';
import { loadStory } from '../../src/story/load.ts';
import { formatProblem } from '../../src/story/problem.ts';
import { storyFiles } from '../helpers.ts';

/** The story's files with some changed, each by a function of its text. */
const changedFiles = (changes: Record<string, (t: string) => string>) => {
  const files = storyFiles();
  return withChanges(files, new Map(Object.entries(changes).map(([path, change]) => [path, change(files.get(path)!)])));
};
/** The story built from its files with some changed; a problem throws, listing every one. */
const changed = (changes: Record<string, (t: string) => string>) => () => loadStory(changedFiles(changes));
/** The story check's messages for the files with some changed. */
const problems = (changes: Record<string, (t: string) => string>) =>
  checkStory(changedFiles(changes)).problems.map((p) => formatProblem(p));

const svg = (markup: string) => parseHTML(`<html><body>${markup}</body></html>`).document.querySelector('svg')!;

/** A data file with one record's field set, found by id, so the change follows the story's own records. */
const setField = (id: string, field: string, value: unknown) => (t: string) => {
  const json = JSON.parse(t) as { records: Record<string, unknown>[] };
  const record = json.records.find((r) => r['id'] === id);
  expect(record, id).toBeDefined();
  record![field] = value;
  return JSON.stringify(json, null, 2);
};

describe('unusual but valid data', () => {
  it('draws figures that share an axis in one English unit, even when one is under a billion', () => {
    const story = changed({})();
    const chart = Object.entries(story.charts).find(([, c]) => c.kind === 'boundBars')!;
    // Two bounds drawn on one axis: the same unit.
    const bounds = (chart[1].data as { bounds: string[] }).bounds;
    const unitOf = (id: string) => (story.entry(id) as { unit?: string }).unit;
    const first = bounds.find((a) => bounds.some((b) => b !== a && unitOf(b) === unitOf(a)))!;
    const second = bounds.find((b) => b !== first && unitOf(b) === unitOf(first))!;
    const file = `data/${story.entry(first).dataset}.json`;
    // The first bound a tenth of the second, and under a billion in English.
    const bigger = 20;
    const changedStory = changed({ [file]: (t) => setField(second, 'value', bigger)(setField(first, 'value', bigger / 10)(t)) })();
    const drawn = svg(changedStory.figure(chart[0], 'en').svg.wide);
    const width = (key: string) => Number(drawn.querySelector(`[data-key="${key}"] .bound-bar`)!.getAttribute('width'));
    expect(width(second) / width(first)).toBeCloseTo(10, 1);
  });

  it('names the chart file and field of a share or step that names no bar', () => {
    const story = changed({})();
    const [id] = Object.entries(story.charts).find(([, c]) => c.kind === 'growthBars' && (c.data as { states?: unknown }).states)!;
    const file = `content/charts/${id}.yaml`;
    const share = problems({ [file]: (t) => t.replace(/shares: \{ '(\d+)':/, "shares: { 'nobar':") });
    expect(share.join('\n')).toMatch(new RegExp(`\\(${file}:\\d+:\\d+, data\\.shares\\.nobar\\)`));
    const step = problems({ [file]: (t) => t.replace(/show: \['([^']+)'/, "show: ['nomark'") });
    expect(step.join('\n')).toMatch(/It should be one of .*, got "nomark"/);
    expect(step.join('\n')).toContain(`${file}`);
  });

  it('names the chart of a timeline whose dataset lists no groups, or of a chart with more groups than colours', () => {
    const story = changed({})();
    const timeline = Object.entries(story.charts).find(([, c]) => c.kind === 'timeline')!;
    const events = `data/${(timeline[1].data as { dataset: string }).dataset}.json`;
    const ungrouped = (t: string) => {
      const json = JSON.parse(t) as { groups?: unknown; records: { group?: string }[] };
      delete json.groups;
      for (const r of json.records) delete r.group;
      return JSON.stringify(json, null, 2);
    };
    expect(problems({ [events]: ungrouped }).join('\n')).toMatch(new RegExp(`to list "groups".*content/charts/${timeline[0]}\\.yaml`));
    const rates = Object.entries(story.charts).find(([, c]) => c.kind === 'rateBars')!;
    const file = `data/${(rates[1].data as { dataset: string }).dataset}.json`;
    const more = (t: string) => {
      const json = JSON.parse(t) as { groups: { key: string }[] };
      for (const n of [1, 2, 3, 4]) json.groups.push({ key: `extra-${n}`, label: `组${n}`, en: { label: `Group ${n}` } } as never);
      return JSON.stringify(json, null, 2);
    };
    expect(problems({ [file]: more }).join('\n')).toMatch(/the charts have colours for \d+/);
  });

  it('keeps the Chinese edition first, where the pages expect it', () => {
    expect(problems({ 'content/story.yaml': (t) => t.replace('editions: [zh, en]', 'editions: [en, zh]') }).join('\n')).toMatch(
      /It should be "zh" first.*\(content\/story\.yaml:\d+:\d+, editions\[0\]\)/,
    );
  });

  it('says when a derived figure uses one computed after it', () => {
    const using = (t: string) => {
      const d = JSON.parse(t) as { records: Record<string, unknown>[] };
      const first = d.records[0]!;
      d.records.unshift({ ...first, id: 'derived.twiceFirst', compute: 'x * 2', inputs: { x: first['id'] } });
      return JSON.stringify(d, null, 2);
    };
    expect(problems({ 'data/derived.json': using }).join('\n')).toMatch(
      /is not computed yet: a derived figure must come after the ones it uses/,
    );
  });

  it('asks for the English of every note the Chinese edition shows', () => {
    const story = changed({})();
    const noted = [...story.facts.values()].find((f) => f.note && f.en?.note && f.dataset !== 'derived')!;
    const file = `data/${noted.dataset}.json`;
    const drop = (t: string) => {
      const json = JSON.parse(t) as { records: { id: string; en?: { note?: string } }[] };
      delete json.records.find((r) => r.id === noted.id)!.en!.note;
      return JSON.stringify(json, null, 2);
    };
    expect(problems({ [file]: drop }).join('\n')).toContain(
      `the record’s note has no English. Add the English for “${noted.note!.slice(0, 39)}`,
    );
  });
});
