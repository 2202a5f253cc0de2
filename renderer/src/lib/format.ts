// Number, time and deviation formatting shared by every screen. Pure: the caller passes "now".
import type { MetricName } from '$shared/contract';
import { METRIC_UNITS } from './metrics';

const NOT_MEASURED = 'n/a';

/** A plain number with sensible precision: 0.0123, 0.614, 12.3, 1234. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return NOT_MEASURED;
  const abs = Math.abs(value);
  if (abs === 0) return '0';
  if (abs >= 1000) return Math.round(value).toLocaleString('en-US');
  if (abs >= 100) return value.toFixed(0);
  // Number() drops trailing zeros: 5.00 → 5, 41.50 → 41.5.
  if (abs >= 10) return Number(value.toFixed(1)).toString();
  if (abs >= 1) return Number(value.toFixed(2)).toString();
  return Number(value.toPrecision(3)).toString();
}

/** A metric value with its unit, e.g. `0.614 s`, `40.2 %`, `83.8 MB`; `n/a` when not measured. */
export function formatMetric(metric: MetricName, value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NOT_MEASURED;
  return `${formatNumber(value)} ${METRIC_UNITS[metric]}`;
}

/** A signed percentage from a fraction: 0.461 → `+46.1 %`, -0.12 → `−12.0 %`. */
export function formatDeviation(fraction: number | null | undefined): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return NOT_MEASURED;
  return formatPercent(fraction * 100);
}

/** A signed percentage already in percent: 46.1 → `+46.1 %`. */
export function formatPercent(pct: number | null | undefined): string {
  if (pct === null || pct === undefined || !Number.isFinite(pct)) return NOT_MEASURED;
  const rounded = Math.abs(pct) >= 100 ? pct.toFixed(0) : pct.toFixed(1);
  if (Number(rounded) === 0) return '±0 %';
  return `${pct > 0 ? '+' : '−'}${rounded.replace('-', '')} %`;
}

/** How long ago an ISO time was, relative to `nowMs`: `just now`, `12 s ago`, `3 min ago`, `2 h ago`, `4 d ago`. */
export function timeAgo(iso: string | null | undefined, nowMs: number): string {
  if (!iso) return 'never';
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return 'unknown time';
  const seconds = Math.max(0, Math.round((nowMs - then) / 1000));
  if (seconds < 5) return 'just now';
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} d ago`;
}

/** Local date and time, to the second: `2025-11-28 15:42:07`. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return NOT_MEASURED;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** `1 anomaly`, `2 anomalies`. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}
