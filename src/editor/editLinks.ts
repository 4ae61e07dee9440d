/**
 * In `npm run dev` (and so behind the newsroom), each section and chart of a preview page gets
 * a link to its entry in the editing screen. The build never loads this module: the editing
 * integration injects it in development only, and the pages mark their sections with the entry
 * (`data-entry`) in development only.
 */
export function addEditLinks(doc: Document = document): number {
  if (doc.body.hasAttribute('data-story-editor')) return 0;
  const zh = doc.documentElement.lang.startsWith('zh');
  const add = (host: Element | null, href: string, label: string) => {
    if (!host || host.querySelector(':scope > .story-edit-link')) return 0;
    const a = doc.createElement('a');
    a.className = 'story-edit-link';
    a.href = href;
    a.textContent = label;
    // In the screen's preview pane, the link opens the entry in the screen itself.
    if (doc.defaultView && doc.defaultView.top !== doc.defaultView) a.target = '_top';
    // Styled through the CSSOM: the pages' policy allows no inline style attribute.
    Object.assign(a.style, { display: 'inline-block', margin: '0 0 .5rem', fontSize: '.85rem', fontWeight: '600' });
    host.prepend(a);
    return 1;
  };
  let added = 0;
  for (const section of doc.querySelectorAll<HTMLElement>('section[data-entry]'))
    added += add(section, section.dataset['entry']!, zh ? '编辑本节' : 'Edit this section');
  for (const figure of doc.querySelectorAll<HTMLElement>('figure[data-chart]'))
    added += add(figure, `/keystatic/singleton/chart-${encodeURIComponent(figure.dataset['chart']!)}`, zh ? '编辑本图' : 'Edit this chart');
  return added;
}

if (typeof document !== 'undefined') addEditLinks();
