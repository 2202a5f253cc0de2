// Parses a live log line (the stream's `log` events carry only the text) into the fields the viewer
// filters on, the same way the server parses the lines it serves (electron/service/log-lines.ts).
import type { LogLine } from '$shared/api';
import type { LogSourceId } from '$shared/contract';
import { isMetricName } from '../../lib/metrics';

const SUPERVISOR_LINE = /^(\d{4}-\d\d-\d\dT\S+) (INFO|WARN|ERROR) (.*)$/s;
const MODULE_LINE = /^(\d{4}-\d\d-\d\dT\S+) (stdout|stderr|info|warn|error) (.*)$/s;
const MODULE_LEVELS: Record<string, LogLine['level']> = { stdout: 'info', info: 'info', warn: 'warn', stderr: 'error', error: 'error' };
const ANOMALY_KINDS = new Set(['anomaly', 'recovered', 'persisted', 'accepted']);

const bare = (source: LogSourceId, text: string): LogLine => ({ source, text, time: null, level: null, module: null, metric: null, event: null });

/** One line of `source` with its fields parsed where the format allows; unparsable lines keep only their text. */
export function parseLogLine(source: LogSourceId, text: string): LogLine {
  if (source === 'anomalies') {
    const fields = parseLogfmt(text);
    const { time, event, module, metric } = fields;
    if (!time || !event || !ANOMALY_KINDS.has(event) || !module || !metric || !isMetricName(metric)) return bare(source, text);
    const level = event === 'anomaly' || event === 'persisted' ? 'warn' : 'info';
    return { source, text, time, level, module, metric, event };
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

/** A minimal logfmt reader: `key=value`, `key="quoted \"value\""`, bare `key` (as ''). */
export function parseLogfmt(line: string): Record<string, string> {
  const fields: Record<string, string> = {};
  let i = 0;
  const n = line.length;
  while (i < n) {
    while (i < n && line[i] === ' ') i += 1;
    const keyStart = i;
    while (i < n && line[i] !== '=' && line[i] !== ' ') i += 1;
    const key = line.slice(keyStart, i);
    if (!key) {
      i += 1;
      continue;
    }
    if (line[i] !== '=') {
      fields[key] = '';
      continue;
    }
    i += 1;
    if (line[i] === '"') {
      i += 1;
      let value = '';
      while (i < n && line[i] !== '"') {
        if (line[i] === '\\' && i + 1 < n) {
          i += 1;
          const escaped = line[i];
          value += escaped === 'n' ? '\n' : escaped === 't' ? '\t' : escaped === 'r' ? '\r' : (escaped ?? '');
        } else {
          value += line[i];
        }
        i += 1;
      }
      i += 1; // closing quote
      fields[key] = value;
    } else {
      const valueStart = i;
      while (i < n && line[i] !== ' ') i += 1;
      fields[key] = line.slice(valueStart, i);
    }
  }
  return fields;
}
