// The anomaly log and the rotating text logs, as one import for the hosts that assemble the engine.
export { createAnomalyLog, parseAnomalyLog, readAnomalyLog } from './anomaly-log.js';
export type { AnomalyLog } from './anomaly-log.js';
export { formatAnomalyLine, formatLogNumber, parseAnomalyLine } from './anomaly-line.js';
export { createTextLog, DEFAULT_KEEP, DEFAULT_MAX_BYTES } from './text-log.js';
export type { TextLog, TextLogOptions } from './text-log.js';
export { rotateFiles } from './rotate-files.js';
