import { describe, expect, it } from 'vitest';
import { parseLogfmt, parseLogLine } from '../../../../renderer/src/screens/logs/parse-log-line';

describe('parseLogLine', () => {
  it('reads the fields of an anomalies.log line', () => {
    const text = 'time=2025-01-01T00:00:00.000Z event=anomaly module="signal generator" metric=cpu current=80 baseline=50 deviation_pct=60 threshold_pct=25 unit=%';
    expect(parseLogLine('anomalies', text)).toEqual({
      source: 'anomalies',
      text,
      time: '2025-01-01T00:00:00.000Z',
      level: 'warn',
      module: 'signal generator',
      metric: 'cpu',
      event: 'anomaly',
    });
  });

  it('reads the time and level of a supervisor line', () => {
    const line = parseLogLine('supervisor', '2025-01-01T00:00:00.000Z ERROR git: failed');
    expect(line).toMatchObject({ time: '2025-01-01T00:00:00.000Z', level: 'error', module: null });
  });

  it('maps module output sources to levels and keeps the module name', () => {
    expect(parseLogLine('module:a b', '2025-01-01T00:00:00.000Z stderr oops')).toMatchObject({ level: 'error', module: 'a b' });
    expect(parseLogLine('module:a b', '2025-01-01T00:00:00.000Z stdout hi')).toMatchObject({ level: 'info', module: 'a b' });
  });

  it('keeps an unparsable line as text only', () => {
    expect(parseLogLine('anomalies', 'torn lin')).toMatchObject({ text: 'torn lin', event: null, level: null });
  });

  it('reads quoted logfmt values with escapes', () => {
    expect(parseLogfmt('a=1 b="x \\"y\\" z" c=')).toEqual({ a: '1', b: 'x "y" z', c: '' });
  });
});
