// The exact status strings of an iteration. Users grep for these, so they never change shape.
import type { MetricName } from '../../shared/contract.js';

export const PERFORMANCE_OK = 'Performance OK';

/** `Performance OK`, `Anomaly detected: 1 anomaly` or `Anomaly detected: N anomalies`. */
export function statusLine(openAnomalies: number): string {
  if (openAnomalies <= 0) return PERFORMANCE_OK;
  return `Anomaly detected: ${openAnomalies} ${openAnomalies === 1 ? 'anomaly' : 'anomalies'}`;
}

/** `Anomaly recovered: <module> - <metric>`. */
export function recoveredLine(module: string, metric: MetricName): string {
  return `Anomaly recovered: ${module} - ${metric}`;
}

/** `Anomaly persisted: <module> - <metric>`. */
export function persistedLine(module: string, metric: MetricName): string {
  return `Anomaly persisted: ${module} - ${metric}`;
}
