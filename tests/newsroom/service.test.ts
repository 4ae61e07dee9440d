import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LANG_HEADER, tokenGuard, TOKEN_HEADER } from '../../src/editor/token.ts';
import { addAccount, readAccounts, removeAccount, verify } from '../../src/newsroom/accounts.ts';
import { readSettings, sessionSecret, type Settings } from '../../src/newsroom/config.ts';
import { createNewsroom, EDITOR_HEADER, WRONG_PASSWORD_DELAY } from '../../src/newsroom/server.ts';
import { words } from '../../src/newsroom/words.ts';
import { root } from '../helpers.ts';
import { aValue, storyRepository, valueSave } from './repository.ts';
import { commitSave, historyOf } from '../../src/editor/history.ts';
import { saveMessage } from '../../src/editor/message.ts';
import { saveStory } from '../../src/editor/save.ts';

const dir = mkdtempSync(join(tmpdir(), 'newsroom-'));
const accounts = join(dir, 'accounts.json');
const PASSWORD = 'correct horse battery';
const storyRoot = storyRepository('newsroom-service');

describe('newsroom accounts', () => {
  const file = join(dir, 'accounts-only.json');
  it('keeps a scrypt hash, never the password, in a file only its owner can read', async () => {
    expect(await addAccount(file, '王编辑', PASSWORD)).toBe('added');
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(PASSWORD);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect((await verify(file, '王编辑', PASSWORD))?.name).toBe('王编辑');
    expect(await verify(file, '王编辑', 'correct horse batterz')).toBeUndefined();
    expect(await verify(file, 'nobody', PASSWORD)).toBeUndefined();
  });
  it('a new password gives the account a new epoch; removing it leaves no trace of it', async () => {
    const before = readAccounts(file).find((a) => a.name === '王编辑')!;
    expect(await addAccount(file, '王编辑', 'another long password')).toBe('changed');
    const after = readAccounts(file).find((a) => a.name === '王编辑')!;
    expect(after.epoch).not.toBe(before.epoch);
    expect(await verify(file, '王编辑', PASSWORD)).toBeUndefined();
    expect(removeAccount(file, '王编辑')).toBe(true);
    expect(removeAccount(file, '王编辑')).toBe(false);
    expect(readAccounts(file)).toEqual([]);
  });
  it('refuses a short password, a name git could not record, and a file that is not an accounts file', async () => {
    await expect(addAccount(file, 'li', 'short')).rejects.toThrow(/12 characters/);
    await expect(addAccount(file, '../li', PASSWORD)).rejects.toThrow();
    await expect(addAccount(file, 'li\nAuthor: x', PASSWORD)).rejects.toThrow();
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"accounts": [{"name": "x"}]}');
    expect(() => readAccounts(bad)).toThrow(/not a newsroom accounts file/);
  });
});

describe('newsroom settings', () => {
  it('reads defaults, the config file and the environment, the environment first', () => {
    const project = mkdtempSync(join(tmpdir(), 'newsroom-settings-'));
    expect(readSettings(project, {})).toMatchObject({ host: '127.0.0.1', port: 4330, accounts: join(project, '.newsroom/accounts.json') });
    writeFileSync(join(project, 'newsroom.config.json'), JSON.stringify({ port: 5000, host: '0.0.0.0' }));
    expect(readSettings(project, {})).toMatchObject({ host: '0.0.0.0', port: 5000 });
    expect(readSettings(project, { PORT: '6000' })).toMatchObject({ port: 6000 });
    expect(() => readSettings(project, { PORT: 'eighty' })).toThrow(/port \(PORT/);
    rmSync(project, { recursive: true, force: true });
  });
  it('makes the session key once, readable by its owner only', () => {
    const file = join(dir, 'secret');
    const key = sessionSecret(file);
    expect(key).toHaveLength(32);
    expect(sessionSecret(file).equals(key)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
  it('will not listen beyond this machine before any editor has an account', () => {
    const run = spawnSync(process.execPath, [join(root, 'scripts/newsroom.ts')], {
      env: { ...process.env, HOST: '0.0.0.0', NEWSROOM_ACCOUNTS: join(dir, 'none.json'), NEWSROOM_SECRET_FILE: join(dir, 'secret') },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^Not started: HOST=0\.0\.0\.0 would let other machines reach the newsroom/);
  });
});

describe('the development server behind the newsroom', () => {
  const answer = (guard: ReturnType<typeof tokenGuard>, headers: IncomingHttpHeaders) => {
    let status = 0;
    let passed = false;
    guard({ headers } as never, { writeHead: (s: number) => (status = s), end: () => undefined } as never, () => (passed = true));
    return passed ? 'passed' : status;
  };
  it('answers only requests that carry the token of this start', () => {
    const guard = tokenGuard('a'.repeat(48));
    expect(answer(guard, { [TOKEN_HEADER]: 'a'.repeat(48) })).toBe('passed');
    expect(answer(guard, { [TOKEN_HEADER]: 'a'.repeat(47) })).toBe(403);
    expect(answer(guard, { [TOKEN_HEADER]: 'b'.repeat(48) })).toBe(403);
    expect(answer(guard, {})).toBe(403);
    // Without the newsroom (npm run dev on an editor's own machine) nothing changes.
    expect(answer(tokenGuard(undefined), {})).toBe('passed');
  });
});

describe('the newsroom service', () => {
  let upstream: Server;
  let upstreamUrl: string;
  const seen: { url: string; method: string; headers: IncomingHttpHeaders }[] = [];
  let app: FastifyInstance;
  let settings: Settings;
  const host = 'newsroom.test:4330';
  const origin = `http://${host}`;

  beforeAll(async () => {
    upstream = createServer((req, res) => {
      seen.push({ url: req.url ?? '', method: req.method ?? '', headers: req.headers });
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('from the development server');
    });
    await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
    upstreamUrl = `http://127.0.0.1:${(upstream.address() as { port: number }).port}`;
    await addAccount(accounts, '李编辑', PASSWORD);
    await addAccount(accounts, 'Ada Editor', PASSWORD);
    settings = { ...readSettings(dir, {}), accounts, sessionHours: 1 };
    app = await createNewsroom({
      settings,
      storyRoot,
      upstream: upstreamUrl,
      token: 't'.repeat(48),
      secret: Buffer.alloc(32, 7),
      loginsPerMinute: 3,
    });
  });
  afterAll(async () => {
    await app?.close();
    await new Promise((r) => upstream?.close(r));
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    seen.length = 0;
  });

  /** The cookies an answer sets, as a Cookie header. */
  const cookiesOf = (headers: Record<string, unknown>) =>
    ([headers['set-cookie'] ?? []].flat() as string[]).map((c) => c.split(';', 1)[0]).join('; ');
  const sameOrigin = { host, origin, 'sec-fetch-site': 'same-origin' };

  /** Logs in through the form as a browser would: the form's page, its CSRF token and cookie, then the post. */
  async function login(name: string, password: string, address = '10.0.0.1', service = app) {
    const page = await service.inject({ method: 'GET', url: '/login?next=%2Fkeystatic', headers: { host }, remoteAddress: address });
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const started = Date.now();
    const answer = await service.inject({
      method: 'POST',
      url: '/login',
      remoteAddress: address,
      headers: { ...sameOrigin, cookie: cookiesOf(page.headers), 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: csrf, name, password, next: '/keystatic' }).toString(),
    });
    return { answer, took: Date.now() - started, cookie: cookiesOf(answer.headers) };
  }

  const routes = [
    '/',
    '/keystatic',
    '/api/keystatic/tree',
    '//keystatic',
    '/%6Beystatic',
    '/keystatic/../api/keystatic/tree',
    '/@vite/client',
    '/@fs/etc/passwd',
    '/src/newsroom/server.ts',
    '/en/',
    '/newsroom/history',
  ];

  it('without a session, sends a page to the login and refuses everything else, asking nothing of the development server', async () => {
    let checked = 0;
    for (const url of routes) {
      const page = await app.inject({ method: 'GET', url, headers: { host, accept: 'text/html' } });
      expect(page.statusCode, url).toBe(303);
      // (A path with dot segments arrives resolved.)
      expect(page.headers.location, url).toMatch(/^\/login\?next=%2F/);
      const api = await app.inject({ method: 'GET', url, headers: { host } });
      expect(api.statusCode, url).toBe(401);
      const post = await app.inject({ method: 'POST', url, headers: sameOrigin, payload: { additions: [] } });
      expect(post.statusCode, url).toBe(401);
      checked++;
    }
    expect(checked).toBe(routes.length);
    expect(seen).toEqual([]);
  });

  it('logs an editor in with a signed, HttpOnly, SameSite=Strict cookie that expires, and sends them where they were going', async () => {
    const { answer, cookie } = await login('李编辑', PASSWORD);
    expect(answer.statusCode).toBe(303);
    expect(answer.headers.location).toBe('/keystatic');
    const session = ([answer.headers['set-cookie']].flat() as string[]).find((c) => c.startsWith('newsroom-session='))!;
    expect(session).toMatch(/; HttpOnly/);
    expect(session).toMatch(/; SameSite=Strict/);
    expect(session).toMatch(/; Max-Age=3600/);
    expect(session).toMatch(/; Path=\//);
    const screen = await app.inject({ method: 'GET', url: '/keystatic', headers: { host, cookie } });
    expect(screen.body).toBe('from the development server');
    // The development server is told who the editor is, behind its token, and sees none of the service's cookies.
    expect(seen).toHaveLength(1);
    expect(seen[0]!.headers[TOKEN_HEADER]).toBe('t'.repeat(48));
    expect(decodeURIComponent(String(seen[0]!.headers[EDITOR_HEADER]))).toBe('李编辑');
    // And in which language the editor reads the screen's own messages (no choice, no browser language: Chinese).
    expect(seen[0]!.headers[LANG_HEADER]).toBe('zh');
    expect(seen[0]!.headers.cookie).toBeUndefined();
    expect(seen[0]!.headers.host).toBe(new URL(upstreamUrl).host);
  });

  it('passes a same-origin save on, telling the development server it comes from its own origin', async () => {
    const { cookie } = await login('Ada Editor', PASSWORD, '10.0.0.2');
    const save = await app.inject({
      method: 'POST',
      url: '/api/keystatic/update',
      headers: { ...sameOrigin, cookie, 'accept-language': 'en-GB,en;q=0.8' },
      payload: {},
    });
    expect(save.statusCode).toBe(200);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.headers.origin).toBe(new URL(upstreamUrl).origin);
    expect(decodeURIComponent(String(seen[0]!.headers[EDITOR_HEADER]))).toBe('Ada Editor');
    expect(seen[0]!.headers[LANG_HEADER]).toBe('en');
  });

  it('refuses, with a session, what a page of another origin asks: a save, a script, a frame; nothing reaches the server', async () => {
    const { cookie } = await login('Ada Editor', PASSWORD, '10.0.0.3');
    const attempts: { method: 'GET' | 'POST'; headers: Record<string, string> }[] = [
      { method: 'POST', headers: { host, cookie, origin: 'http://newsroom.test:9999', 'sec-fetch-site': 'same-site' } },
      { method: 'POST', headers: { host, cookie, origin: 'http://evil.example' } },
      { method: 'POST', headers: { host, cookie, 'sec-fetch-site': 'cross-site' } },
      // A form or beacon that says nothing of where it comes from is refused too.
      { method: 'POST', headers: { host, cookie } },
      { method: 'GET', headers: { host, cookie, 'sec-fetch-site': 'same-site', 'sec-fetch-dest': 'script' } },
      { method: 'GET', headers: { host, cookie, 'sec-fetch-site': 'cross-site', 'sec-fetch-dest': 'iframe' } },
    ];
    for (const a of attempts) {
      const answer = await app.inject({
        method: a.method,
        url: '/api/keystatic/update',
        headers: a.headers,
        ...(a.method === 'POST' ? { payload: {} } : {}),
      });
      expect(answer.statusCode, JSON.stringify(a.headers)).toBe(403);
      expect(answer.body).toBe(words.zh.refused);
    }
    expect(seen).toEqual([]);
  });

  it('refuses a login without the form’s token, slows every wrong password down, and limits the attempts per address', async () => {
    const page = await app.inject({ method: 'GET', url: '/login', headers: { host } });
    const forged = await app.inject({
      method: 'POST',
      url: '/login',
      remoteAddress: '10.0.0.9',
      headers: { ...sameOrigin, cookie: cookiesOf(page.headers), 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ name: '李编辑', password: PASSWORD }).toString(),
    });
    expect(forged.statusCode).toBe(403);
    expect(cookiesOf(forged.headers)).not.toContain('newsroom-session');

    const wrong = await login('李编辑', 'not the password at all', '10.0.0.10');
    expect(wrong.answer.statusCode).toBe(401);
    expect(wrong.answer.body).toContain(words.zh.wrong);
    expect(wrong.took).toBeGreaterThanOrEqual(WRONG_PASSWORD_DELAY);
    const unknown = await login('nobody', PASSWORD, '10.0.0.10');
    expect(unknown.answer.statusCode).toBe(401);
    expect(unknown.took).toBeGreaterThanOrEqual(WRONG_PASSWORD_DELAY);
    await login('李编辑', 'still not it', '10.0.0.10');
    // Three attempts a minute from one address: the fourth is refused even with the right password.
    const limited = await login('李编辑', PASSWORD, '10.0.0.10');
    expect(limited.answer.statusCode).toBe(429);
    expect(limited.answer.body).toContain(words.zh.tooMany);
    expect(limited.cookie).not.toContain('newsroom-session');
  });

  it('ends a session when its account is removed, when its cookie is changed, and when it expires', async () => {
    await addAccount(accounts, 'Temp Editor', PASSWORD);
    const { cookie } = await login('Temp Editor', PASSWORD, '10.0.0.20');
    const open = () => app.inject({ method: 'GET', url: '/api/keystatic/tree', headers: { host, cookie } });
    expect((await open()).statusCode).toBe(200);
    removeAccount(accounts, 'Temp Editor');
    expect((await open()).statusCode).toBe(401);

    const other = await login('李编辑', PASSWORD, '10.0.0.21');
    const [name, value] = other.cookie
      .split('; ')
      .find((c) => c.startsWith('newsroom-session='))!
      .split(/=(.*)/s);
    const session = JSON.parse(decodeURIComponent(value!).replace(/\.[^.]+$/, '')) as { x: number };
    // The same session with a later end, or another editor's name, is not signed by the service.
    const forged =
      encodeURIComponent(JSON.stringify({ ...session, x: session.x + 1e9 })) +
      decodeURIComponent(value!).slice(decodeURIComponent(value!).lastIndexOf('.'));
    const changed = await app.inject({ method: 'GET', url: '/api/keystatic/tree', headers: { host, cookie: `${name}=${forged}` } });
    expect(changed.statusCode).toBe(401);

    // A session of one second, a second and a half later.
    const short = await createNewsroom({
      settings: { ...settings, sessionHours: 1 / 3600 },
      storyRoot,
      upstream: upstreamUrl,
      token: 't',
      secret: Buffer.alloc(32, 7),
    });
    const brief = await login('李编辑', PASSWORD, '10.0.0.22', short);
    const ask = () => short.inject({ method: 'GET', url: '/api/keystatic/tree', headers: { host, cookie: brief.cookie } });
    expect((await ask()).statusCode).toBe(200);
    await new Promise((r) => setTimeout(r, 1500));
    expect((await ask()).statusCode).toBe(401);
    await short.close();
  });

  it('shows the editor who is logged in, and logs them out with the page’s own form only', async () => {
    const { cookie } = await login('李编辑', PASSWORD, '10.0.0.30');
    const account = await app.inject({ method: 'GET', url: '/newsroom', headers: { host, cookie } });
    expect(account.statusCode).toBe(200);
    expect(account.body).toContain(words.zh.loggedInAs('李编辑'));
    expect(seen).toEqual([]);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(account.body)![1]!;
    const both = [cookie, cookiesOf(account.headers)].filter(Boolean).join('; ');
    const form = { ...sameOrigin, 'content-type': 'application/x-www-form-urlencoded' };
    // Without the form's token (a page that posts to /logout) nothing happens.
    const forged = await app.inject({ method: 'POST', url: '/logout', headers: { ...form, cookie: both }, payload: '' });
    expect(forged.statusCode).toBe(403);
    const out = await app.inject({
      method: 'POST',
      url: '/logout',
      headers: { ...form, cookie: both },
      payload: `_csrf=${encodeURIComponent(csrf)}`,
    });
    expect(out.statusCode).toBe(303);
    expect(out.headers.location).toBe('/login');
    const cleared = ([out.headers['set-cookie']].flat() as string[]).find((c) => c.startsWith('newsroom-session='))!;
    expect(cleared).toMatch(/Expires=Thu, 01 Jan 1970/);
  });

  it('lists a file’s saves with their editor, shows a change, and restores a version as a new save by the editor restoring it', async () => {
    const { path, record } = aValue(storyRoot);
    const original = readFileSync(join(storyRoot, path), 'utf8');
    const saved = saveStory(storyRoot, valueSave(storyRoot, record.value! + 1));
    commitSave(storyRoot, [path], 'Ada Editor', saveMessage(saved.written!.before, saved.written!.after));
    const { cookie } = await login('李编辑', PASSWORD, '10.0.0.40');
    const list = await app.inject({ method: 'GET', url: '/newsroom/history', headers: { host, cookie } });
    expect(list.body).toContain(`?path=${encodeURIComponent(path)}`);
    const [latest, first] = historyOf(storyRoot, path);
    const page = await app.inject({
      method: 'GET',
      url: `/newsroom/history?path=${encodeURIComponent(path)}&commit=${latest!.commit}`,
      headers: { host, cookie },
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(words.zh.savedBy('Ada Editor', ''));
    expect(page.body).toContain(`+      &#34;value&#34;: ${record.value! + 1}`);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const form = {
      ...sameOrigin,
      cookie: [cookie, cookiesOf(page.headers)].join('; '),
      'content-type': 'application/x-www-form-urlencoded',
    };
    const body = (commit: string, p = path) => new URLSearchParams({ _csrf: csrf, path: p, commit }).toString();
    // Another origin, or a path outside the story, restores nothing.
    const foreign = await app.inject({
      method: 'POST',
      url: '/newsroom/restore',
      headers: { ...form, origin: 'http://evil.example' },
      payload: body(first!.commit),
    });
    expect(foreign.statusCode).toBe(403);
    const outside = await app.inject({
      method: 'POST',
      url: '/newsroom/restore',
      headers: form,
      payload: body(first!.commit, '../../etc/passwd'),
    });
    expect(outside.statusCode).toBe(404);
    expect(historyOf(storyRoot, path)).toHaveLength(2);
    const restored = await app.inject({ method: 'POST', url: '/newsroom/restore', headers: form, payload: body(first!.commit) });
    expect(restored.statusCode).toBe(200);
    expect(restored.body).toContain(words.zh.restored(path, first!.commit.slice(0, 7)));
    expect(readFileSync(join(storyRoot, path), 'utf8')).toBe(original);
    const after = historyOf(storyRoot, path);
    expect(after).toHaveLength(3);
    expect(after[0]!.author).toBe('李编辑');
    expect(seen).toEqual([]);
  });

  it('goes back only to a page of its own after logging in, and speaks the editor’s language', async () => {
    const page = await app.inject({ method: 'GET', url: '/login?next=//evil.example/x', headers: { host } });
    expect(page.body).toContain('name="next" value="/keystatic"');
    const english = await app.inject({ method: 'GET', url: '/login?lang=en', headers: { host } });
    expect(english.body).toContain(words.en.title);
    expect(english.body).toContain('<html lang="en">');
    const remembered = await app.inject({ method: 'GET', url: '/login', headers: { host, cookie: cookiesOf(english.headers) } });
    expect(remembered.body).toContain(words.en.title);
    const browser = await app.inject({ method: 'GET', url: '/login', headers: { host, 'accept-language': 'en-GB,en;q=0.8' } });
    expect(browser.body).toContain(words.en.login);
    const chinese = await app.inject({ method: 'GET', url: '/login', headers: { host } });
    expect(chinese.body).toContain(words.zh.title);
    expect(chinese.headers['content-security-policy']).toContain("frame-ancestors 'self'");
    expect(chinese.headers['x-content-type-options']).toBe('nosniff');
  });
});
