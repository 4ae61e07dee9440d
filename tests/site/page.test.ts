import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { theme } from '../../src/charts/theme.ts';
import { parsePayload } from '../../src/lib/payload.ts';
import { lookupFact } from '../../src/lib/facts.ts';
import { formatFact } from '../../src/lib/format.ts';
import { realFacts, realStory, storyPage } from '../helpers.ts';
import { sites } from '../setup/sites.ts';

const facts = realFacts();
const story = realStory();
/** The report the story retells: its title, subtitle and authors. */
const report = story.data.source.report;
/** The address the root build was made for. */
const rootSite = inject('rootSite');
const show = (id: string) => formatFact(lookupFact(facts, id));
let html = '';
let document: Document;

beforeAll(() => {
  html = readFileSync(join(sites.root.dir, 'index.html'), 'utf8');
  document = parseHTML(html).document as unknown as Document;
});

/** Text as a reader sees it, white space collapsed. */
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const text = (el: Element | null) => squash(el?.textContent ?? '');

describe('the built story page', () => {
  it('declares Chinese, a title and a description', () => {
    expect(document.documentElement.getAttribute('lang')).toBe('zh-CN');
    expect(text(document.querySelector('title'))).toBe(squash(story.words('zh').title));
    const description = document.querySelector('meta[name="description"]')?.getAttribute('content') ?? '';
    // The story's description, its figures formatted from data.
    expect(description).toBe(story.rendered('zh').description);
    expect(document.querySelector('meta[name="viewport"]')).not.toBeNull();
  });

  it('has one h1 and every section heading, each reachable from the table of contents', () => {
    expect(document.querySelectorAll('h1')).toHaveLength(1);
    const sections = [...document.querySelectorAll('main section.story-section')];
    // The sections of content/zh/, in their order, each with its kicker and title.
    const { heads } = storyPage('zh');
    expect(sections.map((s) => s.id)).toEqual(heads.map((h) => h.anchor));
    const kickers = sections.map((s) => text(s.querySelector('.story-section__kicker')));
    expect(kickers).toEqual(heads.map((h) => squash(h.kicker)));
    sections.forEach((s, i) => {
      expect(text(s.querySelector('h2'))).toBe(squash(heads[i]!.title));
      expect(document.querySelector(`nav.toc a[href="#${s.id}"]`)).not.toBeNull();
    });
  });

  it('shows the key figures, formatted from data', () => {
    const hero = text(document.querySelector('.key-figures'));
    // The figures content/story.yaml opens the page with.
    const ids = story.config.keyFigures.flatMap((k) => k.facts);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(hero, id).toContain(show(id));
  });

  it('renders every <Fact> with a formatted value and a source', () => {
    const spans = [...document.querySelectorAll('main [data-fact]')];
    expect(spans.length).toBeGreaterThan(40);
    for (const s of spans) {
      expect(text(s)).toBe(show(s.getAttribute('data-fact')!));
      expect(s.getAttribute('title')).toMatch(/原报道 L\d+|推算：/);
    }
  });

  it('carries every chart as inline SVG inside a figure with title, takeaway, source, notes and table', () => {
    const figures = [...document.querySelectorAll('main figure.chart-figure')];
    expect(figures.map((f) => f.getAttribute('data-chart')).sort()).toEqual([...realStory().chartIds].sort());
    const widths = Object.keys(theme.widths).length;
    for (const f of figures) {
      // A static figure has one chart at each width; a scrolly figure one per step state.
      const steps = f.querySelectorAll('.scrolly-step').length;
      expect(f.querySelectorAll('svg[role="img"]').length, f.id).toBe(widths * Math.max(1, steps));
      for (const svg of f.querySelectorAll('svg')) {
        expect(svg.querySelector(`#${svg.getAttribute('aria-labelledby')}`)).not.toBeNull();
      }
      expect(text(f.querySelector('.chart-figure__title')).length).toBeGreaterThan(4);
      expect(text(f.querySelector('.chart-figure__takeaway')).length).toBeGreaterThan(4);
      expect(text(f.querySelector('.chart-figure__source'))).toMatch(/L\d+/);
      expect(f.querySelectorAll('.chart-figure__notes li').length).toBeGreaterThan(0);
      expect(f.querySelectorAll('details table tbody tr').length).toBeGreaterThan(1);
      // The enhancer reads its data from the page: one JSON block per chart, of the shape it
      // checks (parsePayload throws otherwise), naming marks that exist.
      const payload = parsePayload(f.querySelector('script.chart-data')!.textContent!, f.id);
      expect(payload.points.length).toBeGreaterThan(0);
      for (const p of payload.points) expect(f.querySelector(`.mark[data-key="${p.key}"]`), `${f.id} ${p.key}`).not.toBeNull();
    }
    // Each chart's table gives every figure it lists, derived ones included, formatted from data.
    for (const id of story.chartIds) {
      const table = text(document.querySelector(`figure[data-chart="${id}"] table`));
      for (const row of story.figure(id, 'zh').table) expect(table, `${id}: ${row.label}`).toContain(squash(row.value));
    }
  });

  it('runs no inline code and loads nothing from another origin', () => {
    // Scripts are same-origin modules or JSON data, so a strict Content Security Policy can hold.
    for (const script of document.querySelectorAll('script')) {
      const type = script.getAttribute('type');
      if (type === 'application/json' || type === 'application/ld+json') continue;
      expect(type).toBe('module');
      expect(script.getAttribute('src')).toMatch(/^\/_astro\/[\w.-]+\.js$/);
      expect(script.textContent).toBe('');
    }
    // Absolute URLs appear only where they must: canonical and hreflang links to the site's own address.
    const own = new URL(rootSite).origin;
    const urls = [...document.querySelectorAll('[src], [href]')].map((e) => ({
      url: e.getAttribute('src') ?? e.getAttribute('href')!,
      rel: e.getAttribute('rel'),
    }));
    const external = urls.filter(
      ({ url, rel }) => /^(https?:)?\/\//.test(url) && !(['canonical', 'alternate'].includes(rel ?? '') && url.startsWith(own)),
    );
    expect(external).toEqual([]);
    expect(html).not.toMatch(/@import|url\(\s*["']?https?:/);
  });

  it('has unique ids and every in-page link resolves', () => {
    const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const a of document.querySelectorAll('a[href^="#"]')) {
      expect(document.getElementById(a.getAttribute('href')!.slice(1)), a.getAttribute('href')!).not.toBeNull();
    }
  });

  it('credits the original report and its authors', () => {
    const credit = text(document.querySelector('#source'));
    expect(credit).toContain(squash(report.title));
    expect(report.authors.length).toBeGreaterThan(0);
    for (const { name } of report.authors) expect(credit).toContain(squash(name));
  });
});

describe('sharing and crawling', () => {
  it('describes the story for link previews and as a NewsArticle', () => {
    const meta = (p: string) => document.querySelector(`meta[property="${p}"], meta[name="${p}"]`)?.getAttribute('content');
    expect(meta('og:type')).toBe('article');
    expect(meta('og:title')).toBe(text(document.querySelector('title')));
    expect(meta('og:url')).toBe(`${rootSite}/`);
    expect(meta('og:locale')).toBe('zh_CN');
    expect(meta('twitter:card')).toBe('summary_large_image');
    expect(meta('og:image')).toBe(`${rootSite}/share/zh.png`);
    // The share card is a 1200×630 PNG drawn at build.
    const png = readFileSync(join(sites.root.dir, 'share/zh.png'));
    expect([...png.subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    const ld = JSON.parse(document.querySelector('script[type="application/ld+json"]')!.textContent!) as Record<string, unknown>;
    expect(ld['@type']).toBe('NewsArticle');
    expect(ld['headline']).toBe(text(document.querySelector('title')));
    expect(ld['datePublished']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((ld['author'] as unknown[]).length).toBeGreaterThan(0);
    expect((ld['publisher'] as { name: string }).name).toBeTruthy();
    // Based on the report, by its authors.
    const basedOn = ld['isBasedOn'] as { headline: string; author: { name: string }[] };
    expect(basedOn.headline).toContain(report.title);
    expect(basedOn.author.map((a) => a.name)).toEqual(report.authors.map((a) => a.name));
  });

  it('keeps embed pages out of the sitemap and out of search results (noindex); the story stays in', () => {
    const sitemap = readFileSync(join(sites.root.dir, 'sitemap.xml'), 'utf8');
    expect(sitemap).not.toContain('embed/');
    for (const page of ['embed/output/index.html', 'en/embed/ranking/index.html']) {
      const html = readFileSync(join(sites.root.dir, page), 'utf8');
      expect(html).toContain('<meta name="robots" content="noindex">');
      // Back to the chart's place in the story, in the top window.
      expect(html).toMatch(/<a href="\/(en\/)?#figure-(output|ranking)" target="_top">/);
    }
    for (const page of ['index.html', 'en/index.html', 'data/index.html']) {
      expect(readFileSync(join(sites.root.dir, page), 'utf8')).not.toContain('name="robots"');
    }
  });

  it('lists both editions in the sitemap, and robots.txt points to it', () => {
    const sitemap = readFileSync(join(sites.root.dir, 'sitemap.xml'), 'utf8');
    for (const path of ['/', '/en/', '/data/', '/en/data/']) expect(sitemap).toContain(`<loc>${rootSite}${path}</loc>`);
    expect(sitemap).toContain('hreflang="en"');
    expect(readFileSync(join(sites.root.dir, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${rootSite}/sitemap.xml`);
  });
});
