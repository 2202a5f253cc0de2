// Builds the iteration summary from the store and what happened in the iteration. Pure.
import { METRICS, type IterationSummary, type OpenAnomalySummary, type RunStatus } from '../../shared/contract.js';
import type { ModuleHistory } from '../store/performance-document.js';
import { statusLine } from './status-line.js';

export interface SummaryInput {
  stage: string;
  iteration: number;
  at: number;
  histories: ReadonlyMap<string, ModuleHistory>;
  trackedModules: readonly string[];
  recoveries: string[];
  lastRunStatus: RunStatus | null;
  anomaliesLastHour: number;
  erroredModules: string[];
  git: IterationSummary['git'];
}

/** Every anomaly still open, module by module. */
export function openAnomalies(histories: ReadonlyMap<string, ModuleHistory>, modules: readonly string[]): OpenAnomalySummary[] {
  const open: OpenAnomalySummary[] = [];
  for (const module of modules) {
    const history = histories.get(module);
    if (!history) continue;
    for (const metric of METRICS) {
      const anomaly = history.detector[metric].open;
      if (!anomaly) continue;
      const current = anomaly.values.at(-1) ?? anomaly.baseline;
      open.push({
        module,
        metric,
        baseline: anomaly.baseline,
        current,
        deviationPct: anomaly.baseline === 0 ? null : Math.round(((current - anomaly.baseline) / anomaly.baseline) * 1000) / 10,
        openedAt: anomaly.openedAt,
        runsSinceOpened: anomaly.values.length - 1,
      });
    }
  }
  return open;
}

/** The summary written to status.json and emitted after each iteration. */
export function iterationSummary(input: SummaryInput): IterationSummary {
  const open = openAnomalies(input.histories, input.trackedModules);
  let restartCount = 0;
  for (const module of input.trackedModules) restartCount += input.histories.get(module)?.restarts ?? 0;
  return {
    stage: input.stage,
    iteration: input.iteration,
    totalIterations: input.iteration,
    at: new Date(input.at).toISOString(),
    status: statusLine(open.length),
    recoveries: input.recoveries,
    lastRunStatus: input.lastRunStatus,
    restartCount,
    modulesTracked: input.trackedModules.length,
    anomaliesLastHour: input.anomaliesLastHour,
    openAnomalies: open,
    erroredModules: input.erroredModules,
    git: input.git,
  };
}
