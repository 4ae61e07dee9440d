import { describe, expect, inject, it } from 'vitest';

// The terminal's colour codes dropped: the log as a reader of the terminal sees it.
const plain = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');

describe('a clean build', () => {
  it.each(['root', 'sub'] as const)('prints no warning (built at the %s)', (site) => {
    const log = plain(inject('buildLogs')[site]);
    // The log is the build's: it reached its end.
    expect(log).toMatch(/\[build\] Complete!/);
    expect(log).toMatch(/\[story-check\] the story passed its check/);
    const warnings = log.split('\n').filter((line) => /\bWARN\b|warning|deprecat/i.test(line));
    expect(warnings).toEqual([]);
  });
});
