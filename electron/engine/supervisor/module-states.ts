// Per-module supervision state: idle/running/errored/disabled, failures in a row, and back-off retries.
import type { EngineEvent, ModuleState, ModuleStatus, RunRecord } from '../../shared/contract.js';
import { durationMs } from '../config/duration.js';
import type { ModuleConfig, SentinelConfig } from '../config/schema.js';
import type { Clock } from '../ports.js';
import type { PerformanceStore } from '../store/performance-store.js';
import { afterFailure } from './restart-policy.js';

interface Entry {
  module: ModuleConfig;
  state: ModuleState;
  enabled: boolean;
  consecutiveFailures: number;
  pendingRetry: AbortController | null;
}

export interface ModuleStatesDeps {
  clock: Clock;
  retries: boolean;
  emit(event: EngineEvent): void;
  retry(module: ModuleConfig): void;
}

/** Tracks each module's state and schedules restarts with exponential back-off. */
export function createModuleStates(initial: SentinelConfig, store: PerformanceStore, deps: ModuleStatesDeps) {
  const policyOf = (config: SentinelConfig) => ({
    baseDelayMs: durationMs(config.restart.baseDelay),
    maxDelayMs: durationMs(config.restart.maxDelay),
    maxFailures: config.restart.maxFailures,
  });
  let policy = policyOf(initial);
  const entryOf = (module: ModuleConfig): Entry => ({
    module,
    state: module.enabled ? 'idle' : 'disabled',
    enabled: module.enabled,
    consecutiveFailures: 0,
    pendingRetry: null,
  });
  let entries = new Map<string, Entry>(initial.modules.map((module) => [module.name, entryOf(module)]));

  const status = (entry: Entry): ModuleStatus => {
    const history = store.history(entry.module.name);
    return {
      name: entry.module.name,
      state: entry.state,
      restarts: history.restarts,
      consecutiveFailures: entry.consecutiveFailures,
      lastRun: history.lastRun,
    };
  };
  const setState = (entry: Entry, state: ModuleState): void => {
    entry.state = state;
    deps.emit({ type: 'module-state', module: status(entry) });
  };
  const cancelRetry = (entry: Entry): void => {
    entry.pendingRetry?.abort();
    entry.pendingRetry = null;
  };
  const scheduleRetry = (entry: Entry, delayMs: number): void => {
    cancelRetry(entry);
    const controller = new AbortController();
    entry.pendingRetry = controller;
    deps.clock.sleep(delayMs, controller.signal).then(
      () => {
        if (entry.pendingRetry !== controller) return;
        entry.pendingRetry = null;
        deps.retry(entry.module);
      },
      () => undefined,
    );
  };

  return {
    /** Takes a new config: keeps the state of modules that stay, adds new ones, drops removed ones. */
    sync(config: SentinelConfig): void {
      policy = policyOf(config);
      const next = new Map<string, Entry>();
      for (const module of config.modules) {
        const entry = entries.get(module.name);
        if (!entry) {
          next.set(module.name, entryOf(module));
          continue;
        }
        entry.module = module;
        if (entry.enabled !== module.enabled) {
          entry.enabled = module.enabled;
          cancelRetry(entry);
          if (module.enabled) entry.consecutiveFailures = 0;
          if (entry.state !== 'running') entry.state = module.enabled ? 'idle' : 'disabled';
        }
        next.set(module.name, entry);
      }
      for (const [name, entry] of entries) if (!next.has(name)) cancelRetry(entry);
      entries = next;
    },
    schedulable: (name: string): boolean => {
      const entry = entries.get(name);
      return entry !== undefined && entry.enabled && entry.state !== 'errored';
    },
    /** True when a back-off retry was pending; it is cancelled because the caller runs the module now. */
    takePendingRetry(name: string): boolean {
      const entry = entries.get(name);
      if (!entry?.pendingRetry) return false;
      cancelRetry(entry);
      return true;
    },
    markRunning(name: string): void {
      const entry = entries.get(name);
      if (entry) setState(entry, 'running');
    },
    afterRun(name: string, run: RunRecord): void {
      const entry = entries.get(name);
      if (!entry) return;
      if (run.status === 'ok') {
        entry.consecutiveFailures = 0;
        setState(entry, entry.enabled ? 'idle' : 'disabled');
        return;
      }
      entry.consecutiveFailures += 1;
      const next = afterFailure(entry.consecutiveFailures, policy);
      if (next.action === 'errored') {
        cancelRetry(entry);
        setState(entry, 'errored');
        return;
      }
      setState(entry, entry.enabled ? 'idle' : 'disabled');
      if (deps.retries && entry.enabled) scheduleRetry(entry, next.delayMs);
    },
    /** Enabling also clears "errored": re-enabling is how a user says "try again". */
    setEnabled(name: string, enabled: boolean): boolean {
      const entry = entries.get(name);
      if (!entry) return false;
      entry.enabled = enabled;
      cancelRetry(entry);
      if (enabled) entry.consecutiveFailures = 0;
      setState(entry, enabled ? 'idle' : 'disabled');
      return true;
    },
    errored: (): string[] => [...entries.values()].filter((entry) => entry.state === 'errored').map((entry) => entry.module.name),
    list: (): ModuleStatus[] => [...entries.values()].map(status),
    cancelRetries(): void {
      for (const entry of entries.values()) cancelRetry(entry);
    },
  };
}
