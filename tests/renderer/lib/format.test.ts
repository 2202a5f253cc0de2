import { describe, expect, it } from 'vitest';
import { deviationLevel } from '../../../renderer/src/lib/deviation-level';
import { formatDeviation, formatMetric, formatPercent, plural, timeAgo } from '../../../renderer/src/lib/format';

describe('format', () => {
  it('writes metric values with units and n/a for unmeasured ones', () => {
    expect(formatMetric('runtime', 0.6142)).toBe('0.614 s');
    expect(formatMetric('cpu', 40.21)).toBe('40.2 %');
    expect(formatMetric('memory', 5)).toBe('5 MB');
    expect(formatMetric('apiLatency', null)).toBe('n/a');
    expect(formatMetric('runtime', Number.NaN)).toBe('n/a');
  });

  it('writes deviations signed, with a true minus sign', () => {
    expect(formatDeviation(1.461)).toBe('+146 %');
    expect(formatDeviation(-0.12)).toBe('−12.0 %');
    expect(formatDeviation(0.0001)).toBe('±0 %');
    expect(formatPercent(null)).toBe('n/a');
  });

  it('says how long ago in words', () => {
    const now = Date.parse('2025-01-01T12:00:00Z');
    expect(timeAgo('2025-01-01T12:00:00Z', now)).toBe('just now');
    expect(timeAgo('2025-01-01T11:59:48Z', now)).toBe('12 s ago');
    expect(timeAgo('2025-01-01T11:57:00Z', now)).toBe('3 min ago');
    expect(timeAgo('2025-01-01T10:00:00Z', now)).toBe('2 h ago');
    expect(timeAgo('2024-12-28T12:00:00Z', now)).toBe('4 d ago');
    expect(timeAgo(null, now)).toBe('never');
  });

  it('pluralises', () => {
    expect(plural(1, 'anomaly', 'anomalies')).toBe('1 anomaly');
    expect(plural(2, 'anomaly', 'anomalies')).toBe('2 anomalies');
  });
});

describe('deviationLevel', () => {
  it('levels against the threshold', () => {
    expect(deviationLevel('runtime', 0.1, 0.25)).toBe('within');
    expect(deviationLevel('runtime', -0.2, 0.25)).toBe('near');
    expect(deviationLevel('runtime', -0.3, 0.25)).toBe('over');
  });

  it('does not flag a drop of an up-only metric', () => {
    expect(deviationLevel('memory', -0.6, 0.25)).toBe('within');
  });

  it('is over for an open anomaly and at most near when the detector judged the value in range', () => {
    expect(deviationLevel('cpu', 0.01, 0.25, 'open')).toBe('over');
    expect(deviationLevel('apiLatency', 0.7, 0.25, 'normal')).toBe('near');
  });

  it('is unknown without a deviation or threshold', () => {
    expect(deviationLevel('cpu', null, 0.25)).toBe('unknown');
    expect(deviationLevel('cpu', 0.5, null)).toBe('unknown');
  });
});
