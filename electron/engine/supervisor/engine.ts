// The engine: runs the modules on their schedules, one at a time, and tells its subscribers what happened.
// Everything outside (processes, clock, host, git, logs) comes in through ports, so the same engine
// runs headless and inside the Electron main process.
import type {
  AnomalyEvent,
  EngineEvent,
  IterationSummary,
  MetricName,
  ModuleStatus,
  OutputSource,
  RunRecord,
} from '../../shared/contract.js';
import { formatAnomalyLine } from '../anomalies/anomaly-line.js';
import { acceptCurrentLevel } from '../detector/index.js';
import { durationMs } from '../config/duration.js';
import type { LoadedConfig } from '../config/load-config.js';
import type { ModuleConfig } from '../config/schema.js';
import type { Clock, Committer, EventSink, HostProbe, ModuleLauncher } from '../ports.js';
import { createPerformanceStore, type PerformanceStore } from '../store/performance-store.js';
import { createRunDetailStore } from '../store/run-details.js';
import { commitPolicy } from './commit-policy.js';
import { anomalyEvent } from './judge-run.js';
import { iterationSummary } from './iteration-summary.js';
import { createModuleStates } from './module-states.js';
import { runModule, type RunContext } from './run-module.js';
import { isDue } from './schedule.js';
import { persistedLine, recoveredLine } from './status-line.js';
import { writeStatusFile } from './status-file.js';

/** Where the engine writes lines: anomalies.log, supervisor.log, module logs. Lines come stamped. */
export interface EngineLogs {
  anomaly(event: AnomalyEvent): Promise<void>;
  supervisor(line: string): Promise<void>;
  module(module: string, line: string): void;
}

type Level = 'INFO' | 'WARN' | 'ERROR';

export interface EngineDeps {
  loaded: LoadedConfig;
  dataDir: string;
  launcher: ModuleLauncher;
  clock: Clock;
  hostProbe: HostProbe;
  committer: Committer | null;
  logs: EngineLogs;
  /** Environment given to every module (e.g. the demo feed's address). */
  extraEnv?: Record<string, string>;
  /** Retry failed modules with back-off between iterations (off for --once). */
  retries?: boolean;
  /** How long a module may take to stop on shutdown before its tree is killed. */
  graceMs?: number;
}

export interface Engine {
  /** Loads the stored history; call before anything else. */
  load(): Promise<void>;
  /** Runs iterations every `interval` until stop(). */
  start(): void;
  runIteration(): Promise<IterationSummary>;
  runModuleNow(name: string): Promise<RunRecord | null>;
  setModuleEnabled(name: string, enabled: boolean): void;
  /** Takes a changed config at once: modules, schedules, detector, interval, history size, git interval. */
  applyConfig(loaded: LoadedConfig, reason?: string): void;
  config(): LoadedConfig;
  /** Paused: no scheduled iterations (run-now still works). */
  pause(): void;
  resume(): void;
  paused(): boolean;
  /** Accepts the current level of an open anomaly as the new baseline; false when none is open. */
  acceptBaseline(module: string, metric: MetricName): Promise<boolean>;
  modules(): ModuleStatus[];
  store(): PerformanceStore;
  lastSummary(): IterationSummary | null;
  subscribe(sink: EventSink): () => void;
  /** Stops modules within the grace period and finishes writes. */
  stop(): Promise<void>;
}

/** Creates an engine over the given ports. */
export function createEngine(deps: EngineDeps): Engine {
  let loaded = deps.loaded;
  const sinks = new Set<EventSink>();
  const emit = (event: EngineEvent): void => {
    for (const sink of sinks) {
      try {
        sink(event);
      } catch {
        // A broken subscriber must not stop the engine or the other subscribers.
      }
    }
  };
  const stamp = (): string => new Date(deps.clock.now()).toISOString();
  // A log that cannot be written is reported on the event stream, never thrown: supervision goes on.
  const logSupervisor = (message: string, level: Level = 'INFO'): Promise<void> => {
    const line = `${stamp()} ${level} ${message}`;
    emit({ type: 'log', source: 'supervisor', line });
    return deps.logs.supervisor(line).catch((error: Error) => emit({ type: 'problem', source: 'supervisor.log', message: error.message }));
  };
  const logModule = (module: string, text: string, source: OutputSource): void => {
    const line = `${stamp()} ${source} ${text}`;
    emit({ type: 'log', source: `module:${module}`, line });
    deps.logs.module(module, line);
  };
  const report = (source: string, message: string): void => {
    emit({ type: 'problem', source, message });
    void logSupervisor(`${source}: ${message}`, 'ERROR');
  };
  const store = createPerformanceStore({
    dataDir: deps.dataDir,
    historySize: loaded.config.historySize,
    now: deps.clock.now,
    report: (message) => report('performance.json', message),
  });
  const states = createModuleStates(loaded.config, store, {
    clock: deps.clock,
    retries: deps.retries ?? true,
    emit,
    retry: (module) => void exclusive(() => runOne(module, true)),
  });
  const commits = commitPolicy(deps.committer, loaded.config.git.okCommitInterval, report);
  const stopController = new AbortController();
  // Aborted to end the current wait between iterations early (a new interval, resume).
  let wake = new AbortController();
  let isPaused = false;
  const anomalyTimes: number[] = [];
  let queue: Promise<unknown> = Promise.resolve();
  let summary: IterationSummary | null = null;
  let iterationRecoveries: string[] = [];
  let lastRunStatus: RunRecord['status'] | null = null;
  let loop: Promise<void> | null = null;

  const runContext = (): RunContext => ({
    config: loaded.config,
    baseDir: loaded.baseDir,
    dataDir: deps.dataDir,
    launcher: deps.launcher,
    hostProbe: deps.hostProbe,
    clock: deps.clock,
    store,
    details: createRunDetailStore(deps.dataDir),
    extraEnv: deps.extraEnv ?? {},
    signal: stopController.signal,
    graceMs: deps.graceMs ?? 5000,
    onOutput: logModule,
    report,
  });

  // Runs never overlap: measurements stay clean and the store sees one writer.
  function exclusive<T>(task: () => Promise<T>): Promise<T> {
    const next = queue.then(task, task);
    queue = next.catch(() => undefined);
    return next;
  }

  async function runOne(module: ModuleConfig, isRestart: boolean): Promise<RunRecord | null> {
    if (stopController.signal.aborted) return null;
    if (isRestart) store.countRestart(module.name);
    const seq = store.history(module.name).totalRuns + 1;
    states.markRunning(module.name);
    emit({ type: 'run-started', module: module.name, seq, at: new Date(deps.clock.now()).toISOString() });
    const { run, verdicts, events } = await runModule(module, runContext());
    lastRunStatus = run.status;
    // The module's state is settled before anyone hears of the run, so a reader never sees it still running.
    states.afterRun(module.name, run);
    emit({ type: 'run-finished', run, verdicts });
    for (const event of events) await onAnomalyEvent(event);
    return run;
  }

  async function onAnomalyEvent(event: AnomalyEvent): Promise<void> {
    if (event.event === 'anomaly') anomalyTimes.push(Date.parse(event.time));
    emit({ type: 'anomaly-event', event });
    emit({ type: 'log', source: 'anomalies', line: formatAnomalyLine(event) });
    await deps.logs.anomaly(event).catch((error: Error) => report('anomalies.log', error.message));
    if (event.event === 'recovered') {
      const line = recoveredLine(event.module, event.metric);
      iterationRecoveries.push(line);
      emit({ type: 'status', line });
      await logSupervisor(line);
      await commits.onRecovery(event.module, event.metric);
    } else if (event.event === 'persisted') {
      const line = persistedLine(event.module, event.metric);
      emit({ type: 'status', line });
      await logSupervisor(line);
    }
  }

  async function iterate(): Promise<IterationSummary> {
    const iteration = store.countIteration();
    iterationRecoveries = [];
    lastRunStatus = null;
    const now = deps.clock.now();
    const { config } = loaded;
    for (const module of config.modules) {
      if (stopController.signal.aborted) break;
      if (!states.schedulable(module.name)) continue;
      const lastRunAt = store.history(module.name).lastRun?.startedAt ?? null;
      const due = isDue(module, iteration, lastRunAt === null ? null : Date.parse(lastRunAt), now);
      // A module waiting for a back-off retry runs now instead: the iteration is its retry.
      const retrying = states.takePendingRetry(module.name);
      if (due || retrying) await runOne(module, retrying);
    }
    const at = deps.clock.now();
    while (anomalyTimes.length > 0 && (anomalyTimes[0] ?? 0) < at - 3_600_000) anomalyTimes.shift();
    const names = config.modules.map((module) => module.name);
    const histories = new Map(names.map((name) => [name, store.history(name)]));
    let next = iterationSummary({
      stage: config.stage,
      iteration,
      at,
      histories,
      trackedModules: names,
      recoveries: iterationRecoveries,
      lastRunStatus,
      anomaliesLastHour: anomalyTimes.length,
      erroredModules: states.errored(),
      git: commits.lastOutcome(),
    });
    await store.save();
    await logSupervisor(`iteration ${iteration}: ${next.status}`);
    emit({ type: 'status', line: next.status });
    // status.json goes into the commit, so it is written first; it carries the previous commit's outcome.
    await writeStatusFile(deps.dataDir, next, states.list()).catch((error: Error) => report('status.json', error.message));
    const git = await commits.onIteration(next, histories);
    next = { ...next, git };
    summary = next;
    emit({ type: 'iteration', summary: next });
    return next;
  }

  async function runLoop(): Promise<void> {
    let lastStart = -Infinity;
    while (!stopController.signal.aborted) {
      const interval = durationMs(loaded.config.interval);
      const due = lastStart + interval - deps.clock.now();
      if (!isPaused && due <= 0) {
        lastStart = deps.clock.now();
        try {
          await exclusive(iterate);
        } catch (error) {
          // The loop re-arms after any fault; one bad iteration must not end supervision.
          report('supervisor', `iteration failed: ${(error as Error).stack ?? String(error)}`);
        }
        continue;
      }
      try {
        // Wait for the next iteration, or less when the interval changes or Sentinel resumes.
        await deps.clock.sleep(isPaused ? 3_600_000 : due, AbortSignal.any([stopController.signal, wake.signal]));
      } catch {
        if (stopController.signal.aborted) return;
        wake = new AbortController();
      }
    }
  }

  return {
    load: () => store.load(),
    start() {
      loop ??= runLoop();
    },
    runIteration: () => exclusive(iterate),
    async runModuleNow(name) {
      const module = loaded.config.modules.find((candidate) => candidate.name === name);
      if (!module) return null;
      return exclusive(() => runOne(module, false));
    },
    setModuleEnabled: (name, enabled) => void states.setEnabled(name, enabled),
    applyConfig(next, reason = 'config changed') {
      loaded = next;
      store.setHistorySize(next.config.historySize);
      states.sync(next.config);
      commits.setOkCommitInterval(next.config.git.okCommitInterval);
      emit({ type: 'config', reason });
      void logSupervisor(`config applied: ${reason}`);
      wake.abort();
    },
    config: () => loaded,
    pause() {
      if (isPaused) return;
      isPaused = true;
      emit({ type: 'paused', paused: true });
      void logSupervisor('paused');
    },
    resume() {
      if (!isPaused) return;
      isPaused = false;
      emit({ type: 'paused', paused: false });
      void logSupervisor('resumed');
      wake.abort();
    },
    paused: () => isPaused,
    acceptBaseline(module, metric) {
      return exclusive(async () => {
        const history = store.history(module);
        const open = history.detector[metric].open;
        if (!open) return false;
        const { config } = loaded;
        const moduleConfig = config.modules.find((candidate) => candidate.name === module);
        const lookback = moduleConfig?.detector?.lookback ?? config.detector.lookback;
        const { track } = acceptCurrentLevel(history.detector[metric], lookback);
        store.setTracks(module, { ...history.detector, [metric]: track });
        await store.save();
        const time = new Date(deps.clock.now()).toISOString();
        const threshold = moduleConfig?.detector?.threshold ?? config.detector.threshold;
        const current = open.values.at(-1) ?? open.baseline;
        await onAnomalyEvent(anomalyEvent('accepted', { module, endedAt: time, host: null }, metric, current, open.baseline, threshold));
        return true;
      });
    },
    modules: () => states.list(),
    store: () => store,
    lastSummary: () => summary,
    subscribe(sink) {
      sinks.add(sink);
      return () => sinks.delete(sink);
    },
    async stop() {
      stopController.abort(new Error('Sentinel is shutting down'));
      states.cancelRetries();
      await loop;
      await queue;
      await store.save();
    },
  };
}
