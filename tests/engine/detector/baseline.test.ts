import { describe, expect, it } from 'vitest';
import { baselineOf } from '../../../electron/engine/detector/baseline.js';

describe('the baseline', () => {
  it('is the mean of the last lookback admitted samples, and null in warm-up', () => {
    expect(baselineOf([9, 1, 2, 3], 3)).toBe(2);
    expect(baselineOf([1, 2], 3)).toBeNull();
  });

  it('stays finite for a window of the largest doubles (found by the property test)', () => {
    const max = Number.MAX_VALUE;
    expect(baselineOf([max, max, max], 3)).toBe(max);
  });
});
