import { access, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exited, sentinel, startSentinel, waitFor } from '../cli-harness.js';

const tempDir = () => mkdtemp(path.join(os.tmpdir(), 'sentinel-cli-'));
const exists = (file: string) => access(file).then(() => true, () => false);

describe('sentinel run', () => {
  it('runs the built-in example once and shows all three modules with non-zero figures and a status line', async () => {
    const data = path.join(await tempDir(), 'data');
    const result = await sentinel(['run', '--once', '--data', data]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    for (const module of ['collector', 'signal_generator', 'backtester']) expect(result.stdout).toMatch(new RegExp(`^${module}\\s+ok`, 'm'));
    expect(result.stdout).toMatch(/^Performance OK$/m);
    expect(result.stdout).toMatch(/api \d\.\d{3}s \(\d+ req\)/);
    const performance = JSON.parse(await readFile(path.join(data, 'performance.json'), 'utf8'));
    for (const module of ['collector', 'signal_generator', 'backtester']) {
      const { metrics } = performance.modules[module].lastRun;
      expect(metrics.runtime).toBeGreaterThan(0);
      expect(metrics.cpu).toBeGreaterThan(0);
      expect(metrics.memory).toBeGreaterThan(0);
    }
    expect(performance.modules.collector.lastRun.metrics.apiLatency).toBeGreaterThan(0);
    const status = await sentinel(['status', '--data', data]);
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/^Performance OK$/m);
    expect(status.stdout).toContain('backtester');
  }, 60_000);

  it('rejects a bad config with one clear line naming the file and field, exit code 2, and writes nothing', async () => {
    const dir = await tempDir();
    const config = path.join(dir, 'sentinel.json');
    await writeFile(config, JSON.stringify({ modules: [{ name: 'x', path: 'x.mjs', timeout: 'later' }] }));
    const data = path.join(dir, 'data');
    const result = await sentinel(['run', '--once', '--config', config, '--data', data]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(config);
    expect(result.stderr).toContain('modules[0].timeout');
    expect(await exists(data)).toBe(false);
  });

  it('rejects a bad --interval with exit code 2', async () => {
    const data = path.join(await tempDir(), 'data');
    const result = await sentinel(['run', '--once', '--interval', 'often', '--data', data]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--interval');
    expect(await exists(data)).toBe(false);
  });

  it('refuses a second Sentinel on the same data folder, and stops cleanly on SIGTERM', async () => {
    const data = path.join(await tempDir(), 'data');
    const first = startSentinel(['run', '--data', data, '--interval', '1h']);
    await waitFor(async () => ((await exists(path.join(data, 'status.json'))) ? true : undefined), 30_000, 'the first iteration');
    const second = await sentinel(['run', '--once', '--data', data]);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(data);
    first.child.kill('SIGTERM');
    expect(await exited(first.child)).toEqual({ code: 0, signal: null });
    expect(first.output()).toContain('SIGTERM: stopping modules');
    // The lock is released, so the next run can start at once.
    const third = await sentinel(['run', '--once', '--data', data]);
    expect(third.code).toBe(0);
  }, 60_000);
});
