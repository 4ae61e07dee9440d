/**
 * The preview beside the form: the page an entry appears on, in its edition, scrolled to the
 * entry (a section, a chart, a data table) and marked, in a pane at the side of the editing
 * screen. The page reloads after each save as every open preview does (the `story-editor:saved`
 * event, integration.ts), and the pane scrolls back to the entry when it has.
 */

/** Where an entry of the screen shows on the site: the page, in which editions, and the element. */
export interface PreviewTarget {
  /** The editions the entry appears in; the first is shown unless the editor picks another. */
  editions: string[];
  /** The page's path in an edition. */
  page: (edition: string) => string;
  /** A CSS selector for the entry on that page; none for the top of the page. */
  element?: string;
}

/** The path of an edition's home: the first edition at the root, the others under their code. */
export const homeOf = (edition: string, editions: readonly string[]) => (edition === editions[0] ? '/' : `/${edition}/`);

/** The data files the data page shows under a heading of their own, by role. */
export type DataRoles = Readonly<Record<string, 'dataset' | 'source' | 'derived'>>;

/**
 * The preview of a screen route (`/keystatic/collection/sections-zh/item/01-intro`, …), or
 * undefined for a route with no page of its own (the dashboard, a list of entries).
 */
export function previewOf(pathname: string, editions: readonly string[], data: DataRoles = {}): PreviewTarget | undefined {
  let path: string;
  try {
    path = decodeURIComponent(pathname).replace(/\/+$/, '');
  } catch {
    return undefined;
  }
  const all = [...editions];
  const collection = /^\/keystatic\/collection\/(sections|pages)-([a-z]{2}(?:-[A-Za-z]+)?)\/item\/([^/]+)$/.exec(path);
  if (collection) {
    const [, what, edition] = collection;
    if (!editions.includes(edition!)) return undefined;
    return what === 'sections'
      ? { editions: [edition!], page: (e) => homeOf(e, editions), element: `section[data-entry="${cssString(path)}"]` }
      : { editions: [edition!], page: (e) => `${homeOf(e, editions)}data/` };
  }
  const singleton = /^\/keystatic\/singleton\/([^/]+)$/.exec(path)?.[1];
  if (singleton === 'story') return { editions: all, page: (e) => homeOf(e, editions) };
  if (singleton?.startsWith('chart-')) {
    const id = singleton.slice('chart-'.length);
    return { editions: all, page: (e) => homeOf(e, editions), element: `[data-chart="${cssString(id)}"]` };
  }
  if (singleton?.startsWith('data-')) {
    const name = singleton.slice('data-'.length);
    const role = data[name] ?? 'dataset';
    const element = role === 'source' ? '#report' : role === 'derived' ? '#derived' : `#dataset-${cssIdent(name)}`;
    return { editions: all, page: (e) => `${homeOf(e, editions)}data/`, element };
  }
  return undefined;
}

/** A value for a quoted CSS attribute selector. */
const cssString = (s: string) => s.replace(/["\\]/g, '\\$&');
/** A name for a CSS id selector (file names are letters, digits, hyphens and underscores). */
const cssIdent = (s: string) => s.replace(/[^A-Za-z0-9_-]/g, (c) => `\\${c}`);

const STORE = 'story-editor.preview';

/**
 * Wires the pane the screen's page holds (`[data-preview]`): follows the screen's route, shows
 * the entry's page in the chosen edition, scrolls it to the entry and marks it, and lets the
 * editor hide the pane, switch the edition or open the page in a tab of its own.
 */
export function startPreview(doc: Document, editions: readonly string[], data: DataRoles): void {
  const pane = doc.querySelector<HTMLElement>('[data-preview]');
  const frame = pane?.querySelector('iframe');
  const toggle = doc.querySelector<HTMLButtonElement>('[data-preview-toggle]');
  const choices = pane?.querySelector<HTMLElement>('[data-preview-editions]');
  const open = pane?.querySelector<HTMLAnchorElement>('[data-preview-open]');
  const empty = pane?.querySelector<HTMLElement>('[data-preview-empty]');
  if (!pane || !frame || !toggle || !choices || !open || !empty) return;
  const view = doc.defaultView!;
  let target: PreviewTarget | undefined;
  let edition = view.localStorage.getItem(`${STORE}.edition`) ?? editions[0]!;

  const setShown = (shown: boolean) => {
    doc.body.toggleAttribute('data-preview-shown', shown);
    toggle.setAttribute('aria-expanded', String(shown));
    view.localStorage.setItem(`${STORE}.shown`, shown ? '1' : '0');
    update();
  };
  toggle.addEventListener('click', () => setShown(!doc.body.hasAttribute('data-preview-shown')));

  /** Scrolls the shown page to the entry and marks it. */
  const reveal = () => {
    const page = frame.contentDocument;
    if (!page || !target) return;
    const element = target.element ? page.querySelector<HTMLElement>(target.element) : null;
    for (const old of page.querySelectorAll('[data-preview-entry]')) old.removeAttribute('data-preview-entry');
    if (!element) return page.defaultView?.scrollTo(0, 0);
    element.setAttribute('data-preview-entry', '');
    // Styled through the CSSOM: the pages' policy allows no inline style attribute.
    Object.assign(element.style, { outline: '3px solid Highlight', outlineOffset: '6px' });
    element.scrollIntoView({ block: 'start' });
  };
  // Charts and images above the entry take their height as they load: the pane keeps the entry
  // in view while they do, for a few seconds or until the editor scrolls the page themselves.
  frame.addEventListener('load', () => {
    reveal();
    const page = frame.contentDocument;
    if (!page?.body) return;
    const follow = new ResizeObserver(() => reveal());
    const stop = () => follow.disconnect();
    follow.observe(page.body);
    for (const event of ['wheel', 'keydown', 'pointerdown', 'touchstart'])
      page.addEventListener(event, stop, { once: true, passive: true });
    setTimeout(stop, 4000);
  });

  function update() {
    target = previewOf(view.location.pathname, editions, data);
    empty!.hidden = target !== undefined;
    frame!.hidden = target === undefined;
    choices!.replaceChildren();
    if (!target) return open!.removeAttribute('href');
    const shownEdition = target.editions.includes(edition) ? edition : target.editions[0]!;
    for (const e of target.editions) {
      const button = doc.createElement('button');
      button.type = 'button';
      button.textContent = e;
      button.setAttribute('aria-pressed', String(e === shownEdition));
      button.addEventListener('click', () => {
        edition = e;
        view.localStorage.setItem(`${STORE}.edition`, e);
        update();
      });
      choices!.append(button);
    }
    const page = target.page(shownEdition);
    open!.href = page;
    if (!doc.body.hasAttribute('data-preview-shown')) return;
    const current = frame!.contentWindow?.location;
    if (current && current.pathname === page && frame!.getAttribute('src') === page) return reveal();
    frame!.src = page;
  }

  // The screen moves between entries without loading a page: follow its history.
  for (const method of ['pushState', 'replaceState'] as const) {
    const original = view.history[method];
    view.history[method] = function (this: History, ...args: Parameters<History['pushState']>) {
      original.apply(this, args);
      queueMicrotask(update);
    };
  }
  view.addEventListener('popstate', update);
  // Shown by default where there is room beside the form (the page's CSS sets the width).
  const stored = view.localStorage.getItem(`${STORE}.shown`);
  setShown(stored === null ? view.matchMedia('(min-width: 70rem)').matches : stored === '1');
}
