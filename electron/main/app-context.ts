// What the main process's features share. Each feature is a setupX(ctx) call in index.ts.
import type { Engine } from '../engine/supervisor/engine.js';
import type { SentinelService } from '../service/index.js';

export interface AppContext {
  engine: Engine;
  service: SentinelService;
  dataDir: string;
  /** Opens (or focuses) the dashboard window at a renderer route, e.g. `#/module/collector`. */
  openDashboard(route?: string): void;
  /** Opens (or focuses) the log viewer window (`#/logs`). */
  openLogViewer(): void;
  /** Whether native notifications are on (the config's `notifications.enabled`). */
  notificationsEnabled(): boolean;
  /** Stops modules gracefully, finishes writes, then quits. */
  quit(): Promise<void>;
  /**
   * Launch at login (kept in the settings store, applied by login-item.ts), for a tray menu item.
   * Optional only so that contexts written before it (test fakes) still type-check; index.ts sets it.
   */
  launchAtLogin?: { enabled(): boolean; set(enabled: boolean): void };
}
