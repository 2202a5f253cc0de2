// The one typed contract of Sentinel: run records, detector verdicts, engine events and the
// runner protocol. Every other file takes its types from here; the renderer imports types only.

/** The metrics Sentinel watches on every run. */
export const METRICS = ['runtime', 'cpu', 'memory', 'apiLatency'] as const;
export type MetricName = (typeof METRICS)[number];

/** Units as written to anomalies.log and shown in the UI. */
export const METRIC_UNITS: Readonly<Record<MetricName, string>> = {
  runtime: 's',
  cpu: '%',
  memory: 'MB',
  apiLatency: 's',
};

export type RunStatus = 'ok' | 'error' | 'timeout' | 'crashed';

/** One API request seen during a run (fetch, http/https, ctx.trackApi, or a command's events file). */
export interface ApiRequest {
  /** `ctx.trackApi` name, or `METHOD host` for captured HTTP. */
  name: string;
  method: string | null;
  host: string | null;
  /** HTTP status when there was a response. */
  status: number | null;
  ok: boolean;
  error: string | null;
  /** Latency to the end of the response body, in seconds. */
  seconds: number;
}

/** Aggregates over *all* requests of a run, even past the 1,000 kept in `requests`. */
export interface ApiSummary {
  count: number;
  errors: number;
  /** Mean seconds per request. */
  mean: number;
  p95: number;
  max: number;
}

/** Host context taken at run time, so an anomaly can say that the host was busy. */
export interface HostContext {
  /** Whole-host CPU load, % of all cores. */
  cpuLoad: number;
  availableMemoryMB: number;
}

/** The metric values of one run. null means "not measured", never 0. */
export interface RunMetrics {
  runtime: number;
  cpu: number | null;
  memory: number | null;
  apiLatency: number | null;
}

/** What the store keeps for one run in performance.json. */
export interface RunRecord {
  module: string;
  /** 1-based run number of this module, over its lifetime. */
  seq: number;
  status: RunStatus;
  startedAt: string;
  endedAt: string;
  exitCode: number | null;
  signal: string | null;
  error: { message: string; stack: string | null } | null;
  metrics: RunMetrics;
  /** CPU seconds (user + system) of the whole process tree. */
  cpuSeconds: number | null;
  api: ApiSummary | null;
  host: HostContext | null;
  /** How the detector judged each measured metric of this run (empty for failed runs). */
  verdicts: Partial<Record<MetricName, VerdictMark>>;
}

/** The part of a verdict kept with the run, for charts (baseline band, anomaly and recovery marks). */
export interface VerdictMark {
  state: VerdictState;
  baseline: number | null;
  deviation: number | null;
}

/** A run with its full detail: the requests (at most 1,000) and the tail of its output. */
export interface RunDetail extends RunRecord {
  requests: ApiRequest[];
  outputTail: string;
}

// ---------------------------------------------------------------------------------------------
// Detector

export type Direction = 'up' | 'both';

export interface DetectorParams {
  /** Relative deviation that opens an anomaly (0.25 = 25 %). */
  threshold: number;
  /** How many admitted runs form the baseline. */
  lookback: number;
  /** How many runs after opening an anomaly may bring it back in range. */
  recoveryWindow: number;
  /** Absolute deviation the metric must also reach; 0 disables it. */
  floor: number;
}

/** The verdict of one sample. `anomaly` means "opened on this sample". */
export type VerdictState = 'warmup' | 'normal' | 'anomaly' | 'open' | 'recovered' | 'persisted';

export interface Verdict {
  state: VerdictState;
  value: number;
  /** The baseline the value was judged against (the frozen one while an anomaly is open). */
  baseline: number | null;
  /** Signed relative deviation from the baseline; null when there is no usable baseline. */
  deviation: number | null;
  /** 0 in warm-up, above 0.5 exactly when out of range, growing with the deviation. */
  score: number;
  /** True when the value is out of range of the baseline. */
  outOfRange: boolean;
}

/** An open anomaly, as kept per (module, metric). */
export interface OpenAnomaly {
  openedAt: string;
  openedSeq: number;
  /** The baseline frozen when the anomaly opened. */
  baseline: number;
  /** Values since it opened (the opening one first); admitted to the baseline if it persists. */
  values: number[];
}

/** Detector memory for one (module, metric): admitted samples and the open anomaly, if any. */
export interface MetricTrack {
  admitted: number[];
  open: OpenAnomaly | null;
}

// ---------------------------------------------------------------------------------------------
// Anomaly events (anomalies.log lines and engine events share this shape)

export type AnomalyEventKind = 'anomaly' | 'recovered' | 'persisted' | 'accepted';

export interface AnomalyEvent {
  time: string;
  event: AnomalyEventKind;
  module: string;
  metric: MetricName;
  current: number;
  baseline: number;
  /** Signed deviation in percent, rounded; null when the baseline is 0. */
  deviationPct: number | null;
  thresholdPct: number;
  unit: string;
  /** Host context of the run, when known. */
  host: HostContext | null;
}

// ---------------------------------------------------------------------------------------------
// Supervisor state and events

export type ModuleState = 'idle' | 'running' | 'errored' | 'disabled';

export interface ModuleStatus {
  name: string;
  state: ModuleState;
  restarts: number;
  consecutiveFailures: number;
  lastRun: RunRecord | null;
}

export interface OpenAnomalySummary {
  module: string;
  metric: MetricName;
  baseline: number;
  current: number;
  deviationPct: number | null;
  openedAt: string;
  runsSinceOpened: number;
}

export interface IterationSummary {
  stage: string;
  iteration: number;
  totalIterations: number;
  at: string;
  /** `Performance OK` or `Anomaly detected: N anomalies`. */
  status: string;
  /** One `Anomaly recovered: <module> - <metric>` per recovery in this iteration. */
  recoveries: string[];
  lastRunStatus: RunStatus | null;
  restartCount: number;
  modulesTracked: number;
  anomaliesLastHour: number;
  openAnomalies: OpenAnomalySummary[];
  erroredModules: string[];
  git: { ok: boolean; message: string } | null;
}

export type EngineEvent =
  | { type: 'run-started'; module: string; seq: number; at: string }
  | { type: 'run-finished'; run: RunRecord; verdicts: Partial<Record<MetricName, Verdict>> }
  | { type: 'anomaly-event'; event: AnomalyEvent }
  | { type: 'module-state'; module: ModuleStatus }
  | { type: 'status'; line: string }
  | { type: 'iteration'; summary: IterationSummary }
  | { type: 'problem'; source: string; message: string }
  | { type: 'log'; source: LogSourceId; line: string }
  | { type: 'paused'; paused: boolean }
  | { type: 'config'; reason: string };

/** Where a log line comes from: `anomalies`, `supervisor`, or `module:<name>`. */
export type LogSourceId = 'anomalies' | 'supervisor' | `module:${string}`;

/** Where a module's output line came from: its stdout or stderr, or a ctx.log level. */
export type OutputSource = 'stdout' | 'stderr' | 'info' | 'warn' | 'error';

export type EngineEventType = EngineEvent['type'];

// ---------------------------------------------------------------------------------------------
// Runner protocol: messages between the engine's launcher and the runner process.

/** What to run: a JS module (default export `run(ctx)`) or an external command. */
export type RunTarget =
  | { kind: 'js'; path: string }
  | { kind: 'command'; argv: string[] };

export interface RunRequest {
  type: 'start';
  module: string;
  target: RunTarget;
  /** Working directory of the job. */
  cwd: string;
  /** The data folder given to the module as ctx.dataDir. */
  dataDir: string;
  env: Record<string, string>;
}

export type ParentToRunner = RunRequest | { type: 'abort'; reason: string };

export interface RunnerResult {
  type: 'result';
  ok: boolean;
  error: { message: string; stack: string | null } | null;
  /** Exit code of an external command (null for JS modules or when killed by a signal). */
  exitCode: number | null;
  signal: string | null;
  /** The job's own wall time where the runner can time it better than its parent (a command: spawn to exit); null for JS modules. */
  wallSeconds?: number | null;
  /** CPU seconds of the job (the runner process itself for JS, the command's tree for commands); null when not measurable. */
  cpuUser: number | null;
  cpuSystem: number | null;
  /** Peak RSS in bytes; null when it could not be measured. */
  maxRssBytes: number | null;
  /** How the figures were taken, for the record and the docs. */
  method: string;
  api: ApiSummary | null;
  requests: ApiRequest[];
}

export type RunnerToParent =
  | { type: 'log'; level: 'info' | 'warn' | 'error'; message: string }
  | RunnerResult;
