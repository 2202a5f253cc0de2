// The desktop app's ConfigStore: electron-store's JSON file in the data folder (`sentinel-config.json`),
// holding the pipeline config under `config` and the app's own `launchAtLogin`. The config's relative
// paths resolve against the store file's folder, which is the data folder.
import { rename } from 'node:fs/promises';
import path from 'node:path';
import Store from 'electron-store';
import { rebasedExampleConfig } from '../engine/config/example-config.js';
import { validateConfig, type ConfigResult } from '../engine/config/load-config.js';
import type { ConfigStore } from '../engine/ports.js';

/** The store's name: the file is `<dataDir>/sentinel-config.json`. */
export const SETTINGS_STORE_NAME = 'sentinel-config';

interface StoredSettings {
  config?: Record<string, unknown>;
  launchAtLogin: boolean;
}

/** The pipeline config (a ConfigStore for the engine's service) plus the app's own settings. */
export interface SettingsStore extends ConfigStore {
  /** The stored config, validated; a bad one names the store file and the field. */
  loadConfig(): ConfigResult;
  launchAtLogin(): boolean;
  setLaunchAtLogin(enabled: boolean): void;
  /** Called after each change of launchAtLogin; returns the unsubscribe function. */
  onLaunchAtLoginChange(listener: (enabled: boolean) => void): () => void;
  /** Where an unreadable store file was moved on opening, if it was. */
  readonly setAside: string | null;
}

/** Where the store lives and what seeds it. */
export interface SettingsStoreOptions {
  /** Absolute path of the data folder. */
  dataDir: string;
  /** The example pipeline that seeds `config` on first run. */
  exampleConfig: string;
  /** For tests: the clock that names a file moved aside. */
  now?: () => number;
}

/**
 * Opens the store, seeding `config` from the example on first run with its paths rebased relative to
 * the data folder (the rule `sentinel run` applies to its data/sentinel.json). A store file that is not
 * JSON is moved to `sentinel-config.json.corrupt-<time>` and a fresh one seeded, as performance.json is.
 */
export async function openSettingsStore(options: SettingsStoreOptions): Promise<SettingsStore> {
  const { dataDir } = options;
  let setAside: string | null = null;
  let store: Store<StoredSettings>;
  try {
    store = createStore(dataDir);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    const file = path.join(dataDir, `${SETTINGS_STORE_NAME}.json`);
    setAside = `${file}.corrupt-${new Date(options.now?.() ?? Date.now()).toISOString().replace(/[:.]/g, '-')}`;
    await rename(file, setAside);
    store = createStore(dataDir);
  }
  if (store.get('config') === undefined) store.set('config', await rebasedExampleConfig(dataDir, options.exampleConfig));
  const location = store.path;
  return {
    location,
    setAside,
    loadConfig: () => validateConfig(store.get('config'), location),
    async save(config) {
      // The service validates before saving; checking again keeps a bad config out of the store whoever calls.
      const checked = validateConfig(config, location);
      if (!checked.ok) throw new Error(checked.message);
      store.set('config', config);
    },
    launchAtLogin: () => store.get('launchAtLogin') === true,
    setLaunchAtLogin: (enabled) => store.set('launchAtLogin', enabled),
    onLaunchAtLoginChange: (listener) => store.onDidChange('launchAtLogin', (value) => listener(value === true)),
  };
}

function createStore(dataDir: string): Store<StoredSettings> {
  return new Store<StoredSettings>({
    name: SETTINGS_STORE_NAME,
    cwd: dataDir,
    defaults: { launchAtLogin: false },
    // Keys are fixed names; dots inside values (file names, module names) must never become paths.
    accessPropertiesByDotNotation: false,
    clearInvalidConfig: false,
  });
}
