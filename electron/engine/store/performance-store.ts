// data/performance.json: per-module history, kept in memory and written atomically after every run.
import { readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { MetricName, MetricTrack, RunRecord } from '../../shared/contract.js';
import { computeAverages } from './averages.js';
import {
  emptyHistory,
  parsePerformanceDocument,
  PERFORMANCE_VERSION,
  type ModuleHistory,
  type PerformanceDocument,
} from './performance-document.js';

export const PERFORMANCE_FILE = 'performance.json';

export interface PerformanceStoreOptions {
  dataDir: string;
  historySize: number;
  now(): number;
  /** Told about anything that went wrong, with where it happened. */
  report(message: string): void;
}

/** The in-memory history of every module, backed by performance.json. */
export interface PerformanceStore {
  readonly file: string;
  /** Reads the file; a corrupt one is moved aside (and reported), and the store starts empty. */
  load(): Promise<void>;
  history(module: string): ModuleHistory;
  modules(): string[];
  /** Adds a finished run and the detector tracks that judged it. */
  recordRun(run: RunRecord, tracks: Record<MetricName, MetricTrack>): void;
  setTracks(module: string, tracks: Record<MetricName, MetricTrack>): void;
  countRestart(module: string): void;
  countIteration(): number;
  iterations(): number;
  setHistorySize(size: number): void;
  /** Writes the file atomically. Resolves false (and reports) when the write failed; the old file stays intact. */
  save(): Promise<boolean>;
  document(): PerformanceDocument;
}

/** Creates the store; call load() before use. */
export function createPerformanceStore(options: PerformanceStoreOptions): PerformanceStore {
  const file = path.join(options.dataDir, PERFORMANCE_FILE);
  let historySize = options.historySize;
  let iterations = 0;
  const histories = new Map<string, ModuleHistory>();
  let writing: Promise<boolean> = Promise.resolve(true);

  const history = (module: string): ModuleHistory => {
    let entry = histories.get(module);
    if (!entry) {
      entry = emptyHistory();
      histories.set(module, entry);
    }
    return entry;
  };

  const document = (): PerformanceDocument => ({
    version: PERFORMANCE_VERSION,
    updatedAt: new Date(options.now()).toISOString(),
    iterations,
    modules: Object.fromEntries(histories),
  });

  return {
    file,
    async load() {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
        await moveAside(`could not be read (${(error as Error).message})`);
        return;
      }
      const parsed = parsePerformanceDocument(text);
      if (!parsed.ok) {
        await moveAside(parsed.reason);
        return;
      }
      iterations = parsed.document.iterations;
      for (const [name, entry] of Object.entries(parsed.document.modules)) histories.set(name, entry);
    },
    history,
    modules: () => [...histories.keys()],
    recordRun(run, tracks) {
      const entry = history(run.module);
      entry.runs.push(run);
      if (entry.runs.length > historySize) entry.runs.splice(0, entry.runs.length - historySize);
      entry.lastRun = run;
      entry.totalRuns = Math.max(entry.totalRuns, run.seq);
      if (run.status === 'ok') entry.successes += 1;
      else entry.errors += 1;
      entry.averages = computeAverages(entry.runs);
      entry.detector = tracks;
    },
    setTracks(module, tracks) {
      history(module).detector = tracks;
    },
    countRestart(module) {
      history(module).restarts += 1;
    },
    countIteration: () => (iterations += 1),
    iterations: () => iterations,
    setHistorySize(size) {
      historySize = size;
      for (const entry of histories.values()) {
        if (entry.runs.length > size) entry.runs.splice(0, entry.runs.length - size);
        entry.averages = computeAverages(entry.runs);
      }
    },
    save() {
      // Serialise writes: each one waits for the last, so a slow disk cannot reorder them.
      writing = writing.then(async () => {
        try {
          await writeFileAtomic(file, `${JSON.stringify(document(), null, 1)}\n`, { fsync: true });
          return true;
        } catch (error) {
          options.report(`could not write ${file}: ${(error as Error).message}; the previous file is intact and the write will be retried`);
          return false;
        }
      });
      return writing;
    },
    document,
  };

  async function moveAside(reason: string): Promise<void> {
    const stamp = new Date(options.now()).toISOString().replace(/[:.]/g, '-');
    const aside = `${file}.corrupt-${stamp}`;
    try {
      await rename(file, aside);
      options.report(`${file} is unreadable (${reason}); moved it to ${aside} and started a fresh history`);
    } catch (error) {
      options.report(`${file} is unreadable (${reason}) and could not be moved aside: ${(error as Error).message}`);
      throw new Error(`refusing to overwrite unreadable ${file}: ${(error as Error).message}`);
    }
  }
}
