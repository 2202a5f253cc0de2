// The log viewer's state: the chosen source's lines (up to 100,000), live lines appended from the
// stream in batches, the filter and the filtered lines (updated incrementally on append).
import type { LogLine, LogSource, SentinelClient, StreamEvent } from '$shared/api';
import type { LogSourceId } from '$shared/contract';
import { browserTimers, coalesce, LatestOnly, type Coalesced, type Timers } from '../../lib/coalesce';
import { addToFacets, EMPTY_FILTER, emptyFacets, FACETS, lineMatcher, type FacetKey, type Facets, type LogFilter } from './log-filter';

export const MAX_LINES = 100_000;

export interface LogsOptions {
  limit?: number;
  flushMs?: number;
  timers?: Timers;
}

export class LogsStore {
  sources = $state.raw<readonly LogSource[]>([]);
  source = $state<LogSourceId | null>(null);
  lines = $state.raw<readonly LogLine[]>([]);
  filtered = $state.raw<readonly LogLine[]>([]);
  filter = $state.raw<LogFilter>(EMPTY_FILTER);
  /** The values present per filter menu, sorted. */
  menus = $state.raw<Record<FacetKey, readonly string[]>>({ module: [], metric: [], event: [], level: [] });
  loading = $state(false);
  error = $state<string | null>(null);
  /** Lines dropped from the top to stay within the limit since the source was loaded. */
  dropped = $state(0);

  readonly limit: number;
  readonly #client: SentinelClient;
  readonly #latest = new LatestOnly();
  readonly #flush: Coalesced;
  #pending: LogLine[] = [];
  #facets: Facets = emptyFacets();

  constructor(client: SentinelClient, options: LogsOptions = {}) {
    this.#client = client;
    this.limit = options.limit ?? MAX_LINES;
    this.#flush = coalesce(() => this.#appendPending(), options.flushMs ?? 100, options.timers ?? browserTimers);
  }

  /** Loads the sources (choosing `initial` or the first) and follows the stream; returns the stop function. */
  start(initial: LogSourceId | null = null): () => void {
    const unsubscribe = this.#client.subscribe((event) => this.onEvent(event));
    void this.loadSources(initial);
    return () => {
      unsubscribe();
      this.#flush.cancel();
    };
  }

  async loadSources(initial: LogSourceId | null = null): Promise<void> {
    const result = await this.#client.logSources();
    if (!result.ok) {
      this.error = `Could not list the logs: ${result.error}`;
      return;
    }
    this.sources = result.data;
    const wanted = initial ?? this.source;
    const chosen = result.data.find((s) => s.id === wanted) ?? result.data[0] ?? null;
    if (chosen && chosen.id !== this.source) await this.select(chosen.id);
  }

  onEvent(event: StreamEvent): void {
    if (event.type === 'log' && event.source === this.source) {
      this.#pending.push(event.line);
      if (!this.loading) this.#flush.trigger();
    } else if (event.type === 'config') {
      void this.#refreshSources();
    }
  }

  async select(source: LogSourceId): Promise<void> {
    const ticket = this.#latest.next();
    this.source = source;
    this.loading = true;
    this.error = null;
    this.#pending = [];
    this.#flush.cancel();
    const result = await this.#client.logs(source, this.limit);
    if (!this.#latest.isCurrent(ticket)) return;
    this.loading = false;
    if (!result.ok) {
      this.error = `Could not load ${source}: ${result.error}`;
      this.#setLines([]);
      return;
    }
    // Lines that arrived on the stream while loading may already be in the file the server read.
    const loaded = result.data.slice(-this.limit);
    const recent = new Set(loaded.slice(-(this.#pending.length + 50)).map((l) => l.text));
    this.#pending = this.#pending.filter((l) => !recent.has(l.text));
    this.dropped = 0;
    // Choices that the new source does not have are dropped; the search text stays.
    this.filter = { ...EMPTY_FILTER, text: this.filter.text };
    this.#setLines(loaded);
    if (this.#pending.length > 0) this.#flush.trigger();
  }

  setFilter(patch: Partial<LogFilter>): void {
    this.filter = { ...this.filter, ...patch };
    this.filtered = this.#filterAll(this.lines);
  }

  clearFilter(): void {
    this.setFilter(EMPTY_FILTER);
  }

  /** The filtered lines as one text, for copy and export. */
  filteredText(): string {
    return this.filtered.map((line) => line.text).join('\n');
  }

  #filterAll(lines: readonly LogLine[]): readonly LogLine[] {
    const f = this.filter;
    if (!f.module && !f.metric && !f.event && !f.level && !f.text.trim()) return lines;
    return lines.filter(lineMatcher(f));
  }

  #setLines(lines: readonly LogLine[]): void {
    this.lines = lines;
    this.#facets = emptyFacets();
    addToFacets(this.#facets, lines);
    this.#publishMenus();
    this.filtered = this.#filterAll(lines);
  }

  #appendPending(): void {
    if (this.#pending.length === 0) return;
    const batch = this.#pending;
    this.#pending = [];
    const matches = lineMatcher(this.filter);
    let lines = this.lines.concat(batch);
    let filtered = this.filtered === this.lines ? lines : this.filtered.concat(batch.filter(matches));
    const excess = lines.length - this.limit;
    if (excess > 0) {
      const gone = lines.slice(0, excess);
      lines = lines.slice(excess);
      filtered = this.filtered === this.lines ? lines : filtered.slice(gone.filter(matches).length);
      this.dropped += excess;
    }
    this.lines = lines;
    this.filtered = filtered;
    if (addToFacets(this.#facets, batch)) this.#publishMenus();
  }

  #publishMenus(): void {
    const menus = { module: [], metric: [], event: [], level: [] } as Record<FacetKey, string[]>;
    for (const key of FACETS) menus[key] = [...this.#facets[key]].sort();
    this.menus = menus;
  }

  async #refreshSources(): Promise<void> {
    const result = await this.#client.logSources();
    if (result.ok) this.sources = result.data;
  }
}
