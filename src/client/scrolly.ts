import scrollama from 'scrollama';

/**
 * Calls `onStep` with a step's index as its text scrolls past (scrollama, in its own chunk,
 * loaded only for a sequence). Returns a function that measures the steps again, for when
 * the layout changes (toolbars, rotation).
 */
export function watchSteps(steps: HTMLElement[], onStep: (index: number) => void): () => void {
  const scroller = scrollama();
  scroller.setup({ step: steps, offset: 0.6 }).onStepEnter(({ index }) => onStep(index));
  return () => scroller.resize();
}
