// Synthetic but realistic run records for the bookkeeping benchmark: the shape and value ranges the
// engine writes (toRunRecord), a few failed runs with stacks, API figures on half the modules.
import type { RunRecord } from '../../electron/shared/contract.js';

/** A small deterministic PRNG (mulberry32), so every benchmark run builds the same files. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const START = Date.parse('2026-01-01T00:00:00Z');

/** Run `seq` of module number `index` (runs 5 minutes apart); verdicts are left for judgeRun to fill. */
export function syntheticRun(module: string, index: number, seq: number, random: () => number): RunRecord {
  const jitter = (base: number, spread: number) => base * (1 + (random() - 0.5) * 2 * spread);
  const failed = random() < 0.02;
  const runtime = jitter(0.5 + (index % 7) * 0.4, 0.08);
  const cpuSeconds = runtime * jitter(0.4, 0.1);
  const callsApi = index % 2 === 0;
  const apiMean = jitter(0.2, 0.1);
  const startedAt = START + seq * 300_000 + index * 1_000;
  return {
    module,
    seq,
    status: failed ? 'error' : 'ok',
    startedAt: new Date(startedAt).toISOString(),
    endedAt: new Date(startedAt + runtime * 1000).toISOString(),
    exitCode: null,
    signal: null,
    error: failed
      ? { message: 'fetch failed: connect ECONNREFUSED 10.0.0.7:443', stack: 'TypeError: fetch failed\n    at node:internal/deps/undici/undici:13502:13\n    at async run (file:///srv/pipeline/modules/collector.mjs:12:20)' }
      : null,
    metrics: {
      runtime,
      cpu: (cpuSeconds / runtime) * 100,
      memory: jitter(90 + (index % 5) * 30, 0.03),
      apiLatency: callsApi ? apiMean : null,
    },
    cpuSeconds,
    api: callsApi ? { count: 12, errors: failed ? 1 : 0, mean: apiMean, p95: apiMean * 1.6, max: apiMean * 2.1 } : null,
    host: { cpuLoad: jitter(25, 0.5), availableMemoryMB: jitter(18_000, 0.05) },
    verdicts: {},
  };
}
