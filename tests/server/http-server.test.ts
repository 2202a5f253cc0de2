import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { controlledModule } from '../service/service-harness.js';
import { HOSTILE, mutate, send, serve, type ServerHarness } from './server-harness.js';

const QUICK_DETECTOR = { threshold: 1, lookback: 2, floors: { runtime: 0.3, cpu: 1e6, memory: 1e6, apiLatency: 1e6 } };
let harness: ServerHarness;
let port: number;

beforeAll(async () => {
  harness = await serve({}, [controlledModule('alpha', { detector: QUICK_DETECTOR }), controlledModule(HOSTILE)]);
  port = harness.port;
  await harness.host.engine.runIteration();
});
afterAll(() => harness.close());

const get = (path: string) => send(port, { path });
const enc = encodeURIComponent;

describe('the API routes', () => {
  it('answers GET /api/state with every module', async () => {
    const reply = await get('/api/state');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(reply.headers['cache-control']).toBe('no-store');
    expect(reply.headers['access-control-allow-origin']).toBeUndefined();
    expect(reply.json.ok).toBe(true);
    expect(reply.json.data.modules.map((module: { name: string }) => module.name)).toEqual(['alpha', HOSTILE]);
  });

  it('answers a module history and a run detail, with the module name as a URL-encoded segment', async () => {
    const history = await get(`/api/modules/${enc(HOSTILE)}/history`);
    expect(history.status).toBe(200);
    expect(history.json.data.module.name).toBe(HOSTILE);
    expect(history.json.data.runs).toHaveLength(1);
    const detail = await get(`/api/modules/${enc(HOSTILE)}/runs/1`);
    expect(detail.status).toBe(200);
    expect(detail.json.data).toMatchObject({ module: HOSTILE, seq: 1 });
  });

  it('answers anomalies, and accepts the baseline of an open anomaly', async () => {
    await harness.control('alpha', { sleepMs: 50 });
    await harness.host.engine.runModuleNow('alpha');
    await harness.host.engine.runModuleNow('alpha');
    await harness.control('alpha', { sleepMs: 1500 });
    await harness.host.engine.runModuleNow('alpha');
    await harness.control('alpha', {});
    const anomalies = await get('/api/anomalies');
    expect(anomalies.status).toBe(200);
    expect(anomalies.json.data.open).toMatchObject([{ module: 'alpha', metric: 'runtime', unit: 's' }]);
    expect(anomalies.json.data.history[0]).toMatchObject({ event: 'anomaly', module: 'alpha' });
    const accepted = await mutate(port, 'POST', '/api/anomalies/accept', { module: 'alpha', metric: 'runtime' });
    expect(accepted.status).toBe(200);
    expect(accepted.json).toEqual({ ok: true, data: null });
    const again = await mutate(port, 'POST', '/api/anomalies/accept', { module: 'alpha', metric: 'runtime' });
    expect(again.status).toBe(409);
    expect(again.json).toEqual({ ok: false, error: 'no open anomaly on alpha - runtime' });
  });

  it('starts a run with 202', async () => {
    const reply = await mutate(port, 'POST', `/api/modules/${enc(HOSTILE)}/run`);
    expect(reply.status).toBe(202);
    expect(reply.json).toEqual({ ok: true, data: null });
  });

  it('switches a module off and on, persisting it', async () => {
    const off = await mutate(port, 'POST', `/api/modules/${enc(HOSTILE)}/enabled`, { enabled: false });
    expect(off.status).toBe(200);
    expect(JSON.parse(await readFile(harness.configFile, 'utf8')).modules[1].enabled).toBe(false);
    const on = await mutate(port, 'POST', `/api/modules/${enc(HOSTILE)}/enabled`, { enabled: true });
    expect(on.status).toBe(200);
    expect(JSON.parse(await readFile(harness.configFile, 'utf8')).modules[1].enabled).toBe(true);
  });

  it('lists log sources and returns log lines', async () => {
    const sources = await get('/api/logs/sources');
    expect(sources.status).toBe(200);
    expect(sources.json.data.map((source: { id: string }) => source.id)).toEqual(['anomalies', 'supervisor', 'module:alpha', `module:${HOSTILE}`]);
    const lines = await get(`/api/logs?source=${enc('module:alpha')}&limit=5`);
    expect(lines.status).toBe(200);
    expect(lines.json.data.length).toBeGreaterThan(0);
    expect(lines.json.data.length).toBeLessThanOrEqual(5);
    expect(lines.json.data[0]).toMatchObject({ source: 'module:alpha', module: 'alpha' });
    expect((await get('/api/logs?source=supervisor')).json.data.some((line: { text: string }) => line.text.includes('iteration 1'))).toBe(true);
  });

  it('shows the settings and saves good ones; a bad field is a 400 that names it', async () => {
    const settings = await get('/api/settings');
    expect(settings.status).toBe(200);
    expect(settings.json.data.configFile).toBe(harness.configFile);
    const config = settings.json.data.config;
    const bad = await mutate(port, 'PUT', '/api/settings', { ...config, historySize: -1 });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toContain('historySize');
    const good = await mutate(port, 'PUT', '/api/settings', { ...config, stage: 'via-http' });
    expect(good.status).toBe(200);
    expect(good.json.data.config.stage).toBe('via-http');
    expect(JSON.parse(await readFile(harness.configFile, 'utf8')).stage).toBe('via-http');
  });
});
