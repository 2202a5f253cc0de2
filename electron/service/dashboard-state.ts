// The read side of the dashboard: the whole screen's state and one module's history, from the live engine.
import { METRIC_UNITS, METRICS, type MetricName, type OpenAnomalySummary } from '../shared/contract.js';
import type { AnomaliesView, DashboardState, ModuleHistoryView } from '../shared/api.js';
import type { ModuleConfig, SentinelConfig } from '../engine/config/schema.js';
import type { ModuleHistory } from '../engine/store/performance-document.js';
import type { Engine } from '../engine/supervisor/engine.js';
import { openAnomalies } from '../engine/supervisor/iteration-summary.js';
import { statusLine } from '../engine/supervisor/status-line.js';
import { moduleView, paramsOf } from './module-view.js';

interface Snapshot {
  config: SentinelConfig;
  histories: Map<string, ModuleHistory>;
  open: OpenAnomalySummary[];
}

function snapshot(engine: Engine): Snapshot {
  const { config } = engine.config();
  const names = config.modules.map((module) => module.name);
  const histories = new Map(names.map((name) => [name, engine.store().history(name)]));
  return { config, histories, open: openAnomalies(histories, names) };
}

function viewOf(engine: Engine, { histories, open }: Snapshot, module: ModuleConfig) {
  const history = histories.get(module.name) ?? engine.store().history(module.name);
  const status = engine.modules().find((candidate) => candidate.name === module.name);
  return moduleView({ module, history, status, open });
}

/** Everything the dashboard screen needs; the status line is computed from the anomalies open now. */
export function dashboardState(engine: Engine, now: Date = new Date()): DashboardState {
  const snap = snapshot(engine);
  const thresholds: DashboardState['thresholds'] = {};
  for (const module of snap.config.modules) {
    const params = paramsOf(snap.config, module);
    thresholds[module.name] = Object.fromEntries(METRICS.map((metric) => [metric, params[metric].threshold])) as Record<MetricName, number>;
  }
  return {
    status: statusLine(snap.open.length),
    stage: snap.config.stage,
    paused: engine.paused(),
    summary: engine.lastSummary(),
    modules: snap.config.modules.map((module) => viewOf(engine, snap, module)),
    openAnomalies: snap.open,
    erroredModules: engine.modules().filter((module) => module.state === 'errored').map((module) => module.name),
    thresholds,
    serverTime: now.toISOString(),
  };
}

/** One module's kept runs and detector params; null when no module has that name. */
export function moduleHistoryView(engine: Engine, name: string): ModuleHistoryView | null {
  const snap = snapshot(engine);
  const module = snap.config.modules.find((candidate) => candidate.name === name);
  if (!module) return null;
  const params = paramsOf(snap.config, module);
  return {
    module: viewOf(engine, snap, module),
    runs: [...(snap.histories.get(name)?.runs ?? [])],
    params: Object.fromEntries(
      METRICS.map((metric) => {
        const { threshold, floor, lookback, recoveryWindow } = params[metric];
        return [metric, { threshold, floor, lookback, recoveryWindow }];
      }),
    ) as ModuleHistoryView['params'],
  };
}

/** The anomalies open now, each with its threshold (in %) and unit. */
export function openAnomaliesView(engine: Engine): AnomaliesView['open'] {
  const snap = snapshot(engine);
  return snap.open.flatMap((anomaly) => {
    const module = snap.config.modules.find((candidate) => candidate.name === anomaly.module);
    if (!module) return [];
    const thresholdPct = Math.round(paramsOf(snap.config, module)[anomaly.metric].threshold * 1000) / 10;
    return [{ ...anomaly, thresholdPct, unit: METRIC_UNITS[anomaly.metric] }];
  });
}
