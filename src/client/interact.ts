import type { Point } from '../lib/payload.ts';
import { announce, placeTooltip, stepIndex } from './pure.ts';

/**
 * One chart area made explorable: a single tab stop whose arrow keys step through the
 * marks, a tooltip that stays on screen, and a live region that reads each value aloud.
 * Pointer hover and touch pick the same marks.
 *
 * It holds no state of its own: keys and pointers ask for a point (`pick`), and the chart
 * the area belongs to decides and calls `render` with what to show.
 */
export class ChartArea {
  readonly element: HTMLElement;
  /** What was last rendered: the points shown, in reading order, and the active one. */
  private points: Point[] = [];
  private active: Point | null = null;
  private readonly tip: HTMLElement;
  private readonly live: HTMLElement;

  constructor(
    element: HTMLElement,
    label: string,
    private readonly readout: string,
    pick: (key: string | null) => void,
  ) {
    this.element = element;
    element.tabIndex = 0;
    element.setAttribute('role', 'group');
    element.setAttribute('aria-label', label);
    this.tip = document.createElement('div');
    this.tip.className = 'chart-tooltip';
    this.tip.hidden = true;
    this.tip.setAttribute('aria-hidden', 'true');
    this.live = document.createElement('p');
    this.live.className = 'visually-hidden';
    this.live.setAttribute('aria-live', 'polite');
    element.append(this.tip, this.live);
    element.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        if (this.active) e.preventDefault();
        return pick(null);
      }
      const next = stepIndex(
        this.points.findIndex((p) => p.key === this.active?.key),
        e.key,
        this.points.length,
      );
      if (next === null) return;
      e.preventDefault();
      pick(this.points[next]!.key);
    });
    element.addEventListener('focusout', (e) => {
      if (!element.contains(e.relatedTarget as Node)) pick(null);
    });
    const onPointer = (e: PointerEvent, tap: boolean) => {
      if (!tap && e.pointerType !== 'mouse') return;
      const key = (e.target as Element).closest?.('.mark')?.getAttribute('data-key');
      if (key) pick(key);
      else if (tap) pick(null);
    };
    element.addEventListener('pointermove', (e) => onPointer(e, false));
    element.addEventListener('pointerdown', (e) => onPointer(e, true));
    element.addEventListener('pointerleave', (e) => {
      if (e.pointerType === 'mouse') pick(null);
    });
    document.addEventListener('pointerdown', (e) => {
      if (!element.contains(e.target as Node)) pick(null);
    });
    addEventListener('scroll', () => this.place(), { passive: true });
  }

  /** The marks drawn now, in reading order. */
  get marks(): readonly Point[] {
    return this.points;
  }

  /** The SVG the reader sees now (one prerendered width is displayed at a time). */
  liveSvg(): SVGSVGElement {
    const shown = [...this.element.querySelectorAll<HTMLElement>('.chart-variant')].find((v) => v.offsetParent !== null);
    return (shown ?? this.element).querySelector('svg')!;
  }

  /** Shows `points` (the marks drawn now, in reading order) with `active` marked, in the tooltip and read aloud, or none. */
  render(points: Point[], active: Point | null) {
    this.points = points;
    const key = active?.key;
    for (const m of this.element.querySelectorAll('.mark')) m.classList.toggle('is-active', m.getAttribute('data-key') === key);
    if (active !== this.active && active) {
      this.tip.replaceChildren(
        Object.assign(document.createElement('strong'), { textContent: active.value }),
        Object.assign(document.createElement('span'), { textContent: active.label }),
        Object.assign(document.createElement('small'), { textContent: active.source }),
      );
    }
    this.active = active;
    this.tip.hidden = !active;
    // Only a new reading is written: the same text again would be announced again.
    const said = active ? announce(active, this.readout) : '';
    if (this.live.textContent !== said) this.live.textContent = said;
    this.place();
  }

  /** Puts the tooltip by its mark in the SVG shown now (after a scroll, a resize or a move). */
  place() {
    if (!this.active) return;
    const mark = this.liveSvg().querySelector(`.mark[data-key="${CSS.escape(this.active.key)}"]`);
    if (!mark) return;
    const r = mark.getBoundingClientRect();
    const { left, top } = placeTooltip({ x: r.left, y: r.top, width: r.width, height: r.height }, this.tip.getBoundingClientRect(), {
      width: document.documentElement.clientWidth,
      height: innerHeight,
    });
    this.tip.style.left = `${left}px`;
    this.tip.style.top = `${top}px`;
  }
}
