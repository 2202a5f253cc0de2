// Validation of detector params and sample values, shared by the judge, the config merge and the CLI.
import type { DetectorParams } from '../../shared/contract.js';

/** What is wrong with `params`, one readable message per bad field; empty when they are valid. */
export function detectorParamProblems(params: DetectorParams): string[] {
  const problems: string[] = [];
  const { threshold, lookback, recoveryWindow, floor } = params;
  if (!(Number.isFinite(threshold) && threshold >= 0)) {
    problems.push(`threshold must be a finite number >= 0, got ${String(threshold)}`);
  }
  if (!(Number.isSafeInteger(lookback) && lookback >= 1)) {
    problems.push(`lookback must be an integer >= 1, got ${String(lookback)}`);
  }
  if (!(Number.isSafeInteger(recoveryWindow) && recoveryWindow >= 1)) {
    problems.push(`recoveryWindow must be an integer >= 1, got ${String(recoveryWindow)}`);
  }
  if (!(Number.isFinite(floor) && floor >= 0)) {
    problems.push(`floor must be a finite number >= 0, got ${String(floor)}`);
  }
  return problems;
}

/** Throws a RangeError listing every invalid field of `params`. */
export function assertDetectorParams(params: DetectorParams): void {
  const problems = detectorParamProblems(params);
  if (problems.length > 0) throw new RangeError(`detector: ${problems.join('; ')}`);
}

/** Throws a RangeError unless `value` is a finite number: NaN or Infinity would poison the baseline. */
export function assertFiniteSample(value: number, what = 'value'): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new RangeError(`detector: ${what} must be a finite number, got ${String(value)}`);
  }
}
