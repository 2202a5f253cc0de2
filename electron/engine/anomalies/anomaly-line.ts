// One anomalies.log line per AnomalyEvent, in logfmt, and back. Pure: no I/O.
//
// Field order: time event module metric current baseline deviation_pct threshold_pct unit, then
// host_cpu_load host_mem_available_mb when the host context is known.
// A null deviation_pct (baseline 0) is written as an empty value, `deviation_pct=`, so every line
// has the same fields in the same order; it reads back as null. Numbers never appear as NaN,
// Infinity or in exponent form; a non-finite number (a bug upstream) is written empty as well.
import logfmt from 'logfmt';
import { METRICS } from '../../shared/contract.js';
import type { AnomalyEvent, AnomalyEventKind, HostContext, MetricName } from '../../shared/contract.js';

const KINDS: readonly AnomalyEventKind[] = ['anomaly', 'recovered', 'persisted', 'accepted'];

// At least one whole unit: up to 4 decimals. Below one: 4 significant digits, so a 0.000123 s
// latency keeps its digits instead of becoming 0.0001.
const wholeFormat = new Intl.NumberFormat('en-US', { useGrouping: false, maximumFractionDigits: 4 });
const fractionFormat = new Intl.NumberFormat('en-US', { useGrouping: false, maximumSignificantDigits: 4 });

/** A number as written to the log: `31.2`, `0.0001235`, `1200`; empty when not finite. */
export function formatLogNumber(value: number): string {
  if (!Number.isFinite(value)) return '';
  if (value === 0) return '0'; // also turns -0 into 0
  return (Math.abs(value) >= 1 ? wholeFormat : fractionFormat).format(value);
}

// logfmt quotes spaces, `=` and quotes, but writes line breaks raw; a log line must stay one line.
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, ' ');
}

// null is written bare (`key=`), unlike '' which logfmt writes as `key=""`.
const logNumber = (value: number): string | null => formatLogNumber(value) || null;

/** The logfmt line (without line break) for one event. */
export function formatAnomalyLine(event: AnomalyEvent): string {
  const fields: Record<string, string | null> = {
    time: oneLine(event.time),
    event: event.event,
    module: oneLine(event.module),
    metric: event.metric,
    current: logNumber(event.current),
    baseline: logNumber(event.baseline),
    deviation_pct: event.deviationPct === null ? null : logNumber(event.deviationPct),
    threshold_pct: logNumber(event.thresholdPct),
    unit: oneLine(event.unit),
  };
  if (event.host !== null) {
    fields.host_cpu_load = logNumber(event.host.cpuLoad);
    fields.host_mem_available_mb = logNumber(event.host.availableMemoryMB);
  }
  return logfmt.stringify(fields);
}

/** Parses one anomalies.log line; null when it is not a complete event (e.g. a torn last line). */
export function parseAnomalyLine(line: string): AnomalyEvent | null {
  const raw = logfmt.parse(line.trim());
  const text = (key: string): string | null => {
    const value = raw[key];
    if (value === undefined) return null;
    // logfmt reads `true`/`false` as booleans and a bare `key=` as null, even for names.
    return value === null ? '' : String(value);
  };
  const number = (key: string): number | null => {
    const value = text(key);
    if (value === null || value.trim() === '') return null;
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : null;
  };

  const time = text('time');
  const event = text('event');
  const module = text('module');
  const metric = text('metric');
  const unit = text('unit');
  const current = number('current');
  const baseline = number('baseline');
  const thresholdPct = number('threshold_pct');
  if (time === null || time === '' || module === null || unit === null) return null;
  if (!isKind(event) || !isMetric(metric)) return null;
  if (current === null || baseline === null || thresholdPct === null) return null;
  return {
    time,
    event,
    module,
    metric,
    current,
    baseline,
    deviationPct: number('deviation_pct'),
    thresholdPct,
    unit,
    host: hostOf(number('host_cpu_load'), number('host_mem_available_mb')),
  };
}

function hostOf(cpuLoad: number | null, availableMemoryMB: number | null): HostContext | null {
  return cpuLoad === null || availableMemoryMB === null ? null : { cpuLoad, availableMemoryMB };
}

function isKind(value: string | null): value is AnomalyEventKind {
  return KINDS.includes(value as AnomalyEventKind);
}

function isMetric(value: string | null): value is MetricName {
  return (METRICS as readonly string[]).includes(value ?? '');
}
