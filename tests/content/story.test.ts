import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkStory } from '../../src/story/check.ts';
import { formatProblem } from '../../src/story/problem.ts';
import { realStory, root, storyFiles, storyRoot } from '../helpers.ts';

describe('the story', () => {
  it('passes the one story check: every rule of the build and the editing screen, in both editions', () => {
    const { problems, story } = checkStory(storyFiles());
    expect(problems.map((p) => formatProblem(p))).toEqual([]);
    expect(story?.editions.length).toBeGreaterThan(0);
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
      out = execFileSync('python3', [tool, storyRoot], { encoding: 'utf8' });
    } catch (e) {
      const err = e as { code?: string; stdout?: string };
      if (err.code === 'ENOENT') throw new Error('python3 is needed for the originality check; install it (apt-get install python3)');
      out = err.stdout ?? String(e);
    }
    expect(out.trim()).toMatch(/^0 copied run\(s\)/);
  });

  it('labels a bar of a share view with the share view’s own words, not the amount view’s', () => {
    const story = realStory();
    const shared = Object.entries(story.charts).filter(([, c]) => c.kind === 'growthBars' && (c.zh as { share?: unknown }).share);
    let checked = 0;
    for (const [id, entry] of shared)
      for (const locale of story.editions) {
        const words = entry[locale] as { bars: Record<string, string>; share: { bars?: Record<string, string> } };
        const view = story.figure(id, locale).modes!.find((m) => m.key === 'share')!;
        const labels = [...view.svg.wide.matchAll(/class="axis-label"[^>]*>([^<]*)</g)].map((m) => m[1]!);
        for (const [key, label] of Object.entries(words.share.bars ?? {})) {
          expect(labels, `${id} ${locale} ${key}`).toContain(label);
          if (words.bars[key] !== label) expect(labels, `${id} ${locale} ${key}`).not.toContain(words.bars[key]);
          checked++;
        }
      }
    expect(checked).toBeGreaterThan(0);
  });
});
