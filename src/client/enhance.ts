import { ChartArea } from './interact.ts';
import type { Player } from './listen.ts';
import { cloneWithPrefix, morph, prefixOf } from './morph.ts';
import { duration, reducedMotion } from './motion.ts';
import { parsePayload, type Payload } from '../lib/payload.ts';
import { variantFor } from './pure.ts';
import type { watchSteps } from './scrolly.ts';

/**
 * Everything that decides what a chart shows. Each chart keeps one; every event (a button,
 * a step scrolling past, a resize, a key, a pointer) changes it, and the chart renders from
 * it alone: the SVG, the buttons, the tooltip and the live region.
 */
export interface ChartState {
  /** The step of a sequence the sticky graphic shows (0 without one; a static sequence shows every step). */
  step: number;
  /**
   * The view the reader chose, a mode key ('' for a chart with one view). It holds as the
   * steps change; at a step the view was not drawn for, the chart shows its first view and
   * the chosen view's button says it is unavailable there (aria-disabled).
   */
  view: string;
  /** The group of marks highlighted ('' for all). */
  highlight: string;
  /** The mark the reader is on, by key, and in which chart area (a static sequence has one per step). */
  active: { area: number; key: string } | null;
}

/** One place an SVG shows: a prerendered width of a chart area, or the sticky graphic's one. */
interface Holder {
  el: HTMLElement;
  /** The prerendered width it shows: fixed, or the one that fits the graphic now. */
  variant: () => string;
  /** The id prefix its SVG keeps, whatever state it shows. */
  prefix: string;
  /** What it shows now: "view step width". */
  drawn: string;
}

interface Area {
  area: ChartArea;
  holders: Holder[];
  step: () => number;
}

const started = new WeakSet<HTMLElement>();
let warned = false;

/**
 * Upgrades a prerendered <story-chart> or <story-scrolly> in place; the SVG it has stays the
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
  let watch: typeof watchSteps | undefined;
  if (host.hasAttribute('data-stepper')) {
    // An embedded sequence: its step buttons, not scrolling, choose the step.
    watch = (_steps, onStep) => {
      host.addEventListener('click', (e) => {
        const b = (e.target as Element).closest<HTMLButtonElement>('.chart-stepper button');
        if (b) onStep(Number(b.dataset['step']));
      });
      return () => {};
    };
  } else if (host.localName === 'story-scrolly' && !reducedMotion()) {
    try {
      ({ watchSteps: watch } = await import('./scrolly.ts'));
    } catch (error) {
      // Without its chunk a sequence stays static: each step with its own chart, each explorable.
      if (!warned) console.warn(error);
      warned = true;
    }
  }
  new Chart(host, payload, watch);
  host.dataset['enhanced'] = 'true';
}

class Chart {
  private readonly state: ChartState;
  private readonly areas: Area[];
  private readonly steps: HTMLElement[];
  /** The first view of each step at each width, as prerendered, by "step width". */
  private readonly base = new Map<string, SVGSVGElement>();
  private readonly buttons: HTMLButtonElement[];
  private readonly firstView: string;
  /** Whether the chart is a sticky graphic moved by its steps. */
  private readonly sticky: boolean;

  constructor(
    private readonly host: HTMLElement,
    private readonly payload: Payload,
    watch?: typeof watchSteps,
  ) {
    this.steps = [...host.querySelectorAll<HTMLElement>('.scrolly-step')];
    this.firstView = payload.modes?.[0]?.key ?? '';
    // A step control starts where the page without JavaScript stands: the last step.
    const first = host.hasAttribute('data-stepper') ? this.steps.length - 1 : 0;
    this.state = { step: first, view: this.firstView, highlight: '', active: null };
    // The charts on the page: the only one, or one per step of a sequence (not the graphic).
    const charts = [...host.querySelectorAll<HTMLElement>('.chart-figure__chart')].filter((el) => !el.closest('.scrolly__graphic'));
    charts.forEach((chart, step) => {
      for (const v of chart.querySelectorAll<HTMLElement>('.chart-variant'))
        this.base.set(`${step} ${v.dataset['variant']}`, v.querySelector('svg')!.cloneNode(true) as SVGSVGElement);
    });
    const area = (element: HTMLElement, index: number, holders: Holder[], step: () => number): Area => ({
      area: new ChartArea(element, payload.label, payload.readout, (key) => this.pick(index, key)),
      holders,
      step,
    });
    this.sticky = Boolean(watch);
    if (watch) {
      // The sticky graphic is the one explorable chart; the hidden step charts only supply its states.
      const graphic = host.querySelector<HTMLElement>('.scrolly__graphic')!;
      host.classList.add('is-scrolly');
      graphic.hidden = false;
      graphic.prepend(...host.querySelectorAll('.chart-controls'));
      const holder = {
        el: graphic.querySelector<HTMLElement>('.chart-variant')!,
        variant: () => variantFor(graphic.clientWidth, payload.widths),
        prefix: `${host.dataset['chart']}-live`,
        drawn: '',
      };
      this.areas = [area(graphic.querySelector<HTMLElement>('.chart-figure__chart')!, 0, [holder], () => this.state.step)];
      const measure = watch(this.steps, (step) => this.set({ step }));
      // Scrollama measures on setup; toolbars and rotation change the layout, so measure again.
      new ResizeObserver(() => {
        measure();
        this.render(false);
      }).observe(graphic);
    } else {
      // Every chart shown is explorable, and shows the chosen view: the only one, or each step of a static sequence.
      this.areas = charts.map((chart, i) => {
        const holders = [...chart.querySelectorAll<HTMLElement>('.chart-variant')].map((el) => ({
          el,
          variant: () => el.dataset['variant']!,
          prefix: prefixOf(el.querySelector('svg')!),
          drawn: `${this.firstView} ${i} ${el.dataset['variant']}`,
        }));
        return area(chart, i, holders, () => i);
      });
      new ResizeObserver(() => this.render(false)).observe(host);
    }
    this.buttons = [...host.querySelectorAll<HTMLButtonElement>('.chart-controls button:not([data-listen])')];
    for (const c of host.querySelectorAll<HTMLElement>('.chart-controls')) c.hidden = false;
    // Listen needs Web Audio; without it the control stays hidden.
    if (!('AudioContext' in window)) for (const c of host.querySelectorAll<HTMLElement>('.chart-listen')) c.hidden = true;
    host.addEventListener('click', (e) => {
      const b = (e.target as Element).closest<HTMLButtonElement>('.chart-controls button');
      if (b?.dataset['listen'] !== undefined) return void this.listen(b);
      if (!b || b.dataset['step'] !== undefined || b.getAttribute('aria-disabled') === 'true') return;
      const { mode, highlight } = b.dataset;
      this.set(mode === undefined ? { highlight: highlight ?? '' } : { view: mode });
    });
    host.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') return this.quiet();
      // Once a reader has listened, each mark the keys reach sounds too.
      const index = this.areas.findIndex((a) => a.area.element.contains(e.target as Node));
      const active = this.state.active;
      if (!this.sound || this.playing || !e.defaultPrevented || index < 0 || active?.area !== index) return;
      const marks = this.areas[index]!.area.marks;
      this.sound.one(
        marks,
        marks.findIndex((p) => p.key === active.key),
      );
    });
    this.render(false);
  }

  /** The sound, once a reader has asked for it (its module loads then), and whether it is playing through. */
  private sound: Player | null = null;
  private playing: HTMLButtonElement | null = null;

  /** Listen: plays the marks of the chart the controls speak for, moving the active mark with each note; pressed again, stops. */
  private async listen(button: HTMLButtonElement) {
    if (this.playing) return this.quiet();
    try {
      this.sound ??= new (await import('./listen.ts')).Player();
    } catch (error) {
      console.warn('Listen is unavailable: its module did not load.', error);
      return;
    }
    const index = this.sticky ? 0 : this.areas.length - 1;
    const marks = this.areas[index]!.area.marks;
    this.playing = button;
    button.setAttribute('aria-pressed', 'true');
    this.sound.play(
      marks,
      (i) => this.pick(index, marks[i]!.key),
      () => this.quiet(),
    );
  }

  /** Stops the sound, if it is playing through. */
  private quiet() {
    if (!this.playing) return;
    this.sound?.stop();
    this.playing.setAttribute('aria-pressed', 'false');
    this.playing = null;
    this.set({ active: null });
  }

  private set(change: Partial<ChartState>) {
    Object.assign(this.state, change);
    this.render(true);
  }

  /** A key or pointer in area `area` asks for the mark `key`, or for none. */
  private pick(area: number, key: string | null) {
    const now = this.state.active;
    // Leaving one area does not close another's tooltip; the same mark again changes nothing.
    if (key === null ? now?.area !== area : now?.area === area && now.key === key) return;
    this.set({ active: key === null ? null : { area, key } });
  }

  /** The SVG of `view` at `step` and `width`, or null where that view was not drawn. */
  private svg(view: string, step: number, width: string): SVGSVGElement | null {
    if (view === this.firstView) return this.base.get(`${step} ${width}`) ?? null;
    const at = (name: string, value: string | undefined) => (value === undefined ? '' : `[data-${name}="${CSS.escape(value)}"]`);
    const state = this.steps[step]?.dataset['state'];
    const template = this.host.querySelector<HTMLTemplateElement>(
      `template${at('mode', view)}${at('state', state)}${at('variant', width)}`,
    );
    return template?.content.querySelector('svg') ?? null;
  }

  private has(view: string, step: number): boolean {
    return this.svg(view, step, Object.keys(this.payload.widths)[0]!) !== null;
  }

  /** The view shown at `step`: the chosen one where it was drawn, else the first. */
  private viewAt(step: number): string {
    return this.has(this.state.view, step) ? this.state.view : this.firstView;
  }

  /** Makes the page show the state: each area's SVG (moving, if `animate`), tooltip and live region; the buttons. */
  private render(animate: boolean) {
    const { state, host } = this;
    this.areas.forEach((a, i) => {
      const step = a.step();
      const view = this.viewAt(step);
      let shown: SVGSVGElement | undefined;
      for (const h of a.holders) {
        const width = h.variant();
        const target = this.svg(view, step, width)!;
        shown ??= target;
        const drawn = `${view} ${step} ${width}`;
        if (h.drawn === drawn) continue;
        const live = h.el.querySelector('svg');
        // The width on screen moves into its new state; the others (and a new width) change at once.
        if (animate && live && h.drawn.endsWith(` ${width}`) && h.el.offsetParent) morph(live, target, duration());
        else h.el.replaceChildren(cloneWithPrefix(target, h.prefix));
        h.drawn = drawn;
      }
      const points = (this.payload.modes?.find((m) => m.key === view)?.points ?? this.payload.points).filter((p) =>
        shown!.querySelector(`.mark[data-key="${CSS.escape(p.key)}"]`),
      );
      const mine = state.active?.area === i ? state.active.key : undefined;
      const active = points.find((p) => p.key === mine) ?? null;
      // A mark this state does not draw cannot stay active.
      if (mine !== undefined && !active) state.active = null;
      a.area.render(points, active);
    });
    // Group keys come from the data, so the dimming is a class rather than a selector per group.
    if (state.highlight) host.dataset['highlight'] = state.highlight;
    else delete host.dataset['highlight'];
    for (const m of host.querySelectorAll('.mark'))
      m.classList.toggle('is-dimmed', Boolean(state.highlight) && !m.classList.contains(`group-${state.highlight}`));
    // The buttons speak for the chart they act on: the sticky graphic at its step, or the last chart.
    const step = this.sticky ? state.step : this.areas.length - 1;
    const view = this.viewAt(step);
    if (view) host.dataset['view'] = view;
    for (const b of this.buttons) {
      const { mode, highlight } = b.dataset;
      if (b.dataset['step'] !== undefined) {
        b.setAttribute('aria-pressed', String(Number(b.dataset['step']) === state.step));
        continue;
      }
      b.setAttribute('aria-pressed', String(mode === undefined ? highlight === state.highlight : mode === view));
      if (mode === undefined || this.has(mode, step)) b.removeAttribute('aria-disabled');
      else b.setAttribute('aria-disabled', 'true');
    }
    if (this.sticky) {
      host.dataset['step'] = String(state.step);
      // The step the graphic shows, for the eye and for a screen reader ("current step").
      this.steps.forEach((s, i) => {
        s.classList.toggle('is-current', i === state.step);
        if (i === state.step) s.setAttribute('aria-current', 'step');
        else s.removeAttribute('aria-current');
      });
    }
    // A tooltip follows its mark to where the move ends.
    if (animate && state.active) setTimeout(() => this.areas.forEach((a) => a.area.place()), duration() + 50);
  }
}
