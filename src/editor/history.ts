import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { roleOf } from '../story/files.ts';

/**
 * The story's history in git, for the newsroom service: every save a commit authored by its
 * editor, and the saves of a file listed, shown and restored. git's own command line is called
 * with argument lists (no shell): a wrapper library would make the same calls.
 */

/** One save in a file's history. */
export interface Revision {
  commit: string;
  author: string;
  /** ISO 8601, with the offset it was saved at. */
  date: string;
  message: string;
}

const run = (root: string, args: string[], env: NodeJS.ProcessEnv = {}) =>
  execFileSync('git', args, {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_CONFIG_NOSYSTEM: '1', LC_ALL: 'C', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

/** Whether the story's folder is the top of a git repository of its own, which the service commits to. */
export function isRepository(root: string): boolean {
  try {
    return realpathSync(run(root, ['rev-parse', '--show-toplevel']).trim()) === realpathSync(root);
  } catch {
    return false;
  }
}

/** The address git records for an editor: the service's accounts hold names, not addresses. */
const addressOf = (name: string) => `${encodeURIComponent(name.replace(/\s+/g, '.')).replace(/%/g, '')}@newsroom.invalid`;

/**
 * Commits the files a save wrote or removed, authored by the editor, committed by the service.
 * Only these paths are committed, whatever else the folder holds. Returns the new commit, or
 * undefined when the files were as the last commit had them.
 */
export function commitSave(root: string, paths: readonly string[], editor: string, message: string): string | undefined {
  if (!paths.length) return undefined;
  run(root, ['add', '--all', '--', ...paths]);
  const staged = run(root, ['diff', '--cached', '--name-only', '--', ...paths]).trim();
  if (!staged) return undefined;
  const identity = {
    GIT_AUTHOR_NAME: editor,
    GIT_AUTHOR_EMAIL: addressOf(editor),
    GIT_COMMITTER_NAME: 'Newsroom service',
    GIT_COMMITTER_EMAIL: 'service@newsroom.invalid',
  };
  run(root, ['commit', '--quiet', '--no-verify', '--message', message, '--', ...paths], identity);
  return run(root, ['rev-parse', 'HEAD']).trim();
}

const FIELD = '\u001f';

/** The saves of one file, newest first (across renames). */
export function historyOf(root: string, path: string, limit = 200): Revision[] {
  const out = run(root, ['log', '--follow', `--max-count=${limit}`, `--format=%H${FIELD}%an${FIELD}%aI${FIELD}%s`, '--', path]);
  return out
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [commit, author, date, message] = line.split(FIELD) as [string, string, string, string];
      return { commit, author, date, message };
    });
}

/** A file as one commit left it, or undefined where that commit did not have it. */
export function fileAt(root: string, commit: string, path: string): string | undefined {
  if (!/^[0-9a-f]{7,40}$/.test(commit)) throw new Error(`not a commit: ${commit}`);
  try {
    return run(root, ['show', `${commit}:${path}`]);
  } catch {
    return undefined;
  }
}

/** What one commit changed in a file, as a unified diff. */
export function changeIn(root: string, commit: string, path: string): string {
  if (!/^[0-9a-f]{7,40}$/.test(commit)) throw new Error(`not a commit: ${commit}`);
  return run(root, ['show', '--format=', '--patch', '--no-color', '--find-renames', commit, '--', path]);
}

/** The id git (and Keystatic's tree) gives a file's bytes: SHA-1 of "blob <length>\0" and the bytes. */
export const blobId = (bytes: Buffer) => createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');

/**
 * Why a save made from these versions would lose another editor's change, or undefined: each
 * file the save changes must still be the version its editor opened (`base`: path to blob id;
 * null for a file they had not seen, which is not checked). Names who saved in between and when,
 * where the story's history knows.
 */
export function staleSave(root: string, base: Record<string, string | null>): { path: string; by?: Revision } | undefined {
  for (const [path, seen] of Object.entries(base)) {
    // Only the story's own files are compared; a path the screen would never send is left to the save's own checks.
    if (seen === null || !roleOf(path) || path.split('/').includes('..')) continue;
    let now: string | null = null;
    try {
      now = blobId(readFileSync(join(root, path)));
    } catch {
      now = null;
    }
    if (now === seen) continue;
    const by = isRepository(root) ? historyOf(root, path, 1)[0] : undefined;
    return by ? { path, by } : { path };
  }
  return undefined;
}

/** The refusal of a stale save, in plain words first, in the editor's language (Chinese or English). */
export function conflict({ path, by }: NonNullable<ReturnType<typeof staleSave>>, lang: 'zh' | 'en' = 'en'): string {
  const when = (date: string, locale: string) => new Date(date).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
  if (lang === 'zh') {
    const who = by ? `${by.author}在${when(by.date, 'zh-CN')}保存过它（“${by.message}”）` : '它已被改动';
    return `没有保存，什么也没有写入：你打开这一条之后，它又被改过。${who}。请先复制你写的内容，重新载入页面，在这一条的菜单里选择 Reset changes（重置修改；页面会把你的文字作为草稿带回），看看对方的版本，再重新修改并保存。（${path}）`;
  }
  const who = by ? `${by.author} saved it at ${when(by.date, 'en-GB')} (“${by.message}”)` : 'It was changed';
  return `Not saved, nothing was written: this entry changed after you opened it. ${who}. Copy what you wrote, reload the page, and choose Reset changes in the entry’s menu (the screen brings your words back as a draft) to see their version; then make your change again and save. (${path})`;
}
