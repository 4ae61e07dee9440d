import type { Revision } from '../editor/history.ts';
import type { PublishEntry, PublishState } from './publish.ts';
import { words, type Lang } from './words.ts';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** The hidden field that carries a form's CSRF token. */
const csrfField = (csrf: string) => `<input type="hidden" name="_csrf" value="${escape(csrf)}">`;

/** The newsroom's own stylesheet: served as a file, so the pages need nothing inline (their CSP allows none). */
export const css = `
:root { color-scheme: light dark; --ink: #1b1f1d; --bg: #f7f6f1; --line: #9aa39e; --accent: #1d6b45; --bad: #a3202a; }
@media (prefers-color-scheme: dark) { :root { --ink: #e9ece9; --bg: #151917; --line: #6c7570; --accent: #7fd1a3; --bad: #ff9b9b; } }
* { box-sizing: border-box; }
body { margin: 0; font: 1rem/1.6 system-ui, -apple-system, 'PingFang SC', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif; color: var(--ink); background: var(--bg); }
main { max-width: 26rem; margin: 10vh auto; padding: 0 1.25rem; }
h1 { font-size: 1.5rem; margin: 0 0 .5rem; }
label { display: block; margin: 1rem 0 .25rem; font-weight: 600; }
input { width: 100%; font: inherit; padding: .55rem .6rem; border: 1px solid var(--line); border-radius: 4px; background: transparent; color: inherit; }
button { margin-top: 1.25rem; font: inherit; font-weight: 600; padding: .55rem 1.2rem; border: 0; border-radius: 4px; background: var(--accent); color: var(--bg); cursor: pointer; }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.problem { border-left: 4px solid var(--bad); padding: .25rem .75rem; margin: 1rem 0; }
.lang { margin-top: 2rem; }
.notice { border-left: 4px solid var(--accent); padding: .25rem .75rem; }
.history { padding-left: 1.2rem; } .history li { margin-bottom: 1.25rem; }
pre { overflow-x: auto; font-size: .85rem; padding: .5rem; border: 1px solid var(--line); white-space: pre-wrap; }
main:has(.history) { max-width: 48rem; }
a { color: var(--accent); }
@media (forced-colors: active) { button { border: 1px solid ButtonText; } .problem { border-left-color: Mark; } }
`;

/** A page of the service: its language, title and body, with the service's stylesheet and nothing inline. */
function page(lang: Lang, title: string, body: string, refresh?: number): string {
  return `<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">${refresh ? `\n<meta http-equiv="refresh" content="${refresh}">` : ''}
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escape(title)}</title>
<link rel="stylesheet" href="/newsroom/style.css">
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

/** The login page: name, password, the form's CSRF token, and a problem to show, in the editor's language. */
export function loginPage(lang: Lang, csrf: string, next: string, problem?: string): string {
  const w = words[lang];
  const other: Lang = lang === 'zh' ? 'en' : 'zh';
  return page(
    lang,
    w.title,
    `<h1>${escape(w.title)}</h1>
<p>${escape(w.intro)}</p>
${problem ? `<p class="problem" role="alert">${escape(problem)}</p>` : ''}
<form method="post" action="/login">
${csrfField(csrf)}
<input type="hidden" name="next" value="${escape(next)}">
<label for="name">${escape(w.name)}</label>
<input id="name" name="name" autocomplete="username" required autofocus>
<label for="password">${escape(w.password)}</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">${escape(w.login)}</button>
</form>
<p class="lang"><a href="/login?lang=${other}&amp;next=${encodeURIComponent(next)}" lang="${other === 'zh' ? 'zh-CN' : 'en'}">${escape(w.other)}</a></p>`,
  );
}

/** The editor's own page: who is logged in, a way back to the screen, and the log-out form. */
export function accountPage(lang: Lang, csrf: string, name: string): string {
  const w = words[lang];
  return page(
    lang,
    w.loggedInAs(name),
    `<h1>${escape(w.loggedInAs(name))}</h1>
<p><a href="/keystatic">${escape(w.toScreen)}</a> · <a href="/newsroom/history">${escape(w.history)}</a> · <a href="/newsroom/publish">${escape(w.publish)}</a></p>
<form method="post" action="/logout">
${csrfField(csrf)}
<button type="submit">${escape(w.logout)}</button>
</form>`,
  );
}

const when = (lang: Lang, iso: string) =>
  new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
const historyLink = (path: string, commit?: string) =>
  `/newsroom/history?path=${encodeURIComponent(path)}${commit ? `&amp;commit=${commit}` : ''}`;

/** The story's files, each linking to its history. */
export function filesPage(lang: Lang, paths: readonly string[]): string {
  const w = words[lang];
  return page(
    lang,
    w.history,
    `<h1>${escape(w.history)}</h1>
<p>${escape(w.historyIntro)}</p>
<ul>${paths.map((p) => `<li><a href="${historyLink(p)}">${escape(p)}</a></li>`).join('')}</ul>
<p><a href="/keystatic">${escape(w.toScreen)}</a></p>`,
  );
}

/** One file's saves, newest first, each with its change (for the one asked for) and a form to restore it. */
export function historyPage(
  lang: Lang,
  csrf: string,
  path: string,
  revisions: readonly Revision[],
  shown?: { commit: string; diff: string },
  notice?: { text: string; problem?: boolean; detail?: string },
): string {
  const w = words[lang];
  const items = revisions.map((r, i) => {
    const diff = shown?.commit === r.commit ? `<pre class="diff">${escape(shown.diff)}</pre>` : '';
    const restore =
      i === 0
        ? ''
        : `<form method="post" action="/newsroom/restore">${csrfField(csrf)}<input type="hidden" name="path" value="${escape(path)}"><input type="hidden" name="commit" value="${r.commit}"><button type="submit">${escape(w.restore)}</button></form>`;
    return `<li><p><strong>${escape(r.message)}</strong><br>${escape(w.savedBy(r.author, when(lang, r.date)))} · <code>${r.commit.slice(0, 7)}</code> · <a href="${historyLink(path, r.commit)}">${escape(w.viewChange)}</a></p>${diff}${restore}</li>`;
  });
  return page(
    lang,
    w.historyOf(path),
    `<h1>${escape(w.historyOf(path))}</h1>
${notice ? `<p class="${notice.problem ? 'problem' : 'notice'}" role="${notice.problem ? 'alert' : 'status'}">${escape(notice.text)}</p>${notice.detail ? `<pre>${escape(notice.detail)}</pre>` : ''}` : ''}
${items.length ? `<ol class="history">${items.join('')}</ol>` : `<p>${escape(w.noHistory)}</p>`}
<p><a href="/newsroom/history">${escape(w.allFiles)}</a> · <a href="/keystatic">${escape(w.toScreen)}</a></p>`,
  );
}

/** Publishing: what readers see now, the button, the progress of a running publish, how the last one went, and the log. */
export function publishPage(
  lang: Lang,
  csrf: string,
  state: PublishState,
  current: string | undefined,
  canRollBack: boolean,
  log: readonly PublishEntry[],
  notice?: string,
): string {
  const w = words[lang];
  const form = (action: string, label: string) =>
    `<form method="post" action="${action}">${csrfField(csrf)}<button type="submit">${escape(label)}</button></form>`;
  const last = state.last;
  const outcome = !last
    ? ''
    : last.action === 'failed'
      ? `<p class="problem" role="alert">${escape(w.publishFailed(last.editor, when(lang, last.at)))}</p><pre>${escape(last.reason ?? '')}</pre>`
      : `<p class="notice" role="status">${escape((last.action === 'publish' ? w.publishedOk : w.rolledBack)(last.editor, when(lang, last.at)))}</p>`;
  const running = state.running
    ? `<p class="notice" role="status">${escape(w.publishing(Math.round((Date.now() - (state.started ?? Date.now())) / 1000)))}</p><pre>${escape(state.output.split('\n').slice(-15).join('\n'))}</pre>`
    : `${outcome}${form('/newsroom/publish', w.publishNow)}${canRollBack ? form('/newsroom/rollback', w.rollback) : ''}`;
  return page(
    lang,
    w.publish,
    `<h1>${escape(w.publish)}</h1>
<p>${escape(w.publishIntro)}</p>
${notice ? `<p class="problem" role="alert">${escape(notice)}</p>` : ''}
<p>${escape(current ? w.published(current) : w.nothingPublished)}</p>
${running}
<h2>${escape(w.log)}</h2>
${
  log.length
    ? `<ul>${log
        .slice(0, 20)
        .map((e) => `<li>${escape(w.logLine(w.actions[e.action], e.editor, e.commit.slice(0, 7), when(lang, e.at)))}</li>`)
        .join('')}</ul>`
    : `<p>${escape(w.noLog)}</p>`
}
<p><a href="/keystatic">${escape(w.toScreen)}</a></p>`,
    state.running ? 2 : undefined,
  );
}
