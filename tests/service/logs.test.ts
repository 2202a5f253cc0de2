import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatAnomalyLine } from '../../electron/engine/anomalies/index.js';
import { moduleFileName } from '../../electron/engine/store/module-files.js';
import type { AnomalyEvent } from '../../electron/shared/contract.js';
import { configWith, controlledModule, data, openService, type ServiceHarness } from './service-harness.js';

const open: ServiceHarness[] = [];
afterEach(async () => {
  for (const harness of open.splice(0)) await harness.host.close();
});

const HOSTILE = '<img src=x onerror=alert(1)>';

async function start(): Promise<ServiceHarness> {
  const harness = await openService(configWith([controlledModule('alpha'), controlledModule(HOSTILE)]));
  open.push(harness);
  return harness;
}

function event(n: number, kind: AnomalyEvent['event'] = 'anomaly'): AnomalyEvent {
  return {
    time: new Date(Date.UTC(2025, 0, 1, 0, 0, n)).toISOString(),
    event: kind,
    module: 'alpha',
    metric: 'runtime',
    current: 2,
    baseline: 1,
    deviationPct: 100,
    thresholdPct: 25,
    unit: 's',
    host: null,
  };
}

describe('log sources and lines', () => {
  it('lists the anomaly log, the supervisor log and one source per configured module', async () => {
    const harness = await start();
    const sources = data(await harness.service.logSources());
    expect(sources.map((source) => source.id)).toEqual(['anomalies', 'supervisor', 'module:alpha', `module:${HOSTILE}`]);
    for (const source of sources) expect(source.label).not.toBe('');
  });

  it('parses the module and supervisor logs the engine wrote', async () => {
    const harness = await start();
    await harness.host.engine.runIteration();
    const moduleLines = data(await harness.service.logs('module:alpha'));
    const slept = moduleLines.find((line) => line.text.includes('slept 100 ms'));
    expect(slept).toMatchObject({ source: 'module:alpha', level: 'info', module: 'alpha', metric: null, event: null });
    expect(Date.parse(slept?.time ?? '')).not.toBeNaN();
    // The hostile name's log lives under a safe file name and reads back like any other.
    expect(data(await harness.service.logs(`module:${HOSTILE}`)).some((line) => line.module === HOSTILE)).toBe(true);
    const supervisor = data(await harness.service.logs('supervisor'));
    const iteration = supervisor.find((line) => line.text.endsWith('iteration 1: Performance OK'));
    expect(iteration).toMatchObject({ source: 'supervisor', level: 'info', module: null });
    expect(iteration?.time).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('maps each output stream of a module to a level and keeps unparsable lines as text', async () => {
    const harness = await start();
    const file = path.join(harness.dataDir, 'logs', `${moduleFileName('alpha')}.log`);
    await mkdir(path.dirname(file), { recursive: true });
    const at = '2025-01-01T00:00:00.000Z';
    await writeFile(file, [`${at} stdout out`, `${at} stderr err`, `${at} info i`, `${at} warn w`, `${at} error e`, 'not a log line', ''].join('\n'));
    const lines = data(await harness.service.logs('module:alpha'));
    expect(lines.map((line) => line.level)).toEqual(['info', 'error', 'info', 'warn', 'error', null]);
    expect(lines[5]).toEqual({ source: 'module:alpha', text: 'not a log line', time: null, level: null, module: 'alpha', metric: null, event: null });
    expect(lines[1]?.text).toBe(`${at} stderr err`);
  });

  it('parses supervisor levels', async () => {
    const harness = await start();
    const at = '2025-01-01T00:00:00.000Z';
    await writeFile(path.join(harness.dataDir, 'supervisor.log'), `${at} INFO fine\n${at} WARN hmm\n${at} ERROR git: failed\n`);
    const lines = data(await harness.service.logs('supervisor'));
    expect(lines.map((line) => [line.level, line.time])).toEqual([['info', at], ['warn', at], ['error', at]]);
  });

  it('parses anomaly lines into time, event, module and metric, warning on anomalies and persisted ones', async () => {
    const harness = await start();
    const file = path.join(harness.dataDir, 'anomalies.log');
    await writeFile(file, [formatAnomalyLine(event(1)), formatAnomalyLine(event(2, 'recovered')), formatAnomalyLine(event(3, 'persisted')), 'time=torn'].join('\n'));
    const lines = data(await harness.service.logs('anomalies'));
    expect(lines.map((line) => [line.event, line.level])).toEqual([['anomaly', 'warn'], ['recovered', 'info'], ['persisted', 'warn'], [null, null]]);
    expect(lines[0]).toMatchObject({ module: 'alpha', metric: 'runtime', time: event(1).time });
  });

  it('returns the last lines up to the limit, oldest first, reaching into the rotated file', async () => {
    const harness = await start();
    const file = path.join(harness.dataDir, 'supervisor.log');
    await writeFile(`${file}.1`, 'one\ntwo\n');
    await writeFile(file, 'three\nfour\n');
    expect(data(await harness.service.logs('supervisor', 3)).map((line) => line.text)).toEqual(['two', 'three', 'four']);
    expect(data(await harness.service.logs('supervisor')).map((line) => line.text)).toEqual(['one', 'two', 'three', 'four']);
  });

  it('gives an empty list for a missing file and refuses an unknown source', async () => {
    const harness = await start();
    expect(data(await harness.service.logs('anomalies'))).toEqual([]);
    expect(await harness.service.logs('module:nope')).toMatchObject({ ok: false, kind: 'not-found' });
    expect(await harness.service.logs('elsewhere' as 'supervisor')).toMatchObject({ ok: false, kind: 'not-found' });
  });
});

describe('anomaly history', () => {
  it('reads anomalies.log and its rotated files, newest first, at most 2,000 events', async () => {
    const harness = await start();
    const file = path.join(harness.dataDir, 'anomalies.log');
    const lines = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => formatAnomalyLine(event(from + i))).join('\n') + '\n';
    await writeFile(`${file}.2`, lines(0, 1000));
    await writeFile(`${file}.1`, lines(1000, 2000));
    await writeFile(file, lines(2000, 2500));
    await appendFile(file, 'garbage line\n');
    const { history, open: openNow } = data(await harness.service.anomalies());
    expect(openNow).toEqual([]);
    expect(history).toHaveLength(2000);
    expect(history[0]).toEqual(event(2499));
    expect(history.at(-1)).toEqual(event(500));
  });
});
