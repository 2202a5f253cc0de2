// How far one value is from a baseline, whether that is out of range, and the score in [0, 1].
import type { DetectorParams, Direction } from '../../shared/contract.js';

/** The judgement of one value against one baseline, before any anomaly bookkeeping. */
export interface Assessment {
  /** Signed relative deviation; null when the baseline is 0. Always finite. */
  deviation: number | null;
  outOfRange: boolean;
  /** In [0, 1]; above 0.5 exactly when out of range; non-decreasing with the excess. */
  score: number;
}

/** The smallest score above 0.5, given to values that are out of range only just. */
const JUST_OUT = 0.5 + Number.EPSILON;

/**
 * Judges `value` against `baseline`. Only the deviation in `direction` counts ('up': increases
 * only). A nonzero value against a 0 baseline counts as an infinite relative excess in its own
 * direction, so it is out of range iff that direction is watched and it reaches the floor.
 */
export function assess(value: number, baseline: number, params: DetectorParams, direction: Direction): Assessment {
  const diff = clampFinite(value - baseline);
  const relative = baseline === 0 ? null : clampFinite(diff / Math.abs(baseline));
  const watched = direction === 'both' ? diff !== 0 : diff > 0;
  const absExcess = watched ? Math.abs(diff) : 0;
  const relExcess = !watched ? 0 : relative === null ? Infinity : Math.abs(relative);
  const reachesFloor = params.floor === 0 || absExcess >= params.floor;
  const outOfRange = relExcess > params.threshold && reachesFloor;
  // m > 1 roughly when both conditions hold; the clamp below settles the edges (equal to the floor).
  const m = Math.min(ratio(relExcess, params.threshold), params.floor === 0 ? Infinity : absExcess / params.floor);
  const raw = m === Infinity ? 1 : m / (1 + m);
  const score = outOfRange ? Math.max(raw, JUST_OUT) : Math.min(raw, 0.5);
  return { deviation: relative, outOfRange, score };
}

/** `x / limit` where a zero limit means any excess is infinitely over it (and none is 0, not NaN). */
function ratio(x: number, limit: number): number {
  if (limit === 0) return x > 0 ? Infinity : 0;
  return x / limit;
}

/** Keeps extreme but finite inputs (a huge value over a subnormal baseline) from overflowing to ±Infinity. */
function clampFinite(x: number): number {
  return Math.max(-Number.MAX_VALUE, Math.min(Number.MAX_VALUE, x));
}
