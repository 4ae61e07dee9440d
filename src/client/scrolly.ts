import scrollama from 'scrollama';
import { ChartArea } from './interact.ts';
import { cloneWithPrefix, morph } from './morph.ts';
import { duration } from './motion.ts';
import type { Payload } from './payload.ts';
import { variantFor } from './pure.ts';

/**
 * A sticky-graphic sequence: the graphic holds one live SVG, and as each step's text
 * scrolls past, the SVG moves into that step's prerendered state. The steps' own charts,
 * the no-JavaScript baseline, are hidden but stay the source of every state.
 */
export class Scrolly {
  readonly area: ChartArea;
  private readonly host: HTMLElement;
  private readonly widths: Record<string, number>;
  private readonly graphic: HTMLElement;
  private readonly steps: HTMLElement[];
  private index = 0;
  private shownVariant = '';

  constructor(host: HTMLElement, payload: Payload) {
    this.host = host;
    this.widths = payload.widths;
    this.graphic = host.querySelector<HTMLElement>('.scrolly__graphic')!;
    this.steps = [...host.querySelectorAll<HTMLElement>('.scrolly-step')];
    host.classList.add('is-scrolly');
    this.graphic.hidden = false;
    this.area = new ChartArea(
      this.graphic.querySelector<HTMLElement>('.chart-figure__chart')!,
      payload.points,
      payload.label,
      payload.readout,
    );
    this.render();
    const scroller = scrollama();
    scroller.setup({ step: this.steps, offset: 0.6 }).onStepEnter(({ index }) => this.go(index));
    // Scrollama measures on setup; toolbars and rotation change the layout, so measure again.
    new ResizeObserver(() => {
      scroller.resize();
      if (this.variant() !== this.shownVariant) this.render();
    }).observe(this.graphic);
  }

  /** The prerendered width that fits the graphic column now. */
  variant(): string {
    return variantFor(this.graphic.clientWidth, this.widths);
  }

  private stateSvg(index: number, variant: string): SVGSVGElement {
    return this.steps[index]!.querySelector<SVGSVGElement>(`.chart-variant--${variant} svg`)!;
  }

  /** Puts the current state in the graphic without animation (first view, or a new width). */
  private render() {
    this.shownVariant = this.variant();
    const holder = this.area.element.querySelector<HTMLElement>('.chart-variant')!;
    holder.replaceChildren(cloneWithPrefix(this.stateSvg(this.index, this.shownVariant), `${this.host.dataset['chart']}-live`));
    this.mark();
  }

  private go(index: number) {
    if (index === this.index) return;
    this.index = index;
    this.area.clear();
    morph(this.area.liveSvg(), this.stateSvg(index, this.shownVariant), duration());
    this.mark();
    this.host.dispatchEvent(new CustomEvent('scrolly:step', { detail: { index } }));
  }

  private mark() {
    this.host.dataset['step'] = String(this.index);
    this.steps.forEach((s, i) => s.classList.toggle('is-current', i === this.index));
  }
}
