// When a module is due: every N iterations, or when a cron time has passed since its last run. Pure.
import { Cron } from 'croner';

export interface ScheduleInput {
  every?: number | undefined;
  cron?: string | undefined;
}

/**
 * Whether a module runs in this iteration (1-based). A cron module runs at its first iteration, so a
 * new user sees every module's figures at once, and then whenever a cron time has passed since its last run.
 */
export function isDue(schedule: ScheduleInput, iteration: number, lastRunAt: number | null, now: number): boolean {
  if (schedule.cron !== undefined) {
    if (lastRunAt === null) return true;
    const next = new Cron(schedule.cron, { paused: true }).nextRun(new Date(lastRunAt));
    return next !== null && next.getTime() <= now;
  }
  const every = schedule.every ?? 1;
  return (iteration - 1) % every === 0;
}
