// Restart policy after failed runs: exponential back-off, then "errored" after too many in a row. Pure.

export interface RestartPolicy {
  baseDelayMs: number;
  maxDelayMs: number;
  maxFailures: number;
}

export type AfterFailure = { action: 'retry'; delayMs: number } | { action: 'errored' };

/** What to do after the `consecutiveFailures`-th failure in a row (1-based). */
export function afterFailure(consecutiveFailures: number, policy: RestartPolicy): AfterFailure {
  if (consecutiveFailures >= policy.maxFailures) return { action: 'errored' };
  const exponent = Math.max(0, consecutiveFailures - 1);
  // 2 ** 1024 is Infinity; cap the exponent long before that.
  const delayMs = policy.baseDelayMs * 2 ** Math.min(exponent, 30);
  return { action: 'retry', delayMs: Math.min(delayMs, policy.maxDelayMs) };
}
