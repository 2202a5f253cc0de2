// CPU time of the children this process has reaped, from /proc/self/stat cutime+cstime.
// The kernel keeps these in nanoseconds but shows clock ticks, so each field is exact to 10 ms.
import { CLOCK_TICKS_PER_SECOND, HAS_PROC, readStat } from './proc-tree.mjs';

/**
 * User and system CPU seconds of all reaped children so far; null where /proc is missing.
 * @returns {{ user: number, system: number } | null}
 */
export function reapedChildrenCpu() {
  const stat = HAS_PROC ? readStat('self') : null;
  if (stat === null) return null;
  return { user: stat.cutime / CLOCK_TICKS_PER_SECOND, system: stat.cstime / CLOCK_TICKS_PER_SECOND };
}

/**
 * Seconds rounded to the microsecond, so tick arithmetic does not show float noise (0.9299999…).
 * @param {number} seconds
 */
export function roundMicro(seconds) {
  return Math.round(seconds * 1e6) / 1e6;
}
