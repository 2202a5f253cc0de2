// One module's kept history and the selected run's detail, refetched when the module runs again.
import type { ModuleHistoryView, SentinelClient, StreamEvent } from '$shared/api';
import type { RunDetail } from '$shared/contract';
import { browserTimers, coalesce, LatestOnly, type Coalesced, type Timers } from '../../lib/coalesce';

export type DetailState =
  | { kind: 'none' }
  | { kind: 'loading'; seq: number }
  | { kind: 'loaded'; seq: number; run: RunDetail }
  | { kind: 'failed'; seq: number; error: string };

export class ModuleStore {
  readonly module: string;
  history = $state.raw<ModuleHistoryView | null>(null);
  error = $state<string | null>(null);
  /** The run number announced by run-started, until its run-finished. */
  runningSeq = $state<number | null>(null);
  detail = $state.raw<DetailState>({ kind: 'none' });

  readonly #client: SentinelClient;
  readonly #latest = new LatestOnly();
  readonly #latestDetail = new LatestOnly();
  readonly #refetch: Coalesced;

  constructor(client: SentinelClient, module: string, options: { coalesceMs?: number; timers?: Timers } = {}) {
    this.#client = client;
    this.module = module;
    this.#refetch = coalesce(() => void this.refresh(), options.coalesceMs ?? 100, options.timers ?? browserTimers);
  }

  start(): () => void {
    void this.refresh();
    const unsubscribe = this.#client.subscribe((event) => this.onEvent(event));
    return () => {
      unsubscribe();
      this.#refetch.cancel();
    };
  }

  onEvent(event: StreamEvent): void {
    switch (event.type) {
      case 'run-started':
        if (event.module === this.module) this.runningSeq = event.seq;
        break;
      case 'run-finished':
        if (event.run.module === this.module) {
          this.runningSeq = null;
          this.#refetch.trigger();
        }
        break;
      case 'anomaly-event':
        if (event.event.module === this.module) this.#refetch.trigger();
        break;
      case 'module-state':
        if (event.module.name === this.module) this.#refetch.trigger();
        break;
      case 'config':
      case 'hello':
        this.#refetch.trigger();
        break;
      default:
        break;
    }
  }

  async refresh(): Promise<void> {
    const ticket = this.#latest.next();
    const result = await this.#client.moduleHistory(this.module);
    if (!this.#latest.isCurrent(ticket)) return;
    if (result.ok) {
      this.history = result.data;
      this.error = null;
    } else {
      this.error = result.error;
    }
  }

  /** Loads a run's requests and output; selecting the selected run again closes it. */
  async select(seq: number): Promise<void> {
    if (this.detail.kind !== 'none' && this.detail.seq === seq) {
      this.detail = { kind: 'none' };
      return;
    }
    const ticket = this.#latestDetail.next();
    this.detail = { kind: 'loading', seq };
    const result = await this.#client.runDetail(this.module, seq);
    if (!this.#latestDetail.isCurrent(ticket)) return;
    this.detail = result.ok ? { kind: 'loaded', seq, run: result.data } : { kind: 'failed', seq, error: result.error };
  }

  closeDetail(): void {
    this.#latestDetail.next();
    this.detail = { kind: 'none' };
  }
}
