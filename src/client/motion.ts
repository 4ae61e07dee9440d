/** Timing and motion settings shared by the enhancers. */

/** Whether the reader asked for less motion. */
export const reducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;

/** How long a chart takes to move into a new state, in ms: none with reduced motion. */
export const duration = () => (reducedMotion() ? 0 : 600);
