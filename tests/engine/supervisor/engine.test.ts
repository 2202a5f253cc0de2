import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { readAnomalyLog } from '../../../electron/engine/anomalies/index.js';
import { controlledModule, harness, isolatedGitEnv } from './engine-harness.js';

const FAST = 100;
const SLOW = 1500;

async function iterations(h: Awaited<ReturnType<typeof harness>>, module: string, sleeps: number[]) {
  const summaries = [];
  for (const sleepMs of sleeps) {
    await h.control(module, { sleepMs });
    summaries.push(await h.engine.runIteration());
  }
  return summaries;
}

describe('the engine', () => {
  it('runs every module, records the run, and reports exactly "Performance OK"', async () => {
    const h = await harness({ modules: [controlledModule('a'), controlledModule('b')] });
    const summary = await h.engine.runIteration();
    expect(summary.status).toBe('Performance OK');
    expect(summary.modulesTracked).toBe(2);
    expect(summary.lastRunStatus).toBe('ok');
    const performance = JSON.parse(await readFile(path.join(h.dataDir, 'performance.json'), 'utf8'));
    for (const name of ['a', 'b']) {
      const run = performance.modules[name].lastRun;
      expect(run.status).toBe('ok');
      expect(run.metrics.runtime).toBeGreaterThan(0.1);
      expect(run.metrics.cpu).toBeGreaterThan(0);
      expect(run.metrics.memory).toBeGreaterThan(0);
      expect(run.metrics.apiLatency).toBeNull();
    }
    const status = JSON.parse(await readFile(path.join(h.dataDir, 'status.json'), 'utf8'));
    expect(status.summary.status).toBe('Performance OK');
    expect(await readFile(path.join(h.dataDir, 'supervisor.log'), 'utf8')).toContain('iteration 1: Performance OK');
  });

  it('opens an anomaly on a slow run, then reports and commits its recovery', async () => {
    const h = await harness({ modules: [controlledModule('collector')] }, { committer: 'git' });
    const summaries = await iterations(h, 'collector', [FAST, FAST, FAST, FAST, FAST, SLOW, FAST]);
    expect(summaries.map((s) => s.status)).toEqual([
      'Performance OK', 'Performance OK', 'Performance OK', 'Performance OK', 'Performance OK',
      'Anomaly detected: 1 anomaly',
      'Performance OK',
    ]);
    expect(summaries[5]?.openAnomalies).toMatchObject([{ module: 'collector', metric: 'runtime', runsSinceOpened: 0 }]);
    expect(summaries[6]?.recoveries).toEqual(['Anomaly recovered: collector - runtime']);
    expect(h.statusLines()).toContain('Anomaly recovered: collector - runtime');
    const events = await readAnomalyLog(path.join(h.dataDir, 'anomalies.log'));
    expect(events.map((e) => [e.event, e.module, e.metric])).toEqual([
      ['anomaly', 'collector', 'runtime'],
      ['recovered', 'collector', 'runtime'],
    ]);
    const log = execFileSync('git', ['log', '--format=%s'], { cwd: h.dataDir, env: isolatedGitEnv(h.dataDir), encoding: 'utf8' });
    const subjects = log.trim().split('\n');
    expect(subjects).toContain('Anomaly recovered: collector - runtime');
    // Iteration 6 had an open anomaly; 7 recovered and was OK again.
    expect(subjects.filter((s) => s.startsWith('Performance OK: iteration'))).toHaveLength(6);
    expect(subjects).not.toContain('Performance OK: iteration 6');
  }, 60_000);

  it('closes a lasting regression as persisted, never as recovered, and then treats it as normal', async () => {
    const h = await harness({ modules: [controlledModule('collector')] });
    const summaries = await iterations(h, 'collector', [FAST, FAST, FAST, FAST, FAST, SLOW, SLOW, SLOW, SLOW, SLOW]);
    expect(summaries.map((s) => s.status).slice(5)).toEqual([
      'Anomaly detected: 1 anomaly', 'Anomaly detected: 1 anomaly', 'Anomaly detected: 1 anomaly',
      'Performance OK', 'Performance OK',
    ]);
    expect(h.statusLines()).toContain('Anomaly persisted: collector - runtime');
    expect(h.statusLines().some((line) => line.startsWith('Anomaly recovered'))).toBe(false);
  }, 60_000);

  it('keeps running the other modules when one fails, and marks it errored after too many failures', async () => {
    const h = await harness({ restart: { maxFailures: 2 }, modules: [controlledModule('bad'), controlledModule('good')] });
    await h.control('bad', { fail: 'database unreachable' });
    await h.engine.runIteration();
    const second = await h.engine.runIteration();
    expect(second.erroredModules).toEqual(['bad']);
    const third = await h.engine.runIteration();
    const runs = h.events.flatMap((e) => (e.type === 'run-finished' ? [e.run] : []));
    expect(runs.filter((r) => r.module === 'good').map((r) => r.status)).toEqual(['ok', 'ok', 'ok']);
    expect(runs.filter((r) => r.module === 'bad').map((r) => r.status)).toEqual(['error', 'error']);
    expect(runs.find((r) => r.module === 'bad')?.error?.message).toBe('database unreachable');
    expect(third.erroredModules).toEqual(['bad']);
    expect(h.engine.modules().find((m) => m.name === 'bad')?.state).toBe('errored');
    // Re-enabling is how a user says "try again".
    await h.control('bad', {});
    h.engine.setModuleEnabled('bad', true);
    await h.engine.runIteration();
    expect(h.engine.modules().find((m) => m.name === 'bad')).toMatchObject({ state: 'idle', consecutiveFailures: 0 });
  }, 60_000);

  it('restarts a crashed module with back-off and counts the restart', async () => {
    const h = await harness(
      { restart: { baseDelay: '200ms' }, modules: [controlledModule('flaky')] },
      { retries: true },
    );
    await h.control('flaky', { exit: 3 });
    const restarted = new Promise<void>((resolve) => {
      h.engine.subscribe((event) => {
        if (event.type === 'run-finished' && event.run.status === 'ok') resolve();
      });
    });
    await h.engine.runIteration();
    await h.control('flaky', {});
    await restarted;
    const history = h.engine.store().history('flaky');
    expect(history.runs.map((r) => r.status)).toEqual(['crashed', 'ok']);
    expect(history.runs[0]?.exitCode).toBe(3);
    expect(history.restarts).toBe(1);
    await h.engine.stop();
  }, 60_000);

  it('records a run that passes its timeout as "timeout"', async () => {
    const h = await harness({ modules: [controlledModule('stuck', { timeout: '1s' })] });
    await h.control('stuck', { sleepMs: 60_000 });
    await h.engine.runIteration();
    expect(h.engine.store().history('stuck').lastRun?.status).toBe('timeout');
  }, 30_000);

  it('accepts the current level of an open anomaly as the new baseline and logs it', async () => {
    const h = await harness({ modules: [controlledModule('collector')] });
    await iterations(h, 'collector', [FAST, FAST, FAST, FAST, FAST, SLOW]);
    expect(await h.engine.acceptBaseline('collector', 'runtime')).toBe(true);
    expect(await h.engine.acceptBaseline('collector', 'runtime')).toBe(false);
    const events = await readAnomalyLog(path.join(h.dataDir, 'anomalies.log'));
    expect(events.map((e) => e.event)).toEqual(['anomaly', 'accepted']);
    expect(h.engine.store().history('collector').detector.runtime.open).toBeNull();
    await h.control('collector', { sleepMs: FAST });
    const next = await h.engine.runIteration();
    expect(next.status).toBe('Performance OK');
  }, 60_000);

  it('keeps supervising when git fails, reports it, and commits at the next commit point', async () => {
    const failing = { commit: async () => ({ ok: false as const, error: 'index.lock exists' }) };
    const h = await harness({ modules: [controlledModule('a')] }, { committer: failing });
    const summary = await h.engine.runIteration();
    expect(summary.status).toBe('Performance OK');
    expect(summary.git).toEqual({ ok: false, message: 'index.lock exists' });
    expect(h.events.some((e) => e.type === 'problem' && e.source === 'git')).toBe(true);
  });
});
