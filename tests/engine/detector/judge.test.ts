import { describe, expect, it } from 'vitest';
import type { DetectorParams, MetricTrack, VerdictState } from '../../../electron/shared/contract.js';
import { acceptCurrentLevel, emptyTrack, judge } from '../../../electron/engine/detector/judge.js';
import { judgeSeries } from '../../../electron/engine/detector/series.js';

const RUNTIME: DetectorParams = { threshold: 0.25, lookback: 5, recoveryWindow: 3, floor: 0.05 };
const AT = { time: '2025-01-01T00:00:00.000Z', seq: 42 };
const repeat = <T,>(value: T, times: number): T[] => Array.from({ length: times }, () => value);
const states = (values: number[], params = RUNTIME, direction: 'up' | 'both' = 'both'): VerdictState[] =>
  judgeSeries(values, params, direction).verdicts.map((v) => v.state);
/** A track that already holds a full, steady baseline. */
const steady = (value: number, params = RUNTIME): MetricTrack => judgeSeries(repeat(value, params.lookback), params, 'both').track;

describe('judge', () => {
  it('reports warm-up with a score of 0 until lookback samples are admitted', () => {
    const { verdicts, track } = judgeSeries([1, 9, 1, 9, 1, 1], RUNTIME, 'both');
    expect(verdicts.slice(0, 5).map((v) => v.state)).toEqual(repeat<VerdictState>('warmup', 5));
    for (const v of verdicts.slice(0, 5)) expect(v).toMatchObject({ score: 0, baseline: null, deviation: null, outOfRange: false });
    expect(verdicts[5]?.state).not.toBe('warmup');
    expect(track.admitted).toHaveLength(5);
    expect(states(repeat(1, 4), { ...RUNTIME, lookback: 3 })).toEqual(['warmup', 'warmup', 'warmup', 'normal']);
  });

  it('judges an in-range value as normal and admits it to the baseline', () => {
    const { track, verdict } = judge(steady(1), 1.1, RUNTIME, 'both', AT);
    expect(verdict.state).toBe('normal');
    expect(verdict.baseline).toBe(1);
    expect(verdict.deviation).toBeCloseTo(0.1);
    expect(verdict.outOfRange).toBe(false);
    expect(verdict.score).toBeLessThanOrEqual(0.5);
    expect(track.admitted).toEqual([1, 1, 1, 1, 1.1]);
  });

  it('opens an anomaly on an out-of-range value and freezes the baseline', () => {
    const { track, verdict } = judge(steady(1), 1.5, RUNTIME, 'both', AT);
    expect(verdict).toMatchObject({ state: 'anomaly', value: 1.5, baseline: 1, deviation: 0.5, outOfRange: true });
    expect(verdict.score).toBeGreaterThan(0.5);
    expect(track.open).toEqual({ openedAt: AT.time, openedSeq: 42, baseline: 1, values: [1.5] });
    expect(track.admitted).toEqual([1, 1, 1, 1, 1]);
  });

  it('freezes the baseline while an anomaly is open and admits no out-of-range values', () => {
    const { track, verdicts } = judgeSeries([2, 2.2], RUNTIME, 'both', { track: steady(1) });
    expect(verdicts.map((v) => [v.state, v.baseline])).toEqual([['anomaly', 1], ['open', 1]]);
    expect(verdicts[1]?.deviation).toBeCloseTo(1.2);
    expect(track.admitted).toEqual([1, 1, 1, 1, 1]);
    expect(track.open?.values).toEqual([2, 2.2]);
  });

  it('recovers when a value comes back in range within the window, dropping the excursion', () => {
    const { track, verdicts } = judgeSeries([2, 2, 1.05], RUNTIME, 'both', { track: steady(1) });
    expect(verdicts.map((v) => v.state)).toEqual(['anomaly', 'open', 'recovered']);
    expect(verdicts[2]).toMatchObject({ baseline: 1, outOfRange: false });
    expect(track.open).toBeNull();
    expect(track.admitted).toEqual([1, 1, 1, 1, 1.05]);
  });

  it('still recovers on the last run of the window', () => {
    expect(states([...repeat(1, 5), 2, 2, 2, 1])).toEqual([...repeat('warmup', 5), 'anomaly', 'open', 'open', 'recovered']);
  });

  it('reports persisted on the window\'s last run and admits every value since the opening', () => {
    const { track, verdicts } = judgeSeries([2, 2, 2, 2, 2], RUNTIME, 'both', { track: steady(1) });
    expect(verdicts.map((v) => v.state)).toEqual(['anomaly', 'open', 'open', 'persisted', 'normal']);
    expect(verdicts[3]).toMatchObject({ baseline: 1, outOfRange: true });
    expect(verdicts[4]?.baseline).toBeCloseTo(1.8);
    expect(track.open).toBeNull();
    expect(track.admitted).toEqual([2, 2, 2, 2, 2]);
  });

  it('persists on the first following run when the recovery window is 1', () => {
    const { verdicts } = judgeSeries([2, 2], { ...RUNTIME, recoveryWindow: 1 }, 'both', { track: steady(1) });
    expect(verdicts.map((v) => v.state)).toEqual(['anomaly', 'persisted']);
  });

  it('never lets a persistent +30 % shift recover by dragging the baseline toward it', () => {
    const result = states([...repeat(1, 5), ...repeat(1.3, 10)]);
    expect(result).toEqual([...repeat('warmup', 5), 'anomaly', 'open', 'open', 'persisted', ...repeat('normal', 6)]);
    expect(result).not.toContain('recovered');
  });

  it('judges runtime in both directions', () => {
    const { verdict } = judge(steady(1), 0.5, RUNTIME, 'both', AT);
    expect(verdict).toMatchObject({ state: 'anomaly', deviation: -0.5, outOfRange: true });
  });

  it.each([
    ['cpu', 5, 50, 20, 70],
    ['memory', 5, 200, 100, 300],
    ['apiLatency', 0.05, 0.4, 0.1, 0.6],
  ])('judges %s only on increases', (_metric, floor, base, lower, higher) => {
    const params = { ...RUNTIME, floor };
    const down = judge(steady(base, params), lower, params, 'up', AT).verdict;
    expect(down).toMatchObject({ state: 'normal', outOfRange: false, score: 0 });
    expect(down.deviation).toBeLessThan(-0.25);
    expect(judge(steady(base, params), higher, params, 'up', AT).verdict.state).toBe('anomaly');
  });

  it('needs the absolute deviation to reach the floor as well as the threshold', () => {
    const cpu = { ...RUNTIME, floor: 5 };
    expect(judge(steady(10, cpu), 14, cpu, 'up', AT).verdict).toMatchObject({ state: 'normal', outOfRange: false });
    expect(judge(steady(10, cpu), 15, cpu, 'up', AT).verdict).toMatchObject({ state: 'anomaly', outOfRange: true });
    expect(judge(steady(0.02), 0.06, RUNTIME, 'both', AT).verdict.state).toBe('normal');
  });

  it('drops the floor condition when the floor is 0', () => {
    const noFloor = { ...RUNTIME, floor: 0 };
    expect(judge(steady(0.02, noFloor), 0.06, noFloor, 'both', AT).verdict.state).toBe('anomaly');
    expect(judge(steady(1, noFloor), 1.2, noFloor, 'both', AT).verdict.state).toBe('normal');
  });

  it('handles a zero baseline without NaN or Infinity', () => {
    const cpu = { ...RUNTIME, floor: 5 };
    const same = judge(steady(0, cpu), 0, cpu, 'up', AT).verdict;
    expect(same).toMatchObject({ state: 'normal', baseline: 0, deviation: null, score: 0, outOfRange: false });
    expect(judge(steady(0, cpu), 3, cpu, 'up', AT).verdict).toMatchObject({ state: 'normal', deviation: null });
    const up = judge(steady(0, cpu), 5, cpu, 'up', AT).verdict;
    expect(up).toMatchObject({ state: 'anomaly', deviation: null, outOfRange: true });
    expect(Number.isFinite(up.score)).toBe(true);
    const noFloor = { ...cpu, floor: 0 };
    expect(judge(steady(0, noFloor), 1e-9, noFloor, 'up', AT).verdict).toMatchObject({ state: 'anomaly', score: 1 });
  });

  it('uses only the last lookback admitted samples when the lookback shrinks', () => {
    const track: MetricTrack = { admitted: [10, 10, 10, 1, 1, 1], open: null };
    const small = { ...RUNTIME, lookback: 3 };
    const { track: next, verdict } = judge(track, 1.1, small, 'both', AT);
    expect(verdict).toMatchObject({ state: 'normal', baseline: 1 });
    expect(next.admitted).toEqual([1, 1, 1.1]);
  });

  it('goes back to warm-up when the lookback grows past the admitted samples', () => {
    const track: MetricTrack = { admitted: [1, 1, 1], open: null };
    expect(judge(track, 1, RUNTIME, 'both', AT).verdict.state).toBe('warmup');
  });

  it('rejects non-finite values and invalid params with a RangeError', () => {
    for (const bad of [Number.NaN, Infinity, -Infinity]) {
      expect(() => judge(steady(1), bad, RUNTIME, 'both', AT)).toThrow(/value must be a finite number/);
    }
    expect(() => judge(emptyTrack(), 1, { ...RUNTIME, lookback: 0 }, 'both', AT)).toThrow(RangeError);
    expect(() => judge(emptyTrack(), 1, { ...RUNTIME, threshold: -0.1 }, 'both', AT)).toThrow(/threshold/);
  });

  it('returns a new track and leaves the input untouched', () => {
    const open = judge(steady(1), 2, RUNTIME, 'both', AT).track;
    const before = structuredClone(open);
    const next = judge(open, 2, RUNTIME, 'both', AT).track;
    expect(open).toEqual(before);
    expect(next).not.toBe(open);
    expect(next.admitted).not.toBe(open.admitted);
  });
});

describe('acceptCurrentLevel', () => {
  it('closes the open anomaly and admits its values as the new baseline', () => {
    const open = judgeSeries([2, 2.1], RUNTIME, 'both', { track: steady(1), firstSeq: 6 }).track;
    const { track, accepted } = acceptCurrentLevel(open, 5);
    expect(accepted).toMatchObject({ baseline: 1, values: [2, 2.1], openedSeq: 6 });
    expect(track).toEqual({ admitted: [1, 1, 1, 2, 2.1], open: null });
    const next = judge(track, 1.5, RUNTIME, 'both', AT).verdict;
    expect(next.state).toBe('normal');
    expect(next.baseline).toBeCloseTo(1.42);
  });

  it('returns null and an equal track when nothing is open', () => {
    const { track, accepted } = acceptCurrentLevel(steady(1));
    expect(accepted).toBeNull();
    expect(track).toEqual(steady(1));
  });
});
