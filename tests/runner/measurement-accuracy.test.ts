// Sentinel's figures against the kernel's own accounting of the same process in the same run:
// GNU time reports what wait4() returns for its child (CPU to 10 ms, peak RSS exact).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpuSecondsOf, fixture, jsTarget, runFixture } from './run-fixture.js';

const GNU_TIME = '/usr/bin/time';
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sentinel-accuracy-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** CPU seconds (user + system) and peak RSS bytes from a GNU time `-f '%U %S %M'` report. */
async function readGnuTime(path: string): Promise<{ cpu: number; rssBytes: number }> {
  const [user, system, maxKb] = (await readFile(path, 'utf8')).trim().split('\n').pop()!.split(' ').map(Number);
  return { cpu: user! + system!, rssBytes: maxKb! * 1024 };
}

function expectWithin(actual: number, expected: number, fraction: number): void {
  expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(expected * fraction);
}

describe('measurement accuracy against the kernel accounting of the same run', () => {
  it('measures a JS module burning 300 ms and holding 100 MB within 5 % (3 runs)', async () => {
    for (let run = 0; run < 3; run++) {
      const report = join(dir, `js-${run}.txt`);
      // GNU time runs the runner itself: the launcher forks `time ... node module-runner.mjs`,
      // the IPC channel passes through, and time reports the runner process's own wait4 figures.
      const { outcome } = await runFixture(jsTarget('burn-and-alloc.mjs'), {
        env: { BURN_MS: '300', ALLOC_MB: '100' },
        launcher: { execPath: GNU_TIME, execArgv: ['-f', '%U %S %M', '-o', report, process.execPath] },
      });
      const result = outcome.result!;
      expect(result.ok).toBe(true);
      const kernel = await readGnuTime(report);
      expect(kernel.cpu).toBeGreaterThan(0.3);
      expect(kernel.rssBytes).toBeGreaterThan(100 * 1024 * 1024);
      expectWithin(cpuSecondsOf(result), kernel.cpu, 0.05);
      expectWithin(result.maxRssBytes!, kernel.rssBytes, 0.05);
    }
  });

  it('measures an external command burning 800 ms and holding 100 MB within 5 %', async () => {
    const report = join(dir, 'command.txt');
    // Sentinel measures the tree (time + node); GNU time measures node alone.
    const { outcome } = await runFixture(
      {
        kind: 'command',
        argv: [GNU_TIME, '-f', '%U %S %M', '-o', report, process.execPath, fixture('burn-and-alloc.mjs')],
      },
      { env: { BURN_MS: '800', ALLOC_MB: '100' } },
    );
    const result = outcome.result!;
    expect(result.ok).toBe(true);
    const kernel = await readGnuTime(report);
    expect(kernel.cpu).toBeGreaterThanOrEqual(0.8);
    expectWithin(cpuSecondsOf(result), kernel.cpu, 0.05);
    expectWithin(result.maxRssBytes!, kernel.rssBytes, 0.05);
    // Clock ticks truncate, so the figure may be under the truth by a tick per field, never over.
    expect(cpuSecondsOf(result)).toBeLessThanOrEqual(kernel.cpu + 0.02);
    expect(result.method).toMatch(/10 ms ticks/);
  });
});
