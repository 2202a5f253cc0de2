// The shape of data/performance.json, and its validation on load.
import { z } from 'zod';
import { METRICS, type MetricName, type MetricTrack, type RunRecord } from '../../shared/contract.js';

/** Bumped on any incompatible change of the file's shape. */
export const PERFORMANCE_VERSION = 1;

/** Means over the kept successful runs; null where no run measured the metric. */
export type Averages = Record<MetricName | 'cpuSeconds', number | null>;

/** Everything Sentinel keeps about one module. */
export interface ModuleHistory {
  /** The last `historySize` runs, oldest first. */
  runs: RunRecord[];
  lastRun: RunRecord | null;
  /** Lifetime counts, not limited to the kept runs. */
  totalRuns: number;
  successes: number;
  errors: number;
  restarts: number;
  averages: Averages;
  /** Detector memory per metric, so open anomalies survive a restart. */
  detector: Record<MetricName, MetricTrack>;
}

export interface PerformanceDocument {
  version: typeof PERFORMANCE_VERSION;
  updatedAt: string;
  iterations: number;
  modules: Record<string, ModuleHistory>;
}

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const nullableFinite = finite.nullable();

const runRecordSchema = z.object({
  module: z.string(),
  seq: z.number().int().min(1),
  status: z.enum(['ok', 'error', 'timeout', 'crashed']),
  startedAt: z.string(),
  endedAt: z.string(),
  exitCode: z.number().int().nullable(),
  signal: z.string().nullable(),
  error: z.object({ message: z.string(), stack: z.string().nullable() }).nullable(),
  metrics: z.object({ runtime: finite, cpu: nullableFinite, memory: nullableFinite, apiLatency: nullableFinite }),
  cpuSeconds: nullableFinite,
  api: z.object({ count: finite, errors: finite, mean: finite, p95: finite, max: finite }).nullable(),
  host: z.object({ cpuLoad: finite, availableMemoryMB: finite }).nullable(),
  verdicts: z
    .partialRecord(
      z.enum(METRICS),
      z.object({
        state: z.enum(['warmup', 'normal', 'anomaly', 'open', 'recovered', 'persisted']),
        baseline: nullableFinite,
        deviation: nullableFinite,
      }),
    )
    .optional()
    .transform((verdicts) => verdicts ?? {}),
});

const trackSchema = z.object({
  admitted: z.array(finite),
  open: z
    .object({ openedAt: z.string(), openedSeq: z.number().int(), baseline: finite, values: z.array(finite) })
    .nullable(),
});

const averagesSchema = z.object({
  runtime: nullableFinite,
  cpu: nullableFinite,
  memory: nullableFinite,
  apiLatency: nullableFinite,
  cpuSeconds: nullableFinite,
});

const historySchema = z.object({
  runs: z.array(runRecordSchema),
  lastRun: runRecordSchema.nullable(),
  totalRuns: z.number().int().min(0),
  successes: z.number().int().min(0),
  errors: z.number().int().min(0),
  restarts: z.number().int().min(0),
  averages: averagesSchema,
  detector: z.object(Object.fromEntries(METRICS.map((metric) => [metric, trackSchema])) as Record<MetricName, typeof trackSchema>),
});

const documentSchema = z.object({
  version: z.literal(PERFORMANCE_VERSION),
  updatedAt: z.string(),
  iterations: z.number().int().min(0),
  modules: z.record(z.string(), historySchema),
});

/** Parses the file's text; a message says what is wrong when it is not a valid document. */
export function parsePerformanceDocument(text: string): { ok: true; document: PerformanceDocument } | { ok: false; reason: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `not valid JSON (${(error as Error).message})` };
  }
  const parsed = documentSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') ?? '';
    return { ok: false, reason: `${where ? `${where}: ` : ''}${issue?.message ?? 'invalid document'}` };
  }
  return { ok: true, document: parsed.data as PerformanceDocument };
}

/** A module with no runs yet. */
export function emptyHistory(): ModuleHistory {
  return {
    runs: [],
    lastRun: null,
    totalRuns: 0,
    successes: 0,
    errors: 0,
    restarts: 0,
    averages: { runtime: null, cpu: null, memory: null, apiLatency: null, cpuSeconds: null },
    detector: Object.fromEntries(
      METRICS.map((metric): [MetricName, MetricTrack] => [metric, { admitted: [], open: null }]),
    ) as Record<MetricName, MetricTrack>,
  };
}
