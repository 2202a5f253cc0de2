import { describe, expect, it } from 'vitest';
import { isDue } from '../../../electron/engine/supervisor/schedule.js';

const at = (iso: string): number => Date.parse(iso);

describe('module schedules', () => {
  it('runs an every-N module on the first iteration and then every Nth', () => {
    const due = [1, 2, 3, 4, 5, 6, 7].filter((iteration) => isDue({ every: 3 }, iteration, null, 0));
    expect(due).toEqual([1, 4, 7]);
  });

  it('runs a module without a schedule on every iteration', () => {
    expect([1, 2, 3].every((iteration) => isDue({}, iteration, null, 0))).toBe(true);
  });

  it('runs an hourly cron module at once when it has never run', () => {
    expect(isDue({ cron: '0 * * * *' }, 5, null, at('2026-01-01T10:30:00Z'))).toBe(true);
  });

  it('runs an hourly cron module again only after the hour has passed since its last run', () => {
    const lastRun = at('2026-01-01T10:30:00Z');
    expect(isDue({ cron: '0 * * * *' }, 6, lastRun, at('2026-01-01T10:59:59Z'))).toBe(false);
    expect(isDue({ cron: '0 * * * *' }, 7, lastRun, at('2026-01-01T11:00:00Z'))).toBe(true);
  });
});
