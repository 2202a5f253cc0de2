// The Node-side implementation of the dashboard's client contract, over a live engine. Transports
// (the HTTP server, Electron IPC) validate inputs and relay these replies; nothing here knows of them.
import { DEFAULT_KEEP } from '../engine/anomalies/index.js';
import type { ConfigStore } from '../engine/ports.js';
import { createRunDetailStore } from '../engine/store/run-details.js';
import type { Engine } from '../engine/supervisor/engine.js';
import type { LogSourceId } from '../shared/contract.js';
import { anomalyHistory } from './anomaly-history.js';
import { dashboardState, moduleHistoryView, openAnomaliesView } from './dashboard-state.js';
import { MAX_LOG_LINES } from './input-schemas.js';
import { logFileOf, logSources, parseLogLine } from './log-lines.js';
import { tailLines, withRotated } from './log-tail.js';
import { fail, guard, ok, type SentinelService } from './result.js';
import { createSettings } from './settings.js';

export interface ServiceDeps {
  engine: Engine;
  dataDir: string;
  configStore: ConfigStore;
  /** The session's interval override (`--interval`), kept in force across saves that leave the interval alone. */
  intervalOverride?: string | undefined;
}

const noModule = (name: string) => fail('not-found', `no module named ${JSON.stringify(name)}`);

/** Creates the service: every call resolves to an envelope, none rejects. */
export function createSentinelService(deps: ServiceDeps): SentinelService {
  const { engine, dataDir } = deps;
  const details = createRunDetailStore(dataDir);
  const settings = createSettings(deps);
  const moduleNames = (): string[] => engine.config().config.modules.map((module) => module.name);
  const known = (name: string): boolean => moduleNames().includes(name);

  return {
    state: () => guard(async () => ok(dashboardState(engine))),
    moduleHistory: (name) =>
      guard(async () => {
        const view = moduleHistoryView(engine, name);
        return view ? ok(view) : noModule(name);
      }),
    runDetail: (name, seq) =>
      guard(async () => {
        if (!known(name)) return noModule(name);
        const detail = Number.isSafeInteger(seq) && seq >= 1 ? await details.read(name, seq) : null;
        return detail ? ok(detail) : fail('not-found', `no kept run ${seq} of ${JSON.stringify(name)}`);
      }),
    anomalies: () => guard(async () => ok({ open: openAnomaliesView(engine), history: await anomalyHistory(dataDir) })),
    acceptBaseline: (module, metric) =>
      guard(async () => {
        if (!known(module)) return noModule(module);
        if (await engine.acceptBaseline(module, metric)) return ok(null);
        return fail('conflict', `no open anomaly on ${module} - ${metric}`);
      }),
    runNow: (module) =>
      guard(async () => {
        if (!known(module)) return noModule(module);
        // Not awaited: the run may take minutes; its result reaches the UI on the event stream.
        engine.runModuleNow(module).catch(() => undefined);
        return ok(null);
      }),
    setEnabled: (module, enabled) => guard(() => settings.setEnabled(module, enabled)),
    logSources: () => guard(async () => ok(logSources(moduleNames()))),
    logs: (source: LogSourceId, limit = MAX_LOG_LINES) =>
      guard(async () => {
        const file = logFileOf(source, dataDir, moduleNames());
        if (file === null) return fail('not-found', `no log source ${JSON.stringify(source)}`);
        const count = Number.isFinite(limit) ? Math.max(1, Math.min(MAX_LOG_LINES, Math.floor(limit))) : MAX_LOG_LINES;
        const lines = await tailLines(withRotated(file, DEFAULT_KEEP), count);
        return ok(lines.map((line) => parseLogLine(source, line)));
      }),
    settings: () => guard(async () => ok(await settings.view())),
    saveSettings: (raw) => guard(() => settings.save(raw, 'settings saved')),
    subscribe: (listener) =>
      engine.subscribe((event) => listener(event.type === 'log' ? { type: 'log', source: event.source, line: parseLogLine(event.source, event.line) } : event)),
  };
}
