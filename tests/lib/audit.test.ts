import { describe, expect, it } from 'vitest';
import { calibratedSlowdown } from '../../scripts/audit.ts';

describe('the CPU slowdown Lighthouse simulates the mobile preset’s device with', () => {
  it('is the preset’s 4× on a machine as fast as the preset assumes, or faster', () => {
    expect(calibratedSlowdown(1533)).toBeCloseTo(4, 1);
    expect(calibratedSlowdown(2500)).toBe(4);
    expect(calibratedSlowdown(Number.NaN)).toBe(4);
  });

  it('is less on a slower machine, by the calculator’s steps, and never below 1×', () => {
    expect(calibratedSlowdown(1300)).toBeCloseTo(3, 5);
    expect(calibratedSlowdown(1069)).toBeCloseTo(2.538, 3);
    expect(calibratedSlowdown(800)).toBeCloseTo(2, 5);
    expect(calibratedSlowdown(150)).toBeCloseTo(1, 5);
    expect(calibratedSlowdown(20)).toBe(1);
  });
});
