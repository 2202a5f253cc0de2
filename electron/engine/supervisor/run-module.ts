// One run of one module: launch it, turn the outcome into a record, judge it, persist it.
import path from 'node:path';
import type { AnomalyEvent, MetricName, OutputSource, RunRecord, RunRequest, Verdict } from '../../shared/contract.js';
import type { ModuleConfig, SentinelConfig } from '../config/schema.js';
import { durationMs } from '../config/duration.js';
import type { Clock, HostProbe, ModuleLauncher } from '../ports.js';
import type { PerformanceStore } from '../store/performance-store.js';
import type { RunDetailStore } from '../store/run-details.js';
import { judgeRun } from './judge-run.js';
import { toRunRecord } from './run-record.js';

/** What a run needs from the engine. */
export interface RunContext {
  config: SentinelConfig;
  baseDir: string;
  dataDir: string;
  launcher: ModuleLauncher;
  hostProbe: HostProbe;
  clock: Clock;
  store: PerformanceStore;
  details: RunDetailStore;
  extraEnv: Record<string, string>;
  signal: AbortSignal;
  graceMs: number;
  onOutput(module: string, line: string, source: OutputSource): void;
  report(source: string, message: string): void;
}

export interface RunResult {
  run: RunRecord;
  verdicts: Partial<Record<MetricName, Verdict>>;
  events: AnomalyEvent[];
}

/** The request the runner receives for `module`. */
export function runRequest(module: ModuleConfig, ctx: Pick<RunContext, 'baseDir' | 'dataDir' | 'extraEnv'>): RunRequest {
  return {
    type: 'start',
    module: module.name,
    target:
      module.command !== undefined
        ? { kind: 'command', argv: module.command }
        : { kind: 'js', path: path.resolve(ctx.baseDir, module.path ?? '') },
    cwd: path.resolve(ctx.baseDir, module.cwd ?? '.'),
    dataDir: ctx.dataDir,
    env: { ...ctx.extraEnv, ...module.env },
  };
}

/** Runs `module` once and records the run. Never throws for a failing module: that is a failed run. */
export async function runModule(module: ModuleConfig, ctx: RunContext): Promise<RunResult> {
  const history = ctx.store.history(module.name);
  const seq = history.totalRuns + 1;
  const hostSample = ctx.hostProbe.sample();
  const outcome = await ctx.launcher.launch(runRequest(module, ctx), {
    timeoutMs: durationMs(module.timeout),
    signal: ctx.signal,
    graceMs: ctx.graceMs,
    memoryLimitMB: module.memoryLimitMB,
    onOutput: (line, source) => ctx.onOutput(module.name, line, source),
  });
  const host = await hostSample;
  const run = toRunRecord(module.name, seq, outcome, host);
  let judgement;
  try {
    judgement = judgeRun(run, history.detector, [ctx.config.detector, module.detector]);
  } catch (error) {
    // A detector fault must not lose the run: record it unjudged and say why.
    ctx.report(module.name, `could not judge run ${seq}: ${(error as Error).message}`);
    judgement = { tracks: history.detector, verdicts: {}, events: [] };
  }
  for (const [metric, verdict] of Object.entries(judgement.verdicts)) {
    run.verdicts[metric as MetricName] = { state: verdict.state, baseline: verdict.baseline, deviation: verdict.deviation };
  }
  ctx.store.recordRun(run, judgement.tracks);
  await ctx.store.save();
  const keepFrom = seq - ctx.config.historySize + 1;
  await ctx.details
    .write({ ...run, requests: outcome.result?.requests ?? [], outputTail: outcome.outputTail }, keepFrom)
    .catch((error: Error) => ctx.report(module.name, `could not write run detail: ${error.message}`));
  return { run, verdicts: judgement.verdicts, events: judgement.events };
}
