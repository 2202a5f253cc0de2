// Records what a real engine says (real module processes, real files) over a scripted series of runs,
// so the tray and notification rules are tested on the engine's actual event sequence.
import { rm } from 'node:fs/promises';
import type { EngineEvent } from '../../../electron/shared/contract.js';
import { controlledModule, harness } from '../../engine/supervisor/engine-harness.js';

/** A run of the controlled fixture that takes ~0.25 s, and one slow enough to open a runtime anomaly. */
export const FAST = 100;
export const SLOW = 1500;

/** The events of one iteration per entry of `sleeps`, for a single module `collector`. */
export async function recordRuntimeStory(sleeps: number[]): Promise<EngineEvent[]> {
  const h = await harness({ modules: [controlledModule('collector')] });
  try {
    for (const sleepMs of sleeps) {
      await h.control('collector', { sleepMs });
      await h.engine.runIteration();
    }
    return [...h.events];
  } finally {
    await h.engine.stop();
    await rm(h.dataDir, { recursive: true, force: true });
  }
}

/** 5 fast runs, one slow, one fast: an anomaly that recovers. */
export const recordRecovery = (): Promise<EngineEvent[]> => recordRuntimeStory([FAST, FAST, FAST, FAST, FAST, SLOW, FAST]);

/** 5 fast runs, then 4 slow: an anomaly that persists (the slow level becomes the baseline). */
export const recordPersistence = (): Promise<EngineEvent[]> => recordRuntimeStory([FAST, FAST, FAST, FAST, FAST, SLOW, SLOW, SLOW, SLOW]);

/**
 * Module `bad` fails twice and becomes errored (maxFailures 2) while `good` keeps running; then the
 * fault is fixed, `bad` is re-enabled and runs fine.
 */
export async function recordErrored(): Promise<EngineEvent[]> {
  const h = await harness({ restart: { maxFailures: 2 }, modules: [controlledModule('bad'), controlledModule('good')] });
  try {
    await h.control('bad', { fail: 'database unreachable' });
    await h.engine.runIteration();
    await h.engine.runIteration();
    await h.control('bad', {});
    h.engine.setModuleEnabled('bad', true);
    await h.engine.runIteration();
    return [...h.events];
  } finally {
    await h.engine.stop();
    await rm(h.dataDir, { recursive: true, force: true });
  }
}

/** Index of the first event matching `predicate` (throws when there is none, so a test says why). */
export function indexOf(events: readonly EngineEvent[], what: string, predicate: (event: EngineEvent) => boolean): number {
  const index = events.findIndex(predicate);
  if (index < 0) throw new Error(`the recording has no ${what}: ${events.map((event) => event.type).join(', ')}`);
  return index;
}
