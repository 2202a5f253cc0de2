import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../../electron/server/index.js';
import { createHttpClient } from '../../../../renderer/src/lib/client/http-client';
import { HOSTILE, serve, type ServerHarness } from '../../../server/server-harness.js';

let h: ServerHarness;
let client: ReturnType<typeof createHttpClient>;

beforeAll(async () => {
  h = await serve();
  await h.host.engine.runIteration();
  client = createHttpClient({ baseUrl: `http://127.0.0.1:${h.port}` });
});
afterAll(() => h.close());

describe("the renderer's HTTP client against the real server", () => {
  it('reads the dashboard state, with a hostile module name intact', async () => {
    const state = await client.state();
    expect(state.ok).toBe(true);
    if (!state.ok) return;
    expect(state.data.status).toBe('Performance OK');
    expect(state.data.modules.map((m) => m.name)).toEqual(['alpha', HOSTILE]);
  });

  it('sends the mutation header, so the server accepts its commands', async () => {
    expect(await client.runNow(HOSTILE)).toEqual({ ok: true, data: null });
    expect(await client.setEnabled('alpha', false)).toEqual({ ok: true, data: null });
    expect(await client.setEnabled('alpha', true)).toEqual({ ok: true, data: null });
  });

  it("passes the server's refusals on as error values", async () => {
    const accept = await client.acceptBaseline('alpha', 'runtime');
    expect(accept).toEqual({ ok: false, error: expect.stringContaining('no open anomaly') });
    const history = await client.moduleHistory('nobody');
    expect(history).toEqual({ ok: false, error: expect.stringContaining('nobody') });
    const settings = await client.saveSettings({ modules: [{ name: 'x', path: 'x.mjs', timeout: 'later' }] });
    expect(settings).toEqual({ ok: false, error: expect.stringContaining('modules[0].timeout') });
  });

  it('turns an unreachable server into an error value, never a throw', async () => {
    const offline = createHttpClient({ baseUrl: 'http://127.0.0.1:9' });
    const state = await offline.state();
    expect(state.ok).toBe(false);
  });

  describe('with a token', () => {
    let server: RunningServer;
    const token = 'a'.repeat(43);
    beforeAll(async () => {
      server = await startServer({ service: h.service, host: '0.0.0.0', port: 0, token, staticDir: h.staticDir });
    });
    afterAll(() => server.close());

    it('is refused without the token and served with it', async () => {
      const base = `http://127.0.0.1:${server.port}`;
      expect((await createHttpClient({ baseUrl: base }).state()).ok).toBe(false);
      expect((await createHttpClient({ baseUrl: base, token }).state()).ok).toBe(true);
    });
  });
});
