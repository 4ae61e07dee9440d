import { afterAll, describe, expect, inject, it } from 'vitest';
import { auditSteady, auditedPaths, belowThresholds, describe as describeResult, type AuditResult } from '../../scripts/audit.ts';
import { sites, type SiteName } from '../setup/sites.ts';
import { browserAvailable } from './browser.ts';

/** Every page a reader or a search engine lands on: both editions' story and data pages. */
const paths = ['', 'en/', 'data/', 'en/data/'];
/** A chart's embed page in each edition: one with a step control, one without. */
const embeds = ['embed/output/', 'en/embed/ranking/', 'en/embed/environment/'];
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
    it('has exactly the pages audited here', () => {
      const all = auditedPaths(sites[site].dir);
      expect(all.filter((p) => !p.includes('embed/')).sort()).toEqual([...paths].sort());
      for (const e of embeds) expect(all).toContain(e);
    });

    it.each([...paths, ...embeds])('"%s" scores 100 in every category, with no layout shift', async (path) => {
      const result = await auditSteady(new URL(path, inject('siteUrls')[site]).href);
      results.push({ site, result });
      console.log(describeResult(result));
      expect(belowThresholds(result)).toEqual([]);
    });
  });
});
