// The baseline: the mean of the last `lookback` admitted samples of one metric.

/** The last `lookback` entries of `admitted` (a copy), so a shrunk lookback takes effect at once. */
export function recentAdmitted(admitted: readonly number[], lookback: number): number[] {
  return admitted.slice(Math.max(0, admitted.length - lookback));
}

/** `admitted` followed by `values`, keeping only the last `lookback` (a new array). */
export function admit(admitted: readonly number[], values: readonly number[], lookback: number): number[] {
  return recentAdmitted([...admitted, ...values], lookback);
}

/** Mean of the last `lookback` admitted samples, or null while there are fewer (warm-up). */
export function baselineOf(admitted: readonly number[], lookback: number): number | null {
  const recent = recentAdmitted(admitted, lookback);
  if (recent.length < lookback) return null;
  // Divide before adding so a window of huge values cannot overflow to Infinity; rounding can still
  // push the sum just past the largest sample, and a mean never leaves [min, max], so clamp to that.
  const mean = recent.reduce((sum, v) => sum + v / recent.length, 0);
  return Math.min(Math.max(mean, Math.min(...recent)), Math.max(...recent));
}
