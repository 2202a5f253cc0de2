// Judging a whole series at once: for back-filling a track from stored runs, and for tests.
import type { DetectorParams, Direction, MetricTrack, Verdict } from '../../shared/contract.js';
import { emptyTrack, judge } from './judge.js';

/**
 * Judges `values` in order, starting from `track`, and returns every verdict and the final track.
 * Sample i is stamped with seq `firstSeq + i` and time `time`, since a bare series has no clock.
 */
export function judgeSeries(
  values: readonly number[],
  params: DetectorParams,
  direction: Direction,
  options: { track?: MetricTrack; firstSeq?: number; time?: string } = {},
): { track: MetricTrack; verdicts: Verdict[] } {
  let track = options.track ?? emptyTrack();
  const firstSeq = options.firstSeq ?? 1;
  const verdicts: Verdict[] = [];
  values.forEach((value, i) => {
    const judged = judge(track, value, params, direction, { time: options.time ?? '', seq: firstSeq + i });
    track = judged.track;
    verdicts.push(judged.verdict);
  });
  return { track, verdicts };
}
