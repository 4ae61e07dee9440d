// Prints, per built page, the bytes of HTML, inline SVG, CSS and JavaScript, raw and gzipped.
// Usage: node scripts/size.mjs [dist]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = process.argv[2] ?? 'dist';
const files = (dir) => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
const gz = (s) => gzipSync(s, { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

const all = files(dist);
const rows = [];
for (const page of all.filter((f) => f.endsWith('.html'))) {
  const html = readFileSync(page, 'utf8');
  const svg = [...html.matchAll(/<svg[\s\S]*?<\/svg>/g)].map((m) => m[0]).join('');
  const css = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('');
  const inlineJs = [...html.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('');
  const linked = [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  const external = linked.map((u) => join(dist, u.replace(/^\/+/, ''))).filter((p) => all.includes(p));
  const ext = (suffix) => external.filter((p) => p.endsWith(suffix)).map((p) => readFileSync(p));
  const js = Buffer.concat([Buffer.from(inlineJs), ...ext('.js')]);
  const cssAll = Buffer.concat([Buffer.from(css), ...ext('.css')]);
  rows.push({
    page: relative(dist, page),
    'html raw': kb(Buffer.byteLength(html)),
    'html gz': kb(gz(html)),
    'svg raw': kb(Buffer.byteLength(svg)),
    'css raw': kb(cssAll.length),
    'js raw': kb(js.length),
    'js gz': kb(js.length ? gz(js) : 0),
    'first view gz': kb(gz(html) + ext('.css').reduce((n, b) => n + gz(b), 0) + ext('.js').reduce((n, b) => n + gz(b), 0)),
  });
}
console.table(rows);
const total = all.reduce((n, f) => n + statSync(f).size, 0);
console.log(`dist: ${all.length} files, ${kb(total)}`);
