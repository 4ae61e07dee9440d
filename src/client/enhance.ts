import { ChartArea } from './interact.ts';
import { morph } from './morph.ts';
import { duration, reducedMotion } from './motion.ts';
import { parsePayload, type Payload } from './payload.ts';
import { variantFor } from './pure.ts';

const started = new WeakSet<HTMLElement>();

/**
 * Upgrades a prerendered <anfu-chart> or <anfu-scrolly> in place; the SVG it has stays the
 * baseline. Sets `data-enhanced` once the chart is ready for a reader. If the chart's data
 * cannot be read, it says so on the console and leaves the chart as it is: complete, static.
 */
export async function enhance(host: HTMLElement): Promise<void> {
  if (started.has(host)) return;
  started.add(host);
  let payload: Payload;
  try {
    payload = parsePayload(host.querySelector('script.chart-data')?.textContent ?? '', host.dataset['chart'] ?? host.localName);
  } catch (error) {
    console.error(error);
    return;
  }
  const scrolly = host.localName === 'anfu-scrolly' && !reducedMotion();
  const controls = host.querySelector<HTMLElement>('.chart-controls');
  if (scrolly) {
    // The sticky graphic is the one explorable chart; the hidden step charts only supply its states.
    const { Scrolly } = await import('./scrolly.ts');
    const sequence = new Scrolly(host, payload);
    if (controls) host.querySelector('.scrolly__graphic')!.prepend(controls);
    wireControls(
      host,
      payload,
      () => sequence.area,
      () => sequence.variant(),
    );
    host.addEventListener('scrolly:step', () => resetControls(host));
  } else {
    // Every chart shown is explorable: the only one, or each step of a static sequence (not the unused graphic).
    const areas = [...host.querySelectorAll<HTMLElement>('.chart-figure__chart')]
      .filter((el) => !el.closest('.scrolly__graphic'))
      .map((el) => new ChartArea(el, payload.points, payload.label, payload.readout));
    // Controls act on the final chart.
    const last = areas.at(-1)!;
    if (controls && host.localName === 'anfu-scrolly') last.element.before(controls);
    wireControls(
      host,
      payload,
      () => last,
      () => variantFor(last.element.clientWidth, payload.widths),
    );
  }
  host.dataset['enhanced'] = 'true';
}

/** Mode buttons (one view or another) and highlight buttons (one group of marks or all). */
function wireControls(host: HTMLElement, payload: Payload, area: () => ChartArea, variant: () => string) {
  const controls = host.querySelector<HTMLElement>('.chart-controls');
  if (!controls) return;
  controls.hidden = false;
  controls.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[aria-pressed]');
    if (!button) return;
    for (const b of controls.querySelectorAll('button[aria-pressed]')) b.setAttribute('aria-pressed', String(b === button));
    const { mode, highlight } = button.dataset;
    if (highlight !== undefined) {
      if (highlight) host.dataset['highlight'] = highlight;
      else delete host.dataset['highlight'];
      // Group keys come from the data, so the dimming is a class rather than a selector per group.
      for (const m of host.querySelectorAll('.mark'))
        m.classList.toggle('is-dimmed', Boolean(highlight) && !m.classList.contains(`group-${highlight}`));
    }
    if (mode) {
      const target = host.querySelector<HTMLTemplateElement>(`template[data-mode="${mode}"][data-variant="${variant()}"]`);
      const svg = target?.content.querySelector('svg');
      if (!svg) return;
      const a = area();
      a.setPoints(payload.modes?.find((m) => m.key === mode)?.points ?? payload.points);
      morph(a.liveSvg(), svg, duration());
    }
  });
}

function resetControls(host: HTMLElement) {
  const first = host.querySelector<HTMLButtonElement>('.chart-controls button[data-mode]');
  if (first && first.getAttribute('aria-pressed') !== 'true') first.setAttribute('aria-pressed', 'true');
  for (const b of host.querySelectorAll('.chart-controls button[data-mode]')) if (b !== first) b.setAttribute('aria-pressed', 'false');
}
