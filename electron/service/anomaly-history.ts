// The anomaly history for the anomalies screen, read from the end of anomalies.log and its rotated files.
import path from 'node:path';
import type { AnomalyEvent } from '../shared/contract.js';
import { DEFAULT_KEEP, parseAnomalyLine } from '../engine/anomalies/index.js';
import { linesBackwards, withRotated } from './log-tail.js';

/** How many events the screen gets at most. */
export const HISTORY_LIMIT = 2000;

/** The newest `limit` events, newest first; torn or foreign lines are skipped. */
export async function anomalyHistory(dataDir: string, limit = HISTORY_LIMIT): Promise<AnomalyEvent[]> {
  const events: AnomalyEvent[] = [];
  for (const file of withRotated(path.join(dataDir, 'anomalies.log'), DEFAULT_KEEP)) {
    for await (const line of linesBackwards(file)) {
      const event = parseAnomalyLine(line);
      if (event) events.push(event);
      if (events.length >= limit) return events;
    }
  }
  return events;
}
