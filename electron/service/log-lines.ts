// The log viewer's sources and how each kind of line is parsed into the fields it filters on.
import path from 'node:path';
import type { LogSourceId } from '../shared/contract.js';
import type { LogLine, LogSource } from '../shared/api.js';
import { parseAnomalyLine } from '../engine/anomalies/index.js';
import { moduleFileName } from '../engine/store/module-files.js';

const SUPERVISOR_LINE = /^(\d{4}-\d\d-\d\dT\S+) (INFO|WARN|ERROR) (.*)$/s;
const MODULE_LINE = /^(\d{4}-\d\d-\d\dT\S+) (stdout|stderr|info|warn|error) (.*)$/s;
const MODULE_LEVELS: Record<string, LogLine['level']> = { stdout: 'info', info: 'info', warn: 'warn', stderr: 'error', error: 'error' };

/** The sources of the log viewer: the anomaly log, the supervisor log and each configured module's log. */
export function logSources(moduleNames: readonly string[]): LogSource[] {
  return [
    { id: 'anomalies', label: 'Anomalies (anomalies.log)' },
    { id: 'supervisor', label: 'Supervisor (supervisor.log)' },
    ...moduleNames.map((name): LogSource => ({ id: `module:${name}`, label: `Module: ${name}` })),
  ];
}

/** The file behind a source; null when it is not one of the configured sources. */
export function logFileOf(source: string, dataDir: string, moduleNames: readonly string[]): string | null {
  if (source === 'anomalies') return path.join(dataDir, 'anomalies.log');
  if (source === 'supervisor') return path.join(dataDir, 'supervisor.log');
  if (!source.startsWith('module:')) return null;
  const name = source.slice('module:'.length);
  return moduleNames.includes(name) ? path.join(dataDir, 'logs', `${moduleFileName(name)}.log`) : null;
}

const bare = (source: LogSourceId, text: string): LogLine => ({ source, text, time: null, level: null, module: null, metric: null, event: null });

/** One line of `source` with its fields parsed where the format allows; unparsable lines keep only their text. */
export function parseLogLine(source: LogSourceId, text: string): LogLine {
  if (source === 'anomalies') {
    const event = parseAnomalyLine(text);
    if (!event) return bare(source, text);
    const level = event.event === 'anomaly' || event.event === 'persisted' ? 'warn' : 'info';
    return { source, text, time: event.time, level, module: event.module, metric: event.metric, event: event.event };
  }
  if (source === 'supervisor') {
    const match = SUPERVISOR_LINE.exec(text);
    if (!match) return bare(source, text);
    return { ...bare(source, text), time: match[1] ?? null, level: (match[2]?.toLowerCase() ?? null) as LogLine['level'] };
  }
  const module = source.slice('module:'.length);
  const match = MODULE_LINE.exec(text);
  if (!match) return { ...bare(source, text), module };
  return { ...bare(source, text), time: match[1] ?? null, level: MODULE_LEVELS[match[2] ?? ''] ?? null, module };
}
