// Samples an external command's process tree while it runs: peak resident memory, a
// nanosecond lower bound of its CPU, and every process seen (to clean up leftovers at the end).
import { performance } from 'node:perf_hooks';
import { listTree, readMemory, readSchedNs } from './proc-tree.mjs';

// Dense at first so a 50 ms job gets several samples, sparser later to stay cheap.
const DENSE_MS = 10;
const DENSE_FOR_MS = 500;
const SPARSE_MS = 50;
// Without /proc/<pid>/task/*/children a sample scans all of /proc (about 1 ms for 80
// processes); on a crowded host wait at least this many sample-durations between samples.
const MAX_DUTY_INVERSE = 5;

/**
 * What the sampler saw of a tree.
 * @typedef {object} TreeSummary
 * @property {number | null} peakRssBytes max of (summed VmRSS of one sample, any process's VmHWM); null if never sampled
 * @property {number} schedSeconds main-thread run time summed over processes, as last sampled: a lower bound of the tree's CPU
 * @property {number} samples
 * @property {Array<{ pid: number, startTicks: number }>} seen every process seen in the tree
 */

/**
 * Starts sampling the tree under `rootPid` now and on a timer until `stop()`.
 * @param {number} rootPid
 */
export function startTreeSampler(rootPid) {
  const began = performance.now();
  let peakSum = 0;
  let peakHwm = 0;
  let samples = 0;
  /** @type {Map<string, { pid: number, startTicks: number, schedNs: number }>} */
  const seen = new Map();
  /** @type {NodeJS.Timeout | undefined} */
  let timer;

  const sample = () => {
    const t0 = performance.now();
    let sum = 0;
    let measured = false;
    for (const proc of listTree(rootPid)) {
      const key = `${proc.pid}:${proc.startTicks}`;
      const entry = seen.get(key) ?? { pid: proc.pid, startTicks: proc.startTicks, schedNs: 0 };
      seen.set(key, entry);
      entry.schedNs = Math.max(entry.schedNs, readSchedNs(proc.pid) ?? 0);
      const memory = readMemory(proc.pid);
      if (memory === null) continue;
      measured = true;
      sum += memory.rssBytes;
      peakHwm = Math.max(peakHwm, memory.hwmBytes);
    }
    if (measured) samples++;
    peakSum = Math.max(peakSum, sum);
    const took = performance.now() - t0;
    const dense = performance.now() - began < DENSE_FOR_MS;
    // While dense, a slow scan may stretch the wait only so far, or a short job ends unsampled.
    const wait = dense ? Math.min(Math.max(DENSE_MS, took * MAX_DUTY_INVERSE), 3 * DENSE_MS) : Math.max(SPARSE_MS, took * MAX_DUTY_INVERSE);
    timer = setTimeout(sample, wait);
  };
  sample();

  return {
    /**
     * Samples at once (and re-arms the timer). Called when the command has been exec'd: the first
     * sample may have caught the process mid-exec, and a loaded host can delay the next one past
     * the end of a short job.
     */
    sampleNow() {
      clearTimeout(timer);
      sample();
    },
    /** Stops sampling and summarises what was seen. @returns {TreeSummary} */
    stop() {
      clearTimeout(timer);
      let schedNs = 0;
      for (const entry of seen.values()) schedNs += entry.schedNs;
      return {
        peakRssBytes: samples > 0 ? Math.max(peakSum, peakHwm) : null,
        schedSeconds: schedNs / 1e9,
        samples,
        seen: [...seen.values()].map(({ pid, startTicks }) => ({ pid, startTicks })),
      };
    },
  };
}
