import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkReferences, knownData } from '../../src/lib/contentCheck.ts';
import { type Reference, readReferences } from '../../src/lib/mdxReferences.ts';
import { realCharts, realFacts, root } from '../helpers.ts';

const facts = realFacts();
const read = (lang: string) =>
  readdirSync(join(root, 'content', lang))
    .filter((f) => f.endsWith('.mdx'))
    .sort()
    .map((file) => {
      const text = readFileSync(join(root, 'content', lang, file), 'utf8');
      const [, front = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text) ?? [];
      const path = `content/${lang}/${file}`;
      return { file, path, front, body, refs: readReferences(text, path) };
    });
const field = (front: string, name: string) => new RegExp(`^${name}:\\s*(.+)$`, 'm').exec(front)?.[1]?.trim();
const zh = read('zh');
const en = read('en');

describe('the English story', () => {
  it('has the same sections as the Chinese, with the same order, anchors and facts covered', () => {
    expect(en.map((s) => s.file)).toEqual(zh.map((s) => s.file));
    for (const [i, s] of en.entries()) {
      for (const key of ['order', 'anchor', 'covers']) expect(field(s.front, key), `${s.file} ${key}`).toBe(field(zh[i]!.front, key));
    }
  });

  it('tells the same figures and places the same charts and steps, section by section', () => {
    const names = (refs: Reference[]) =>
      refs.map((r) => (r.tag === 'Scrolly' ? `Scrolly:${r.chart}:${r.steps.map((s) => s.state).join(',')}` : `${r.tag}:${r.id}`)).sort();
    for (const [i, s] of en.entries()) expect(names(s.refs), s.file).toEqual(names(zh[i]!.refs));
  });

  it('names only facts and charts that exist, and steps that match their chart', () => {
    const problems = en.flatMap((s) => checkReferences(s.path, s.refs, knownData(facts, realCharts('en'))));
    expect(problems).toEqual([]);
  });

  it('types no figure into prose: numbers come through <Fact>, but for years and "1+3+N"', () => {
    for (const s of en) {
      const prose = s.body.replace(/<(Fact|Chart|Scrolly|Step)\b[^>]*>/g, '').replace(/1\+3\+N/g, '');
      const stray = [...prose.matchAll(/\d+(?:[.,]\d+)*/g)].map((m) => m[0]).filter((n) => !/^(19|20)\d\d$/.test(n));
      expect(stray, s.file).toEqual([]);
    }
  });
});
