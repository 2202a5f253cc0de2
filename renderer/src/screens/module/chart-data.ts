// A metric's kept runs as chart series: values, the detector's baseline, the threshold band and
// the verdict marks. Pure, so the band and marks can be tested without a canvas.
import type { MetricName, RunRecord, VerdictState } from '$shared/contract';
import { METRIC_DIRECTION } from '../../lib/metrics';

/** Verdict states drawn as marks on the chart. */
export const MARK_STATES = ['anomaly', 'open', 'recovered', 'persisted'] as const satisfies readonly VerdictState[];
export type MarkState = (typeof MARK_STATES)[number];

export interface MetricChartData {
  /** Run numbers. */
  x: number[];
  value: Array<number | null>;
  baseline: Array<number | null>;
  upper: Array<number | null>;
  /** Only for metrics judged in both directions (runtime). */
  lower: Array<number | null> | null;
  marks: Record<MarkState, Array<number | null>>;
  /** Values of failed runs (error, timeout, crashed): drawn as marks, kept off the line, as the detector ignores them. */
  failed: Array<number | null>;
}

export interface MarkEntry {
  seq: number;
  startedAt: string;
  state: MarkState;
  value: number;
  baseline: number | null;
  deviation: number | null;
}

const isMark = (state: VerdictState | undefined): state is MarkState => (MARK_STATES as readonly string[]).includes(state ?? '');

/** Builds the series for one metric. `threshold` is the fraction in force (0.25 = 25 %). */
export function metricChartData(runs: readonly RunRecord[], metric: MetricName, threshold: number): MetricChartData {
  const both = METRIC_DIRECTION[metric] === 'both';
  const marks: Record<MarkState, Array<number | null>> = { anomaly: [], open: [], recovered: [], persisted: [] };
  const data: MetricChartData = { x: [], value: [], baseline: [], upper: [], lower: both ? [] : null, marks, failed: [] };
  for (const run of runs) {
    const measured = finiteOrNull(run.metrics[metric]);
    const ok = run.status === 'ok';
    const value = ok ? measured : null;
    const verdict = run.verdicts[metric];
    const baseline = finiteOrNull(verdict?.baseline);
    data.x.push(run.seq);
    data.value.push(value);
    data.failed.push(ok ? null : measured);
    data.baseline.push(baseline);
    data.upper.push(baseline === null ? null : baseline * (1 + threshold));
    data.lower?.push(baseline === null ? null : Math.max(0, baseline * (1 - threshold)));
    for (const state of MARK_STATES) marks[state].push(verdict?.state === state ? value : null);
  }
  return data;
}

/** The runs whose verdict opened, kept open, recovered or persisted an anomaly, newest first. */
export function markEntries(runs: readonly RunRecord[], metric: MetricName): MarkEntry[] {
  const entries: MarkEntry[] = [];
  for (const run of runs) {
    const verdict = run.verdicts[metric];
    const value = finiteOrNull(run.metrics[metric]);
    if (!verdict || !isMark(verdict.state) || value === null) continue;
    entries.push({ seq: run.seq, startedAt: run.startedAt, state: verdict.state, value, baseline: verdict.baseline, deviation: verdict.deviation });
  }
  return entries.reverse();
}

function finiteOrNull(value: number | null | undefined): number | null {
  return value === null || value === undefined || !Number.isFinite(value) ? null : value;
}
