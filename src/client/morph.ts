import { select } from 'd3-selection';
import 'd3-transition';
import { morphPlan } from './pure.ts';

const keyed = (root: Element) => new Map([...root.querySelectorAll<SVGElement>('[data-morph]')].map((e) => [e.dataset['morph']!, e]));
const keyOfParent = (e: Element) => e.parentElement?.closest('[data-morph]')?.getAttribute('data-morph') ?? null;
/** Attributes that change at once rather than glide. */
const instant = new Set(['class', 'data-key', 'text-anchor', 'font-size', 'font-weight']);

/**
 * Turns the live SVG into `target`, another state of the same chart at the same width:
 * elements with the same `data-morph` key glide to their new attributes (a D3 transition),
 * new ones fade in, gone ones fade out. With `duration` 0 the change is immediate.
 */
export function morph(live: SVGSVGElement, target: SVGSVGElement, duration: number): void {
  // Ids inside an SVG start with its prefix; references copied from the target must point at the live SVG's own.
  const retarget = (v: string) => v.replaceAll(`#${prefixOf(target)}-`, `#${prefixOf(live)}-`);
  const from = keyed(live);
  const to = keyed(target);
  const plan = morphPlan([...from.keys()], [...to.keys()]);
  const leaving = new Set(plan.exit);
  const entering = new Set(plan.enter);
  for (const a of ['viewBox', 'height']) live.setAttribute(a, target.getAttribute(a) ?? '');
  for (const tag of ['title', 'desc']) live.querySelector(tag)!.textContent = target.querySelector(tag)!.textContent;

  for (const key of plan.exit) {
    const el = from.get(key)!;
    const parent = keyOfParent(el);
    if (parent && leaving.has(parent)) continue; // Leaves with its parent.
    select(el).interrupt().transition().duration(duration).style('opacity', 0).remove();
  }
  for (const key of plan.update) {
    const el = from.get(key)!;
    const next = to.get(key)!;
    if (!next.children.length && el.textContent !== next.textContent) el.textContent = next.textContent;
    const t = select(el).interrupt().style('opacity', null).transition().duration(duration);
    for (const { name, value: raw } of next.attributes) {
      const value = retarget(raw);
      if (el.getAttribute(name) === value) continue;
      if (instant.has(name)) el.setAttribute(name, value);
      else t.attr(name, value);
    }
  }
  for (const key of plan.enter) {
    const next = to.get(key)!;
    const parentKey = keyOfParent(next);
    if (parentKey && entering.has(parentKey)) continue; // Enters inside its parent's copy.
    const parent = (parentKey && from.get(parentKey)) || live;
    const copy = parent.appendChild(next.cloneNode(true) as SVGElement);
    for (const el of [copy, ...copy.querySelectorAll('*')]) {
      for (const { name, value } of [...el.attributes]) if (value.includes('#')) el.setAttribute(name, retarget(value));
    }
    // Once in, the mark's opacity is the stylesheet's again (a dimmed group stays dimmed).
    select(copy)
      .style('opacity', 0)
      .transition()
      .duration(duration)
      .style('opacity', 1)
      .on('end', () => copy.style.removeProperty('opacity'));
  }
}

/** The id prefix of a chart SVG: its title's id without "-title". */
export const prefixOf = (svg: SVGSVGElement) => svg.querySelector('title')!.id.replace(/-title$/, '');

/** A copy of a chart SVG whose ids (and the references to them) use a new prefix, so both can share a page. */
export function cloneWithPrefix(svg: SVGSVGElement, prefix: string): SVGSVGElement {
  const old = prefixOf(svg);
  const copy = svg.cloneNode(true) as SVGSVGElement;
  for (const el of [copy, ...copy.querySelectorAll('*')]) {
    for (const { name, value } of [...el.attributes]) {
      if (name === 'id' || name.startsWith('aria-') || value.includes(`#${old}-`)) el.setAttribute(name, value.replaceAll(old, prefix));
    }
  }
  return copy;
}
