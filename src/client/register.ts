/**
 * The only script every page loads: it defines <story-chart> and <story-scrolly>, and when one
 * comes near the viewport, loads the enhancer for it. A page without charts loads nothing more.
 */
let enhancer: Promise<typeof import('./enhance.ts') | null> | undefined;
// Loaded once for every chart. If its chunk is blocked or missing, the charts stay as prerendered
// (complete, static) and the console says so once, rather than an unhandled rejection per chart.
const load = () =>
  (enhancer ??= import('./enhance.ts').catch((error: unknown) => {
    console.warn('The charts stay static: their enhancer did not load.', error);
    return null;
  }));

const near = new IntersectionObserver(
  (entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      near.unobserve(entry.target);
      void load().then((m) => m?.enhance(entry.target as HTMLElement));
    }
  },
  { rootMargin: '50% 0px' },
);

class StoryFigure extends HTMLElement {
  connectedCallback() {
    near.observe(this);
  }
  disconnectedCallback() {
    near.unobserve(this);
  }
}

for (const name of ['story-chart', 'story-scrolly']) {
  if (!customElements.get(name)) customElements.define(name, class extends StoryFigure {});
}

// The language switch keeps the reader's place: it points at the section in view.
const switchLink = document.querySelector<HTMLAnchorElement>('a[data-lang-switch]');
if (switchLink) {
  const seen = new IntersectionObserver(
    (entries) => {
      for (const e of entries) if (e.isIntersecting) switchLink.hash = e.target.id;
    },
    { rootMargin: '-40% 0px -55% 0px' },
  );
  document.querySelectorAll('main section[id]').forEach((s) => seen.observe(s));
}

// "Link to this chart" is a plain link to the figure; a click also copies its address and says so.
// "Copy the code" copies the embed code shown beside it (the button shows only where copying works).
if (navigator.clipboard) for (const b of document.querySelectorAll<HTMLButtonElement>('button[data-copy-code]')) b.hidden = false;
document.addEventListener('click', (e) => {
  const target = (e.target as Element).closest?.<HTMLElement>('a[data-copy-link], button[data-copy-code]');
  const status = target?.parentElement?.querySelector('[data-copy-status]');
  if (!target || !status || !navigator.clipboard) return;
  // A link's own address, made absolute by the browser (this page's figure, or the story's); or the code.
  const text = target instanceof HTMLAnchorElement ? target.href : (target.closest('details')?.querySelector('pre')?.textContent ?? '');
  const said = target.dataset['copied']!;
  navigator.clipboard.writeText(text).then(
    () => (status.textContent = status.textContent === said ? `${said}\u00a0` : said),
    () => undefined,
  );
});
