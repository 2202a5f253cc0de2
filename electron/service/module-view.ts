// How one configured module looks to the dashboard: its target, schedule, state, figures and open anomalies.
import { METRICS, type MetricName, type ModuleStatus, type OpenAnomalySummary } from '../shared/contract.js';
import type { ModuleView } from '../shared/api.js';
import type { ModuleConfig, SentinelConfig } from '../engine/config/schema.js';
import { detectorParamsFor } from '../engine/detector/index.js';
import type { ModuleHistory } from '../engine/store/performance-document.js';
import type { DetectorParams } from '../shared/contract.js';

/** `every iteration`, `every 3 iterations` or `cron 0 * * * *`. */
export function scheduleText(module: ModuleConfig): string {
  if (module.cron !== undefined) return `cron ${module.cron}`;
  const every = module.every ?? 1;
  return every === 1 ? 'every iteration' : `every ${every} iterations`;
}

/** The detector params in force for each metric of `module`. */
export function paramsOf(config: SentinelConfig, module: ModuleConfig): Record<MetricName, DetectorParams> {
  const entries = METRICS.map((metric) => [metric, detectorParamsFor(metric, config.detector, module.detector)] as const);
  return Object.fromEntries(entries) as Record<MetricName, DetectorParams>;
}

/** Four significant digits: plenty for a sparkline, and the dashboard's state reply shrinks by about half. */
const sparkValue = (value: number | null): number | null => (value === null ? null : Number(value.toPrecision(4)));

/** Each metric of the kept runs, oldest first; null for failed runs and unmeasured metrics. */
export function seriesOf(history: ModuleHistory): ModuleView['series'] {
  const entries = METRICS.map((metric) => [metric, history.runs.map((run) => (run.status === 'ok' ? sparkValue(run.metrics[metric]) : null))] as const);
  return Object.fromEntries(entries) as ModuleView['series'];
}

export interface ModuleViewInput {
  module: ModuleConfig;
  history: ModuleHistory;
  /** The engine's status of the module; absent only for a module the engine has not synced yet. */
  status: ModuleStatus | undefined;
  open: readonly OpenAnomalySummary[];
}

/** The ModuleView of one configured module. */
export function moduleView({ module, history, status, open }: ModuleViewInput): ModuleView {
  const openByMetric: ModuleView['open'] = {};
  for (const anomaly of open) if (anomaly.module === module.name) openByMetric[anomaly.metric] = anomaly;
  return {
    name: module.name,
    kind: module.command !== undefined ? 'command' : 'js',
    target: module.command !== undefined ? module.command.join(' ') : (module.path ?? ''),
    schedule: scheduleText(module),
    enabled: module.enabled,
    status: status ?? {
      name: module.name,
      state: module.enabled ? 'idle' : 'disabled',
      restarts: history.restarts,
      consecutiveFailures: 0,
      lastRun: history.lastRun,
    },
    averages: { ...history.averages },
    totals: { runs: history.totalRuns, successes: history.successes, errors: history.errors, restarts: history.restarts },
    series: seriesOf(history),
    open: openByMetric,
  };
}
