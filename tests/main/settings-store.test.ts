// electron-store on real temp folders, in plain Node: with ELECTRON_OVERRIDE_DIST_PATH set,
// `require('electron')` returns a path instead of downloading a binary (see ENVIRONMENT.md), and
// the store is given an absolute cwd, so it never asks Electron for one.
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../electron/engine/config/load-config.js';
import type * as SettingsStoreModule from '../../electron/main/settings-store.js';

const EXAMPLE = fileURLToPath(new URL('../../electron/example/pipeline.json', import.meta.url));
let store: typeof SettingsStoreModule;

beforeAll(async () => {
  process.env.ELECTRON_OVERRIDE_DIST_PATH ??= '/nonexistent';
  // Imported only now: electron-store loads `electron` when it is first imported.
  store = await import('../../electron/main/settings-store.js');
});

const tempDataDir = (): Promise<string> => mkdtemp(path.join(os.tmpdir(), 'sentinel-settings-'));
const open = (dataDir: string) => store.openSettingsStore({ dataDir, exampleConfig: EXAMPLE, now: () => Date.UTC(2030, 0, 2, 3, 4, 5) });

describe('the settings store', () => {
  it('keeps its file in the data folder, so relative paths in the config resolve against that folder', async () => {
    const dataDir = await tempDataDir();
    const settings = await open(dataDir);
    expect(settings.location).toBe(path.join(dataDir, 'sentinel-config.json'));
    const result = settings.loadConfig();
    expect(result.ok && result.loaded.baseDir).toBe(dataDir);
  });

  it('seeds the example pipeline on first run, with module paths that reach the example from the data folder', async () => {
    const dataDir = await tempDataDir();
    const result = (await open(dataDir)).loadConfig();
    if (!result.ok) throw new Error(result.message);
    const { config, baseDir } = result.loaded;
    expect(config.modules.map((module) => module.name)).toEqual(['collector', 'signal_generator', 'backtester']);
    for (const module of config.modules) {
      expect(path.isAbsolute(module.path ?? '')).toBe(false);
      const resolved = path.resolve(baseDir, module.path ?? '');
      expect(resolved).toBe(path.join(path.dirname(EXAMPLE), 'modules', `${module.name}.mjs`));
      await expect(readFile(resolved, 'utf8')).resolves.toContain('export default');
    }
    // The same rebasing as `sentinel run` applies to data/sentinel.json.
    const example = JSON.parse(await readFile(EXAMPLE, 'utf8')) as { modules: unknown[] };
    expect(config.modules).toHaveLength(example.modules.length);
  });

  it('saves a validated config that a fresh store (the next start) reads back', async () => {
    const dataDir = await tempDataDir();
    const settings = await open(dataDir);
    const result = settings.loadConfig();
    if (!result.ok) throw new Error(result.message);
    const changed = { ...result.loaded.config, interval: '42s', detector: { ...result.loaded.config.detector, threshold: 0.4 } };
    await settings.save(changed as unknown as Record<string, unknown>);
    const reread = (await open(dataDir)).loadConfig();
    expect(reread.ok && reread.loaded.config.interval).toBe('42s');
    expect(reread.ok && reread.loaded.config.detector.threshold).toBe(0.4);
  });

  it('refuses to save an invalid config with a message naming the field, and keeps the old one', async () => {
    const dataDir = await tempDataDir();
    const settings = await open(dataDir);
    await expect(settings.save({ modules: [{ name: 'x', path: 'x.mjs', timeout: 'soon' }] })).rejects.toThrow(
      /sentinel-config\.json: modules\[0\]\.timeout: expected a duration/,
    );
    const result = (await open(dataDir)).loadConfig();
    expect(result.ok && result.loaded.config.modules[0]?.name).toBe('collector');
  });

  it('reports a stored config that does not validate (edited by hand) with the store file and the field', async () => {
    const dataDir = await tempDataDir();
    await open(dataDir);
    const file = path.join(dataDir, 'sentinel-config.json');
    const stored = JSON.parse(await readFile(file, 'utf8')) as { config: { historySize: unknown } };
    stored.config.historySize = -1;
    await writeFile(file, JSON.stringify(stored));
    const result = (await open(dataDir)).loadConfig();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(new RegExp(`config error in ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: historySize`));
  });

  it('moves a store file that is not JSON aside and starts from the example again', async () => {
    const dataDir = await tempDataDir();
    await writeFile(path.join(dataDir, 'sentinel-config.json'), '{"config": {');
    const settings = await open(dataDir);
    expect(settings.setAside).toBe(path.join(dataDir, 'sentinel-config.json.corrupt-2030-01-02T03-04-05-000Z'));
    expect(await readFile(settings.setAside ?? '', 'utf8')).toBe('{"config": {');
    expect(settings.loadConfig().ok).toBe(true);
  });

  it('keeps launchAtLogin (off by default) and tells listeners when it changes', async () => {
    const dataDir = await tempDataDir();
    const settings = await open(dataDir);
    expect(settings.launchAtLogin()).toBe(false);
    const seen: boolean[] = [];
    const unsubscribe = settings.onLaunchAtLoginChange((enabled) => seen.push(enabled));
    settings.setLaunchAtLogin(true);
    unsubscribe();
    settings.setLaunchAtLogin(false);
    settings.setLaunchAtLogin(true);
    expect(seen).toEqual([true]);
    expect((await open(dataDir)).launchAtLogin()).toBe(true);
  });

  it('writes nothing but its own file into the data folder', async () => {
    const dataDir = await tempDataDir();
    await open(dataDir);
    expect(await readdir(dataDir)).toEqual(['sentinel-config.json']);
  });

  it('holds a config that the engine loads like a config file, module paths included', async () => {
    const dataDir = await tempDataDir();
    const settings = await open(dataDir);
    const fromStore = settings.loadConfig();
    // The same config written as a plain file beside the store loads to the same result.
    const file = path.join(dataDir, 'as-file.json');
    const stored = JSON.parse(await readFile(settings.location, 'utf8')) as { config: unknown };
    await writeFile(file, JSON.stringify(stored.config));
    const fromFile = await loadConfig(file);
    expect(fromStore.ok && fromFile.ok && fromStore.loaded.config).toEqual(fromFile.ok && fromFile.loaded.config);
  });
});
