// Averages of a module's kept history. Failed runs are not samples, so only successful runs count.
import type { RunRecord } from '../../shared/contract.js';
import type { Averages } from './performance-document.js';

/** Mean of each metric over the successful runs; null where none measured it. */
export function computeAverages(runs: readonly RunRecord[]): Averages {
  const ok = runs.filter((run) => run.status === 'ok');
  return {
    runtime: mean(ok.map((run) => run.metrics.runtime)),
    cpu: mean(ok.map((run) => run.metrics.cpu)),
    memory: mean(ok.map((run) => run.metrics.memory)),
    apiLatency: mean(ok.map((run) => run.metrics.apiLatency)),
    cpuSeconds: mean(ok.map((run) => run.cpuSeconds)),
  };
}

function mean(values: ReadonlyArray<number | null>): number | null {
  let sum = 0;
  let count = 0;
  for (const value of values) {
    if (value === null || !Number.isFinite(value)) continue;
    sum += value;
    count += 1;
  }
  return count === 0 ? null : sum / count;
}
