// Detector defaults and how global and per-module settings merge into the params of one metric.
import type { DetectorParams, Direction, MetricName } from '../../shared/contract.js';
import { assertDetectorParams } from './params.js';

/** Runtime is suspicious both ways (a job that suddenly finishes fast may have skipped work); the rest only on increases. */
export const METRIC_DIRECTIONS: Readonly<Record<MetricName, Direction>> = {
  runtime: 'both',
  cpu: 'up',
  memory: 'up',
  apiLatency: 'up',
};

/** Threshold (fraction), lookback and recovery window used when nothing overrides them. */
export const DEFAULT_DETECTOR: Readonly<Omit<DetectorParams, 'floor'>> = {
  threshold: 0.25,
  lookback: 5,
  recoveryWindow: 3,
};

/** Absolute deviation each metric must also reach, so jitter on tiny values is not flagged (s, %-points, MB, s). */
export const DEFAULT_FLOORS: Readonly<Record<MetricName, number>> = {
  runtime: 0.05,
  cpu: 5,
  memory: 5,
  apiLatency: 0.05,
};

/** Detector overrides as written in the global config or in one module's config. */
export interface DetectorSettings {
  threshold?: number;
  lookback?: number;
  recoveryWindow?: number;
  floors?: Partial<Record<MetricName, number>>;
}

/**
 * The params for `metric`: defaults, then each settings object in order (later wins, so pass
 * global settings before module settings). Undefined fields are ignored. Throws a RangeError
 * when the merged params are invalid, naming the field and the bad value.
 */
export function detectorParamsFor(
  metric: MetricName,
  ...overrides: ReadonlyArray<DetectorSettings | null | undefined>
): DetectorParams {
  const params: DetectorParams = { ...DEFAULT_DETECTOR, floor: DEFAULT_FLOORS[metric] };
  for (const settings of overrides) {
    if (!settings) continue;
    if (settings.threshold !== undefined) params.threshold = settings.threshold;
    if (settings.lookback !== undefined) params.lookback = settings.lookback;
    if (settings.recoveryWindow !== undefined) params.recoveryWindow = settings.recoveryWindow;
    const floor = settings.floors?.[metric];
    if (floor !== undefined) params.floor = floor;
  }
  assertDetectorParams(params);
  return params;
}
