import { mkdtemp, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exited, sentinel, startSentinel, waitFor } from '../cli-harness.js';

const tempDir = () => mkdtemp(path.join(os.tmpdir(), 'sentinel-serve-'));
const URL_LINE = /Sentinel dashboard: (http:\/\/127\.0\.0\.1:\d+\/)(#token=([\w-]+))?\n/;

describe('sentinel serve', () => {
  it('prints the dashboard URL, answers /api/state there, and exits 0 on SIGTERM', async () => {
    const data = path.join(await tempDir(), 'data');
    const serve = startSentinel(['serve', '--port', '0', '--data', data, '--interval', '1h']);
    try {
      const url = await waitFor(() => URL_LINE.exec(serve.output())?.[1], 30_000, 'the dashboard URL');
      expect(URL_LINE.exec(serve.output())?.[2]).toBeUndefined();
      const reply = await fetch(new URL('api/state', url));
      expect(reply.status).toBe(200);
      const body = (await reply.json()) as { ok: boolean; data: { modules: Array<{ name: string }> } };
      expect(body.ok).toBe(true);
      expect(body.data.modules.map((module) => module.name)).toEqual(['collector', 'signal_generator', 'backtester']);
      const settings = (await (await fetch(new URL('api/settings', url))).json()) as { data: { config: { interval: string } } };
      // The session's --interval is not the file's: the settings screen shows the file's.
      expect(settings.data.config.interval).toBe('5m');
    } finally {
      serve.child.kill('SIGTERM');
    }
    expect(await exited(serve.child)).toEqual({ code: 0, signal: null });
  }, 60_000);

  it('requires a token on a non-loopback bind and prints it once in the URL', async () => {
    const data = path.join(await tempDir(), 'data');
    const serve = startSentinel(['serve', '--port', '0', '--host', '0.0.0.0', '--data', data, '--interval', '1h']);
    try {
      const match = await waitFor(() => URL_LINE.exec(serve.output()) ?? undefined, 30_000, 'the dashboard URL');
      const [, url = '', , token = ''] = match;
      expect(token).toMatch(/^[\w-]{43}$/);
      expect(serve.output()).toContain(path.join(data, 'serve-token'));
      expect((await stat(path.join(data, 'serve-token'))).mode & 0o777).toBe(0o600);
      expect((await fetch(new URL('api/state', url))).status).toBe(401);
      expect((await fetch(new URL('api/state', url), { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    } finally {
      serve.child.kill('SIGTERM');
    }
    expect(await exited(serve.child)).toEqual({ code: 0, signal: null });
  }, 60_000);

  it('says so in one line and exits 1 when the port is in use', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as AddressInfo;
    try {
      const data = path.join(await tempDir(), 'data');
      const result = await sentinel(['serve', '--port', String(port), '--data', data, '--interval', '1h']);
      expect(result.code).toBe(1);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toContain(`port ${port}`);
      expect(result.stderr).toContain('in use');
    } finally {
      blocker.close();
    }
  }, 60_000);

  it('rejects a bad config or port with exit code 2', async () => {
    const dir = await tempDir();
    const badConfig = await sentinel(['serve', '--config', path.join(dir, 'missing.json'), '--data', path.join(dir, 'data'), '--port', '0']);
    expect(badConfig.code).toBe(2);
    expect(badConfig.stderr).toContain('missing.json');
    const badPort = await sentinel(['serve', '--port', 'http', '--data', path.join(dir, 'data')]);
    expect(badPort.code).toBe(2);
    expect(badPort.stderr).toContain('--port');
  });
});
