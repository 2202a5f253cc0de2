// A real headless engine (real child processes, real files) over a config file in a temp folder, with the service on top.
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openHeadlessEngine, type HeadlessEngine } from '../../electron/cli/headless-engine.js';
import { createSentinelService } from '../../electron/service/index.js';
import type { SentinelService } from '../../electron/service/index.js';
import { controlledModule } from '../engine/supervisor/engine-harness.js';

export { controlledModule };

export interface ServiceHarness {
  dir: string;
  configFile: string;
  dataDir: string;
  host: HeadlessEngine;
  service: SentinelService;
  control(module: string, control: { sleepMs?: number; fail?: string; exit?: number }): Promise<void>;
  /** Opens the engine again on the same files, as a restart would (close the first one before). */
  reopen(): Promise<HeadlessEngine>;
}

/** A config with git off (tests of the service do not need commits) and the given modules. */
export function configWith(modules: Array<Record<string, unknown>>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { stage: 'test', interval: '5m', git: { enabled: false }, modules, ...extra };
}

/** Writes `config` to a temp folder and opens the engine and the service on it. */
export async function openService(config: Record<string, unknown>, options: { interval?: string } = {}): Promise<ServiceHarness> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sentinel-service-'));
  const configFile = path.join(dir, 'sentinel.json');
  await writeFile(configFile, `${JSON.stringify(config, null, 2)}\n`);
  const dataDir = path.join(dir, 'data');
  const open = () => openHeadlessEngine({ config: configFile, dataDir, interval: options.interval });
  const host = await open();
  const service = createSentinelService({ engine: host.engine, dataDir: host.dataDir, configStore: host.configStore, intervalOverride: options.interval });
  return {
    dir,
    configFile,
    dataDir: host.dataDir,
    host,
    service,
    control: (module, control) => writeFile(path.join(host.dataDir, `control-${module}.json`), JSON.stringify(control)),
    reopen: open,
  };
}

/** The data of an ok reply; fails the test with the error otherwise. */
export function data<T>(result: { ok: true; data: T } | { ok: false; error: string }): T {
  if (!result.ok) throw new Error(`expected ok, got error: ${result.error}`);
  return result.data;
}
