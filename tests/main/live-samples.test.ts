import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EventSink } from '../../electron/engine/ports.js';
import { runnerTitle, setupLiveSamples, type ProcessLoadSource } from '../../electron/main/live-samples.js';
import type { LiveSampleEvent } from '../../electron/shared/api.js';
import type { EngineEvent, RunRecord } from '../../electron/shared/contract.js';

const GIB = 1024 ** 3;

/** An engine that only publishes the events a test feeds it. */
function fakeEngine(): { engine: { subscribe(sink: EventSink): () => void }; emit(event: EngineEvent): void; sinks: Set<EventSink> } {
  const sinks = new Set<EventSink>();
  return {
    sinks,
    engine: {
      subscribe(sink) {
        sinks.add(sink);
        return () => sinks.delete(sink);
      },
    },
    emit: (event) => sinks.forEach((sink) => sink(event)),
  };
}

const started = (module: string): EngineEvent => ({ type: 'run-started', module, seq: 1, at: '' });
const finished = (module: string): EngineEvent => ({ type: 'run-finished', run: { module } as RunRecord, verdicts: {} });

function setup(source: ProcessLoadSource) {
  const engine = fakeEngine();
  const samples: LiveSampleEvent[] = [];
  const stop = setupLiveSamples({ engine: engine.engine, emit: (sample) => samples.push(sample), intervalMs: 1000, source, totalMemoryBytes: 8 * GIB, now: () => 0 });
  return { ...engine, samples, stop };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('live samples', () => {
  it('asks for the runner’s process title, at most 15 characters as ps shows it', () => {
    expect(runnerTitle('collector')).toBe('snt-collector');
    expect(runnerTitle('signal_generator')).toBe('snt-signal_gene');
  });

  it('samples a running module every interval, with memory in MB, and stops when its run finishes', async () => {
    const processLoad = vi.fn(async (name: string) => [{ proc: name, pids: [42], cpu: 37.5, mem: 1.5 }]);
    const live = setup({ processLoad });
    live.emit(started('collector'));
    await vi.advanceTimersByTimeAsync(2500);
    expect(processLoad.mock.calls.map(([name]) => name)).toEqual(['snt-collector', 'snt-collector']);
    expect(live.samples).toHaveLength(2);
    expect(live.samples[0]).toEqual({ type: 'live-sample', module: 'collector', cpu: 37.5, memoryMB: 0.015 * 8 * 1024, at: '1970-01-01T00:00:00.000Z' });
    live.emit(finished('collector'));
    await vi.advanceTimersByTimeAsync(5000);
    expect(processLoad).toHaveBeenCalledTimes(2);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('does nothing, not even a timer, while nothing runs', async () => {
    const processLoad = vi.fn(async () => []);
    const live = setup({ processLoad });
    live.emit({ type: 'status', line: 'Performance OK' });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(processLoad).not.toHaveBeenCalled();
    expect(live.samples).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('gives missing values when the reading fails, and keeps sampling', async () => {
    let calls = 0;
    const live = setup({
      processLoad: async (name) => {
        calls += 1;
        if (calls === 1) throw new Error('ps: not found');
        return [{ proc: name, pids: [7], cpu: Number.NaN, mem: 2 }];
      },
    });
    live.emit(started('collector'));
    await vi.advanceTimersByTimeAsync(2000);
    expect(live.samples.map(({ cpu, memoryMB }) => [cpu, memoryMB])).toEqual([
      [null, null],
      [null, 0.02 * 8 * 1024],
    ]);
  });

  it('skips a round while the last one still runs', async () => {
    let release: () => void = () => {};
    const processLoad = vi.fn(
      (name: string) => new Promise<Array<{ proc: string; pids: number[]; cpu: number; mem: number }>>((resolve) => {
        release = () => resolve([{ proc: name, pids: [1], cpu: 1, mem: 1 }]);
      }),
    );
    const live = setup({ processLoad });
    live.emit(started('collector'));
    await vi.advanceTimersByTimeAsync(4500);
    expect(processLoad).toHaveBeenCalledTimes(1);
    release();
    await vi.advanceTimersByTimeAsync(1000);
    expect(processLoad).toHaveBeenCalledTimes(2);
  });

  it('drops a reading that arrives after the run finished, and one that found no process', async () => {
    let release: () => void = () => {};
    const live = setup({
      processLoad: (name) =>
        new Promise((resolve) => {
          release = () => resolve([{ proc: name, pids: [1], cpu: 1, mem: 1 }]);
        }),
    });
    live.emit(started('collector'));
    await vi.advanceTimersByTimeAsync(1000);
    live.emit(finished('collector'));
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(live.samples).toEqual([]);

    const empty = setup({ processLoad: async (name) => [{ proc: name, pids: [], cpu: 0, mem: 0 }] });
    empty.emit(started('backtester'));
    await vi.advanceTimersByTimeAsync(3000);
    expect(empty.samples).toEqual([]);
  });

  it('does not look up a name that ps matching would mangle, and reports it as missing', async () => {
    const processLoad = vi.fn(async () => []);
    const live = setup({ processLoad });
    live.emit(started('<img src=x>, rm -rf'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(processLoad).not.toHaveBeenCalled();
    expect(live.samples).toEqual([{ type: 'live-sample', module: '<img src=x>, rm -rf', cpu: null, memoryMB: null, at: '1970-01-01T00:00:00.000Z' }]);
  });

  it('unsubscribes and stops its timer when stopped', async () => {
    const live = setup({ processLoad: async () => [] });
    live.emit(started('collector'));
    live.stop();
    expect(live.sinks.size).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });
});
