import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatAnomalyLine, formatLogNumber, parseAnomalyLine } from '../../../electron/engine/anomalies/anomaly-line.js';
import { METRICS, METRIC_UNITS } from '../../../electron/shared/contract.js';
import type { AnomalyEvent } from '../../../electron/shared/contract.js';

const event: AnomalyEvent = {
  time: '2025-01-02T03:04:05.678Z',
  event: 'anomaly',
  module: 'collector',
  metric: 'runtime',
  current: 1.3123456,
  baseline: 1,
  deviationPct: 31.2,
  thresholdPct: 25,
  unit: METRIC_UNITS.runtime,
  host: null,
};

describe('formatAnomalyLine', () => {
  it('writes the fields in their fixed order', () => {
    expect(formatAnomalyLine(event)).toBe(
      'time=2025-01-02T03:04:05.678Z event=anomaly module=collector metric=runtime current=1.3123 baseline=1 deviation_pct=31.2 threshold_pct=25 unit=s',
    );
  });

  it('adds the host context at the end when it is known', () => {
    const line = formatAnomalyLine({ ...event, metric: 'memory', unit: 'MB', host: { cpuLoad: 87.456789, availableMemoryMB: 2048 } });
    expect(line).toMatch(/ unit=MB host_cpu_load=87\.4568 host_mem_available_mb=2048$/);
  });

  it('writes a null deviation as an empty value that reads back as null', () => {
    const line = formatAnomalyLine({ ...event, baseline: 0, deviationPct: null });
    expect(line).toContain(' deviation_pct= threshold_pct=25 ');
    expect(parseAnomalyLine(line)?.deviationPct).toBeNull();
  });

  it('quotes and escapes a hostile module name so it reads back unchanged', () => {
    const module = '<img src=x onerror=alert(1)> "q" a=b \\ end';
    const line = formatAnomalyLine({ ...event, module });
    expect(line).toContain('module="<img src=x onerror=alert(1)> \\"q\\" a=b \\\\ end" metric=runtime');
    expect(parseAnomalyLine(line)).toEqual({ ...event, module, current: 1.3123 });
  });

  it('keeps one event on one line when a name holds line breaks', () => {
    const line = formatAnomalyLine({ ...event, module: 'evil\nevent=recovered\r\nx' });
    expect(line).not.toMatch(/[\r\n]/);
    expect(parseAnomalyLine(line)?.module).toBe('evil event=recovered  x');
  });

  it('reads back names that logfmt would take for booleans or nothing', () => {
    for (const module of ['true', 'false', '']) {
      expect(parseAnomalyLine(formatAnomalyLine({ ...event, module }))?.module).toBe(module);
    }
  });

  it('never writes NaN, Infinity or exponents', () => {
    const line = formatAnomalyLine({ ...event, current: Number.NaN, baseline: Number.POSITIVE_INFINITY, deviationPct: 1e-9 });
    expect(line).not.toMatch(/NaN|Infinity|e[-+]?\d/);
    expect(line).toContain(' current= baseline= deviation_pct=0.000000001 ');
  });
});

describe('formatLogNumber', () => {
  it.each([
    [0, '0'],
    [-0, '0'],
    [25, '25'],
    [31.2, '31.2'],
    [-12.34567, '-12.3457'],
    [1.23456789, '1.2346'],
    [0.000123456, '0.0001235'],
    [0.5, '0.5'],
    [123456789.123456, '123456789.1235'],
    [1e21, '1000000000000000000000'],
    [Number.NaN, ''],
    [Number.NEGATIVE_INFINITY, ''],
  ])('writes %s as "%s"', (value, text) => {
    expect(formatLogNumber(value)).toBe(text);
  });
});

describe('parseAnomalyLine', () => {
  it('returns null for torn, foreign or empty lines', () => {
    const line = formatAnomalyLine(event);
    expect(parseAnomalyLine(line.slice(0, line.indexOf(' threshold_pct')))).toBeNull();
    expect(parseAnomalyLine('level=info msg="hello"')).toBeNull();
    expect(parseAnomalyLine(line.replace('metric=runtime', 'metric=disk'))).toBeNull();
    expect(parseAnomalyLine(line.replace('current=1.3123', 'current=abc'))).toBeNull();
    expect(parseAnomalyLine('')).toBeNull();
  });

  it('reads back any event as written, numbers as rounded for the log', () => {
    const finite = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 });
    const anyEvent = fc.record({
      time: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      event: fc.constantFrom('anomaly', 'recovered', 'persisted', 'accepted' as const),
      module: fc.string({ unit: 'binary' }).map((s) => s.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, ' ')),
      metric: fc.constantFrom(...METRICS),
      current: finite,
      baseline: finite,
      deviationPct: fc.option(finite, { nil: null }),
      thresholdPct: finite,
      unit: fc.constantFrom('s', '%', 'MB'),
      host: fc.option(fc.record({ cpuLoad: finite, availableMemoryMB: finite }), { nil: null }),
    });
    const rounded = (n: number) => Number(formatLogNumber(n));
    fc.assert(
      fc.property(anyEvent, (e) => {
        expect(parseAnomalyLine(formatAnomalyLine(e))).toEqual({
          ...e,
          current: rounded(e.current),
          baseline: rounded(e.baseline),
          deviationPct: e.deviationPct === null ? null : rounded(e.deviationPct),
          thresholdPct: rounded(e.thresholdPct),
          host: e.host && { cpuLoad: rounded(e.host.cpuLoad), availableMemoryMB: rounded(e.host.availableMemoryMB) },
        });
      }),
      { numRuns: 500 },
    );
  });
});
