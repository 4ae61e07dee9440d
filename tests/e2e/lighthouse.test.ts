import { afterAll, describe, expect, inject, it } from 'vitest';
import { auditSteady, auditedPaths, belowThresholds, describe as describeResult, type AuditResult } from '../../scripts/audit.ts';
import { sites, type SiteName } from '../setup/sites.ts';
import { browserAvailable } from './browser.ts';

/**
 * Each kind of page once per build: the story, the data page, a chart's embed page. The builds
 * take the editions in turn, so each edition's story and data page is audited in one of them,
 * and an embed with a step control in one, without in the other. Every page is also checked by
 * axe, and every page's metadata by the static site tests; `npm run audit` audits every page.
 */
const audited: Record<SiteName, { paths: string[]; embed: string }> = {
  root: { paths: ['', 'en/data/'], embed: 'embed/output/' },
  sub: { paths: ['en/', 'data/'], embed: 'en/embed/environment/' },
};
/** Every page a reader or a search engine lands on, besides the embeds: both editions' story and data pages. */
const pages = ['', 'en/', 'data/', 'en/data/'];
const results: { site: SiteName; result: AuditResult }[] = [];

describe.runIf(browserAvailable())('Lighthouse, mobile preset', () => {
  afterAll(() => {
    // One line per page and build, to compare runs at a glance.
    const rows = results.map(({ site, result }) => {
      const { url, scores: s, metrics: m } = result;
      return [
        site.padEnd(4),
        url.padEnd(44),
        `perf ${s['performance']}${result.performanceRuns ? ` (runs ${result.performanceRuns.join('/')})` : ''}`,
        `a11y ${s['accessibility']}`,
        `bp ${s['best-practices']}`,
        `seo ${s['seo']}`,
        `CLS ${m.cls}`,
        `LCP ${Math.round(m.lcpMs)} ms`,
      ].join('  ');
    });
    if (rows.length) console.log(`Lighthouse scores\n${rows.join('\n')}`);
  });

  // The root build knows its address (SITE_URL); the sub-path build is made without one, as `npm start` builds.
  describe.each(Object.keys(sites) as SiteName[])('the %s build', (site) => {
    it('has the kinds of page audited here: story and data pages in both editions, and embeds', () => {
      const all = auditedPaths(sites[site].dir);
      expect(all.filter((p) => !p.includes('embed/')).sort()).toEqual([...pages].sort());
      expect(all).toContain(audited[site].embed);
    });

    it.each([...audited[site].paths, audited[site].embed])('"%s" scores 100 in every category, with no layout shift', async (path) => {
      const result = await auditSteady(new URL(path, inject('siteUrls')[site]).href);
      results.push({ site, result });
      console.log(describeResult(result));
      expect(belowThresholds(result)).toEqual([]);
    });
  });
});
