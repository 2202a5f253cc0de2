// Builds a real engine (real child processes, real files, real git) on a temp data folder for tests.
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EngineEvent } from '../../../electron/shared/contract.js';
import { createAnomalyLog, createTextLog } from '../../../electron/engine/anomalies/index.js';
import { validateConfig } from '../../../electron/engine/config/load-config.js';
import { createGitCommitter } from '../../../electron/engine/git/git-committer.js';
import type { Committer } from '../../../electron/engine/ports.js';
import { createEngine, type Engine } from '../../../electron/engine/supervisor/engine.js';
import { createSystemClock } from '../../../electron/engine/system-clock.js';
import { createChildProcessLauncher } from '../../../electron/hosts/node/child-process-launcher.js';
import { createHostProbe } from '../../../electron/hosts/node/host-probe.js';

export const CONTROLLED = fileURLToPath(new URL('../../fixtures/engine/controlled.mjs', import.meta.url));

/** Git that ignores this machine's own config, so tests see what a fresh machine sees. */
export function isolatedGitEnv(home: string): Record<string, string> {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, GIT_CONFIG_NOSYSTEM: '1' };
}

export interface Harness {
  engine: Engine;
  dataDir: string;
  events: EngineEvent[];
  statusLines(): string[];
  control(module: string, control: { sleepMs?: number; fail?: string; exit?: number }): Promise<void>;
}

/** An engine over `modules` (each a controlled fixture unless it says otherwise). */
export async function harness(raw: Record<string, unknown>, options: { committer?: Committer | 'git'; retries?: boolean } = {}): Promise<Harness> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'sentinel-engine-'));
  const result = validateConfig(raw, path.join(dataDir, 'sentinel.json'));
  if (!result.ok) throw new Error(result.message);
  const committer =
    options.committer === 'git'
      ? createGitCommitter({ repoDir: dataDir, initIfMissing: true, paths: result.loaded.config.git.paths, push: false, env: isolatedGitEnv(dataDir) })
      : (options.committer ?? null);
  const anomalyLog = createAnomalyLog({ file: path.join(dataDir, 'anomalies.log') });
  const supervisorLog = createTextLog({ file: path.join(dataDir, 'supervisor.log') });
  const engine = createEngine({
    loaded: result.loaded,
    dataDir,
    launcher: createChildProcessLauncher(),
    clock: createSystemClock(),
    hostProbe: createHostProbe(),
    committer,
    logs: {
      anomaly: (event) => anomalyLog.append(event),
      supervisor: (line) => supervisorLog.append(line),
      module: () => undefined,
    },
    retries: options.retries ?? false,
    graceMs: 500,
  });
  await engine.load();
  const events: EngineEvent[] = [];
  engine.subscribe((event) => events.push(event));
  return {
    engine,
    dataDir,
    events,
    statusLines: () => events.flatMap((event) => (event.type === 'status' ? [event.line] : [])),
    control: (module, control) => writeFile(path.join(dataDir, `control-${module}.json`), JSON.stringify(control)),
  };
}

/** A controlled module, judged on runtime only, with a wide threshold so machine noise never trips it. */
export function controlledModule(name: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name,
    path: CONTROLLED,
    env: { CONTROL: name },
    detector: { threshold: 1, floors: { cpu: 1e6, memory: 1e6, apiLatency: 1e6, runtime: 0.3 } },
    ...extra,
  };
}
