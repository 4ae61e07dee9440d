import type { Point } from './payload.ts';
import { announce, placeTooltip, stepIndex } from './pure.ts';

/**
 * One chart area made explorable: a single tab stop whose arrow keys step through the
 * marks, a tooltip that stays on screen, and a live region that reads each value aloud.
 * Pointer hover and touch pick the same marks.
 */
export class ChartArea {
  readonly element: HTMLElement;
  private points: Point[];
  private active = -1;
  private readonly tip: HTMLElement;
  private readonly live: HTMLElement;

  constructor(
    element: HTMLElement,
    points: Point[],
    label: string,
    private readonly readout: string,
  ) {
    this.element = element;
    this.points = points;
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
    element.addEventListener('keydown', (e) => this.onKey(e));
    element.addEventListener('focusout', (e) => {
      if (!element.contains(e.relatedTarget as Node)) this.clear();
    });
    element.addEventListener('pointermove', (e) => this.pick(e, false));
    element.addEventListener('pointerdown', (e) => this.pick(e, true));
    element.addEventListener('pointerleave', (e) => {
      if (e.pointerType === 'mouse') this.clear();
    });
    document.addEventListener('pointerdown', (e) => {
      if (!element.contains(e.target as Node)) this.clear();
    });
    addEventListener('scroll', () => this.place(), { passive: true });
  }

  /** The SVG the reader sees now (one prerendered width is displayed at a time). */
  liveSvg(): SVGSVGElement {
    const shown = [...this.element.querySelectorAll<HTMLElement>('.chart-variant')].find((v) => v.offsetParent !== null);
    return (shown ?? this.element).querySelector('svg')!;
  }

  setPoints(points: Point[]) {
    this.points = points;
    this.clear();
  }

  /** Points whose mark is drawn in the current view (a state may show only some). */
  private present(): Point[] {
    const svg = this.liveSvg();
    return this.points.filter((p) => svg.querySelector(`.mark[data-key="${CSS.escape(p.key)}"]`));
  }

  private onKey(e: KeyboardEvent) {
    if (e.key === 'Escape') {
      if (this.active >= 0) e.preventDefault();
      this.clear();
      return;
    }
    const present = this.present();
    const current = present.findIndex((p) => p.key === this.points[this.active]?.key);
    const next = stepIndex(current, e.key, present.length);
    if (next === null) return;
    e.preventDefault();
    this.show(present[next]!.key);
  }

  private pick(e: PointerEvent, tap: boolean) {
    if (!tap && e.pointerType !== 'mouse') return;
    const mark = (e.target as Element).closest?.('.mark');
    const key = mark?.getAttribute('data-key');
    if (key) this.show(key);
    else if (tap) this.clear();
  }

  private show(key: string) {
    const index = this.points.findIndex((p) => p.key === key);
    if (index < 0) return;
    this.active = index;
    const p = this.points[index]!;
    for (const m of this.element.querySelectorAll('.mark.is-active')) m.classList.remove('is-active');
    for (const m of this.element.querySelectorAll(`.mark[data-key="${CSS.escape(key)}"]`)) m.classList.add('is-active');
    this.tip.replaceChildren(
      Object.assign(document.createElement('strong'), { textContent: p.value }),
      Object.assign(document.createElement('span'), { textContent: p.label }),
      Object.assign(document.createElement('small'), { textContent: p.source }),
    );
    this.tip.hidden = false;
    this.live.textContent = announce(p, this.readout);
    this.place();
  }

  private place() {
    if (this.active < 0 || this.tip.hidden) return;
    const mark = this.liveSvg().querySelector(`.mark[data-key="${CSS.escape(this.points[this.active]!.key)}"]`);
    if (!mark) return this.clear();
    const r = mark.getBoundingClientRect();
    const { left, top } = placeTooltip({ x: r.left, y: r.top, width: r.width, height: r.height }, this.tip.getBoundingClientRect(), {
      width: document.documentElement.clientWidth,
      height: innerHeight,
    });
    this.tip.style.left = `${left}px`;
    this.tip.style.top = `${top}px`;
  }

  clear() {
    this.active = -1;
    this.tip.hidden = true;
    for (const m of this.element.querySelectorAll('.mark.is-active')) m.classList.remove('is-active');
  }
}
