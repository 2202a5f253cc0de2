// The engine inside the desktop app: the shared assembly (electron/hosts/node/engine-assembly.ts, as
// `sentinel run` uses it) with utility processes for modules and electron-store for the config, and
// the service that IPC serves.
import { parseDuration } from '../engine/config/duration.js';
import type { Engine } from '../engine/supervisor/engine.js';
import { assembleEngine } from '../hosts/node/engine-assembly.js';
import { createSentinelService, type SentinelService } from '../service/index.js';
import type { AppPaths } from './app-paths.js';
import { demoFaultsRequested, usesExampleModules } from './example-pipeline.js';
import { openSettingsStore, type SettingsStore } from './settings-store.js';
import { createUtilityLauncher } from './utility-launcher.js';

/** The running engine, its service and the settings store, and how to stop them. */
export interface EngineHost {
  engine: Engine;
  service: SentinelService;
  settings: SettingsStore;
  /** Stops the modules within their grace period, finishes writes, releases the data folder. */
  close(): Promise<void>;
}

/** A reason the app cannot start (a bad stored config): shown to the user as it is. */
export class StartupError extends Error {}

/** Opens the settings, validates the config, takes the data folder and loads the engine (not started). */
export async function setupEngineHost(dataDir: string, paths: AppPaths): Promise<EngineHost> {
  const settings = await openSettingsStore({ dataDir, exampleConfig: paths.exampleConfig });
  if (settings.setAside) console.error(`Sentinel: ${settings.location} was not valid JSON; it was moved to ${settings.setAside}`);
  const result = settings.loadConfig();
  if (!result.ok) throw new StartupError(result.message);
  // SENTINEL_INTERVAL holds for this session only, as `sentinel run --interval` does.
  const interval = process.env.SENTINEL_INTERVAL;
  if (interval !== undefined && parseDuration(interval) === null) {
    throw new StartupError(`SENTINEL_INTERVAL: expected a duration such as 10s, 5m or 1h (got ${JSON.stringify(interval)})`);
  }
  if (interval !== undefined) result.loaded.config.interval = interval;
  const { engine, close } = await assembleEngine({
    loaded: result.loaded,
    dataDir,
    launcher: createUtilityLauncher({ runnerPath: paths.runner }),
    oddsFeed: usesExampleModules(result.loaded, paths.exampleDir),
    demoFaults: demoFaultsRequested(process.env),
    retries: true,
  });
  const service = createSentinelService({ engine, dataDir, configStore: settings, ...(interval === undefined ? {} : { intervalOverride: interval }) });
  let closing: Promise<void> | null = null;
  return { engine, service, settings, close: () => (closing ??= close()) };
}
