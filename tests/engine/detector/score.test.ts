import { describe, expect, it } from 'vitest';
import type { DetectorParams } from '../../../electron/shared/contract.js';
import { assess } from '../../../electron/engine/detector/score.js';

const CPU: DetectorParams = { threshold: 0.25, lookback: 5, recoveryWindow: 3, floor: 5 };

describe('assess', () => {
  it('grows the score with the deviation and crosses 0.5 exactly where the value goes out of range', () => {
    let previous = -1;
    for (let value = 0; value <= 200; value += 0.5) {
      const { score, outOfRange } = assess(value, 10, CPU, 'up');
      expect(score).toBeGreaterThanOrEqual(previous);
      expect(score > 0.5).toBe(outOfRange);
      expect(outOfRange).toBe(value >= 15);
      previous = score;
    }
    expect(assess(1e6, 10, CPU, 'up').score).toBeLessThanOrEqual(1);
  });

  it('scores a value exactly at the floor above 0.5', () => {
    const at = assess(15, 10, CPU, 'up');
    expect(at.outOfRange).toBe(true);
    expect(at.score).toBeGreaterThan(0.5);
  });

  it('gives a score of 0 to a deviation against the watched direction', () => {
    expect(assess(1, 10, CPU, 'up')).toEqual({ deviation: -0.9, outOfRange: false, score: 0 });
  });

  it('scores both directions alike for a two-way metric', () => {
    const runtime = { ...CPU, floor: 0.05 };
    expect(assess(0.5, 1, runtime, 'both').score).toBeCloseTo(assess(1.5, 1, runtime, 'both').score);
  });

  it('treats a threshold of 0 as "any increase that reaches the floor"', () => {
    const zero = { ...CPU, threshold: 0 };
    expect(assess(15, 10, zero, 'up')).toMatchObject({ outOfRange: true });
    expect(assess(10, 10, zero, 'up')).toMatchObject({ outOfRange: false, score: 0 });
  });

  it('keeps the deviation finite for a huge value over a subnormal baseline', () => {
    const { deviation, score } = assess(Number.MAX_VALUE, Number.MIN_VALUE, { ...CPU, floor: 0 }, 'up');
    expect(deviation).toBe(Number.MAX_VALUE);
    expect(score).toBe(1);
  });
});
