import { parse as parseYaml } from 'yaml';
import { changes, type Change } from './save.ts';

/**
 * The message of a save's commit, naming what changed in the story's own words: a record by its
 * label with its old and new value ("<file title>：<record label> 31.67 → 32.5"), a chart or a section by
 * its title and the fields that changed. One line per file, the first line naming all of them.
 */

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const short = (v: unknown) => {
  const s = v === undefined ? '（空）' : typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
};
const at = (value: unknown, path: readonly (string | number)[]) =>
  path.reduce<unknown>((v, k) => (isObject(v) || Array.isArray(v) ? (v as Record<string | number, unknown>)[k] : undefined), value);

/** A file's title, as its entry names it: its `title` (front matter for a section), else its name. */
function titleOf(path: string, value: unknown): string {
  const title = at(value, ['title']);
  return typeof title === 'string' && title.trim() ? title.trim() : (path.split('/').at(-1) ?? path);
}

function parsed(path: string, text: string): unknown {
  try {
    if (path.endsWith('.json')) return JSON.parse(text) as unknown;
    if (/\.ya?ml$/.test(path)) return parseYaml(text) as unknown;
    if (path.endsWith('.mdx')) {
      const front = /^---\n([\s\S]*?)\n---/.exec(text);
      return front ? (parseYaml(front[1]!) as unknown) : {};
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/** One change in words: a record's field by its label, or the field's path. */
function described(old: unknown, next: unknown, change: Change): string {
  const [list, index, field, ...rest] = change.path;
  const before = at(old, change.path);
  if (typeof list === 'string' && typeof index === 'number') {
    const item = at(next, [list, index]) ?? at(old, [list, index]);
    const label = isObject(item) ? String(item['label'] ?? item['id'] ?? item['key'] ?? `#${index + 1}`) : `#${index + 1}`;
    if (field === undefined) return change.insert ? `新增 ${label}` : change.value === undefined ? `删除 ${label}` : `${label} 已修改`;
    const name = field === 'value' && !rest.length ? '' : ` ${[field, ...rest].join('.')}`;
    return `${label}${name} ${short(before)} → ${short(change.value)}`;
  }
  return `${change.path.join('.')} ${short(before)} → ${short(change.value)}`;
}

/** The commit message of a save: `before` is each file as it was (undefined: new), `after` as written (null: removed). */
export function saveMessage(before: ReadonlyMap<string, string | undefined>, after: ReadonlyMap<string, string | null>): string {
  const lines: string[] = [];
  for (const [path, text] of after) {
    const oldText = before.get(path);
    if (text === null) {
      lines.push(`删除 ${path}`);
      continue;
    }
    const next = parsed(path, text);
    const title = titleOf(path, next);
    if (oldText === undefined) {
      lines.push(`新增 ${title}（${path}）`);
      continue;
    }
    const old = parsed(path, oldText);
    const found = old !== undefined && next !== undefined ? changes(old, next) : [];
    const words = found.slice(0, 5).map((c) => described(old, next, c));
    if (found.length > 5) words.push(`另有 ${found.length - 5} 处`);
    if (path.endsWith('.mdx') && oldText.replace(/^---\n[\s\S]*?\n---/, '') !== text.replace(/^---\n[\s\S]*?\n---/, ''))
      words.push('正文已修改');
    lines.push(`${title}：${words.length ? words.join('；') : '格式调整'}`);
  }
  const [first = '保存', ...rest] = lines;
  return rest.length ? `${first}（另 ${rest.length} 个文件）\n\n${lines.join('\n')}` : first;
}
