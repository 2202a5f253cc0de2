import { describe, expect, it } from 'vitest';
import type { RunnerResult } from '../../../electron/shared/contract.js';
import type { LaunchOutcome } from '../../../electron/engine/ports.js';
import { toRunRecord } from '../../../electron/engine/supervisor/run-record.js';

const result = (overrides: Partial<RunnerResult> = {}): RunnerResult => ({
  type: 'result',
  ok: true,
  error: null,
  exitCode: null,
  signal: null,
  cpuUser: 0.3,
  cpuSystem: 0.1,
  maxRssBytes: 100 * 1024 * 1024,
  method: 'test',
  api: null,
  requests: [],
  ...overrides,
});

const outcome = (overrides: Partial<LaunchOutcome> = {}): LaunchOutcome => ({
  startedAt: Date.parse('2026-01-01T00:00:00Z'),
  endedAt: Date.parse('2026-01-01T00:00:02Z'),
  wallSeconds: 2,
  result: result(),
  exitCode: 0,
  signal: null,
  timedOut: false,
  aborted: false,
  memoryLimitExceeded: false,
  outputTail: '',
  launchError: null,
  ...overrides,
});

describe('run records', () => {
  it('derives CPU % of one core from CPU time over wall time, and memory in MB', () => {
    const run = toRunRecord('collector', 1, outcome(), null);
    expect(run.status).toBe('ok');
    expect(run.cpuSeconds).toBeCloseTo(0.4);
    expect(run.metrics.cpu).toBeCloseTo(20);
    expect(run.metrics.memory).toBeCloseTo(100);
    expect(run.metrics.runtime).toBe(2);
  });

  it('has no API latency when the run made no request, never 0', () => {
    expect(toRunRecord('m', 1, outcome(), null).metrics.apiLatency).toBeNull();
  });

  it('takes the mean request latency as the run\'s API latency', () => {
    const api = { count: 4, errors: 1, mean: 0.2, p95: 0.4, max: 0.5 };
    const run = toRunRecord('m', 1, outcome({ result: result({ api }) }), null);
    expect(run.metrics.apiLatency).toBe(0.2);
    expect(run.api).toEqual(api);
  });

  it('records a thrown error as an error with its message and stack', () => {
    const error = { message: 'boom', stack: 'Error: boom\n    at run' };
    const run = toRunRecord('m', 1, outcome({ result: result({ ok: false, error }) }), null);
    expect(run.status).toBe('error');
    expect(run.error).toEqual(error);
  });

  it('records a timeout, a process that died before reporting, and a failed spawn', () => {
    expect(toRunRecord('m', 1, outcome({ timedOut: true, result: null }), null).status).toBe('timeout');
    const died = toRunRecord('m', 1, outcome({ result: null, exitCode: 3, outputTail: 'last words\n' }), null);
    expect(died.status).toBe('crashed');
    expect(died.exitCode).toBe(3);
    expect(died.error?.message).toContain('exited with code 3');
    expect(died.error?.message).toContain('last words');
    const spawn = toRunRecord('m', 1, outcome({ result: null, launchError: 'ENOENT' }), null);
    expect(spawn.status).toBe('crashed');
    expect(spawn.error?.message).toContain('ENOENT');
  });

  it('never divides by a zero runtime', () => {
    const run = toRunRecord('m', 1, outcome({ wallSeconds: 0 }), null);
    expect(run.metrics.cpu).toBeNull();
  });
});
