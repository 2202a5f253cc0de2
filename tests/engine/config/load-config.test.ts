import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../electron/engine/config/load-config.js';
import { configJsonSchema } from '../../../electron/engine/config/schema.js';

async function configFile(body: unknown): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sentinel-config-'));
  const file = path.join(dir, 'sentinel.json');
  await writeFile(file, typeof body === 'string' ? body : JSON.stringify(body));
  return file;
}

const module = { name: 'collector', path: 'collector.mjs' };

describe('config loading', () => {
  it('fills in the documented defaults', async () => {
    const result = await loadConfig(await configFile({ modules: [module] }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { config } = result.loaded;
    expect(config.interval).toBe('5m');
    expect(config.historySize).toBe(100);
    expect(config.detector).toMatchObject({ threshold: 0.25, lookback: 5, recoveryWindow: 3 });
    expect(config.modules[0]).toMatchObject({ timeout: '10m', enabled: true });
    expect(config.git).toMatchObject({ enabled: true, repository: null, okCommitInterval: 1, push: false });
  });

  it.each([
    ['a missing file', null, /file not found/],
    ['invalid JSON', '{"modules": [', /not valid JSON/],
    ['no modules', { modules: [] }, /modules: .*at least 1|modules: Too small/i],
    ['a bad duration', { modules: [{ ...module, timeout: 'soon' }] }, /modules\[0\]\.timeout: expected a duration .*\(got "soon"\)/],
    ['both path and command', { modules: [{ ...module, command: ['python3', 'x.py'] }] }, /modules\[0\]: give exactly one of "path"/],
    ['a bad cron expression', { modules: [{ ...module, cron: 'every hour' }] }, /modules\[0\]\.cron: expected a cron expression/],
    ['duplicate names', { modules: [module, module] }, /modules\[1\]\.name: duplicate module name "collector"/],
    ['an unknown field', { modules: [module], intervall: '5m' }, /intervall/],
    ['a threshold of zero', { modules: [module], detector: { threshold: 0 } }, /detector\.threshold/],
  ])('rejects %s with one clear message naming the file and field', async (_name, body, pattern) => {
    const file = body === null ? path.join(os.tmpdir(), 'no-such-dir', 'sentinel.json') : await configFile(body);
    const result = await loadConfig(file);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain(file);
    expect(result.message).toMatch(pattern);
    expect(result.message.split('\n')).toHaveLength(1);
  });

  it('publishes a JSON Schema that matches the committed one, so editors check configs', async () => {
    const committed = JSON.parse(await readFile(new URL('../../../resources/sentinel.schema.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(configJsonSchema());
  });
});
