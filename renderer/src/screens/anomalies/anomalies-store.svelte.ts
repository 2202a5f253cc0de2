// Open anomalies and the event history, refetched on anomaly events; accepting a baseline asks first.
import type { AnomaliesView, SentinelClient, StreamEvent } from '$shared/api';
import type { MetricName } from '$shared/contract';
import { browserTimers, coalesce, LatestOnly, type Coalesced, type Timers } from '../../lib/coalesce';

const REFETCH_ON: ReadonlySet<StreamEvent['type']> = new Set(['hello', 'anomaly-event', 'run-finished', 'config']);

/** The anomaly a confirmation is being asked for, and how that request is going. */
export type AcceptState =
  | { kind: 'idle' }
  | { kind: 'confirming'; module: string; metric: MetricName }
  | { kind: 'accepting'; module: string; metric: MetricName };

export class AnomaliesStore {
  view = $state.raw<AnomaliesView | null>(null);
  error = $state<string | null>(null);
  accept = $state.raw<AcceptState>({ kind: 'idle' });
  message = $state.raw<{ tone: 'ok' | 'bad'; text: string } | null>(null);

  readonly #client: SentinelClient;
  readonly #latest = new LatestOnly();
  readonly #refetch: Coalesced;

  constructor(client: SentinelClient, options: { coalesceMs?: number; timers?: Timers } = {}) {
    this.#client = client;
    this.#refetch = coalesce(() => void this.refresh(), options.coalesceMs ?? 100, options.timers ?? browserTimers);
  }

  start(): () => void {
    void this.refresh();
    const unsubscribe = this.#client.subscribe((event) => {
      if (REFETCH_ON.has(event.type)) this.#refetch.trigger();
    });
    return () => {
      unsubscribe();
      this.#refetch.cancel();
    };
  }

  async refresh(): Promise<void> {
    const ticket = this.#latest.next();
    const result = await this.#client.anomalies();
    if (!this.#latest.isCurrent(ticket)) return;
    if (result.ok) {
      this.view = result.data;
      this.error = null;
    } else {
      this.error = result.error;
    }
  }

  ask(module: string, metric: MetricName): void {
    this.accept = { kind: 'confirming', module, metric };
    this.message = null;
  }

  cancel(): void {
    if (this.accept.kind === 'confirming') this.accept = { kind: 'idle' };
  }

  /** Accepts the anomaly being confirmed as the new baseline, then refreshes. */
  async confirm(): Promise<void> {
    const pending = this.accept;
    if (pending.kind !== 'confirming') return;
    this.accept = { kind: 'accepting', module: pending.module, metric: pending.metric };
    const result = await this.#client.acceptBaseline(pending.module, pending.metric);
    this.accept = { kind: 'idle' };
    this.message = result.ok
      ? { tone: 'ok', text: `Accepted the current level of ${pending.module} ${pending.metric} as its new baseline.` }
      : { tone: 'bad', text: `Could not accept ${pending.module} ${pending.metric}: ${result.error}` };
    await this.refresh();
  }
}
