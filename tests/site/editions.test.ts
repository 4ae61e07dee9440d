import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, inject, it } from 'vitest';
import { isFigure, lookupFact, type Fact } from '../../src/lib/facts.ts';
import { formatFact } from '../../src/lib/format.ts';
import { chineseOutsideBrackets } from '../../src/story/english.ts';
import { realFacts } from '../helpers.ts';
import { sites, type SiteName } from '../setup/sites.ts';

const facts = realFacts();
const { dir } = sites.sub;
const doc = (path: string) => parseHTML(readFileSync(join(dir, path), 'utf8')).document as unknown as Document;
const pages = { zh: ['index.html', 'data/index.html'], en: ['en/index.html', 'en/data/index.html'] };

/** Reads an English figure back into the report's unit: "CNY 20.88 billion" → 208.8 (亿元). */
function parseEnglish(text: string): number {
  const n = (s: string) => Number(s.replace(/,/g, ''));
  // Prose spells out one to nine (and first to ninth).
  const words = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
  const ordinals = ['', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth'];
  const word = /^([a-z]+)\b/.exec(text)?.[1] ?? '';
  if (words.includes(word)) return words.indexOf(word);
  if (ordinals.includes(word) && word) return ordinals.indexOf(word);
  const m = /(-?[\d,.]+)/.exec(text);
  if (!m) throw new Error(`no number in "${text}"`);
  const v = n(m[1]!);
  if (/billion/.test(text)) return v * 10;
  if (/million/.test(text)) return v / 100;
  if (/t\/day|m²/.test(text)) return v / 1e4;
  return v;
}

/** The figures of the prose (charts' own words are checked with the charts). */
const factsOn = (page: Document) =>
  [...page.querySelectorAll('main a[data-fact]')]
    .filter((a) => !a.closest('figure'))
    .map((a) => ({ id: a.getAttribute('data-fact')!, text: a.textContent!.trim() }));

describe('the two editions', () => {
  it('declare their language', () => {
    for (const p of pages.zh) expect(doc(p).documentElement.getAttribute('lang')).toBe('zh-CN');
    for (const p of pages.en) expect(doc(p).documentElement.getAttribute('lang')).toBe('en');
  });

  it('show the same figures in the story, each matching data/', () => {
    const zh = factsOn(doc('index.html'));
    const en = factsOn(doc('en/index.html'));
    expect(en.map((f) => f.id).sort()).toEqual(zh.map((f) => f.id).sort());
    for (const f of en) {
      const fact = lookupFact(facts, f.id);
      expect(f.text, f.id).toBe(formatFact(fact, 'en', { prose: true }));
      if (isFigure(fact)) expect(parseEnglish(f.text), `${f.id}: ${f.text}`).toBeCloseTo(roundedAsShown(fact), 6);
    }
    for (const f of zh) expect(f.text, f.id).toBe(formatFact(lookupFact(facts, f.id), 'zh'));
  });

  it('show the same charts, with the same marks, in both', () => {
    const charts = (p: string) => [...doc(p).querySelectorAll('figure[data-chart]')].map((f) => f.getAttribute('data-chart')).sort();
    expect(charts('en/index.html')).toEqual(charts('index.html'));
    const keys = (p: string) => [...doc(p).querySelectorAll('.chart-variant--wide .mark')].map((m) => m.getAttribute('data-key')).sort();
    expect(keys('en/index.html')).toEqual(keys('index.html'));
  });

  it('keep Chinese out of English text, except in brackets after an English name', () => {
    for (const p of pages.en) {
      const page = doc(p);
      page.querySelectorAll('script, template').forEach((e) => e.remove());
      const text = [page.querySelector('main'), page.querySelector('#source')].map((e) => e?.textContent ?? '').join('\n');
      expect(chineseOutsideBrackets(text), p).toEqual([]);
    }
  });

  it('link each page to its twin with hreflang, both ways, to pages that exist', () => {
    const docIn = (site: SiteName, path: string) =>
      parseHTML(readFileSync(join(sites[site].dir, path), 'utf8')).document as unknown as Document;
    for (const [zhPage, enPage] of [
      ['index.html', 'en/index.html'],
      ['data/index.html', 'en/data/index.html'],
    ] as const) {
      for (const [page, twin, twinLang] of [
        [zhPage, enPage, 'en'],
        [enPage, zhPage, 'zh-CN'],
      ] as const) {
        const twinPath = twin.replace(/index\.html$/, '');
        for (const site of Object.keys(sites) as SiteName[]) {
          const { dir: built, base } = sites[site];
          // Only the root build knows its address (chosen at setup); the sub-path build has none.
          const address = site === 'root' ? inject('rootSite') : undefined;
          expect(existsSync(join(built, twin))).toBe(true);
          const page$ = docIn(site, page);
          // The language switch links the twin on every build.
          const toggle = page$.querySelector('a[data-lang-switch]');
          expect(toggle?.getAttribute('href'), `${site} ${page}`).toBe(`${base}${twinPath}`);
          expect(toggle?.getAttribute('hreflang'), `${site} ${page}`).toBe(twinLang);
          // Alternates for search engines must be absolute: with the site's address, both
          // editions are listed; without it, none (a relative alternate is rejected).
          const alternates = [...page$.querySelectorAll('link[rel="alternate"][hreflang]')].map(
            (l) => `${l.getAttribute('hreflang')} ${l.getAttribute('href')}`,
          );
          const self = page.replace(/index\.html$/, '');
          const selfLang = twinLang === 'en' ? 'zh-CN' : 'en';
          const expected = address ? [`${selfLang} ${address}${base}${self}`, `${twinLang} ${address}${base}${twinPath}`].sort() : [];
          expect(alternates.sort(), `${site} ${page}`).toEqual(expected);
        }
      }
    }
  });

  it('give the sections the same anchors, so the language switch can keep the reader’s place', () => {
    const anchors = (p: string) => [...doc(p).querySelectorAll('main section.story-section')].map((s) => s.id);
    expect(anchors('en/index.html')).toEqual(anchors('index.html'));
  });
});

/** The value as the English text rounds it, in the report's unit. */
function roundedAsShown(f: Fact): number {
  const places = f.unit === '亿元' ? f.digits + 1 : f.digits;
  const scale = f.unit === '亿元' ? 10 : 1;
  return Number((f.value / scale).toFixed(places)) * scale;
}
