import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DetectorParams, Direction, MetricTrack, Verdict } from '../../../electron/shared/contract.js';
import { acceptCurrentLevel, emptyTrack, judge } from '../../../electron/engine/detector/judge.js';
import { assess } from '../../../electron/engine/detector/score.js';

// Values a metric can take, weighted toward the edges: 0, subnormal, tiny, ordinary and huge.
const value = fc.oneof(
  fc.constant(0),
  fc.constant(Number.MIN_VALUE),
  fc.constant(Number.MAX_VALUE),
  fc.double({ min: 0, max: 1e-300, noNaN: true }),
  fc.double({ min: 0, max: 100, noNaN: true }),
  fc.integer({ min: 0, max: 3 }).map((n) => n * 0.5),
  fc.double({ min: 0, max: Number.MAX_VALUE, noNaN: true, noDefaultInfinity: true }),
);
// Small bounded runs of similar values, so series also settle, open, recover and persist.
const series = fc.oneof(fc.array(value, { maxLength: 40 }), fc.array(fc.constantFrom(1, 1.3, 2, 0), { maxLength: 40 }));
const params: fc.Arbitrary<DetectorParams> = fc.record({
  threshold: fc.oneof(fc.constant(0), fc.constant(1e-300), fc.double({ min: 0, max: 10, noNaN: true })),
  lookback: fc.integer({ min: 1, max: 8 }),
  recoveryWindow: fc.integer({ min: 1, max: 5 }),
  floor: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e6, noNaN: true })),
});
const direction = fc.constantFrom<Direction>('up', 'both');

const allFinite = (x: unknown): boolean => {
  if (typeof x === 'number') return Number.isFinite(x);
  if (Array.isArray(x)) return x.every(allFinite);
  if (x && typeof x === 'object') return Object.values(x).every(allFinite);
  return true;
};

/** Runs the series and hands each step's input track, output track and verdict to `check`. */
function walk(values: number[], p: DetectorParams, d: Direction, check: (before: MetricTrack, after: MetricTrack, v: Verdict) => void): void {
  let track = emptyTrack();
  values.forEach((x, i) => {
    const before = structuredClone(track);
    const frozen = deepFreeze(structuredClone(track));
    const { track: after, verdict } = judge(frozen, x, p, d, { time: 't', seq: i + 1 });
    expect(frozen).toEqual(before);
    check(before, after, verdict);
    track = after;
  });
}

function deepFreeze<T>(x: T): T {
  if (x && typeof x === 'object') {
    for (const v of Object.values(x)) deepFreeze(v);
    Object.freeze(x);
  }
  return x;
}

describe('detector properties', () => {
  it('never puts NaN or Infinity in a verdict or a track', () => {
    fc.assert(
      fc.property(series, params, direction, (values, p, d) => {
        walk(values, p, d, (_before, after, verdict) => {
          expect(allFinite(verdict)).toBe(true);
          expect(allFinite(after)).toBe(true);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('keeps the score in [0, 1], above 0.5 exactly when out of range, and 0 in warm-up', () => {
    fc.assert(
      fc.property(series, params, direction, (values, p, d) => {
        walk(values, p, d, (_before, _after, v) => {
          expect(v.score).toBeGreaterThanOrEqual(0);
          expect(v.score).toBeLessThanOrEqual(1);
          expect(v.score > 0.5).toBe(v.outOfRange);
          if (v.state === 'warmup') expect(v.score).toBe(0);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('keeps at most one anomaly open and moves through the states in order', () => {
    fc.assert(
      fc.property(series, params, direction, (values, p, d) => {
        walk(values, p, d, (before, after, v) => {
          const wasOpen = before.open !== null;
          expect(['open', 'recovered', 'persisted'].includes(v.state)).toBe(wasOpen);
          expect(after.open !== null).toBe(v.state === 'anomaly' || v.state === 'open');
          if (after.open) expect(after.open.values.length).toBeLessThanOrEqual(p.recoveryWindow);
          if (before.open && after.open) expect(after.open.baseline).toBe(before.open.baseline);
          expect(after.admitted.length).toBeLessThanOrEqual(p.lookback);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('never mutates the track given to acceptCurrentLevel', () => {
    fc.assert(
      fc.property(series, params, direction, (values, p, d) => {
        let track = emptyTrack();
        for (const [i, x] of values.entries()) track = judge(track, x, p, d, { time: 't', seq: i }).track;
        const before = structuredClone(track);
        const { track: after } = acceptCurrentLevel(deepFreeze(track), p.lookback);
        expect(track).toEqual(before);
        expect(after.open).toBeNull();
        expect(allFinite(after)).toBe(true);
      }),
    );
  });

  it('never lowers the score as the value moves further from the baseline in a watched direction', () => {
    fc.assert(
      fc.property(value, value, value, params, direction, (baseline, a, b, p, d) => {
        const [near, far] = a <= b ? [a, b] : [b, a];
        if (near >= baseline) expect(assess(far, baseline, p, d).score).toBeGreaterThanOrEqual(assess(near, baseline, p, d).score);
        if (d === 'both' && far <= baseline) {
          expect(assess(near, baseline, p, d).score).toBeGreaterThanOrEqual(assess(far, baseline, p, d).score);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
