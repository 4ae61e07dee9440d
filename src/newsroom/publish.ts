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
 *
 * A site that lives elsewhere (another server, an object store) is reached by a hook: a shell
 * command from the service's settings, never from an editor, run with the release's folder in
 * `NEWSROOM_RELEASE` once the build has succeeded (and on a rollback, with the release rolled
 * back to). The switch of `current` waits for it; when it fails, the publish fails and
 * `current` stays as it was.
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

/** Runs a command, its output passed to `take`; resolves with its exit code (a signal counts as a failure). */
function run(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
  take: (d: Buffer) => void,
): Promise<number> {
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', take);
  child.stderr.on('data', take);
  return new Promise((resolve) => {
    child.on('error', (e) => {
      take(Buffer.from(`${e.message}\n`));
      resolve(127);
    });
    child.on('close', (code) => resolve(code ?? 1));
  });
}

/** The publisher of one target: one publish at a time, its progress readable while it runs. */
export function publisher(options: {
  project: string;
  storyRoot: string;
  target: string;
  env?: NodeJS.ProcessEnv;
  /** A shell command that copies a release to where readers are served (rsync, an object-store upload). */
  hook?: string | undefined;
  /** The build: a program and its arguments for an output folder; Astro's production build unless given. */
  build?: { command: string; args: (outDir: string) => string[] };
}) {
  const { project, storyRoot, target } = options;
  const state: PublishState = { running: false, output: '', last: publishLog(target)[0] };
  const take = (d: Buffer) => {
    // Colours and cursor codes are the terminal's; the page shows plain text, the last 8 KB.
    state.output = (state.output + d.toString().replace(/\u001b\[[0-9;]*[A-Za-z]/g, '')).slice(-8192);
  };
  const lastLines = () => state.output.trim().split('\n').slice(-12).join('\n');

  /** Runs the hook on a release; true when there is none or it succeeded. */
  async function hook(action: 'publish' | 'rollback', editor: string, commit: string, release: string): Promise<boolean> {
    if (!options.hook) return true;
    take(Buffer.from(`\n$ ${options.hook}\n`));
    const env = {
      ...process.env,
      NEWSROOM_RELEASE: join(target, 'releases', release),
      NEWSROOM_TARGET: target,
      NEWSROOM_COMMIT: commit,
      NEWSROOM_EDITOR: editor,
      NEWSROOM_ACTION: action,
    };
    return (await run('/bin/sh', ['-c', options.hook], { cwd: project, env }, take)) === 0;
  }

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
    const build = options.build ?? { command: process.execPath, args: (out: string) => [astro, 'build', '--outDir', out] };
    const env = { ...process.env, ...options.env, STORY_ROOT: storyRoot, ASTRO_TELEMETRY_DISABLED: '1', NEWSROOM_TOKEN: '' };
    const fail = (reason: string) =>
      log(target, { action: 'failed', editor, commit, at: at.toISOString(), reason: `${reason}\n${lastLines()}`.trim() });
    const done = (async (): Promise<PublishEntry> => {
      const code = await run(build.command, build.args(building), { cwd: project, env }, take);
      if (code !== 0 || !existsSync(join(building, 'index.html'))) {
        rmSync(building, { recursive: true, force: true });
        return fail('');
      }
      renameSync(building, join(target, 'releases', release));
      if (!(await hook('publish', editor, commit, release))) {
        rmSync(join(target, 'releases', release), { recursive: true, force: true });
        return fail('The copy to the published site (the publish hook) failed:');
      }
      switchTo(target, release);
      for (const old of releases(target).slice(0, -KEEP)) rmSync(join(target, 'releases', old), { recursive: true, force: true });
      return log(target, { action: 'publish', editor, commit, at: at.toISOString(), release });
    })();
    return done.then((entry) => {
      Object.assign(state, { running: false, last: entry });
      return entry;
    });
  }

  /** The release before the published one, if any. */
  function previousRelease(): string | undefined {
    const all = releases(target);
    const current = publishedRelease(target);
    const index = current ? all.indexOf(current) : -1;
    return index > 0 ? all[index - 1] : undefined;
  }

  /**
   * Points the published site at the release before the current one (after the hook has copied
   * it, when there is one); undefined when there is none or a publish is running.
   */
  function rollback(editor: string): Promise<PublishEntry> | undefined {
    const previous = previousRelease();
    if (state.running || !previous) return undefined;
    const commit = previous.split('-').at(-1)!;
    const at = new Date().toISOString();
    Object.assign(state, { running: true, editor, started: Date.now(), output: '' });
    return hook('rollback', editor, commit, previous).then((ok) => {
      if (ok) switchTo(target, previous);
      const entry = ok
        ? log(target, { action: 'rollback', editor, commit, at, release: previous })
        : log(target, {
            action: 'failed',
            editor,
            commit,
            at,
            reason: `The copy to the published site (the publish hook) failed:\n${lastLines()}`,
          });
      Object.assign(state, { running: false, last: entry });
      return entry;
    });
  }

  return { state, publish, rollback, previousRelease };
}
