/**
 * The only script every page loads: it defines <anfu-chart> and <anfu-scrolly>, and when one
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

class AnfuFigure extends HTMLElement {
  connectedCallback() {
    near.observe(this);
  }
  disconnectedCallback() {
    near.unobserve(this);
  }
}

for (const name of ['anfu-chart', 'anfu-scrolly']) {
  if (!customElements.get(name)) customElements.define(name, class extends AnfuFigure {});
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
document.addEventListener('click', (e) => {
  const link = (e.target as Element).closest?.<HTMLAnchorElement>('a[data-copy-link]');
  const status = link?.parentElement?.querySelector('[data-copy-status]');
  if (!link || !status || !navigator.clipboard) return;
  // The link's own address, made absolute by the browser: this page's figure, or the story's.
  navigator.clipboard.writeText(link.href).then(
    () =>
      (status.textContent = status.textContent === link.dataset['copied'] ? `${link.dataset['copied']}\u00a0` : link.dataset['copied']!),
    () => undefined,
  );
});
