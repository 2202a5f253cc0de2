// Electron cannot run on the machines this suite runs on (see ../../../shared/ENVIRONMENT.md), so this
// one file stands a small recording Notification in for Electron's, to run setup-notifications' glue
// for real over a real engine: what is shown, where a click goes, the setting, and the test hook.
import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppContext } from '../../../electron/main/app-context.js';
import { controlledModule, harness } from '../../engine/supervisor/engine-harness.js';

const electron = vi.hoisted(() => {
  const shown: FakeNotification[] = [];
  const support = { value: true };
  class FakeNotification {
    static isSupported() {
      return support.value;
    }
    listeners = new Map<string, () => void>();
    closed = false;
    constructor(readonly options: { title: string; body: string }) {}
    on(event: string, listener: () => void) {
      this.listeners.set(event, listener);
    }
    show() {
      shown.push(this);
    }
    close() {
      this.closed = true;
    }
  }
  return { shown, support, module: { app: { setAppUserModelId: () => undefined }, Notification: FakeNotification } };
});
vi.mock('electron', () => electron.module);

const { setupNotifications } = await import('../../../electron/main/notifications/setup-notifications.js');

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
  electron.shown.length = 0;
  electron.support.value = true;
  delete process.env.SENTINEL_TEST_HOOKS;
  globalThis.__sentinelNotifications = undefined;
});

/** An app whose module `signal generator` fails once and becomes errored (maxFailures 1). */
async function appWithFailingModule(enabled: () => boolean = () => true) {
  const h = await harness({ restart: { maxFailures: 1 }, modules: [controlledModule('signal generator')] });
  const routes: string[] = [];
  const ctx: AppContext = {
    engine: h.engine,
    service: undefined as unknown as AppContext['service'],
    dataDir: h.dataDir,
    openDashboard: (route) => void routes.push(route ?? ''),
    openLogViewer: () => undefined,
    notificationsEnabled: enabled,
    quit: async () => undefined,
  };
  const handle = setupNotifications(ctx);
  cleanups.push(async () => {
    handle.dispose();
    await h.engine.stop();
    await rm(h.dataDir, { recursive: true, force: true });
  });
  await h.control('signal generator', { fail: 'upstream returned 503' });
  return { h, routes, handle };
}

describe('setupNotifications', () => {
  it("shows a native notification when a module becomes errored, and a click opens that module's page", async () => {
    const { h, routes } = await appWithFailingModule();
    await h.engine.runIteration();
    expect(electron.shown.map((n) => n.options)).toEqual([
      { title: 'Module errored: signal generator', body: 'Stopped after 1 failure in a row (upstream returned 503). Re-enable it from the dashboard.' },
    ]);
    electron.shown[0]?.listeners.get('click')?.();
    expect(routes).toEqual(['#/module/signal%20generator']);
  });

  it('shows nothing while notifications are off in the settings', async () => {
    const { h } = await appWithFailingModule(() => false);
    await h.engine.runIteration();
    expect(electron.shown).toEqual([]);
  });

  it('counts what it raised and what it showed for the desktop tests when SENTINEL_TEST_HOOKS=1, even where the OS cannot show it', async () => {
    process.env.SENTINEL_TEST_HOOKS = '1';
    electron.support.value = false;
    const { h } = await appWithFailingModule();
    await h.engine.runIteration();
    expect(electron.shown).toEqual([]);
    expect(globalThis.__sentinelNotifications).toMatchObject({ raised: 1, shown: 0, last: { kind: 'errored', module: 'signal generator' } });
  });

  it('keeps no test hook without SENTINEL_TEST_HOOKS, and closes what is still showing when disposed', async () => {
    const { h, handle } = await appWithFailingModule();
    await h.engine.runIteration();
    expect(globalThis.__sentinelNotifications).toBeUndefined();
    handle.dispose();
    expect(electron.shown[0]?.closed).toBe(true);
  });
});
