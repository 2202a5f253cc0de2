import { mkdtemp, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/server/reply.js';
import { startServer } from '../../electron/server/index.js';
import { send, serve, type ServerHarness } from './server-harness.js';

let harness: ServerHarness;
beforeAll(async () => {
  harness = await serve();
  // A symlink inside the served folder that points outside it.
  await symlink(path.join(harness.staticDir, '..', 'secret.txt'), path.join(harness.staticDir, 'assets', 'link.txt'));
});
afterAll(() => harness.close());

const get = (pathname: string) => send(harness.port, { path: pathname });

describe('static files', () => {
  it('serves index.html at / and assets with their content types', async () => {
    const index = await get('/');
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.text).toContain('<title>Sentinel</title>');
    expect((await get('/assets/app.js')).headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await get('/assets/app.css')).headers['content-type']).toBe('text/css; charset=utf-8');
    expect((await send(harness.port, { method: 'HEAD', path: '/assets/app.js' })).status).toBe(200);
    expect((await get('/assets/missing.js')).status).toBe(404);
    expect((await get('/assets')).status).toBe(404);
    expect((await send(harness.port, { method: 'POST', path: '/' })).status).toBe(405);
  });

  it('puts the security headers on every response, and no-store on the API', async () => {
    for (const pathname of ['/', '/assets/app.js', '/nope', '/api/state', '/api/nope']) {
      const reply = await get(pathname);
      expect(reply.headers['content-security-policy'], pathname).toBe(CONTENT_SECURITY_POLICY);
      expect(reply.headers['x-content-type-options'], pathname).toBe('nosniff');
      expect(reply.headers['referrer-policy'], pathname).toBe('no-referrer');
      expect(reply.headers['access-control-allow-origin'], pathname).toBeUndefined();
    }
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect((await get('/api/state')).headers['cache-control']).toBe('no-store');
  });

  it('refuses every path traversal', async () => {
    const attempts = [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2e%2e%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/assets/%2e%2e%5c%2e%2e%5csecret.txt',
      '//secret.txt',
      '/assets/link.txt',
      '/.%2e/secret.txt',
      '/%00/../secret.txt',
      `/${encodeURIComponent(path.join(harness.staticDir, '..', 'secret.txt'))}`,
      '/%',
      'secret.txt',
      'http://127.0.0.1/../secret.txt',
    ];
    for (const attempt of attempts) {
      const reply = await get(attempt);
      expect(reply.status, attempt).toBeGreaterThanOrEqual(400);
      expect(reply.text, attempt).not.toContain('root:x');
    }
    // The URL parser resolves dot segments first, so `/..` is the root itself.
    expect((await get('/..')).text).toContain('<title>Sentinel</title>');
  });

  it('answers / with 503 and how to build when the dashboard is not built', async () => {
    const empty = await mkdtemp(path.join(os.tmpdir(), 'sentinel-unbuilt-'));
    const server = await startServer({ service: harness.service, port: 0, staticDir: empty });
    try {
      const reply = await send(server.port, { path: '/' });
      expect(reply.status).toBe(503);
      expect(reply.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(reply.text).toContain('npm run build');
      expect((await send(server.port, { path: '/api/state' })).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
