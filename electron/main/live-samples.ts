// A live view of running modules for the dashboard: every few seconds while a module runs, its
// processes' CPU and memory by process name (the runner titles itself `snt-<module>`). Approximate
// by design (see ENVIRONMENT.md: sampling misses short runs); each run's exact figures come from the
// runner. A failed reading is a missing value, never a crash; a round is skipped while one is running.
import os from 'node:os';
import si from 'systeminformation';
import type { Engine } from '../engine/supervisor/engine.js';
import type { LiveSampleEvent } from '../shared/api.js';

/** The one systeminformation call used; injectable so tests can make it slow or fail. */
export interface ProcessLoadSource {
  processLoad(names: string): Promise<Array<{ proc: string; pids: number[]; cpu: number; mem: number }>>;
}

/** What the sampler follows and where its readings go; the rest is injectable for tests. */
export interface LiveSamplesOptions {
  engine: Pick<Engine, 'subscribe'>;
  emit(sample: LiveSampleEvent): void;
  intervalMs?: number;
  source?: ProcessLoadSource;
  totalMemoryBytes?: number;
  now?: () => number;
}

/** The name a module's runner gives itself: what `ps` shows as its command (at most 15 characters). */
export function runnerTitle(module: string): string {
  return `snt-${module}`.slice(0, 15);
}

// systeminformation strips shell characters from names and splits on commas; other names cannot be looked up.
const SAFE_TITLE = /^[A-Za-z0-9_.-]+$/;

/** Samples running modules until the returned function is called. */
export function setupLiveSamples(options: LiveSamplesOptions): () => void {
  const source = options.source ?? si;
  const intervalMs = options.intervalMs ?? 3_000;
  const totalMemoryBytes = options.totalMemoryBytes ?? os.totalmem();
  const now = options.now ?? Date.now;
  const running = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  let busy = false;
  const emit = (reading: LiveSampleEvent): void => {
    try {
      options.emit(reading);
    } catch {
      // A window that went away mid-send must not stop the sampling.
    }
  };

  const sample = async (module: string): Promise<LiveSampleEvent | null> => {
    const title = runnerTitle(module);
    const reading = { type: 'live-sample' as const, module, cpu: null, memoryMB: null, at: '' };
    if (!SAFE_TITLE.test(title)) return { ...reading, at: new Date(now()).toISOString() };
    try {
      const [load] = await source.processLoad(title);
      if (!load || load.pids.length === 0) return null;
      const memoryMB = (load.mem / 100) * (totalMemoryBytes / (1024 * 1024));
      return {
        ...reading,
        cpu: Number.isFinite(load.cpu) ? load.cpu : null,
        memoryMB: Number.isFinite(memoryMB) ? memoryMB : null,
        at: new Date(now()).toISOString(),
      };
    } catch {
      return { ...reading, at: new Date(now()).toISOString() };
    }
  };

  const round = async (): Promise<void> => {
    if (busy) return;
    busy = true;
    try {
      for (const module of [...running]) {
        const reading = await sample(module);
        // The run may have ended while `ps` ran: a reading after its record would mislead.
        if (reading && running.has(module)) emit(reading);
      }
    } finally {
      busy = false;
    }
  };

  const update = (): void => {
    if (running.size > 0 && timer === null) {
      timer = setInterval(() => void round(), intervalMs);
      timer.unref();
    } else if (running.size === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
    }
  };

  const unsubscribe = options.engine.subscribe((event) => {
    if (event.type === 'run-started') running.add(event.module);
    else if (event.type === 'run-finished') running.delete(event.run.module);
    else return;
    update();
  });
  return () => {
    unsubscribe();
    running.clear();
    update();
  };
}
