/**
 * The Listen control's sound: a chart's marks in reading order as tones, the pitch by value.
 * Loaded only when a reader presses Listen; it makes no request and speaks through the chart's
 * own live region (the enhancer moves the active mark as each note plays).
 *
 * It is a small Web Audio module of the project's own rather than chart2music, which has no
 * Chinese, takes over the arrow keys the charts already use, and is six times the size.
 */
import type { Point } from '../lib/payload.ts';
import { pitches } from './pure.ts';

/** Seconds from one mark to the next: time for a screen reader to begin the value, and for the eye to follow. */
export const spacing = 0.9;
/** Seconds a tone sounds. */
export const length = 0.35;

type Context = BaseAudioContext & { resume?: () => Promise<void> };

/** Schedules one tone on `context` at `at` seconds; a mark with no number sounds a short, soft click. */
function tone(context: Context, frequency: number | null, at: number) {
  const osc = context.createOscillator();
  const gain = context.createGain();
  osc.type = frequency === null ? 'square' : 'sine';
  osc.frequency.value = frequency ?? 220;
  const end = at + (frequency === null ? 0.06 : length);
  const peak = frequency === null ? 0.05 : 0.2;
  // A short attack and release, so a note starts and stops without a click.
  gain.gain.setValueAtTime(0, at);
  gain.gain.linearRampToValueAtTime(peak, at + 0.02);
  gain.gain.setValueAtTime(peak, end - 0.04);
  gain.gain.linearRampToValueAtTime(0, end);
  osc.connect(gain).connect(context.destination);
  osc.start(at);
  osc.stop(end);
  return osc;
}

/** One chart's sound: plays its marks through, or one mark as the arrow keys reach it. */
export class Player {
  private context: Context | null = null;
  private timers: ReturnType<typeof setTimeout>[] = [];
  private sounding: OscillatorNode[] = [];

  private audio(): Context {
    this.context ??= new AudioContext();
    // A context made before a gesture starts suspended; one made by a press is allowed to run.
    if (this.context.state === 'suspended') void this.context.resume?.().catch(() => undefined);
    return this.context;
  }

  /** Plays `points` in order: `onNote` as each sounds (its index), `onEnd` after the last. */
  play(points: readonly Point[], onNote: (index: number) => void, onEnd: () => void) {
    this.stop();
    const context = this.audio();
    const start = context.currentTime + 0.1;
    const heard = pitches(points);
    this.sounding = heard.map((f, i) => tone(context, f, start + i * spacing));
    this.timers = points.map((_, i) => setTimeout(() => onNote(i), 100 + i * spacing * 1000));
    this.timers.push(setTimeout(onEnd, 100 + points.length * spacing * 1000));
  }

  /** Sounds the mark at `index` of `points` alone (on the same pitch scale as the whole). */
  one(points: readonly Point[], index: number) {
    const context = this.audio();
    this.sounding.push(tone(context, pitches(points)[index] ?? null, context.currentTime + 0.01));
  }

  /** Stops what is playing and what is still to play. */
  stop() {
    for (const t of this.timers) clearTimeout(t);
    for (const o of this.sounding) {
      try {
        o.stop();
      } catch {
        // Not started yet in a context that is not running: nothing sounds.
      }
    }
    this.timers = [];
    this.sounding = [];
  }
}
