// The renderer's contract: what the dashboard can ask of Sentinel and what it hears back.
// One client implements it over HTTP + server-sent events (`sentinel serve`), another over Electron
// IPC (the desktop shell's preload). The renderer imports types only from here.
import type {
  AnomalyEvent,
  EngineEvent,
  IterationSummary,
  LogSourceId,
  MetricName,
  ModuleStatus,
  OpenAnomalySummary,
  RunDetail,
  RunRecord,
} from './contract.js';

/** Every reply is an envelope: callers never have to guess whether a call threw. */
export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: string };

/** Means over the kept successful runs; null where no run measured the metric. */
export type MetricAverages = Record<MetricName | 'cpuSeconds', number | null>;

/** One module as the dashboard shows it. */
export interface ModuleView {
  name: string;
  kind: 'js' | 'command';
  /** The JS module's path, or the command line. */
  target: string;
  /** `every iteration`, `every 3 iterations` or `cron 0 * * * *`. */
  schedule: string;
  enabled: boolean;
  status: ModuleStatus;
  averages: MetricAverages;
  totals: { runs: number; successes: number; errors: number; restarts: number };
  /** Each metric over the kept runs, oldest first; null where a run did not measure it (or failed). */
  series: Record<MetricName, Array<number | null>>;
  /** The anomaly open on each metric, if any. */
  open: Partial<Record<MetricName, OpenAnomalySummary>>;
}

/** Everything the dashboard screen needs, in one reply. */
export interface DashboardState {
  /** `Performance OK` or `Anomaly detected: N anomalies`, as of now (not only as of the last iteration). */
  status: string;
  stage: string;
  paused: boolean;
  /** The last iteration summary; null before the first iteration ends. */
  summary: IterationSummary | null;
  modules: ModuleView[];
  openAnomalies: OpenAnomalySummary[];
  erroredModules: string[];
  /** Detector thresholds per module and metric, for colouring deviations. */
  thresholds: Record<string, Record<MetricName, number>>;
  serverTime: string;
}

/** A module's kept history, for the module detail screen. */
export interface ModuleHistoryView {
  module: ModuleView;
  /** Kept runs, oldest first; each carries its verdicts (baseline, state) per metric. */
  runs: RunRecord[];
  /** Detector parameters in force per metric, to draw the threshold band. */
  params: Record<MetricName, { threshold: number; floor: number; lookback: number; recoveryWindow: number }>;
}

export interface AnomaliesView {
  open: Array<OpenAnomalySummary & { thresholdPct: number; unit: string }>;
  /** Events from anomalies.log (and its rotated files), newest first, at most 2,000. */
  history: AnomalyEvent[];
}

export interface LogSource {
  id: LogSourceId;
  label: string;
}

/** One log line, with the fields the log viewer filters on parsed out where the format allows. */
export interface LogLine {
  source: LogSourceId;
  /** The line exactly as written. Always rendered as text. */
  text: string;
  time: string | null;
  level: 'info' | 'warn' | 'error' | null;
  module: string | null;
  metric: string | null;
  event: string | null;
}

/** The config file as the settings screen edits it. */
export interface SettingsView {
  /** The config with defaults filled in (the schema's output form). */
  config: Record<string, unknown>;
  configFile: string;
  dataDir: string;
  /** The JSON Schema, so the screen can describe each field. */
  schema: Record<string, unknown>;
}

/**
 * A live reading of a running module's processes, every few seconds (desktop app only). Sampled by
 * process name, so approximate and possibly missing: the exact figures come with the run's record.
 */
export interface LiveSampleEvent {
  type: 'live-sample';
  module: string;
  /** CPU % of one core summed over the module's processes; null when the reading failed. */
  cpu: number | null;
  /** Resident memory summed over the module's processes, MB; null when the reading failed. */
  memoryMB: number | null;
  at: string;
}

/** What the live stream carries: engine events as they happen. */
export type StreamEvent =
  | Exclude<EngineEvent, { type: 'log' }>
  // Log lines arrive parsed, as the log viewer filters them, so the renderer never re-parses log formats.
  | { type: 'log'; source: LogSourceId; line: LogLine }
  | { type: 'hello'; serverTime: string }
  | LiveSampleEvent;

/** The one client contract of the renderer. */
export interface SentinelClient {
  state(): Promise<ApiResult<DashboardState>>;
  moduleHistory(name: string): Promise<ApiResult<ModuleHistoryView>>;
  runDetail(name: string, seq: number): Promise<ApiResult<RunDetail>>;
  anomalies(): Promise<ApiResult<AnomaliesView>>;
  acceptBaseline(module: string, metric: MetricName): Promise<ApiResult<null>>;
  runNow(module: string): Promise<ApiResult<null>>;
  setEnabled(module: string, enabled: boolean): Promise<ApiResult<null>>;
  logSources(): Promise<ApiResult<LogSource[]>>;
  /** The last `limit` lines of a source (default 100,000). */
  logs(source: LogSourceId, limit?: number): Promise<ApiResult<LogLine[]>>;
  settings(): Promise<ApiResult<SettingsView>>;
  /** Validates, applies at once and persists to the config file. The error names the field. */
  saveSettings(config: Record<string, unknown>): Promise<ApiResult<SettingsView>>;
  /** Live events; returns the unsubscribe function. */
  subscribe(listener: (event: StreamEvent) => void): () => void;
}

/** HTTP routes of `sentinel serve` (JSON bodies, ApiResult replies). */
export const HTTP_ROUTES = {
  state: 'GET /api/state',
  moduleHistory: 'GET /api/modules/:name/history',
  runDetail: 'GET /api/modules/:name/runs/:seq',
  anomalies: 'GET /api/anomalies',
  acceptBaseline: 'POST /api/anomalies/accept',
  runNow: 'POST /api/modules/:name/run',
  setEnabled: 'POST /api/modules/:name/enabled',
  logSources: 'GET /api/logs/sources',
  logs: 'GET /api/logs?source=&limit=',
  settings: 'GET /api/settings',
  saveSettings: 'PUT /api/settings',
  events: 'GET /api/events',
} as const;

/** The header every mutating request must carry; a cross-site form cannot send it. */
export const MUTATION_HEADER = 'x-sentinel-request';
