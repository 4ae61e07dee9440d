import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publishedRelease, publisher, publishLog, releases } from '../../src/newsroom/publish.ts';
import { root } from '../helpers.ts';
import { storyRepository } from './repository.ts';

/**
 * Publishing's steps around the build: the release, the hook that copies it elsewhere, the
 * switch of `current`, rollback and the log. A stand-in build (a page naming its run) keeps this
 * to milliseconds; the newsroom's browser test publishes with the real production build.
 */
const fakeBuild = (fail = false) => ({
  command: process.execPath,
  args: (out: string) => [
    '-e',
    fail
      ? 'console.error("content/story.yaml: title: expected a string"); process.exit(1)'
      : `require('node:fs').mkdirSync(${JSON.stringify(out)}); require('node:fs').writeFileSync(${JSON.stringify(out)} + '/index.html', String(Date.now()))`,
  ],
});

function setUp(name: string, hook?: string, fail = false) {
  const storyRoot = storyRepository(name);
  const target = mkdtempSync(join(tmpdir(), `${name}-site-`));
  return { storyRoot, target, p: publisher({ project: root, storyRoot, target, hook, build: fakeBuild(fail) }) };
}
const page = (target: string) => readFileSync(join(target, 'current/index.html'), 'utf8');

describe('publishing', () => {
  it('builds a release, points current at it, and rolls back to the one before', async () => {
    const { target, p } = setUp('publish-plain');
    expect(p.previousRelease()).toBeUndefined();
    const first = await p.publish('王编辑')!;
    expect(first).toMatchObject({ action: 'publish', editor: '王编辑' });
    expect(publishedRelease(target)).toBe(first.release);
    const before = page(target);
    // One publish at a time.
    const running = p.publish('王编辑')!;
    expect(p.publish('Ada')).toBeUndefined();
    const second = await running;
    expect(publishedRelease(target)).toBe(second.release);
    expect(p.previousRelease()).toBe(first.release);
    const back = await p.rollback('Ada')!;
    expect(back).toMatchObject({ action: 'rollback', editor: 'Ada', release: first.release });
    expect(page(target)).toBe(before);
    expect(publishLog(target).map((e) => e.action)).toEqual(['rollback', 'publish', 'publish']);
  });

  it('keeps the last five releases', async () => {
    const { target, p } = setUp('publish-keep');
    const made: string[] = [];
    for (let i = 0; i < 7; i++) {
      made.push((await p.publish('王编辑')!).release!);
      // Releases are named by the time to the millisecond.
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(releases(target)).toEqual(made.slice(-5));
  });

  it('a build that fails leaves current as it was and says why', async () => {
    const good = setUp('publish-fail-before');
    await good.p.publish('王编辑')!;
    const { target, p } = {
      target: good.target,
      p: publisher({ project: root, storyRoot: good.storyRoot, target: good.target, build: fakeBuild(true) }),
    };
    const before = publishedRelease(target);
    const failed = await p.publish('王编辑')!;
    expect(failed.action).toBe('failed');
    expect(failed.reason).toContain('content/story.yaml: title: expected a string');
    expect(publishedRelease(target)).toBe(before);
    expect(readdirSync(target).filter((n) => n.startsWith('.building'))).toEqual([]);
  });

  it('runs the hook on the release before switching, with the release, commit and editor in its environment', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'publish-hook-copy-'));
    const hook = `cp -R "$NEWSROOM_RELEASE/." ${JSON.stringify(copy)} && printf '%s\\n' "$NEWSROOM_ACTION" "$NEWSROOM_EDITOR" "$NEWSROOM_COMMIT" > ${JSON.stringify(join(copy, 'who'))}`;
    const { target, p } = setUp('publish-hook', hook);
    // An editor's name is data to the hook, never part of its command.
    const editor = '$(touch pwned) `touch pwned`; touch pwned';
    const entry = await p.publish(editor)!;
    expect(entry.action).toBe('publish');
    expect(readFileSync(join(copy, 'index.html'), 'utf8')).toBe(page(target));
    expect(readFileSync(join(copy, 'who'), 'utf8')).toBe(`publish\n${editor}\n${entry.commit}\n`);
    expect(entry.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(existsSync(join(root, 'pwned'))).toBe(false);
    expect(p.state.output).toContain(`$ ${hook}`);
    await p.publish('王编辑')!;
    await p.rollback('王编辑');
    expect(readFileSync(join(copy, 'who'), 'utf8')).toMatch(/^rollback\n王编辑\n/);
    expect(readFileSync(join(copy, 'index.html'), 'utf8')).toBe(page(target));
  });

  it('a hook that fails fails the publish: current stays as it was, the release goes, the page says why', async () => {
    const flag = join(mkdtempSync(join(tmpdir(), 'publish-hook-flag-')), 'fail');
    const { target, p } = setUp(
      'publish-hook-fail',
      `if [ -e ${JSON.stringify(flag)} ]; then echo "rsync: connection refused" >&2; exit 12; fi`,
    );
    const first = await p.publish('王编辑')!;
    writeFileSync(flag, '');
    const failed = await p.publish('王编辑')!;
    expect(failed.action).toBe('failed');
    expect(failed.reason).toMatch(/^The copy to the published site \(the publish hook\) failed:\n[^]*rsync: connection refused/);
    expect(publishedRelease(target)).toBe(first.release);
    expect(releases(target)).toEqual([first.release]);
    // A rollback whose copy fails leaves current too.
    const { p: second } = {
      p: publisher({ project: root, storyRoot: setUp('publish-hook-fail-2').storyRoot, target, build: fakeBuild() }),
    };
    await second.publish('王编辑')!;
    const now = publishedRelease(target);
    const back = await p.rollback('王编辑')!;
    expect(back.action).toBe('failed');
    expect(publishedRelease(target)).toBe(now);
  });
});
