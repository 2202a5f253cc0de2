import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../../electron/shared/contract.js';
import { validateConfig } from '../../../electron/engine/config/load-config.js';
import { controlledModule, harness } from './engine-harness.js';

function nextEvent(h: Awaited<ReturnType<typeof harness>>, type: EngineEvent['type']): Promise<EngineEvent> {
  return new Promise((resolve) => {
    const stop = h.engine.subscribe((event) => {
      if (event.type !== type) return;
      stop();
      resolve(event);
    });
  });
}

describe('live configuration', () => {
  it('runs an added module and skips a disabled one from the next iteration, without a restart', async () => {
    const h = await harness({ modules: [controlledModule('a')] });
    await h.engine.runIteration();
    const next = validateConfig(
      { modules: [controlledModule('a', { enabled: false }), controlledModule('b')] },
      path.join(h.dataDir, 'sentinel.json'),
    );
    if (!next.ok) throw new Error(next.message);
    h.engine.applyConfig(next.loaded, 'test');
    await h.engine.runIteration();
    const runs = h.events.flatMap((e) => (e.type === 'run-finished' ? [e.run.module] : []));
    expect(runs).toEqual(['a', 'b']);
    expect(h.engine.modules().map((m) => [m.name, m.state])).toEqual([
      ['a', 'disabled'],
      ['b', 'idle'],
    ]);
    expect(h.events.some((e) => e.type === 'config' && e.reason === 'test')).toBe(true);
  }, 30_000);

  it('takes a new threshold for the next judgement', async () => {
    const h = await harness({ modules: [controlledModule('a')] });
    for (let i = 0; i < 5; i += 1) await h.engine.runIteration();
    // With a threshold of 0 % and no floor, any slower run is out of range.
    const strict = validateConfig(
      { modules: [controlledModule('a', { detector: { threshold: 0.0001, floors: { runtime: 0, cpu: 1e6, memory: 1e6 } } })] },
      path.join(h.dataDir, 'sentinel.json'),
    );
    if (!strict.ok) throw new Error(strict.message);
    h.engine.applyConfig(strict.loaded);
    await h.control('a', { sleepMs: 600 });
    const summary = await h.engine.runIteration();
    expect(summary.status).toBe('Anomaly detected: 1 anomaly');
  }, 30_000);
});

describe('pause and resume', () => {
  it('holds scheduled iterations while paused and runs one as soon as it resumes', async () => {
    const h = await harness({ interval: '1h', modules: [controlledModule('a')] });
    h.engine.pause();
    expect(h.engine.paused()).toBe(true);
    h.engine.start();
    // The loop is paused from its first turn: it must not have started an iteration.
    await new Promise((resolve) => setImmediate(resolve));
    expect(h.events.some((e) => e.type === 'run-started')).toBe(false);
    const iteration = nextEvent(h, 'iteration');
    h.engine.resume();
    expect(await iteration).toMatchObject({ type: 'iteration' });
    expect(h.events.filter((e) => e.type === 'paused').map((e) => (e.type === 'paused' ? e.paused : null))).toEqual([true, false]);
    await h.engine.stop();
  }, 30_000);

  it('starts the next iteration at once when the interval is shortened', async () => {
    const h = await harness({ interval: '1h', modules: [controlledModule('a')] });
    const first = nextEvent(h, 'iteration');
    h.engine.start();
    await first;
    const second = nextEvent(h, 'iteration');
    const shorter = validateConfig({ interval: '10ms', modules: [controlledModule('a')] }, path.join(h.dataDir, 'sentinel.json'));
    if (!shorter.ok) throw new Error(shorter.message);
    h.engine.applyConfig(shorter.loaded);
    expect(await second).toMatchObject({ type: 'iteration' });
    await h.engine.stop();
  }, 30_000);
});
