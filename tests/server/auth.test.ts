import { chmod, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadOrCreateToken, startServer } from '../../electron/server/index.js';
import { hostHeaderAllowed, isLoopbackHost, tokenMatches } from '../../electron/server/auth.js';
import { mutate, send, serve, type ServerHarness } from './server-harness.js';

const open: ServerHarness[] = [];
afterEach(async () => {
  for (const harness of open.splice(0)) await harness.close();
});

describe('the serve token on a non-loopback bind', () => {
  it('is required on every API call, by header or query, while static files need none', async () => {
    const first = await serve({ host: '127.0.0.1' });
    // A harness on loopback gives the engine; the token server binds all interfaces over the same service.
    open.push(first);
    const token = await loadOrCreateToken(first.dataDir);
    expect(token.created).toBe(true);
    expect(token.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await stat(token.file)).mode & 0o777).toBe(0o600);
    expect((await readFile(path.join(first.dataDir, 'serve-token'), 'utf8')).trim()).toBe(token.token);

    const server = await startServer({ service: first.service, host: '0.0.0.0', port: 0, token: token.token, staticDir: first.staticDir });
    try {
      const port = server.port;
      expect((await send(port, { path: '/api/state' })).status).toBe(401);
      expect((await send(port, { path: '/api/state', headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
      expect((await send(port, { path: '/api/state?token=wrong' })).status).toBe(401);
      expect((await send(port, { path: '/api/nope' })).status).toBe(401);
      expect((await mutate(port, 'POST', '/api/modules/alpha/run')).status).toBe(401);
      const byHeader = await send(port, { path: '/api/state', headers: { authorization: `Bearer ${token.token}` } });
      expect(byHeader.status).toBe(200);
      expect(byHeader.json.ok).toBe(true);
      expect((await send(port, { path: `/api/state?token=${token.token}` })).status).toBe(200);
      // Not loopback: any Host is fine, the token is the guard.
      expect((await send(port, { path: `/api/state?token=${token.token}`, headers: { host: 'sentinel.lan:1' } })).status).toBe(200);
      expect((await send(port, { path: '/' })).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('is reused when the file exists, and restored to mode 0600', async () => {
    const harness = await serve();
    open.push(harness);
    const first = await loadOrCreateToken(harness.dataDir);
    await chmod(first.file, 0o644);
    const second = await loadOrCreateToken(harness.dataDir);
    expect(second).toEqual({ ...first, created: false });
    expect((await stat(second.file)).mode & 0o777).toBe(0o600);
    await writeFile(first.file, 'short\n');
    expect((await loadOrCreateToken(harness.dataDir)).created).toBe(true);
  });

  it('must be given to serve on a non-loopback address', async () => {
    const harness = await serve();
    open.push(harness);
    await expect(startServer({ service: harness.service, host: '0.0.0.0', port: 0 })).rejects.toThrow(/token/);
  });
});

describe('the Host check on a loopback bind', () => {
  it('refuses a request whose Host is not this loopback server', async () => {
    const harness = await serve();
    open.push(harness);
    const { port } = harness;
    for (const host of ['evil.example', `evil.example:${port}`, `127.0.0.1:${port + 1}`, '127.0.0.1', `localhost.evil.example:${port}`]) {
      const reply = await send(port, { path: '/api/state', headers: { host } });
      expect(reply.status, host).toBe(403);
      expect(reply.json.ok).toBe(false);
    }
    expect((await send(port, { path: '/', headers: { host: 'evil.example' } })).status).toBe(403);
    expect((await send(port, { path: '/api/state', headers: { host: `localhost:${port}` } })).status).toBe(200);
    expect((await send(port, { path: '/api/state', headers: { host: `LOCALHOST:${port}` } })).status).toBe(200);
  });
});

describe('auth helpers', () => {
  it('knows loopback addresses', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]']) expect(isLoopbackHost(host), host).toBe(true);
    for (const host of ['0.0.0.0', '::', '192.168.1.10', 'example.com', '127.0.0.1.example.com']) expect(isLoopbackHost(host), host).toBe(false);
  });

  it('compares tokens of any length without throwing', () => {
    expect(tokenMatches('abc', 'abc')).toBe(true);
    expect(tokenMatches('abcd', 'abc')).toBe(false);
    expect(tokenMatches('', 'abc')).toBe(false);
    expect(tokenMatches(null, 'abc')).toBe(false);
  });

  it('accepts only the loopback names with the right port as Host', () => {
    expect(hostHeaderAllowed('127.0.0.1:4317', 4317)).toBe(true);
    expect(hostHeaderAllowed('[::1]:4317', 4317)).toBe(true);
    expect(hostHeaderAllowed(undefined, 4317)).toBe(false);
    expect(hostHeaderAllowed('localhost', 80)).toBe(true);
  });
});
