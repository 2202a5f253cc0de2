import { afterEach, describe, expect, it } from 'vitest';
import type { StreamEvent } from '../../electron/shared/api.js';
import { configWith, controlledModule, data, openService, type ServiceHarness } from './service-harness.js';

const open: ServiceHarness[] = [];
afterEach(async () => {
  for (const harness of open.splice(0)) await harness.host.close();
});

async function start(modules: Array<Record<string, unknown>>): Promise<ServiceHarness> {
  const harness = await openService(configWith(modules));
  open.push(harness);
  return harness;
}

/** Resolves with the first stream event that `predicate` accepts. */
function nextEvent(harness: ServiceHarness, predicate: (event: StreamEvent) => boolean): Promise<StreamEvent> {
  return new Promise((resolve) => {
    const unsubscribe = harness.service.subscribe((event) => {
      if (!predicate(event)) return;
      unsubscribe();
      resolve(event);
    });
  });
}

describe('the service', () => {
  it('gives every configured module with non-zero figures after an iteration', async () => {
    const harness = await start([
      controlledModule('alpha'),
      controlledModule('beta', { every: 3 }),
      controlledModule('gamma', { cron: '0 * * * *', enabled: false }),
    ]);
    await harness.host.engine.runIteration();
    const state = data(await harness.service.state());
    expect(state.status).toBe('Performance OK');
    expect(state.stage).toBe('test');
    expect(state.paused).toBe(false);
    expect(state.summary?.iteration).toBe(1);
    expect(state.modules.map((module) => module.name)).toEqual(['alpha', 'beta', 'gamma']);
    const [alpha, beta, gamma] = state.modules;
    expect(alpha?.kind).toBe('js');
    expect(alpha?.target).toMatch(/controlled\.mjs$/);
    expect(alpha?.schedule).toBe('every iteration');
    expect(beta?.schedule).toBe('every 3 iterations');
    expect(gamma?.schedule).toBe('cron 0 * * * *');
    expect(gamma?.enabled).toBe(false);
    expect(gamma?.status.state).toBe('disabled');
    for (const module of [alpha, beta]) {
      expect(module?.totals).toEqual({ runs: 1, successes: 1, errors: 0, restarts: 0 });
      expect(module?.averages.runtime).toBeGreaterThan(0);
      expect(module?.averages.cpu).toBeGreaterThan(0);
      expect(module?.averages.memory).toBeGreaterThan(0);
      expect(module?.series.runtime).toHaveLength(1);
      expect(module?.series.runtime[0]).toBeGreaterThan(0);
      expect(module?.series.apiLatency).toEqual([null]);
      expect(module?.status.lastRun?.status).toBe('ok');
    }
    expect(gamma?.totals.runs).toBe(0);
    expect(state.thresholds.alpha).toEqual({ runtime: 1, cpu: 1, memory: 1, apiLatency: 1 });
    expect(state.openAnomalies).toEqual([]);
    expect(Date.parse(state.serverTime)).not.toBeNaN();
  });

  it('streams log lines already parsed, as the log viewer filters them', async () => {
    const harness = await start([controlledModule('alpha')]);
    const logged = nextEvent(harness, (event) => event.type === 'log' && event.source === 'module:alpha');
    await harness.host.engine.runIteration();
    expect(await logged).toMatchObject({
      type: 'log',
      source: 'module:alpha',
      line: { source: 'module:alpha', module: 'alpha', level: 'info', text: expect.stringMatching(/ info slept \d+ ms$/) },
    });
  });

  it('marks failed runs as gaps in the series and counts them as errors', async () => {
    const harness = await start([controlledModule('alpha')]);
    await harness.control('alpha', { fail: 'boom' });
    await harness.host.engine.runIteration();
    const [alpha] = data(await harness.service.state()).modules;
    expect(alpha?.totals).toMatchObject({ runs: 1, successes: 0, errors: 1 });
    expect(alpha?.series.runtime).toEqual([null]);
  });

  it('gives a module history with its runs and detector params, and refuses an unknown module', async () => {
    const harness = await start([controlledModule('alpha', { detector: { threshold: 0.5, lookback: 7 } })]);
    await harness.host.engine.runIteration();
    await harness.host.engine.runIteration();
    const history = data(await harness.service.moduleHistory('alpha'));
    expect(history.module.name).toBe('alpha');
    expect(history.runs.map((run) => run.seq)).toEqual([1, 2]);
    expect(history.runs[0]?.verdicts.runtime?.state).toBe('warmup');
    expect(history.params.runtime).toEqual({ threshold: 0.5, floor: 0.05, lookback: 7, recoveryWindow: 3 });
    expect(history.params.memory.floor).toBe(5);
    expect(await harness.service.moduleHistory('nope')).toEqual({ ok: false, error: 'no module named "nope"', kind: 'not-found' });
  });

  it('reads a run detail from the run store, and says when a run is not kept', async () => {
    const harness = await start([controlledModule('alpha')]);
    await harness.host.engine.runIteration();
    const detail = data(await harness.service.runDetail('alpha', 1));
    expect(detail.seq).toBe(1);
    expect(detail.requests).toEqual([]);
    expect(typeof detail.outputTail).toBe('string');
    const missing = await harness.service.runDetail('alpha', 99);
    expect(missing.ok).toBe(false);
    expect(await harness.service.runDetail('nope', 1)).toMatchObject({ ok: false, kind: 'not-found' });
  });

  it('starts a run now without waiting for it, and the stream tells when it finished', async () => {
    const harness = await start([controlledModule('alpha')]);
    await harness.control('alpha', { sleepMs: 400 });
    const finished = nextEvent(harness, (event) => event.type === 'run-finished');
    const reply = await harness.service.runNow('alpha');
    expect(reply).toEqual({ ok: true, data: null });
    // The reply came before the run ended: the module sleeps 400 ms.
    expect(data(await harness.service.state()).modules[0]?.totals.runs).toBe(0);
    const event = await finished;
    expect(event.type === 'run-finished' && event.run.module).toBe('alpha');
    expect(await harness.service.runNow('nope')).toMatchObject({ ok: false, error: 'no module named "nope"' });
  });

  it('shows an open anomaly with its threshold and unit, accepts its baseline once, and lists the history newest first', async () => {
    const harness = await start([controlledModule('alpha', { detector: { threshold: 1, lookback: 2, floors: { runtime: 0.3, cpu: 1e6, memory: 1e6, apiLatency: 1e6 } } })]);
    await harness.control('alpha', { sleepMs: 50 });
    await harness.host.engine.runIteration();
    await harness.host.engine.runIteration();
    await harness.control('alpha', { sleepMs: 1500 });
    await harness.host.engine.runIteration();
    const state = data(await harness.service.state());
    expect(state.status).toBe('Anomaly detected: 1 anomaly');
    expect(state.modules[0]?.open.runtime?.metric).toBe('runtime');
    const anomalies = data(await harness.service.anomalies());
    expect(anomalies.open).toHaveLength(1);
    expect(anomalies.open[0]).toMatchObject({ module: 'alpha', metric: 'runtime', thresholdPct: 100, unit: 's' });
    expect(anomalies.history.map((event) => event.event)).toEqual(['anomaly']);

    expect(data(await harness.service.acceptBaseline('alpha', 'runtime'))).toBeNull();
    expect(await harness.service.acceptBaseline('alpha', 'runtime')).toEqual({
      ok: false,
      error: 'no open anomaly on alpha - runtime',
      kind: 'conflict',
    });
    const after = data(await harness.service.anomalies());
    expect(after.open).toEqual([]);
    expect(after.history.map((event) => event.event)).toEqual(['accepted', 'anomaly']);
    expect(data(await harness.service.state()).status).toBe('Performance OK');
  });

  it('passes engine events to subscribers until they unsubscribe', async () => {
    const harness = await start([controlledModule('alpha')]);
    const seen: string[] = [];
    const unsubscribe = harness.service.subscribe((event) => seen.push(event.type));
    await harness.host.engine.runIteration();
    unsubscribe();
    const count = seen.length;
    await harness.host.engine.runIteration();
    expect(seen).toContain('run-finished');
    expect(seen).toContain('iteration');
    expect(seen).toHaveLength(count);
  });
});
