import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mutate, send, serve, type ServerHarness } from './server-harness.js';

let harness: ServerHarness;
let port: number;

beforeAll(async () => {
  harness = await serve();
  port = harness.port;
  await harness.host.engine.runIteration();
});
afterAll(() => harness.close());

const get = (path: string) => send(port, { path });

describe('bad requests', () => {
  it('answers 404 for unknown routes and modules', async () => {
    for (const path of ['/api/nope', '/api', '/api/modules/alpha', '/api/modules/alpha/history/extra']) {
      const reply = await get(path);
      expect(reply.status, path).toBe(404);
      expect(reply.json.ok).toBe(false);
    }
    expect((await get('/api/modules/nope/history')).json).toEqual({ ok: false, error: 'no module named "nope"' });
    expect((await get('/api/modules/alpha/runs/999')).status).toBe(404);
    expect((await mutate(port, 'POST', '/api/modules/nope/run')).status).toBe(404);
    expect((await get('/api/logs?source=module:nope')).status).toBe(404);
  });

  it('answers 405 with Allow for a known path and the wrong method', async () => {
    const reply = await send(port, { method: 'DELETE', path: '/api/state' });
    expect(reply.status).toBe(405);
    expect(reply.headers.allow).toBe('GET');
    expect((await get('/api/modules/alpha/run')).status).toBe(405);
    expect((await mutate(port, 'POST', '/api/settings', {})).headers.allow).toBe('GET, PUT');
  });

  it('answers 403 to a mutation without the request header', async () => {
    const reply = await send(port, { method: 'POST', path: '/api/modules/alpha/run' });
    expect(reply.status).toBe(403);
    expect(reply.json.error).toContain('x-sentinel-request');
    const wrong = await send(port, { method: 'PUT', path: '/api/settings', headers: { 'x-sentinel-request': 'yes', 'content-type': 'application/json' }, body: '{}' });
    expect(wrong.status).toBe(403);
  });

  it('answers 400 to malformed JSON and to bodies, params and queries that fail validation', async () => {
    const malformed = await send(port, {
      method: 'POST',
      path: '/api/anomalies/accept',
      headers: { 'content-type': 'application/json', 'x-sentinel-request': '1' },
      body: '{"module": "alpha",',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.json.error).toMatch(/^malformed JSON/);
    const cases: Array<[string, Promise<{ status: number; json: any }>]> = [
      ['bad metric', mutate(port, 'POST', '/api/anomalies/accept', { module: 'alpha', metric: 'disk' })],
      ['missing module', mutate(port, 'POST', '/api/anomalies/accept', { metric: 'cpu' })],
      ['extra field', mutate(port, 'POST', '/api/anomalies/accept', { module: 'alpha', metric: 'cpu', admin: true })],
      ['enabled as text', mutate(port, 'POST', '/api/modules/alpha/enabled', { enabled: 'yes' })],
      ['settings as array', mutate(port, 'PUT', '/api/settings', [1, 2])],
      ['settings as null', mutate(port, 'PUT', '/api/settings', null)],
      ['empty body', mutate(port, 'POST', '/api/modules/alpha/enabled')],
      ['seq not a number', get('/api/modules/alpha/runs/abc')],
      ['seq zero', get('/api/modules/alpha/runs/0')],
      ['limit zero', get('/api/logs?source=supervisor&limit=0')],
      ['limit huge', get('/api/logs?source=supervisor&limit=100000000')],
      ['no source', get('/api/logs')],
      ['odd source', get('/api/logs?source=../../etc/passwd')],
      ['bad escape', get('/api/modules/%E0%A4%A/history')],
    ];
    for (const [what, reply] of cases) {
      const { status, json } = await reply;
      expect(status, what).toBe(400);
      expect(json.ok, what).toBe(false);
      expect(typeof json.error, what).toBe('string');
    }
    expect((await mutate(port, 'POST', '/api/anomalies/accept', { module: 'alpha', metric: 'disk' })).json.error).toContain('metric');
  });

  it('answers 415 to a body that is not JSON, and 413 to one over 64 KB', async () => {
    const text = await send(port, { method: 'PUT', path: '/api/settings', headers: { 'content-type': 'text/plain', 'x-sentinel-request': '1' }, body: '{}' });
    expect(text.status).toBe(415);
    const form = await send(port, {
      method: 'POST',
      path: '/api/modules/alpha/enabled',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-sentinel-request': '1' },
      body: 'enabled=false',
    });
    expect(form.status).toBe(415);
    const big = await mutate(port, 'PUT', '/api/settings', { stage: 'x'.repeat(70 * 1024) });
    expect(big.status).toBe(413);
    // Without a declared length (chunked), the limit still holds.
    const chunked = await send(port, {
      method: 'PUT',
      path: '/api/settings',
      headers: { 'content-type': 'application/json', 'x-sentinel-request': '1', 'transfer-encoding': 'chunked' },
      body: JSON.stringify({ stage: 'y'.repeat(200 * 1024) }),
    });
    expect(chunked.status).toBe(413);
  });

  it('survives garbage and keeps answering', async () => {
    const garbage = [
      '/api/modules/%00/history',
      '/api/modules/%2e%2e%2f%2e%2e/history',
      `/api/modules/${'a'.repeat(5000)}/history`,
      '/api/logs?source=module:&limit=-1',
      '/api/logs?source=supervisor&limit=1e3',
      '/api/%ff%fe',
      '/api/modules//runs/1',
    ];
    for (const path of garbage) {
      const reply = await get(path);
      expect(reply.status, path).toBeGreaterThanOrEqual(400);
      expect(reply.status, path).toBeLessThan(500);
    }
    for (const body of ['\u0000\u0001', '"just a string"', '1e999', '{"__proto__": {"polluted": true}}', '{"a":'.repeat(10_000)]) {
      const reply = await send(port, { method: 'PUT', path: '/api/settings', headers: { 'content-type': 'application/json', 'x-sentinel-request': '1' }, body });
      expect(reply.status).toBe(400);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // Raw bytes that are not HTTP at all.
    await new Promise<void>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => socket.end('\u0016\u0003\u0001 not http at all\r\n\r\n'));
      socket.on('data', () => undefined);
      socket.on('close', () => resolve());
      socket.on('error', () => resolve());
    });
    expect((await get('/api/state?token=&token=&limit=%zz')).status).toBe(200);
  });
});
