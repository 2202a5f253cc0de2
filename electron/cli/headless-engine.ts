// Assembles the engine with the Node implementations of its ports, for `sentinel run` and `sentinel serve`.
import path from 'node:path';
import { exampleConfigIn } from '../engine/config/example-config.js';
import { createJsonConfigStore } from '../engine/config/json-config-store.js';
import { loadConfig, type LoadedConfig } from '../engine/config/load-config.js';
import { parseDuration } from '../engine/config/duration.js';
import type { ConfigStore } from '../engine/ports.js';
import type { Engine } from '../engine/supervisor/engine.js';
import { createChildProcessLauncher } from '../hosts/node/child-process-launcher.js';
import { assembleEngine } from '../hosts/node/engine-assembly.js';

export interface HeadlessOptions {
  config?: string | undefined;
  dataDir: string;
  interval?: string | undefined;
  once?: boolean;
  demoFaults?: boolean;
}

export interface HeadlessEngine {
  engine: Engine;
  loaded: LoadedConfig;
  dataDir: string;
  /** Where settings changes persist: the config file. */
  configStore: ConfigStore;
  /** Stops the engine, the demo feed and releases the data folder. */
  close(): Promise<void>;
}

/** A user error: printed as one line, exit code 2, nothing written. */
export class UsageError extends Error {}

/** Validates the config and flags, takes the data folder's lock and builds the engine. */
export async function openHeadlessEngine(options: HeadlessOptions): Promise<HeadlessEngine> {
  if (options.interval !== undefined && parseDuration(options.interval) === null) {
    throw new UsageError(`--interval: expected a duration such as 10s, 5m or 1h (got ${JSON.stringify(options.interval)})`);
  }
  const usingExample = options.config === undefined;
  const dataDir = path.resolve(options.dataDir);
  // A given config is validated before anything is written; the example's is created in the data folder.
  const configFile = options.config ?? (await exampleConfigIn(dataDir));
  const result = await loadConfig(configFile);
  if (!result.ok) throw new UsageError(result.message);
  const loaded = result.loaded;
  // --interval applies to this session only; the config file keeps its own.
  if (options.interval !== undefined) loaded.config.interval = options.interval;
  const { engine, close } = await assembleEngine({
    loaded,
    dataDir,
    launcher: createChildProcessLauncher(),
    oddsFeed: usingExample,
    demoFaults: options.demoFaults ?? false,
    retries: !options.once,
  });
  return { engine, loaded, dataDir, configStore: createJsonConfigStore(loaded.file), close };
}
