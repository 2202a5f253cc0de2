import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { RunRecord } from '../../../electron/shared/contract.js';
import { emptyHistory } from '../../../electron/engine/store/performance-document.js';
import { createPerformanceStore } from '../../../electron/engine/store/performance-store.js';

let dataDir: string;
let problems: string[];

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'sentinel-store-'));
  problems = [];
});

const store = (historySize = 100) =>
  createPerformanceStore({ dataDir, historySize, now: () => Date.parse('2026-01-01T12:00:00Z'), report: (m) => problems.push(m) });

const run = (seq: number, status: RunRecord['status'] = 'ok', runtime = 1): RunRecord => ({
  module: 'collector',
  seq,
  status,
  startedAt: '2026-01-01T00:00:00.000Z',
  endedAt: '2026-01-01T00:00:01.000Z',
  exitCode: null,
  signal: null,
  error: status === 'ok' ? null : { message: 'boom', stack: null },
  metrics: { runtime, cpu: 50, memory: 40, apiLatency: null },
  cpuSeconds: runtime / 2,
  api: null,
  host: { cpuLoad: 12, availableMemoryMB: 1000 },
  verdicts: {},
});

describe('performance store', () => {
  it('keeps the last N runs, lifetime counts and averages over the kept successful runs', async () => {
    const s = store(3);
    await s.load();
    const tracks = emptyHistory().detector;
    s.recordRun(run(1, 'ok', 1), tracks);
    s.recordRun(run(2, 'error', 9), tracks);
    s.recordRun(run(3, 'ok', 2), tracks);
    s.recordRun(run(4, 'ok', 3), tracks);
    const h = s.history('collector');
    expect(h.runs.map((r) => r.seq)).toEqual([2, 3, 4]);
    expect(h.successes).toBe(3);
    expect(h.errors).toBe(1);
    expect(h.totalRuns).toBe(4);
    expect(h.averages.runtime).toBeCloseTo(2.5);
    expect(h.averages.apiLatency).toBeNull();
    expect(h.lastRun?.seq).toBe(4);
  });

  it('writes a versioned file that a new store reads back', async () => {
    const s = store();
    await s.load();
    s.recordRun(run(1), emptyHistory().detector);
    s.countIteration();
    expect(await s.save()).toBe(true);
    const raw = JSON.parse(await readFile(s.file, 'utf8'));
    expect(raw.version).toBe(1);
    const again = store();
    await again.load();
    expect(again.history('collector').runs).toHaveLength(1);
    expect(again.iterations()).toBe(1);
    expect(problems).toEqual([]);
  });

  it('moves a corrupt file aside, says where it went, and starts fresh', async () => {
    const file = path.join(dataDir, 'performance.json');
    await writeFile(file, '{"version": 1, "modules": {"collector": {"runs": [tru');
    const s = store();
    await s.load();
    expect(s.modules()).toEqual([]);
    const files = await readdir(dataDir);
    const aside = files.find((name) => name.startsWith('performance.json.corrupt-'));
    expect(aside).toBeDefined();
    expect(await readFile(path.join(dataDir, aside ?? ''), 'utf8')).toContain('[tru');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(aside);
    expect(problems[0]).toContain('not valid JSON');
  });

  it('treats valid JSON of the wrong shape as corrupt too, naming the bad field', async () => {
    await writeFile(path.join(dataDir, 'performance.json'), JSON.stringify({ version: 1, updatedAt: 'x', iterations: 1, modules: { m: { runs: 'no' } } }));
    const s = store();
    await s.load();
    expect(problems[0]).toMatch(/modules\.m\.runs/);
  });

  it('reports a failed write and keeps the previous file intact', async () => {
    const s = store();
    await s.load();
    s.recordRun(run(1), emptyHistory().detector);
    await s.save();
    const before = await readFile(s.file, 'utf8');
    // A directory where the temp file's folder should be makes the write fail like a full disk would.
    const broken = createPerformanceStore({ dataDir: path.join(dataDir, 'performance.json'), historySize: 100, now: Date.now, report: (m) => problems.push(m) });
    broken.recordRun(run(1), emptyHistory().detector);
    expect(await broken.save()).toBe(false);
    expect(problems.at(-1)).toMatch(/could not write .*previous file is intact/);
    expect(await readFile(s.file, 'utf8')).toBe(before);
  });

  it('never writes NaN or Infinity: averages skip non-finite values', async () => {
    const s = store();
    await s.load();
    const bad = run(1);
    bad.metrics.cpu = null;
    s.recordRun(bad, emptyHistory().detector);
    await s.save();
    const text = await readFile(s.file, 'utf8');
    expect(text).not.toMatch(/NaN|Infinity/);
  });
});
