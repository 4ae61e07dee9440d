import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyStory, fixture } from '../helpers.ts';

type Rec = { id: string; label: string; value?: number };

/** A copy of the fixture story that is a git repository of its own, with its first commit. */
export function storyRepository(name: string): string {
  const dir = copyStory(name, fixture);
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
  git('init', '--quiet', '--initial-branch=main');
  git('add', '--all');
  git('-c', 'user.name=Setup', '-c', 'user.email=setup@example.invalid', 'commit', '--quiet', '--message', 'the story');
  return dir;
}

/** The first data file of a story with a record that has a value, and that record. */
export function aValue(dir: string) {
  for (const name of readdirSync(join(dir, 'data')).sort()) {
    if (name === 'derived.json' || name === 'source.json') continue;
    const path = `data/${name}`;
    const json = JSON.parse(readFileSync(join(dir, path), 'utf8')) as { title: string; records: Rec[] };
    const index = json.records.findIndex((r) => typeof r.value === 'number');
    if (index >= 0) return { path, json, index, record: json.records[index]! };
  }
  throw new Error('the fixture story has no record with a value');
}

/** A save of one record's new value, as the screen sends it. */
export function valueSave(dir: string, value: number) {
  const { path, json, index } = aValue(dir);
  const next = structuredClone(json);
  next.records[index]!.value = value;
  return { additions: [{ path, contents: Buffer.from(JSON.stringify(next, null, 2)).toString('base64') }], deletions: [] };
}
