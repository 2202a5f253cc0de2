import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAnomalyLog, parseAnomalyLog, readAnomalyLog } from '../../../electron/engine/anomalies/anomaly-log.js';
import type { AnomalyEvent } from '../../../electron/shared/contract.js';

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sentinel-anomalies-'));
  file = join(dir, 'anomalies.log');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

function anomaly(seq: number, overrides: Partial<AnomalyEvent> = {}): AnomalyEvent {
  return {
    time: `2025-01-02T03:04:${String(seq).padStart(2, '0')}.000Z`,
    event: 'anomaly',
    module: 'collector',
    metric: 'runtime',
    current: 1.5,
    baseline: 1,
    deviationPct: 50,
    thresholdPct: 25,
    unit: 's',
    host: { cpuLoad: 12.5, availableMemoryMB: 2048 },
    ...overrides,
  };
}

describe('createAnomalyLog', () => {
  it('appends one logfmt line per event that reads back as the same event', async () => {
    const log = createAnomalyLog({ file });
    const events = [anomaly(1), anomaly(2, { event: 'recovered', module: 'signal generator', host: null, deviationPct: null })];

    for (const event of events) await log.append(event);

    const text = await readFile(file, 'utf8');
    expect(text.split('\n')).toHaveLength(3);
    expect(text).toMatch(/^time=2025-01-02T03:04:01.000Z event=anomaly module=collector /);
    expect(await readAnomalyLog(file)).toEqual(events);
  });

  it('rotates anomalies.log to .1, .2, .3 and reads them back oldest first', async () => {
    const log = createAnomalyLog({ file, maxBytes: 400, keep: 3 });
    const events = Array.from({ length: 20 }, (_, i) => anomaly(i + 1));

    for (const event of events) await log.append(event);

    const all = await readAnomalyLog(file, 3);
    expect((await readAnomalyLog(file)).at(-1)).toEqual(events.at(-1));
    expect(all.length).toBeLessThan(events.length); // the oldest were dropped...
    expect(all).toEqual(events.slice(events.length - all.length)); // ...and the rest kept in order
    for (const n of [1, 2, 3]) expect((await stat(`${file}.${n}`)).size).toBeLessThanOrEqual(400);
    await expect(stat(`${file}.4`)).rejects.toThrow(/ENOENT/);
  });

  it('reads a missing log as empty', async () => {
    expect(await readAnomalyLog(join(dir, 'none.log'), 2)).toEqual([]);
  });
});

describe('parseAnomalyLog', () => {
  it('skips blank, foreign and torn lines', () => {
    const text = [
      'time=2025-01-02T03:04:05Z event=anomaly module=a metric=cpu current=90 baseline=40 deviation_pct=125 threshold_pct=25 unit=%',
      '',
      'garbage',
      'time=2025-01-02T03:04:06Z event=recovered module=a metric=cpu current=41',
    ].join('\n');

    expect(parseAnomalyLog(text).map((e) => [e.event, e.metric, e.current])).toEqual([['anomaly', 'cpu', 90]]);
  });
});
