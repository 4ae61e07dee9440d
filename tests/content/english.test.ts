import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkReferences, findReferences } from '../../src/lib/contentCheck.ts';
import { figures } from '../../src/lib/figures/index.ts';
import { realFacts, root } from '../helpers.ts';

const facts = realFacts();
const read = (lang: string) =>
  readdirSync(join(root, 'content', lang))
    .filter((f) => f.endsWith('.mdx'))
    .sort()
    .map((file) => {
      const text = readFileSync(join(root, 'content', lang, file), 'utf8');
      const [, front = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text) ?? [];
      return { file, front, body };
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

  it('tells the same figures and places the same charts, section by section', () => {
    const refs = (body: string) => findReferences(body).map((r) => `${r.tag}:${r.id}`).sort();
    for (const [i, s] of en.entries()) expect(refs(s.body), s.file).toEqual(refs(zh[i]!.body));
  });

  it('names only facts and charts that exist', () => {
    const problems = en.flatMap((s) => checkReferences(`content/en/${s.file}`, s.body, { Fact: (id) => facts.has(id), Chart: (id) => figures('en').has(id) }));
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
