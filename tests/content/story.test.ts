import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkReferences, knownData } from '../../src/lib/contentCheck.ts';
import { readReferences } from '../../src/lib/mdxReferences.ts';
import { realCharts, realFacts, realStory, root } from '../helpers.ts';

const dir = join(root, 'content/zh');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.mdx'))
  .sort();
const sections = files.map((file) => {
  const text = readFileSync(join(dir, file), 'utf8');
  const [, front = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text) ?? [];
  return { file: `content/zh/${file}`, text, front, body };
});
const facts = realFacts();
const field = (front: string, name: string) => new RegExp(`^${name}:\\s*(.+)$`, 'm').exec(front)?.[1]?.trim();

describe('the Chinese story', () => {
  it('has a lede, the four report sections and a close, in order', () => {
    expect(sections.map((s) => field(s.front, 'kicker'))).toEqual([
      '导语',
      '重拳出击，优化引领绿色发展',
      '完善平台搭建，夯实生态基础',
      '强化环境整治，促进生态和谐',
      '精耕细作，助力园区绿色建设',
      '结语',
    ]);
    expect(sections.map((s) => Number(field(s.front, 'order')))).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('covers every fact F1–F54 of facts.md', () => {
    const covered = new Set(sections.flatMap((s) => (field(s.front, 'covers') ?? '').replace(/[[\]\s]/g, '').split(',')));
    const missing = Array.from({ length: 54 }, (_, i) => `F${i + 1}`).filter((f) => !covered.has(f));
    expect(missing).toEqual([]);
  });

  it('names only facts and charts that exist, and steps that match their chart', () => {
    const problems = sections.flatMap((s) => checkReferences(s.file, readReferences(s.text, s.file), knownData(facts, realCharts())));
    expect(problems).toEqual([]);
    // The reported place is the file's own line and column: check it on the first Fact of the first section.
    const first = sections[0]!;
    const [problem] = checkReferences(first.file, readReferences(first.text, first.file), { fact: () => false, chart: () => [] });
    const [, line, column] = /:(\d+):(\d+):/.exec(problem!)!.map(Number);
    expect(first.text.split('\n')[line! - 1]!.slice(column! - 1)).toMatch(/^<Fact id=/);
  });

  it('types no figure into prose: every number outside a year comes through <Fact>', () => {
    for (const s of sections) {
      const prose = s.body.replace(/<(Fact|Chart|Scrolly|Step)\b[^>]*>/g, '').replace(/1\+3\+N/g, '');
      const numbers = [...prose.matchAll(/\d+(\.\d+)?/g)].map((m) => ({ n: m[0], after: prose.slice(m.index! + m[0].length, m.index! + m[0].length + 1) }));
      const stray = numbers.filter(({ n, after }) => !(/^(19|20)\d\d$/.test(n) && after === '年'));
      expect(stray.map((x) => x.n), s.file).toEqual([]);
    }
  });

  it('places every chart of content/charts/ once, the charts with steps as scrolly sequences', () => {
    const story = realStory();
    const refs = sections.flatMap((s) => readReferences(s.body, s.file));
    const placed = refs.flatMap((r) => (r.tag === 'Chart' ? [r.id] : r.tag === 'Scrolly' ? [r.chart] : []));
    expect(placed.length).toBeGreaterThan(0);
    expect([...placed].sort()).toEqual([...story.chartIds].sort());
    for (const r of refs) if (r.tag === 'Scrolly') expect(story.figure(r.chart, 'zh').states, r.chart).toBeDefined();
  });

  it('gives officials reported speech, not quotation', () => {
    for (const s of sections) expect(s.body, s.file).not.toMatch(/负责人[^。]{0,12}[：:]\s*[“"]/);
  });

  it('repeats no run of 16+ characters of the report', (ctx) => {
    const tool = join(root, '../shared/tools/originality.py');
    if (!existsSync(tool)) {
      // CI always has shared/ beside the clone; elsewhere say loudly what was not checked.
      if (process.env.CI) throw new Error(`${tool} is missing: the originality check cannot run`);
      console.warn(`SKIPPED: originality check, ${tool} not found`);
      ctx.skip();
    }
    let out = '';
    try {
      out = execFileSync('python3', [tool, root], { encoding: 'utf8' });
    } catch (e) {
      const err = e as { code?: string; stdout?: string };
      if (err.code === 'ENOENT') throw new Error('python3 is needed for the originality check; install it (apt-get install python3)');
      out = err.stdout ?? String(e);
    }
    expect(out.trim()).toMatch(/^0 copied run\(s\)/);
  });

  it('labels the 2018 slot of the share view plainly: no derived bar is drawn there', () => {
    for (const [locale, derived] of [
      ['zh', '推算'],
      ['en', 'derived'],
    ] as const) {
      const share = realStory().figure('output', locale).modes!.find((m) => m.key === 'share')!;
      const labels = [...share.svg.wide.matchAll(/class="axis-label"[^>]*>([^<]*)</g)].map((m) => m[1]!);
      expect(labels.filter((l) => l.startsWith('2018')), locale).toHaveLength(1);
      expect(labels.join(' '), locale).not.toContain(derived);
    }
  });
});
