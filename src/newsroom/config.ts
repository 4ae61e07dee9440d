import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';

/**
 * The newsroom service's settings: from `newsroom.config.json` in the project (or the file
 * `NEWSROOM_CONFIG` names), each overridden by its environment variable. Relative paths are
 * the project's.
 */
const settings = z.object({
  /** The address to listen on (`HOST`): loopback unless accounts exist. */
  host: z.string().min(1).default('127.0.0.1'),
  /** The port (`PORT`). */
  port: z.coerce.number().int().min(0).max(65535).default(4330),
  /** The editors' accounts (`NEWSROOM_ACCOUNTS`), written by `npm run newsroom:user`. */
  accounts: z.string().min(1).default('.newsroom/accounts.json'),
  /** The key that signs session cookies (`NEWSROOM_SECRET_FILE`); made on first start, readable by its owner only. */
  secretFile: z.string().min(1).default('.newsroom/secret'),
  /** How long a session lasts without a new login, in hours (`NEWSROOM_SESSION_HOURS`). */
  sessionHours: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(12),
  /**
   * The address readers reach the service by, when a reverse proxy stands in front of it
   * (`NEWSROOM_ORIGIN`, e.g. https://newsroom.example.cn): requests that change anything must
   * come from a page of this origin. Left unset, the origin the request was sent to.
   */
  origin: z.url().optional(),
  /** Where Publish puts the site (`NEWSROOM_PUBLISH_DIR`): the static host serves its `current` folder. */
  publishDir: z.string().min(1).default('.newsroom/site'),
  /**
   * A shell command that copies each release to where readers are served, before the publish
   * counts as done (`NEWSROOM_PUBLISH_HOOK`): it finds the release's folder in `$NEWSROOM_RELEASE`.
   */
  publishHook: z.string().min(1).optional(),
});
export type Settings = z.infer<typeof settings>;

const fromEnvironment: Record<keyof Settings, string> = {
  host: 'HOST',
  port: 'PORT',
  accounts: 'NEWSROOM_ACCOUNTS',
  secretFile: 'NEWSROOM_SECRET_FILE',
  sessionHours: 'NEWSROOM_SESSION_HOURS',
  origin: 'NEWSROOM_ORIGIN',
  publishDir: 'NEWSROOM_PUBLISH_DIR',
  publishHook: 'NEWSROOM_PUBLISH_HOOK',
};

/** The settings for a project folder, from its config file and the environment; a wrong value is an error that names it. */
export function readSettings(project: string, env: NodeJS.ProcessEnv = process.env): Settings {
  const file = resolve(project, env['NEWSROOM_CONFIG'] ?? 'newsroom.config.json');
  const fromFile: Record<string, unknown> = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  const merged: Record<string, unknown> = { ...fromFile };
  for (const [key, name] of Object.entries(fromEnvironment)) if (env[name] !== undefined && env[name] !== '') merged[key] = env[name];
  const parsed = settings.safeParse(merged);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = String(issue.path[0]) as keyof Settings;
    throw new Error(`The newsroom setting ${key} (${fromEnvironment[key] ?? key}, or "${key}" in ${file}) is wrong: ${issue.message}`);
  }
  const at = (p: string) => (isAbsolute(p) ? p : join(project, p));
  return {
    ...parsed.data,
    accounts: at(parsed.data.accounts),
    secretFile: at(parsed.data.secretFile),
    publishDir: at(parsed.data.publishDir),
  };
}

/** The session key: read from its file, or made there (32 random bytes) the first time. */
export function sessionSecret(file: string): Buffer {
  if (existsSync(file)) {
    const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
    if (key.length < 32) throw new Error(`${file} holds no session key of 32 bytes; delete it and a new one is made (every session ends)`);
    return key;
  }
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const key = randomBytes(32);
  writeFileSync(file, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  return key;
}

/** Whether an address is this machine only. */
export const isLoopback = (host: string) => ['127.0.0.1', '::1', 'localhost'].includes(host) || /^127\./.test(host);
