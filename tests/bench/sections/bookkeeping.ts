// Bookkeeping cost: what the engine pays per run to judge, record and persist it, and what loading
// and writing performance.json cost, for 10, 100 and 1,000 modules with full 100-run histories.
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { MetricName } from '../../../electron/shared/contract.js';
import { createPerformanceStore, type PerformanceStore } from '../../../electron/engine/store/performance-store.js';
import { judgeRun } from '../../../electron/engine/supervisor/judge-run.js';
import { prng, syntheticRun } from '../lib-measure-synthetic-runs.js';
import { median, table, type BenchOptions, type Section, type SectionResult } from '../section.js';

const HISTORY = 100;

interface Size {
  modules: number;
  /** Repetitions of each timed operation: fewer where one takes long. */
  repeats: number;
}

interface Result {
  modules: number;
  repeats: number;
  perRunMs: number;
  /** The judgeRun + recordRun part of perRunMs, without the write. */
  judgeRecordMs: number;
  perRunMaxMs: number;
  loadMs: number;
  writeMs: number;
  fileMB: number;
}

function newStore(dataDir: string, log: (message: string) => void): PerformanceStore {
  return createPerformanceStore({ dataDir, historySize: HISTORY, now: Date.now, report: log });
}

/** judgeRun + recordRun, exactly as runModule does them (verdicts copied onto the run). */
function judgeAndRecord(store: PerformanceStore, module: string, index: number, random: () => number): void {
  const history = store.history(module);
  const run = syntheticRun(module, index, history.totalRuns + 1, random);
  const judgement = judgeRun(run, history.detector, []);
  for (const [metric, verdict] of Object.entries(judgement.verdicts)) {
    run.verdicts[metric as MetricName] = { state: verdict.state, baseline: verdict.baseline, deviation: verdict.deviation };
  }
  store.recordRun(run, judgement.tracks);
}

async function timed(action: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await action();
  return performance.now() - t0;
}

/** save(), failing the benchmark instead of timing a write that did not happen. */
async function save(store: PerformanceStore): Promise<void> {
  if (!(await store.save())) throw new Error(`could not write ${store.file}`);
}

async function measureSize({ modules, repeats }: Size, workDir: string, log: (message: string) => void): Promise<Result> {
  const dataDir = path.join(workDir, `modules-${modules}`);
  await mkdir(dataDir, { recursive: true });
  const random = prng(modules);
  const store = newStore(dataDir, log);
  await store.load();
  const names = Array.from({ length: modules }, (_, i) => `module-${String(i + 1).padStart(4, '0')}`);
  // Full histories built through the real detector and store, one run at a time as the engine would.
  for (let seq = 0; seq < HISTORY; seq++) names.forEach((name, i) => judgeAndRecord(store, name, i, random));

  const writes: number[] = [];
  for (let r = 0; r < repeats; r++) writes.push(await timed(() => save(store)));
  const fileMB = (await stat(store.file)).size / 1024 / 1024;

  const loads: number[] = [];
  for (let r = 0; r < repeats; r++) loads.push(await timed(() => newStore(dataDir, log).load()));

  // One module's new run: detect + record + persist, round-robin over the modules.
  const perRun: number[] = [];
  const judgeRecord: number[] = [];
  for (let r = 0; r < repeats * 4; r++) {
    const i = r % modules;
    const t0 = performance.now();
    judgeAndRecord(store, names[i]!, i, random);
    const t1 = performance.now();
    await save(store);
    perRun.push(performance.now() - t0);
    judgeRecord.push(t1 - t0);
  }
  return { modules, repeats, perRunMs: median(perRun), judgeRecordMs: median(judgeRecord), perRunMaxMs: Math.max(...perRun), loadMs: median(loads), writeMs: median(writes), fileMB };
}

export default (async (options: BenchOptions): Promise<SectionResult> => {
  const sizes: Size[] = options.quick
    ? [{ modules: 10, repeats: 10 }, { modules: 100, repeats: 5 }]
    : [{ modules: 10, repeats: 25 }, { modules: 100, repeats: 15 }, { modules: 1000, repeats: 5 }];
  const results: Result[] = [];
  for (const size of sizes) {
    results.push(await measureSize(size, options.workDir, options.log));
    const r = results.at(-1)!;
    options.log(`${r.modules} modules: per run ${r.perRunMs.toFixed(2)} ms, load ${r.loadMs.toFixed(0)} ms, write ${r.writeMs.toFixed(0)} ms, ${r.fileMB.toFixed(1)} MB`);
  }
  const at100 = results.find((r) => r.modules === 100)!;
  const at1000 = results.find((r) => r.modules === 1000);
  return {
    title: 'Bookkeeping cost',
    method:
      `For 10, 100${options.quick ? '' : ' and 1,000'} modules, an in-memory PerformanceStore (createPerformanceStore) is filled with ${HISTORY} synthetic runs per module ` +
      '(realistic values and shapes: runtime, CPU, memory, API summary on half the modules, host context, 2 % failed runs with a stack), each judged by judgeRun and added by recordRun as the engine does. ' +
      'Then, on this machine\'s temp disk: the full write is `save()` (the whole performance.json, written atomically with fsync); the load is `load()` of that file by a fresh store (read + JSON parse + schema validation); ' +
      'and one run\'s bookkeeping is judgeRun + recordRun + save() for one module\'s new run, round-robin over the modules. ' +
      'Each figure is the median of the repetitions shown (per run: 4× that many).',
    tables: [
      table(
        ['modules', 'runs kept', 'performance.json MB', 'per run (detect + record + persist) ms', 'of which detect + record ms', 'slowest run ms', 'load ms', 'full write ms', 'repetitions'],
        results.map((r) => [r.modules, r.modules * HISTORY, r.fileMB.toFixed(1), r.perRunMs.toFixed(2), r.judgeRecordMs.toFixed(3), r.perRunMaxMs.toFixed(1), r.loadMs.toFixed(1), r.writeMs.toFixed(1), r.repeats]),
      ),
    ],
    targets: [
      { target: '≤ 2 ms per run at 100 modules', measured: `${at100.perRunMs.toFixed(2)} ms (median)`, met: at100.perRunMs <= 2 },
      at1000
        ? { target: '≤ 50 ms for a full write at 1,000 modules', measured: `${at1000.writeMs.toFixed(1)} ms (median), ${at1000.fileMB.toFixed(1)} MB`, met: at1000.writeMs <= 50 }
        : { target: '≤ 50 ms for a full write at 1,000 modules', measured: 'not measured in quick mode', met: false },
    ],
    notes: [
      'Persisting rewrites the whole performance.json atomically (temp file, fsync, rename) after every run: that is the design, for crash safety. So the per-run cost is dominated by the write and grows with the file, i.e. with modules × historySize; the detector and the in-memory record are a small part.',
      'The run-detail file that the engine also writes per run (requests and output tail) is not included; it is per-run sized, not history sized.',
      'Disk is the container\'s temp folder; fsync latency on a real disk may differ either way.',
      ...(options.quick ? ['Quick mode: 10 and 100 modules only (the 1,000-module case is skipped), fewer repetitions.'] : []),
    ],
  };
}) satisfies Section;
