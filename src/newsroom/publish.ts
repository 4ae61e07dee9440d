import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { basename, join } from 'node:path';
import { execFileSync } from 'node:child_process';

/**
 * Publishing the story from the newsroom: the story check and the production build into a new
 * release folder, then the published site switched to it in one step. The target holds
 *
 *     releases/<time>-<commit>/   every build that succeeded, the last few kept
 *     current -> releases/…       the published site: what the static host serves
 *     publish-log.jsonl           who published which commit, when, and how it went
 *
 * `current` is a symbolic link replaced by a rename, so a reader gets the old site or the new
 * one, never a mix; a build that fails never touches it. Rolling back points it at the release
 * before. A static host serves `<target>/current` (nginx: `root <target>/current;`).
 */

export interface PublishEntry {
  /** What happened: a publish, a rollback, or a publish that failed. */
  action: 'publish' | 'rollback' | 'failed';
  editor: string;
  commit: string;
  /** ISO 8601. */
  at: string;
  release?: string;
  /** Why a publish failed, in the build's words (its last lines). */
  reason?: string;
}

export interface PublishState {
  running: boolean;
  editor?: string;
  started?: number;
  /** The build's output so far (its last lines). */
  output: string;
  last?: PublishEntry | undefined;
}

const KEEP = 5;

export function publishedRelease(target: string): string | undefined {
  try {
    return basename(readlinkSync(join(target, 'current')));
  } catch {
    return undefined;
  }
}

export function releases(target: string): string[] {
  try {
    return readdirSync(join(target, 'releases')).sort();
  } catch {
    return [];
  }
}

export function publishLog(target: string): PublishEntry[] {
  try {
    return readFileSync(join(target, 'publish-log.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as PublishEntry)
      .reverse();
  } catch {
    return [];
  }
}

/** Points `current` at a release in one rename. */
function switchTo(target: string, release: string): void {
  const temporary = join(target, `.current.${process.pid}.${Date.now()}`);
  symlinkSync(join('releases', release), temporary);
  renameSync(temporary, join(target, 'current'));
}

function log(target: string, entry: PublishEntry): PublishEntry {
  appendFileSync(join(target, 'publish-log.jsonl'), `${JSON.stringify(entry)}\n`);
  return entry;
}

const headOf = (storyRoot: string) => {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: storyRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
};

/** The publisher of one target: one publish at a time, its progress readable while it runs. */
export function publisher(options: { project: string; storyRoot: string; target: string; env?: NodeJS.ProcessEnv }) {
  const { project, storyRoot, target } = options;
  const state: PublishState = { running: false, output: '', last: publishLog(target)[0] };

  /** Starts a publish; false when one is already running. Resolves when it has ended. */
  function publish(editor: string): Promise<PublishEntry> | undefined {
    if (state.running) return undefined;
    mkdirSync(join(target, 'releases'), { recursive: true });
    const commit = headOf(storyRoot);
    const at = new Date();
    const release = `${at.toISOString().replace(/[:.]/g, '-')}-${commit.slice(0, 7)}`;
    const building = join(target, `.building-${release}`);
    Object.assign(state, { running: true, editor, started: Date.now(), output: '' });
    const astro = join(project, 'node_modules/astro/bin/astro.mjs');
    const child = spawn(process.execPath, [astro, 'build', '--outDir', building], {
      cwd: project,
      env: { ...process.env, ...options.env, STORY_ROOT: storyRoot, ASTRO_TELEMETRY_DISABLED: '1', NEWSROOM_TOKEN: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const take = (d: Buffer) => {
      // Colours and cursor codes are the terminal's; the page shows plain text, the last 8 KB.
      state.output = (state.output + d.toString().replace(/\u001b\[[0-9;]*[A-Za-z]/g, '')).slice(-8192);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    return new Promise((resolve) => {
      child.on('close', (code) => {
        let entry: PublishEntry;
        if (code === 0 && existsSync(join(building, 'index.html'))) {
          renameSync(building, join(target, 'releases', release));
          switchTo(target, release);
          for (const old of releases(target).slice(0, -KEEP)) rmSync(join(target, 'releases', old), { recursive: true, force: true });
          entry = log(target, { action: 'publish', editor, commit, at: at.toISOString(), release });
        } else {
          rmSync(building, { recursive: true, force: true });
          entry = log(target, {
            action: 'failed',
            editor,
            commit,
            at: at.toISOString(),
            reason: state.output.trim().split('\n').slice(-12).join('\n'),
          });
        }
        Object.assign(state, { running: false, last: entry });
        resolve(entry);
      });
    });
  }

  /** Points the published site at the release before the current one; undefined when there is none. */
  function rollback(editor: string): PublishEntry | undefined {
    if (state.running) return undefined;
    const all = releases(target);
    const current = publishedRelease(target);
    const index = current ? all.indexOf(current) : -1;
    const previous = index > 0 ? all[index - 1] : undefined;
    if (!previous) return undefined;
    switchTo(target, previous);
    const entry = log(target, {
      action: 'rollback',
      editor,
      commit: previous.split('-').at(-1)!,
      at: new Date().toISOString(),
      release: previous,
    });
    state.last = entry;
    return entry;
  }

  return { state, publish, rollback };
}
