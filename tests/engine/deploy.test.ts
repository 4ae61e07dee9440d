import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configFor, hosts, uploadScript } from '../../src/deploy/configs.ts';
import { shippedName, shippedPlacements, uploadName } from '../../scripts/deploy-config.ts';
import { expectedHeaders, framing, paths } from '../../src/deploy/policy.ts';
import { root } from '../helpers.ts';

describe('the host configurations under deploy/', () => {
  it('are what npm run deploy:config -- --write makes of the policy, for the root and for a sub-path', () => {
    const shipped = hosts.flatMap((host) => [false, true].map((sub) => ({ host, sub })));
    expect(shipped).toHaveLength(hosts.length * 2);
    for (const { host, sub } of shipped)
      expect(
        readFileSync(join(root, shippedName(host, sub)), 'utf8'),
        `${shippedName(host, sub)}: run npm run deploy:config -- --write`,
      ).toBe(configFor[host](sub ? shippedPlacements.sub : shippedPlacements.root));
    const upload = join(root, uploadName);
    expect(readFileSync(upload, 'utf8')).toBe(uploadScript());
    expect(statSync(upload).mode & 0o111).not.toBe(0);
  });

  it('name the base in every path they match, and a sub-path build’s folder only once', () => {
    for (const host of hosts) {
      const sub = configFor[host]({ base: '/news/site/', dir: '/var/www/site' });
      expect(sub, host).toContain('/news/site/');
      expect(sub, host).not.toContain(shippedPlacements.sub.base);
      expect(configFor[host]({ base: 'news/site', dir: '/var/www/site/' }), host).toBe(sub);
    }
  });
});

describe('the policy', () => {
  it('lets any site frame an embed page of any edition, and only the site itself frame the rest', () => {
    for (const path of ['embed/output/', 'en/embed/output/index.html', 'fr/embed/x/'])
      expect(expectedHeaders(path)['content-security-policy'], path).toBe(framing.any[0][1]);
    for (const path of ['', 'en/', 'data/', 'en/data/index.html', 'data/embed.csv', 'embedded/', 'a/b/embed/'])
      expect(expectedHeaders(path)['x-frame-options'], path).toBe('SAMEORIGIN');
    // A missing embed page answers with the 404 page, framed by the site only.
    expect(expectedHeaders('embed/missing/', 404)['x-frame-options']).toBe('SAMEORIGIN');
    expect(expectedHeaders('embed/output/')['x-frame-options']).toBeNull();
  });

  it('caches only hashed assets for long, and types every file the build writes with its charset', () => {
    expect(expectedHeaders('_astro/page.AbC123.js')['cache-control']).toMatch(/immutable/);
    for (const path of ['', 'embed.js', 'images/a.zh.png', '_astro', 'x/_astro/a.js'])
      expect(expectedHeaders(path)['cache-control'], path).not.toMatch(/immutable/);
    for (const ext of ['html', 'csv', 'json', 'svg', 'js', 'xml', 'txt'])
      expect(expectedHeaders(`a.${ext}`)['content-type'], ext).toMatch(/; charset=utf-8$/);
    expect(expectedHeaders('a.png')['content-type']).toBe('image/png');
    expect(expectedHeaders('data/missing.csv', 404)['content-type']).toMatch(/^text\/html/);
    expect(paths.hidden).toContain('_headers');
  });
});
