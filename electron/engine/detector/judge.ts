// The detector's state machine for one (module, metric): warm-up, normal, and one anomaly at a time
// judged against a frozen baseline until it recovers or persists.
import type { DetectorParams, Direction, MetricTrack, OpenAnomaly, Verdict, VerdictState } from '../../shared/contract.js';
import { admit, baselineOf, recentAdmitted } from './baseline.js';
import { assertDetectorParams, assertFiniteSample } from './params.js';
import { assess, type Assessment } from './score.js';

/** When and which run a sample came from; stored on the anomaly it opens. */
export interface SampleAt {
  time: string;
  seq: number;
}

/** The new track and the verdict of one sample. */
export interface Judgement {
  track: MetricTrack;
  verdict: Verdict;
}

/** A track with no history: the next `lookback` samples are warm-up. */
export function emptyTrack(): MetricTrack {
  return { admitted: [], open: null };
}

/**
 * Judges one sample of a successful run and returns a NEW track (the input is never mutated).
 * Failed runs are not samples: do not call this for them, so a crash neither moves the baseline
 * nor counts toward a recovery window. Throws a RangeError when `value` is not finite or `params`
 * are invalid, so NaN and Infinity never reach a track or a verdict.
 */
export function judge(
  track: MetricTrack,
  value: number,
  params: DetectorParams,
  direction: Direction,
  at: SampleAt,
): Judgement {
  assertFiniteSample(value);
  assertDetectorParams(params);
  // A lookback shrunk by a config change takes effect at once: only the most recent samples count.
  const admitted = recentAdmitted(track.admitted, params.lookback);
  if (track.open) return judgeOpen(admitted, track.open, value, params, direction);

  const baseline = baselineOf(admitted, params.lookback);
  if (baseline === null) {
    const verdict: Verdict = { state: 'warmup', value, baseline: null, deviation: null, score: 0, outOfRange: false };
    return { track: { admitted: admit(admitted, [value], params.lookback), open: null }, verdict };
  }
  const assessment = assess(value, baseline, params, direction);
  if (!assessment.outOfRange) {
    return {
      track: { admitted: admit(admitted, [value], params.lookback), open: null },
      verdict: verdictOf('normal', value, baseline, assessment),
    };
  }
  // Opening freezes the baseline, so the regression cannot drag it along and then "recover".
  const open: OpenAnomaly = { openedAt: at.time, openedSeq: at.seq, baseline, values: [value] };
  return { track: { admitted, open }, verdict: verdictOf('anomaly', value, baseline, assessment) };
}

/** Judges a sample against the frozen baseline of the open anomaly. */
function judgeOpen(
  admitted: number[],
  open: OpenAnomaly,
  value: number,
  params: DetectorParams,
  direction: Direction,
): Judgement {
  const assessment = assess(value, open.baseline, params, direction);
  if (!assessment.outOfRange) {
    // The excursion's values stay out of the baseline; this in-range sample is a normal one.
    return {
      track: { admitted: admit(admitted, [value], params.lookback), open: null },
      verdict: verdictOf('recovered', value, open.baseline, assessment),
    };
  }
  const values = [...open.values, value];
  // values[0] is the opening sample, so values.length - 1 samples have followed it.
  if (values.length - 1 >= params.recoveryWindow) {
    // The shift lasted the whole window: it is the new normal, so its values become the baseline.
    return {
      track: { admitted: admit(admitted, values, params.lookback), open: null },
      verdict: verdictOf('persisted', value, open.baseline, assessment),
    };
  }
  return {
    track: { admitted, open: { ...open, values } },
    verdict: verdictOf('open', value, open.baseline, assessment),
  };
}

/**
 * Closes an open anomaly by admitting its values as the new baseline ("Accept as new baseline").
 * Pass `lookback` to trim the admitted samples now; otherwise the next `judge` trims them.
 * Returns a new track and the anomaly that was accepted, or null when none was open.
 */
export function acceptCurrentLevel(
  track: MetricTrack,
  lookback?: number,
): { track: MetricTrack; accepted: OpenAnomaly | null } {
  const open = track.open;
  if (!open) return { track: { admitted: [...track.admitted], open: null }, accepted: null };
  const all = [...track.admitted, ...open.values];
  const admitted = lookback === undefined ? all : admit([], all, lookback);
  return { track: { admitted, open: null }, accepted: { ...open, values: [...open.values] } };
}

function verdictOf(state: VerdictState, value: number, baseline: number, a: Assessment): Verdict {
  return { state, value, baseline, deviation: a.deviation, score: a.score, outOfRange: a.outOfRange };
}
