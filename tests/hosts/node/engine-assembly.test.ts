// The assembly both hosts share (`sentinel run`/`serve` and the desktop app), with a launcher that
// records what it was asked to run instead of starting processes.
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../../electron/engine/config/load-config.js';
import { InstanceLockedError } from '../../../electron/engine/lock/instance-lock.js';
import type { LaunchOutcome, ModuleLauncher } from '../../../electron/engine/ports.js';
import { assembleEngine, type AssemblyOptions } from '../../../electron/hosts/node/engine-assembly.js';
import type { RunRequest } from '../../../electron/shared/contract.js';

function recordingLauncher(requests: RunRequest[]): ModuleLauncher {
  return {
    async launch(request) {
      requests.push(request);
      const now = Date.now();
      const outcome: LaunchOutcome = {
        startedAt: now,
        endedAt: now,
        wallSeconds: 0.01,
        result: { type: 'result', ok: true, error: null, exitCode: 0, signal: null, cpuUser: 0.01, cpuSystem: 0, maxRssBytes: 1e7, method: 'test', api: null, requests: [] },
        exitCode: 0,
        signal: null,
        timedOut: false,
        aborted: false,
        memoryLimitExceeded: false,
        outputTail: '',
        launchError: null,
      };
      return outcome;
    },
  };
}

async function options(overrides: Partial<AssemblyOptions> & { requests: RunRequest[] }): Promise<AssemblyOptions> {
  const dataDir = overrides.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'sentinel-assembly-')));
  const result = validateConfig({ git: { enabled: false }, modules: [{ name: 'job', path: 'job.mjs' }] }, path.join(dataDir, 'sentinel.json'));
  if (!result.ok) throw new Error(result.message);
  return { loaded: result.loaded, dataDir, launcher: recordingLauncher(overrides.requests), oddsFeed: false, demoFaults: false, retries: true, ...overrides };
}

describe('assembleEngine', () => {
  it('gives modules the demo feed’s address and the fault switch when asked, and serves the feed', async () => {
    const requests: RunRequest[] = [];
    const { engine, close } = await assembleEngine(await options({ requests, oddsFeed: true, demoFaults: true }));
    try {
      await engine.runIteration();
      const env = requests[0]?.env ?? {};
      expect(env.SENTINEL_DEMO_FAULTS).toBe('1');
      const fixtures = await fetch(new URL('/fixtures', env.SENTINEL_ODDS_FEED));
      expect(fixtures.status).toBe(200);
    } finally {
      await close();
    }
  });

  it('gives neither without the example', async () => {
    const requests: RunRequest[] = [];
    const { engine, close } = await assembleEngine(await options({ requests }));
    await engine.runIteration();
    await close();
    expect(requests[0]?.env).not.toHaveProperty('SENTINEL_ODDS_FEED');
    expect(requests[0]?.env).not.toHaveProperty('SENTINEL_DEMO_FAULTS');
  });

  it('holds the data folder until closed, so a second host on it is refused, then admitted', async () => {
    const first = await options({ requests: [] });
    const { close } = await assembleEngine(first);
    await expect(assembleEngine({ ...first })).rejects.toBeInstanceOf(InstanceLockedError);
    await close();
    const second = await assembleEngine({ ...first });
    await second.close();
  });
});
