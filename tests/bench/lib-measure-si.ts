// What a 1 Hz systeminformation processLoad poll would have reported for a job, for comparison only:
// Sentinel does not use it (it spawns `ps` per call and misses short processes; see ENVIRONMENT.md).
import si from 'systeminformation';

export interface SiReading {
  /** Polls that found the process. */
  hits: number;
  polls: number;
  /** Highest CPU % and memory % of total RAM it reported (null without a hit). */
  cpu: number | null;
  memPct: number | null;
}

/** Polls `si.processLoad(title)` every second until the returned stop() is awaited. */
export function pollProcessLoad(title: string): () => Promise<SiReading> {
  const reading: SiReading = { hits: 0, polls: 0, cpu: null, memPct: null };
  const inFlight = new Set<Promise<void>>();
  const poll = (): void => {
    const p = si.processLoad(title).then((list) => {
      reading.polls++;
      const found = list.find((entry) => entry.pids.length > 0);
      if (!found) return;
      reading.hits++;
      reading.cpu = Math.max(reading.cpu ?? 0, found.cpu);
      reading.memPct = Math.max(reading.memPct ?? 0, found.mem);
    });
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
  };
  const timer = setInterval(poll, 1_000);
  return async () => {
    clearInterval(timer);
    await Promise.allSettled([...inFlight]);
    return reading;
  };
}
