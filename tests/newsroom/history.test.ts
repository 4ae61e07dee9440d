import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blobId, changeIn, commitSave, conflict, fileAt, historyOf, isRepository, staleSave } from '../../src/editor/history.ts';
import { saveMessage } from '../../src/editor/message.ts';
import { saveStory } from '../../src/editor/save.ts';
import { copyStory, fixture, root } from '../helpers.ts';
import { aValue, storyRepository, valueSave } from './repository.ts';

describe('the story’s history in git', () => {
  it('knows a repository of its own from a folder inside another', () => {
    const dir = storyRepository('history-own');
    expect(isRepository(dir)).toBe(true);
    expect(isRepository(join(dir, 'data'))).toBe(false);
    // A copy inside the project's own clone is not a repository of its own.
    expect(isRepository(copyStory('history-inside', fixture))).toBe(false);
    expect(isRepository(root)).toBe(true);
  });

  it('commits a save as its editor, with a message naming the record, its old and its new value', () => {
    const dir = storyRepository('history-save');
    const { path, json, record } = aValue(dir);
    const value = record.value! + 1;
    const saved = saveStory(dir, valueSave(dir, value));
    expect(saved.status).toBe(200);
    const message = saveMessage(saved.written!.before, saved.written!.after);
    expect(message).toBe(`${json.title}：${record.label} ${record.value} → ${value}`);
    const commit = commitSave(dir, [...saved.written!.after.keys()], '王 编辑', message)!;
    const [last] = historyOf(dir, path);
    expect(last).toMatchObject({ commit, author: '王 编辑', message });
    expect(changeIn(dir, commit, path)).toContain(`+      "value": ${value}`);
    expect(fileAt(dir, commit, path)).toBe(readFileSync(join(dir, path), 'utf8'));
    // Only the save's files are committed; the file before the save is the first commit's.
    expect(historyOf(dir, path)).toHaveLength(2);
    expect(JSON.parse(fileAt(dir, historyOf(dir, path)[1]!.commit, path)!)).toEqual(json);
    // A save that changes nothing makes no commit.
    expect(commitSave(dir, [path], '王 编辑', 'nothing')).toBeUndefined();
  });

  it('names a section by its title and says its text changed', () => {
    const dir = storyRepository('history-section');
    const edition = readdirSync(join(dir, 'content')).find((e) => e !== 'charts' && e !== 'pages')!;
    const name = readdirSync(join(dir, 'content', edition)).find((n) => n.endsWith('.mdx'))!;
    const path = `content/${edition}/${name}`;
    const text = readFileSync(join(dir, path), 'utf8');
    const title = /^title: (.*)$/m.exec(text)![1]!.replace(/^['"]|['"]$/g, '');
    const message = saveMessage(new Map([[path, text]]), new Map([[path, `${text}\n追加的一段。\n`]]));
    expect(message).toBe(`${title}：正文已修改`);
  });

  it('refuses a commit id that is not one, before git reads it', () => {
    const dir = storyRepository('history-ids');
    expect(() => fileAt(dir, '--output=/tmp/x', 'data/x.json')).toThrow(/not a commit/);
    expect(() => changeIn(dir, 'HEAD; rm -rf /', 'data/x.json')).toThrow(/not a commit/);
  });

  it('refuses a save made from a version another editor has changed since, naming them', () => {
    const dir = storyRepository('history-stale');
    const { path, record } = aValue(dir);
    const opened = blobId(readFileSync(join(dir, path)));
    expect(staleSave(dir, { [path]: opened })).toBeUndefined();
    const saved = saveStory(dir, valueSave(dir, record.value! + 1));
    commitSave(dir, [path], '另一位编辑', saveMessage(saved.written!.before, saved.written!.after));
    const stale = staleSave(dir, { [path]: opened });
    expect(stale?.path).toBe(path);
    expect(stale?.by?.author).toBe('另一位编辑');
    // The refusal says so in the editor's language, plain words first, naming who saved and the file.
    const message = saveMessage(saved.written!.before, saved.written!.after);
    const zh = conflict(stale!, 'zh');
    const en = conflict(stale!, 'en');
    expect(zh).toMatch(/^没有保存，什么也没有写入/);
    expect(en).toMatch(/^Not saved, nothing was written/);
    for (const text of [zh, en]) for (const part of ['另一位编辑', message, path]) expect(text).toContain(part);
    // The version now on disk is current; a file the editor had not seen, and a path outside the story, are not compared.
    expect(staleSave(dir, { [path]: blobId(readFileSync(join(dir, path))) })).toBeUndefined();
    expect(staleSave(dir, { [path]: null })).toBeUndefined();
    expect(staleSave(dir, { '../../etc/passwd': opened })).toBeUndefined();
  });
});
