import { describe, expect, it } from 'vitest';
import { persistedLine, recoveredLine, statusLine } from '../../../electron/engine/supervisor/status-line.js';

describe('status strings', () => {
  it('reads exactly "Performance OK" when no anomaly is open', () => {
    expect(statusLine(0)).toBe('Performance OK');
  });

  it('uses the singular for one anomaly and the plural otherwise', () => {
    expect(statusLine(1)).toBe('Anomaly detected: 1 anomaly');
    expect(statusLine(2)).toBe('Anomaly detected: 2 anomalies');
    expect(statusLine(11)).toBe('Anomaly detected: 11 anomalies');
  });

  it('names the module and metric of a recovery and of a persisted anomaly', () => {
    expect(recoveredLine('collector', 'runtime')).toBe('Anomaly recovered: collector - runtime');
    expect(persistedLine('backtester', 'memory')).toBe('Anomaly persisted: backtester - memory');
  });
});
