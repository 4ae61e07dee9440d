import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import fastifyProxy from '@fastify/http-proxy';
import fastifyRateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { EDITOR_HEADER, LANG_HEADER, TOKEN_HEADER } from '../editor/token.ts';
import { readAccounts, verify, type Account } from './accounts.ts';
import type { Settings } from './config.ts';
import { fileAt, historyOf, changeIn, commitSave } from '../editor/history.ts';
import { saveStory } from '../editor/save.ts';
import { roleOf, storyPaths } from '../story/files.ts';
import { accountPage, css, filesPage, historyPage, loginPage, publishPage } from './pages.ts';
import { publishedRelease, publisher, publishLog } from './publish.ts';
import { langOf, words, type Lang } from './words.ts';

export { EDITOR_HEADER };

const SESSION = 'newsroom-session';
const LANG = 'newsroom-lang';
/** How long a wrong password waits before its answer, so that guessing is slow even within the rate limit. */
export const WRONG_PASSWORD_DELAY = 1000;

export interface NewsroomOptions {
  settings: Settings;
  /** The development server behind the login, on loopback (http://127.0.0.1:<port>). */
  upstream: string;
  /** The token every request to the development server carries: it answers nothing without it. */
  token: string;
  /** The key that signs session cookies. */
  secret: Buffer;
  /** The story's folder (a git repository of its own): its history and restores. */
  storyRoot: string;
  /** The project (for its build), when it is not the current folder. */
  project?: string;
  /** Environment for the production build of a publish, beside the service's own. */
  buildEnv?: NodeJS.ProcessEnv;
  /** Login attempts allowed per address and minute. */
  loginsPerMinute?: number;
}

interface Session {
  /** The editor. */
  u: string;
  /** The account's epoch when they logged in: a removed or re-added account ends the session. */
  e: string;
  /** When the session ends (ms since 1970). */
  x: number;
}

/** The headers of every answer the service writes itself: no framing by another page, no caching, no sniffing. */
const ownHeaders = {
  'content-security-policy': "default-src 'self'; frame-ancestors 'self'; form-action 'self'; base-uri 'none'",
  'x-frame-options': 'SAMEORIGIN',
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
  'referrer-policy': 'same-origin',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

/** Paths anyone may ask for: the login page and its stylesheet. Everything else needs a session. */
const isPublic = (method: string, path: string) =>
  (path === '/login' && (method === 'GET' || method === 'POST')) || (path === '/newsroom/style.css' && method === 'GET');

/** A path to go back to after logging in: one of this site's, never another's (no open redirect). */
const safeNext = (next: unknown) =>
  typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') && !next.includes('\\') ? next : '/keystatic';

/**
 * The newsroom service: its login in front of the development server that serves the editing
 * screen and the preview. No request reaches that server without a session; every request that
 * changes anything must come from a page of the service's own origin; the session cookie is
 * signed, HttpOnly, SameSite=Strict and expires; the login form carries a CSRF token and is
 * rate-limited, and a wrong password is answered slowly.
 */
export async function createNewsroom(options: NewsroomOptions): Promise<FastifyInstance> {
  const { settings, upstream, token, secret } = options;
  const app = Fastify({ logger: false, trustProxy: false, bodyLimit: 8 * 1024 * 1024 });
  const secure = settings.origin?.startsWith('https:') ?? false;
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'strict' as const, secure, signed: true };

  await app.register(fastifyCookie, { secret });
  await app.register(fastifyFormbody);
  await app.register(fastifyCsrf, { cookieKey: 'newsroom-csrf', cookieOpts: cookieOptions });
  await app.register(fastifyRateLimit, { global: false });

  const langFor = (request: FastifyRequest): Lang => langOf(request.cookies[LANG], request.headers['accept-language']);
  const expectedOrigin = (request: FastifyRequest) => settings.origin ?? `${request.protocol}://${request.headers.host ?? ''}`;

  /** The editor of a valid session, or undefined: signed, not expired, and of an account that still exists with the same epoch. */
  const editorOf = (request: FastifyRequest): Account | undefined => {
    const raw = request.cookies[SESSION];
    if (!raw) return undefined;
    const unsigned = request.unsignCookie(raw);
    if (!unsigned.valid || !unsigned.value) return undefined;
    let session: Session;
    try {
      session = JSON.parse(unsigned.value) as Session;
    } catch {
      return undefined;
    }
    if (typeof session.x !== 'number' || session.x < Date.now()) return undefined;
    return readAccounts(settings.accounts).find((a) => a.name === session.u && a.epoch === session.e);
  };

  /** Why a request that changes something is refused: it must say it comes from a page of this origin. */
  const crossSite = (request: FastifyRequest): boolean => {
    if (request.method === 'GET' || request.method === 'HEAD') {
      // A page of another origin (another port of this machine too) may link here, but not load
      // the screen or its files into itself: only a top-level page or the service's own pages.
      const site = request.headers['sec-fetch-site'];
      const dest = request.headers['sec-fetch-dest'];
      return site !== undefined && site !== 'same-origin' && site !== 'none' && dest !== 'document';
    }
    const origin = request.headers.origin;
    const site = request.headers['sec-fetch-site'];
    if (origin !== undefined) return origin !== expectedOrigin(request);
    return site !== 'same-origin';
  };

  const refuse = (request: FastifyRequest, reply: FastifyReply) =>
    reply.code(403).headers(ownHeaders).type('text/plain; charset=utf-8').send(words[langFor(request)].refused);

  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?', 1)[0]!;
    if (crossSite(request)) return refuse(request, reply);
    if (isPublic(request.method, path)) return;
    const editor = editorOf(request);
    if (editor) {
      request.editor = editor;
      return;
    }
    // No session: a page opened in the browser goes to the login; anything else is refused.
    const page = request.method === 'GET' && (request.headers.accept ?? '').includes('text/html');
    if (page)
      return reply
        .code(303)
        .headers(ownHeaders)
        .redirect(`/login?next=${encodeURIComponent(request.url)}`);
    return reply.code(401).headers(ownHeaders).type('text/plain; charset=utf-8').send(words[langFor(request)].expired);
  });

  app.get('/newsroom/style.css', async (_request, reply) => reply.headers(ownHeaders).type('text/css; charset=utf-8').send(css));

  app.get<{ Querystring: { next?: string; lang?: string } }>('/login', async (request, reply) => {
    let lang = langFor(request);
    if (request.query.lang === 'zh' || request.query.lang === 'en') {
      lang = request.query.lang;
      reply.setCookie(LANG, lang, { path: '/', httpOnly: true, sameSite: 'strict', secure, maxAge: 365 * 24 * 3600 });
    }
    const csrf = reply.generateCsrf();
    return reply
      .headers(ownHeaders)
      .type('text/html; charset=utf-8')
      .send(loginPage(lang, csrf, safeNext(request.query.next)));
  });

  app.post<{ Body: { name?: string; password?: string; next?: string } }>(
    '/login',
    {
      preHandler: app.csrfProtection,
      config: { rateLimit: { max: options.loginsPerMinute ?? 10, timeWindow: 60_000 } },
      errorHandler: (error, request, reply) => {
        const lang = langFor(request);
        const status = error.statusCode ?? 500;
        const problem = status === 429 ? words[lang].tooMany : status === 403 ? words[lang].refused : words[lang].wrong;
        return reply
          .code(status)
          .headers(ownHeaders)
          .type('text/html; charset=utf-8')
          .send(loginPage(lang, reply.generateCsrf(), '/keystatic', problem));
      },
    },
    async (request, reply) => {
      const lang = langFor(request);
      const { name = '', password = '' } = request.body ?? {};
      const next = safeNext(request.body?.next);
      const account =
        typeof name === 'string' && typeof password === 'string' ? await verify(settings.accounts, name, password) : undefined;
      if (!account) {
        await new Promise((r) => setTimeout(r, WRONG_PASSWORD_DELAY));
        return reply
          .code(401)
          .headers(ownHeaders)
          .type('text/html; charset=utf-8')
          .send(loginPage(lang, reply.generateCsrf(), next, words[lang].wrong));
      }
      const maxAge = Math.round(settings.sessionHours * 3600);
      const session: Session = { u: account.name, e: account.epoch, x: Date.now() + maxAge * 1000 };
      reply.setCookie(SESSION, JSON.stringify(session), { ...cookieOptions, maxAge });
      return reply.code(303).headers(ownHeaders).redirect(next);
    },
  );

  app.get('/newsroom', async (request, reply) =>
    reply
      .headers(ownHeaders)
      .type('text/html; charset=utf-8')
      .send(accountPage(langFor(request), reply.generateCsrf(), request.editor!.name)),
  );

  const html = (reply: FastifyReply, status: number, body: string) =>
    reply.code(status).headers(ownHeaders).type('text/html; charset=utf-8').send(body);
  /** A path of one of the story's files, as the history links name it, or undefined. */
  const storyPath = (path: unknown) =>
    typeof path === 'string' && roleOf(path) && !path.split('/').some((part) => part === '..' || part === '') ? path : undefined;

  app.get<{ Querystring: { path?: string; commit?: string } }>('/newsroom/history', async (request, reply) => {
    const lang = langFor(request);
    if (request.query.path === undefined) return html(reply, 200, filesPage(lang, storyPaths(options.storyRoot).sort()));
    const path = storyPath(request.query.path);
    if (!path)
      return html(
        reply,
        404,
        filesPage(lang, storyPaths(options.storyRoot).sort()).replace(
          '<ul>',
          `<p class="problem" role="alert">${words[lang].notAStoryFile}</p><ul>`,
        ),
      );
    const revisions = historyOf(options.storyRoot, path);
    const commit = revisions.find((r) => r.commit === request.query.commit)?.commit;
    const shown = commit ? { commit, diff: changeIn(options.storyRoot, commit, path) } : undefined;
    return html(reply, 200, historyPage(lang, reply.generateCsrf(), path, revisions, shown));
  });

  app.post<{ Body: { path?: string; commit?: string } }>(
    '/newsroom/restore',
    { preHandler: app.csrfProtection },
    async (request, reply) => {
      const lang = langFor(request);
      const path = storyPath(request.body?.path);
      const revisions = path ? historyOf(options.storyRoot, path) : [];
      const target = revisions.find((r) => r.commit === request.body?.commit);
      if (!path || !target) return html(reply, 404, filesPage(lang, storyPaths(options.storyRoot).sort()));
      const text = fileAt(options.storyRoot, target.commit, path);
      const update =
        text === undefined
          ? { additions: [], deletions: [{ path }] }
          : { additions: [{ path, contents: Buffer.from(text, 'utf8').toString('base64') }], deletions: [] };
      // The earlier version goes through the story check like any save: the story as it now is may no longer accept it.
      const saved = saveStory(options.storyRoot, update);
      const short = target.commit.slice(0, 7);
      if (saved.status !== 200)
        return html(
          reply,
          422,
          historyPage(lang, reply.generateCsrf(), path, revisions, undefined, {
            text: words[lang].notRestored,
            problem: true,
            detail: saved.message,
          }),
        );
      commitSave(options.storyRoot, [path], request.editor!.name, `恢复 ${path} 到 ${short} 的版本（${target.message}）`);
      return html(
        reply,
        200,
        historyPage(lang, reply.generateCsrf(), path, historyOf(options.storyRoot, path), undefined, {
          text: words[lang].restored(path, short),
        }),
      );
    },
  );

  const target = settings.publishDir;
  const publishing = publisher({
    project: options.project ?? process.cwd(),
    storyRoot: options.storyRoot,
    target,
    env: options.buildEnv ?? {},
    hook: settings.publishHook,
  });
  const publishView = (request: FastifyRequest, reply: FastifyReply, status = 200, notice?: string) => {
    const current = publishedRelease(target);
    const canRollBack = publishing.previousRelease() !== undefined;
    return html(
      reply,
      status,
      publishPage(langFor(request), reply.generateCsrf(), publishing.state, current, canRollBack, publishLog(target), notice),
    );
  };
  app.get('/newsroom/publish', async (request, reply) => publishView(request, reply));
  app.post('/newsroom/publish', { preHandler: app.csrfProtection }, async (request, reply) => {
    if (!publishing.publish(request.editor!.name)) return publishView(request, reply, 409, words[langFor(request)].busy);
    return reply.code(303).headers(ownHeaders).redirect('/newsroom/publish');
  });
  app.post('/newsroom/rollback', { preHandler: app.csrfProtection }, async (request, reply) => {
    await publishing.rollback(request.editor!.name);
    return reply.code(303).headers(ownHeaders).redirect('/newsroom/publish');
  });

  app.post('/logout', { preHandler: app.csrfProtection }, async (_request, reply) => {
    reply.clearCookie(SESSION, { path: '/' });
    return reply.code(303).headers(ownHeaders).redirect('/login');
  });

  const upstreamUrl = new URL(upstream);
  /** What the development server is told: the token, the editor, its own host and origin; no cookie of ours. */
  const forwarded = (request: FastifyRequest, headers: Record<string, string | string[] | undefined>) => {
    const out: Record<string, string | string[] | undefined> = { ...headers, host: upstreamUrl.host, [TOKEN_HEADER]: token };
    delete out['cookie'];
    out[EDITOR_HEADER] = encodeURIComponent(request.editor?.name ?? '');
    out[LANG_HEADER] = langFor(request);
    if (out['origin'] !== undefined) out['origin'] = upstreamUrl.origin;
    if (typeof out['referer'] === 'string') out['referer'] = upstreamUrl.origin + new URL(out['referer']).pathname;
    return out;
  };
  await app.register(fastifyProxy, {
    upstream,
    websocket: true,
    replyOptions: { rewriteRequestHeaders: (request, headers) => forwarded(request as FastifyRequest, headers) },
    wsClientOptions: {
      rewriteRequestHeaders: (headers: Record<string, string>, request: FastifyRequest) =>
        forwarded(request, headers) as Record<string, string>,
    },
  });
  return app;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The editor whose session this request carries (set for every request past the login). */
    editor?: Account;
  }
}
