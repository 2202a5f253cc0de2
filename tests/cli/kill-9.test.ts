import { readdir, readFile, writeFile, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parsePerformanceDocument } from '../../electron/engine/store/performance-document.js';
import { exited, startSentinel, waitFor } from './cli-harness.js';

const OK_MODULE = fileURLToPath(new URL('../fixtures/engine/controlled.mjs', import.meta.url));

async function totalRuns(file: string): Promise<number | undefined> {
  const text = await readFile(file, 'utf8').catch(() => null);
  if (text === null) return undefined;
  const parsed = parsePerformanceDocument(text);
  if (!parsed.ok) throw new Error(`torn performance.json: ${parsed.reason}`);
  return Object.values(parsed.document.modules).reduce((sum, history) => sum + history.totalRuns, 0);
}

describe('crash safety', () => {
  it('leaves a parseable performance.json, losing no recorded run, after repeated kill -9 during writes', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sentinel-kill-'));
    const config = path.join(dir, 'sentinel.json');
    // Two quick modules and a tiny interval keep Sentinel writing almost all the time.
    const module = (name: string) => ({ name, path: OK_MODULE, env: { CONTROL: name } });
    await writeFile(config, JSON.stringify({ interval: '10ms', git: { enabled: false }, modules: [module('a'), module('b')] }));
    const data = path.join(dir, 'data');
    const file = path.join(data, 'performance.json');
    let recorded = 0;
    for (let round = 0; round < 6; round += 1) {
      const { child } = startSentinel(['run', '--config', config, '--data', data]);
      // Wait until this process has recorded something new, then kill it at an arbitrary moment.
      await waitFor(async () => {
        const runs = await totalRuns(file);
        return runs !== undefined && runs > recorded ? runs : undefined;
      }, 30_000, `round ${round} to record a run`);
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 400));
      child.kill('SIGKILL');
      await exited(child);
      const after = await totalRuns(file);
      expect(after).toBeGreaterThan(recorded);
      recorded = after ?? 0;
    }
    const leftovers = (await readdir(data)).filter((name) => name.includes('corrupt'));
    expect(leftovers).toEqual([]);
  }, 120_000);
});
