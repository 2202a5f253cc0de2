import { describe, expect, it } from 'vitest';
import type { RunRecord, VerdictMark } from '$shared/contract';
import { markEntries, metricChartData } from '../../../../renderer/src/screens/module/chart-data';

const run = (seq: number, runtime: number, verdict: VerdictMark | null, status: RunRecord['status'] = 'ok'): RunRecord => ({
  module: 'm',
  seq,
  status,
  startedAt: `2025-01-01T00:00:0${seq}Z`,
  endedAt: `2025-01-01T00:00:0${seq}Z`,
  exitCode: null,
  signal: null,
  error: null,
  metrics: { runtime, cpu: 50, memory: 60, apiLatency: null },
  cpuSeconds: null,
  api: null,
  host: null,
  verdicts: verdict ? { runtime: verdict } : {},
});

const runs = [
  run(1, 1, { state: 'warmup', baseline: null, deviation: null }),
  run(2, 1, { state: 'normal', baseline: 1, deviation: 0 }),
  run(3, 2, { state: 'anomaly', baseline: 1, deviation: 1 }),
  run(4, 5, null, 'error'),
  run(5, 1, { state: 'recovered', baseline: 1, deviation: 0 }),
];

describe('metricChartData', () => {
  it('draws the baseline and a two-sided band for runtime', () => {
    const data = metricChartData(runs, 'runtime', 0.25);
    expect(data.x).toEqual([1, 2, 3, 4, 5]);
    expect(data.baseline).toEqual([null, 1, 1, null, 1]);
    expect(data.upper).toEqual([null, 1.25, 1.25, null, 1.25]);
    expect(data.lower).toEqual([null, 0.75, 0.75, null, 0.75]);
  });

  it('draws only the upper band for up-only metrics', () => {
    expect(metricChartData(runs, 'cpu', 0.25).lower).toBeNull();
  });

  it('keeps failed runs off the line and marks verdicts at their values', () => {
    const data = metricChartData(runs, 'runtime', 0.25);
    expect(data.value).toEqual([1, 1, 2, null, 1]);
    expect(data.failed).toEqual([null, null, null, 5, null]);
    expect(data.marks.anomaly).toEqual([null, null, 2, null, null]);
    expect(data.marks.recovered).toEqual([null, null, null, null, 1]);
  });

  it('lists the marks in words, newest first', () => {
    expect(markEntries(runs, 'runtime').map((m) => [m.seq, m.state])).toEqual([
      [5, 'recovered'],
      [3, 'anomaly'],
    ]);
  });
});
