import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { HeadlessEngine } from '../../electron/cli/headless-engine.js';
import { configWith, controlledModule, data, openService, type ServiceHarness } from './service-harness.js';

const toClose: Array<ServiceHarness | HeadlessEngine> = [];
afterEach(async () => {
  for (const item of toClose.splice(0)) await ('host' in item ? item.host : item).close();
});

async function start(options: { interval?: string } = {}): Promise<ServiceHarness> {
  const harness = await openService(configWith([controlledModule('alpha'), controlledModule('beta')]), options);
  toClose.push(harness);
  return harness;
}

const readJson = async (file: string) => JSON.parse(await readFile(file, 'utf8')) as Record<string, any>;

describe('settings', () => {
  it('shows the config with defaults, the config file, the data folder and the schema', async () => {
    const harness = await start();
    const view = data(await harness.service.settings());
    expect(view.configFile).toBe(harness.configFile);
    expect(view.dataDir).toBe(harness.dataDir);
    expect(view.config).toMatchObject({ stage: 'test', interval: '5m', historySize: 100, detector: { threshold: 0.25, lookback: 5 } });
    expect(view.schema).toHaveProperty('properties.modules');
  });

  it('refuses a save with a bad field, naming the field, and leaves the config file untouched', async () => {
    const harness = await start();
    const before = await readFile(harness.configFile, 'utf8');
    const config = data(await harness.service.settings()).config as Record<string, any>;
    config.modules[1].timeout = 'later';
    const reply = await harness.service.saveSettings(config);
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error).toContain('modules[1].timeout');
    expect(reply.error).toContain(harness.configFile);
    expect(reply.error.split('\n')).toHaveLength(1);
    expect(await readFile(harness.configFile, 'utf8')).toBe(before);
    expect(harness.host.engine.config().config.modules[1]?.timeout).toBe('10m');
    const notConfig = await harness.service.saveSettings({ modules: 'none' });
    expect(notConfig).toMatchObject({ ok: false, kind: 'invalid' });
  });

  it('saves a good config to the file, applies it at once, and keeps it across a restart', async () => {
    const harness = await start();
    const config = data(await harness.service.settings()).config as Record<string, any>;
    config.stage = 'staging';
    config.historySize = 7;
    config.detector.threshold = 0.4;
    const saved = data(await harness.service.saveSettings(config));
    expect(saved.config).toMatchObject({ stage: 'staging', historySize: 7 });
    expect(await readJson(harness.configFile)).toMatchObject({ stage: 'staging', historySize: 7, detector: { threshold: 0.4 } });
    expect(harness.host.engine.config().config.stage).toBe('staging');
    expect(data(await harness.service.state()).thresholds.alpha?.runtime).toBe(1);
    await harness.host.close();
    toClose.splice(toClose.indexOf(harness), 1);
    const reopened = await harness.reopen();
    toClose.push(reopened);
    expect(reopened.engine.config().config).toMatchObject({ stage: 'staging', historySize: 7, detector: { threshold: 0.4 } });
  });

  it('persists switching a module off and on, and re-enabling clears the errored state', async () => {
    const harness = await start();
    expect(data(await harness.service.setEnabled('beta', false))).toBeNull();
    expect((await readJson(harness.configFile)).modules[1].enabled).toBe(false);
    expect(harness.host.engine.modules().find((module) => module.name === 'beta')?.state).toBe('disabled');
    expect(data(await harness.service.state()).modules[1]?.enabled).toBe(false);
    await harness.host.engine.runIteration();
    expect(harness.host.engine.store().history('beta').totalRuns).toBe(0);

    // Five failures in a row make alpha errored; enabling it again lets it run.
    await harness.control('alpha', { fail: 'down' });
    for (let i = 0; i < 5; i += 1) await harness.host.engine.runModuleNow('alpha');
    expect(data(await harness.service.state()).erroredModules).toEqual(['alpha']);
    expect(data(await harness.service.setEnabled('alpha', true))).toBeNull();
    expect(harness.host.engine.modules().find((module) => module.name === 'alpha')?.state).toBe('idle');

    expect(data(await harness.service.setEnabled('beta', true))).toBeNull();
    expect((await readJson(harness.configFile)).modules[1].enabled).toBe(true);
    expect(await harness.service.setEnabled('nope', true)).toMatchObject({ ok: false, kind: 'not-found' });
  });

  it('keeps the session interval override across saves that leave the interval alone', async () => {
    const harness = await start({ interval: '1h' });
    expect(harness.host.engine.config().config.interval).toBe('1h');
    const config = data(await harness.service.settings()).config as Record<string, any>;
    // The screen edits the file's config, so a save cannot write the session's interval into the file.
    expect(config.interval).toBe('5m');
    config.stage = 'edited';
    data(await harness.service.saveSettings(config));
    expect((await readJson(harness.configFile)).interval).toBe('5m');
    expect(harness.host.engine.config().config.interval).toBe('1h');
    data(await harness.service.setEnabled('beta', false));
    expect((await readJson(harness.configFile)).interval).toBe('5m');
    expect(harness.host.engine.config().config.interval).toBe('1h');

    config.interval = '2m';
    data(await harness.service.saveSettings(config));
    expect((await readJson(harness.configFile)).interval).toBe('2m');
    expect(harness.host.engine.config().config.interval).toBe('2m');
    expect(data(await harness.service.settings()).config.interval).toBe('2m');
  });
});
