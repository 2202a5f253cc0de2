// Native notifications for anomalies, recoveries, persisted anomalies and errored modules. Thin Electron
// skin over the notifier; clicking one opens the module's page in the dashboard.
import { app, Notification } from 'electron';
import type { AppContext } from '../app-context.js';
import { APP_USER_MODEL_ID } from './app-user-model-id.js';
import type { SentinelNotification } from './notification-policy.js';
import { createNotifier, moduleRoute } from './notifier.js';

/** What the _electron tests read through `electronApp.evaluate` (only with SENTINEL_TEST_HOOKS=1). */
export interface SentinelNotificationsHook {
  /** Notifications the policy raised, whether or not the OS could show them. */
  raised: number;
  /** Notifications handed to the OS (Notification.isSupported() was true). */
  shown: number;
  last: SentinelNotification | null;
}

declare global {
  var __sentinelNotifications: SentinelNotificationsHook | undefined;
}

/** What setupNotifications returns. */
export interface NotificationsHandle {
  dispose(): void;
}

/** Raises native notifications from engine events, as the policy and the settings allow. */
export function setupNotifications(ctx: AppContext): NotificationsHandle {
  if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
  const hook: SentinelNotificationsHook | null = process.env.SENTINEL_TEST_HOOKS === '1' ? { raised: 0, shown: 0, last: null } : null;
  if (hook) globalThis.__sentinelNotifications = hook;
  // A notification that is garbage-collected loses its click handler (https://github.com/electron/electron/issues/16922), so
  // each is held until it is clicked or closed.
  const live = new Set<Notification>();

  const notifier = createNotifier({
    engine: ctx.engine,
    enabled: () => ctx.notificationsEnabled(),
    now: () => Date.now(),
    show(notification) {
      if (hook) {
        hook.raised += 1;
        hook.last = notification;
      }
      // Linux without a notification daemon, for one: the tray still turns red.
      if (!Notification.isSupported()) return;
      const native = new Notification({ title: notification.title, body: notification.body });
      live.add(native);
      native.on('click', () => {
        live.delete(native);
        ctx.openDashboard(moduleRoute(notification.module));
      });
      native.on('close', () => live.delete(native));
      native.show();
      if (hook) hook.shown += 1;
    },
  });
  return {
    dispose() {
      notifier.dispose();
      for (const native of live) native.close();
      live.clear();
    },
  };
}
