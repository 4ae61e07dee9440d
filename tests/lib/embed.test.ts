import { describe, expect, it } from 'vitest';
import { embedFrameId, embedSnippet, embedTitle, frameIdPattern, heightMessage } from '../../src/lib/embed.ts';

describe('embedding a chart', () => {
  it('sends pym.js 1.x height messages', () => {
    expect(heightMessage('anfu-output', 812.2)).toBe('pymxPYMxanfu-outputxPYMxheightxPYMx813');
  });

  it('gives each chart a frame id the host script accepts', () => {
    expect(frameIdPattern.test(embedFrameId('anfu', 'output'))).toBe(true);
    expect(frameIdPattern.test('a"><script>')).toBe(false);
    expect(frameIdPattern.test('x'.repeat(65))).toBe(false);
  });

  it('writes a snippet: a lazy, full-width, titled iframe naming its id, and the host script', () => {
    const s = embedSnippet({ slug: 'anfu', chart: 'output', title: 'Output "2019" & <more>', src: '/embed/output/', script: '/embed.js' });
    expect(s).toBe(
      '<iframe id="anfu-output" data-story-embed src="/embed/output/?childId=anfu-output" title="Output &quot;2019&quot; &amp; &lt;more>" width="100%" height="600" loading="lazy" style="width:100%;border:0"></iframe>\n<script src="/embed.js" async></script>',
    );
  });

  it('keeps an embed page title within 70 characters', () => {
    expect(embedTitle('Rank', 'Site')).toBe('Rank | Site');
    expect(embedTitle('x'.repeat(60), 'A long site name')).toBe('x'.repeat(60));
    expect(embedTitle('y'.repeat(80), 'Site')).toBe(`${'y'.repeat(69)}…`);
  });
});
