// data/anomalies.log: one logfmt line per anomaly event, append-only, rotated by size.
import { readFile } from 'node:fs/promises';
import type { AnomalyEvent } from '../../shared/contract.js';
import { formatAnomalyLine, parseAnomalyLine } from './anomaly-line.js';
import { createTextLog } from './text-log.js';
import type { TextLogOptions } from './text-log.js';

/** The anomaly log: appends events, one line each. */
export interface AnomalyLog {
  readonly file: string;
  /** Appends one line; appends are written in call order. Rejects when the disk refuses it. */
  append(event: AnomalyEvent): Promise<void>;
}

/** Creates the anomaly log (default 10 MB per file, 3 rotated files kept). */
export function createAnomalyLog(options: TextLogOptions): AnomalyLog {
  const log = createTextLog(options);
  return {
    file: log.file,
    append: (event) => log.append(formatAnomalyLine(event)),
  };
}

/** Parses a log's text; lines that are not complete events are skipped. */
export function parseAnomalyLog(text: string): AnomalyEvent[] {
  const events: AnomalyEvent[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const event = parseAnomalyLine(line);
    if (event !== null) events.push(event);
  }
  return events;
}

/**
 * Reads the events of `file`, oldest first. With `rotated` > 0, the events of file.rotated ..
 * file.1 come first. Missing files read as empty.
 */
export async function readAnomalyLog(file: string, rotated = 0): Promise<AnomalyEvent[]> {
  const files = [...Array.from({ length: rotated }, (_, i) => `${file}.${rotated - i}`), file];
  const events: AnomalyEvent[] = [];
  for (const name of files) {
    const text = await readFile(name, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return '';
      throw error;
    });
    events.push(...parseAnomalyLog(text));
  }
  return events;
}
