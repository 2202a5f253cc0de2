// Runs the detector over every metric of one finished run. Pure.
import {
  METRICS,
  METRIC_UNITS,
  type AnomalyEvent,
  type AnomalyEventKind,
  type MetricName,
  type MetricTrack,
  type RunRecord,
  type Verdict,
} from '../../shared/contract.js';
import { detectorParamsFor, judge, METRIC_DIRECTIONS, type DetectorSettings } from '../detector/index.js';

export interface RunJudgement {
  tracks: Record<MetricName, MetricTrack>;
  verdicts: Partial<Record<MetricName, Verdict>>;
  events: AnomalyEvent[];
}

const EVENT_OF_STATE: Partial<Record<Verdict['state'], AnomalyEventKind>> = {
  anomaly: 'anomaly',
  recovered: 'recovered',
  persisted: 'persisted',
};

/**
 * Judges each measured metric of `run`. Failed runs are not samples: their tracks come back unchanged.
 * A metric the run did not measure (null, e.g. no API requests) is skipped.
 */
export function judgeRun(
  run: RunRecord,
  tracks: Record<MetricName, MetricTrack>,
  settings: ReadonlyArray<DetectorSettings | undefined>,
): RunJudgement {
  const next = { ...tracks };
  const verdicts: Partial<Record<MetricName, Verdict>> = {};
  const events: AnomalyEvent[] = [];
  if (run.status !== 'ok') return { tracks: next, verdicts, events };
  for (const metric of METRICS) {
    const value = run.metrics[metric];
    if (value === null) continue;
    const params = detectorParamsFor(metric, ...settings);
    const judged = judge(tracks[metric], value, params, METRIC_DIRECTIONS[metric], { time: run.endedAt, seq: run.seq });
    next[metric] = judged.track;
    verdicts[metric] = judged.verdict;
    const kind = EVENT_OF_STATE[judged.verdict.state];
    if (kind && judged.verdict.baseline !== null) {
      events.push(anomalyEvent(kind, run, metric, value, judged.verdict.baseline, params.threshold));
    }
  }
  return { tracks: next, verdicts, events };
}

/** The event for anomalies.log and the event stream. */
export function anomalyEvent(
  kind: AnomalyEventKind,
  run: Pick<RunRecord, 'module' | 'endedAt' | 'host'>,
  metric: MetricName,
  current: number,
  baseline: number,
  threshold: number,
): AnomalyEvent {
  return {
    time: run.endedAt,
    event: kind,
    module: run.module,
    metric,
    current,
    baseline,
    deviationPct: baseline === 0 ? null : Math.round(((current - baseline) / baseline) * 1000) / 10,
    thresholdPct: Math.round(threshold * 1000) / 10,
    unit: METRIC_UNITS[metric],
    host: run.host,
  };
}
