// The anomaly detector: pure functions over one (module, metric) track. No I/O, no clock.
export { judge, emptyTrack, acceptCurrentLevel, type Judgement, type SampleAt } from './judge.js';
export { assess, type Assessment } from './score.js';
export { baselineOf } from './baseline.js';
export { judgeSeries } from './series.js';
export { detectorParamProblems, assertDetectorParams, assertFiniteSample } from './params.js';
export {
  METRIC_DIRECTIONS,
  DEFAULT_DETECTOR,
  DEFAULT_FLOORS,
  detectorParamsFor,
  type DetectorSettings,
} from './defaults.js';
