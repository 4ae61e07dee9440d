/**
 * The only script every page loads: it defines <anfu-chart> and <anfu-scrolly>, and when one
 * comes near the viewport, loads the enhancer for it. A page without charts loads nothing more.
 */
const near = new IntersectionObserver(
  (entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      near.unobserve(entry.target);
      void import('./enhance.ts').then(({ enhance }) => enhance(entry.target as HTMLElement));
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
