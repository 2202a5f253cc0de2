import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { afterFailure } from '../../../electron/engine/supervisor/restart-policy.js';

const policy = { baseDelayMs: 1000, maxDelayMs: 60_000, maxFailures: 5 };

describe('restart policy', () => {
  it('doubles the delay after each failure in a row', () => {
    expect([1, 2, 3, 4].map((n) => afterFailure(n, policy))).toEqual([
      { action: 'retry', delayMs: 1000 },
      { action: 'retry', delayMs: 2000 },
      { action: 'retry', delayMs: 4000 },
      { action: 'retry', delayMs: 8000 },
    ]);
  });

  it('marks the module errored at the fifth failure in a row', () => {
    expect(afterFailure(5, policy)).toEqual({ action: 'errored' });
    expect(afterFailure(6, policy)).toEqual({ action: 'errored' });
  });

  it('never waits longer than the maximum delay, however many failures', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), (failures) => {
        const next = afterFailure(failures, { ...policy, maxFailures: 100_000 });
        return next.action === 'retry' && next.delayMs <= policy.maxDelayMs && Number.isFinite(next.delayMs);
      }),
    );
  });
});
