// The metrics as the renderer shows them. Redeclared rather than imported so the bundle never pulls
// engine files; the type checks below fail the build if the contract gains or renames a metric.
import type { MetricName } from '$shared/contract';

/** Every metric, in the order the screens show them. */
export const METRICS = ['runtime', 'cpu', 'memory', 'apiLatency'] as const satisfies readonly MetricName[];

// Fails to compile when contract.ts adds a metric that is missing above.
const allMetricsListed: Exclude<MetricName, (typeof METRICS)[number]> extends never ? true : false = true;
void allMetricsListed;

/** Units, as in contract.ts's METRIC_UNITS. */
export const METRIC_UNITS: Readonly<Record<MetricName, string>> = {
  runtime: 's',
  cpu: '%',
  memory: 'MB',
  apiLatency: 's',
};

/** Labels for headings and table columns. */
export const METRIC_LABELS: Readonly<Record<MetricName, string>> = {
  runtime: 'Runtime',
  cpu: 'CPU',
  memory: 'Memory',
  apiLatency: 'API latency',
};

/** Runtime is judged both ways (a run that suddenly finishes fast may have skipped its work); the rest on increases only. */
export const METRIC_DIRECTION: Readonly<Record<MetricName, 'up' | 'both'>> = {
  runtime: 'both',
  cpu: 'up',
  memory: 'up',
  apiLatency: 'up',
};

export function isMetricName(value: string): value is MetricName {
  return (METRICS as readonly string[]).includes(value);
}
