// The settings screen's side of the service: the config as edited, validated saves that apply at once
// and persist, and module switches that persist the same way.
import type { SettingsView } from '../shared/api.js';
import { parseDuration, type Duration } from '../engine/config/duration.js';
import { loadConfig, validateConfig, type LoadedConfig } from '../engine/config/load-config.js';
import { configJsonSchema, type SentinelConfig } from '../engine/config/schema.js';
import type { ConfigStore } from '../engine/ports.js';
import type { Engine } from '../engine/supervisor/engine.js';
import { fail, ok, type ServiceResult } from './result.js';

export interface SettingsDeps {
  engine: Engine;
  dataDir: string;
  configStore: ConfigStore;
  /** The session's interval (`sentinel serve --interval 10s`), which the config file does not hold. */
  intervalOverride?: string | undefined;
}

/** Reads and writes the config on behalf of the settings screen and the module switches. */
export interface Settings {
  view(): Promise<SettingsView>;
  save(raw: Record<string, unknown>, reason: string): Promise<ServiceResult<SettingsView>>;
  setEnabled(module: string, enabled: boolean): Promise<ServiceResult<null>>;
}

const sameDuration = (a: Duration, b: Duration): boolean => parseDuration(a) === parseDuration(b);

/** Creates the settings side over the engine and the config store. */
export function createSettings(deps: SettingsDeps): Settings {
  const { engine, configStore } = deps;
  let override = deps.intervalOverride;
  // The interval the config file holds. Under an override the engine's config carries the session's
  // interval instead, so the file's is read once from the file and then tracked through saves.
  let fileInterval: Duration | null = null;
  // Saves never interleave: two quick switches must not write one over the other.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task, task);
    queue = next.catch(() => undefined);
    return next;
  };

  async function currentFileInterval(): Promise<Duration> {
    if (override === undefined) return engine.config().config.interval;
    if (fileInterval === null) {
      const read = await loadConfig(configStore.location);
      fileInterval = read.ok ? read.loaded.config.interval : engine.config().config.interval;
    }
    return fileInterval;
  }

  // The config as the file states it (defaults filled in): what the screen edits and saves back.
  async function fileConfig(): Promise<SentinelConfig> {
    const config = structuredClone(engine.config().config);
    config.interval = await currentFileInterval();
    return config;
  }

  async function view(): Promise<SettingsView> {
    return {
      config: (await fileConfig()) as unknown as Record<string, unknown>,
      configFile: configStore.location,
      dataDir: deps.dataDir,
      schema: configJsonSchema(),
    };
  }

  async function persist(raw: Record<string, unknown>, reason: string): Promise<ServiceResult<LoadedConfig>> {
    const result = validateConfig(raw, configStore.location);
    if (!result.ok) return fail('invalid', result.message);
    const before = await currentFileInterval();
    try {
      await configStore.save(raw);
    } catch (error) {
      return fail('internal', `could not save the config to ${configStore.location}: ${(error as Error).message}`);
    }
    const { loaded } = result;
    if (override !== undefined) {
      fileInterval = loaded.config.interval;
      // A save that leaves the interval alone keeps the session's override; changing it is the user's new word.
      if (sameDuration(loaded.config.interval, before)) loaded.config.interval = override;
      else override = undefined;
    }
    engine.applyConfig(loaded, reason);
    return ok(loaded);
  }

  return {
    view,
    save: (raw, reason) =>
      serial(async () => {
        const saved = await persist(raw, reason);
        return saved.ok ? ok(await view()) : saved;
      }),
    setEnabled: (module, enabled) =>
      serial(async () => {
        const config = await fileConfig();
        const target = config.modules.find((candidate) => candidate.name === module);
        if (!target) return fail('not-found', `no module named ${JSON.stringify(module)}`);
        if (target.enabled !== enabled) {
          target.enabled = enabled;
          const saved = await persist(config as unknown as Record<string, unknown>, `${module} ${enabled ? 'enabled' : 'disabled'}`);
          if (!saved.ok) return saved;
        }
        // Also when nothing changed in the file: enabling is how a user clears the `errored` state.
        engine.setModuleEnabled(module, enabled);
        return ok(null);
      }),
  };
}
