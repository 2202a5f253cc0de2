// How far a deviation is from the module's threshold, as a level with a word and an icon,
// so no screen shows it by colour alone.
import type { MetricName, VerdictState } from '$shared/contract';
import { METRIC_DIRECTION } from './metrics';

export type DeviationLevel = 'within' | 'near' | 'over' | 'unknown';

/** From this share of the threshold on, a deviation is "near" it. */
export const NEAR_SHARE = 0.6;

export const LEVEL_TEXT: Readonly<Record<DeviationLevel, { icon: string; word: string }>> = {
  within: { icon: '✓', word: 'within threshold' },
  near: { icon: '◐', word: 'near threshold' },
  over: { icon: '▲', word: 'over threshold' },
  unknown: { icon: '·', word: 'no baseline yet' },
};

/**
 * Levels a signed deviation (a fraction) against a threshold (a fraction). An open anomaly is always
 * "over"; for up-only metrics a drop is always "within", as the detector does not judge it. When the
 * detector judged the value in range (below the metric's floor, or persisted into the new normal),
 * the level stops at "near": red means an anomaly the detector has open, never a second opinion.
 */
export function deviationLevel(
  metric: MetricName,
  deviation: number | null | undefined,
  threshold: number | null | undefined,
  state?: VerdictState | null,
): DeviationLevel {
  if (state === 'anomaly' || state === 'open') return 'over';
  if (deviation === null || deviation === undefined || !Number.isFinite(deviation)) return 'unknown';
  if (threshold === null || threshold === undefined || !(threshold > 0)) return 'unknown';
  const judged = METRIC_DIRECTION[metric] === 'up' ? Math.max(0, deviation) : Math.abs(deviation);
  if (judged > threshold) return state === undefined || state === null ? 'over' : 'near';
  if (judged >= threshold * NEAR_SHARE) return 'near';
  return 'within';
}
