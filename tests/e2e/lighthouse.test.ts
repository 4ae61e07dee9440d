import { describe, expect, inject, it } from 'vitest';
import { audit, belowThresholds, describe as describeResult } from '../../scripts/audit.ts';
import { browserAvailable } from './browser.ts';

describe.runIf(browserAvailable())('Lighthouse, mobile preset', () => {
  it('scores 100 for accessibility, best practices and SEO, 95+ for performance, with no layout shift', async () => {
    const result = await audit(inject('siteUrls').root);
    console.log(describeResult(result));
    expect(belowThresholds(result)).toEqual([]);
  });
});
