// The real clock behind the Clock port.
import { setTimeout as delay } from 'node:timers/promises';
import type { Clock } from './ports.js';

/** Wall-clock time and real timers. */
export function createSystemClock(): Clock {
  return {
    now: () => Date.now(),
    sleep: async (ms, signal) => {
      await delay(ms, undefined, signal ? { signal } : undefined);
    },
  };
}
