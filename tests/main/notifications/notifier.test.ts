import { rm } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { SentinelNotification } from '../../../electron/main/notifications/notification-policy.js';
import { createNotifier, moduleRoute } from '../../../electron/main/notifications/notifier.js';
import { parseRoute } from '../../../renderer/src/lib/router/routes.js';
import { controlledModule, harness } from '../../engine/supervisor/engine-harness.js';

describe('the notifier over a real engine', () => {
  it('raises a notification when a module becomes errored, and reads the setting on every event', async () => {
    const h = await harness({ restart: { maxFailures: 1 }, modules: [controlledModule('bad')] });
    try {
      let enabled = false;
      const shown: SentinelNotification[] = [];
      const notifier = createNotifier({ engine: h.engine, enabled: () => enabled, now: () => Date.now(), show: (n) => shown.push(n) });
      await h.control('bad', { fail: 'feed offline' });
      // Off in the settings: the module errors and nothing is said.
      await h.engine.runIteration();
      expect(h.engine.modules()[0]?.state).toBe('errored');
      expect(shown).toEqual([]);
      // Turned on without a restart: the next time it errors, the user hears of it.
      enabled = true;
      h.engine.setModuleEnabled('bad', true);
      await h.engine.runIteration();
      expect(shown).toEqual([
        { kind: 'errored', title: 'Module errored: bad', body: 'Stopped after 1 failure in a row (feed offline). Re-enable it from the dashboard.', module: 'bad' },
      ]);
      expect(notifier.raised()).toBe(1);
      notifier.dispose();
      h.engine.setModuleEnabled('bad', true);
      await h.engine.runIteration();
      expect(notifier.raised()).toBe(1);
    } finally {
      await h.engine.stop();
      await rm(h.dataDir, { recursive: true, force: true });
    }
  });
});

describe('the click-through route', () => {
  it("opens the module's page, for any module name the dashboard can route to", () => {
    for (const name of ['collector', 'signal generator', 'a/b?c#d', '<img src=x onerror=alert(1)>', 'ß € 日本', '100%']) {
      const route = moduleRoute(name);
      expect(route.startsWith('#/module/')).toBe(true);
      expect(parseRoute(route)).toEqual({ name: 'module', module: name });
    }
  });
});
