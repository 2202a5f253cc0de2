// The dashboard's state: one DashboardState snapshot, refetched (coalesced) on stream events.
// App-wide, because the header's status banner shows the same snapshot on every screen.
import type { DashboardState, SentinelClient, StreamEvent } from '$shared/api';
import { browserTimers, coalesce, LatestOnly, type Coalesced, type Timers } from '../../lib/coalesce';

/** Stream events after which the dashboard's snapshot is out of date. */
const REFETCH_ON: ReadonlySet<StreamEvent['type']> = new Set([
  'hello',
  'run-started',
  'run-finished',
  'module-state',
  'iteration',
  'anomaly-event',
  'config',
  'paused',
]);

export type ActionKind = 'run' | 'enable' | 'disable';

export class DashboardStore {
  /** The last snapshot; null until the first reply. */
  snapshot = $state.raw<DashboardState | null>(null);
  /** Why the last refresh failed; cleared by the next success. */
  error = $state<string | null>(null);
  /** Run numbers announced by run-started and not yet seen finished, per module: shown as running at once. */
  startedRuns = $state.raw<ReadonlyMap<string, number>>(new Map());
  /** The last run number seen finishing per module: the server's state can say `running` for a moment after a run ends. */
  finishedRuns = $state.raw<ReadonlyMap<string, number>>(new Map());
  /** Actions in flight, keyed `module`, so their buttons can say so. */
  pending = $state.raw<ReadonlyMap<string, ActionKind>>(new Map());
  /** The outcome of the last action, in words; cleared after a while so it does not linger. */
  actionMessage = $state.raw<{ module: string; tone: 'ok' | 'bad'; text: string } | null>(null);

  readonly #client: SentinelClient;
  readonly #latest = new LatestOnly();
  readonly #refetch: Coalesced;
  readonly #timers: Timers;
  readonly #messageMs: number;

  constructor(client: SentinelClient, options: { coalesceMs?: number; timers?: Timers; messageMs?: number } = {}) {
    this.#client = client;
    this.#timers = options.timers ?? browserTimers;
    this.#messageMs = options.messageMs ?? 8000;
    this.#refetch = coalesce(() => void this.refresh(), options.coalesceMs ?? 100, options.timers ?? browserTimers);
  }

  /** Fetches now and follows the stream; returns the stop function. */
  start(): () => void {
    void this.refresh();
    const unsubscribe = this.#client.subscribe((event) => this.onEvent(event));
    return () => {
      unsubscribe();
      this.#refetch.cancel();
    };
  }

  onEvent(event: StreamEvent): void {
    if (event.type === 'run-started') this.startedRuns = new Map(this.startedRuns).set(event.module, event.seq);
    if (event.type === 'run-finished') {
      this.startedRuns = without(this.startedRuns, (module) => module === event.run.module);
      this.finishedRuns = new Map(this.finishedRuns).set(event.run.module, event.run.seq);
    }
    if (REFETCH_ON.has(event.type)) this.#refetch.trigger();
  }

  async refresh(): Promise<void> {
    const ticket = this.#latest.next();
    const result = await this.#client.state();
    if (!this.#latest.isCurrent(ticket)) return;
    if (result.ok) {
      this.snapshot = result.data;
      this.error = null;
      // A run-finished missed while reconnecting must not leave a module "running" for ever.
      const lastSeq = new Map(result.data.modules.map((m) => [m.name, m.status.lastRun?.seq ?? 0]));
      this.startedRuns = without(this.startedRuns, (module, seq) => (lastSeq.get(module) ?? Infinity) >= seq);
    } else {
      this.error = result.error;
    }
  }

  /** Running per the stream (run-started) or per the snapshot, unless the stream already saw that run finish. */
  isRunning(module: string): boolean {
    if (this.startedRuns.has(module)) return true;
    const status = this.snapshot?.modules.find((m) => m.name === module)?.status;
    if (status?.state !== 'running') return false;
    return (this.finishedRuns.get(module) ?? -1) < (status.lastRun?.seq ?? 0);
  }

  async runNow(module: string): Promise<void> {
    await this.#act(module, 'run', () => this.#client.runNow(module), `Run of ${module} requested.`);
  }

  async setEnabled(module: string, enabled: boolean): Promise<void> {
    await this.#act(module, enabled ? 'enable' : 'disable', () => this.#client.setEnabled(module, enabled), `${module} ${enabled ? 'enabled' : 'disabled'}.`);
  }

  async #act(module: string, kind: ActionKind, call: () => ReturnType<SentinelClient['runNow']>, done: string): Promise<void> {
    this.pending = new Map(this.pending).set(module, kind);
    const result = await call();
    const next = new Map(this.pending);
    next.delete(module);
    this.pending = next;
    const message = result.ok ? { module, tone: 'ok' as const, text: done } : { module, tone: 'bad' as const, text: `${module}: ${result.error}` };
    this.actionMessage = message;
    // Successes fade; failures stay until the next action, so they can be read.
    if (result.ok) {
      this.#timers.setTimeout(() => {
        if (this.actionMessage === message) this.actionMessage = null;
      }, this.#messageMs);
    }
    this.#refetch.trigger();
  }
}

function without(map: ReadonlyMap<string, number>, drop: (module: string, seq: number) => boolean): ReadonlyMap<string, number> {
  const next = new Map([...map].filter(([module, seq]) => !drop(module, seq)));
  return next.size === map.size ? map : next;
}
