// The app's life around the engine: the context the features share, quitting only after the engine
// has stopped, a second launch that opens the dashboard instead, and a start-up failure shown in words.
import { app, dialog } from 'electron';
import type { AppContext } from './app-context.js';
import type { EngineHost } from './engine-host.js';
import type { AppWindows } from './windows.js';

/** The shared context over the engine host and the windows; `quit` comes from setupQuit. */
export function createAppContext(host: EngineHost, windows: AppWindows, dataDir: string, quit: () => Promise<void>): AppContext {
  return {
    engine: host.engine,
    service: host.service,
    dataDir,
    openDashboard: (route = '') => windows.open('dashboard', route),
    openLogViewer: () => windows.open('logs', '#/logs'),
    notificationsEnabled: () => host.engine.config().config.notifications.enabled,
    quit,
    // The option lives in the config (the settings screen shows it); saving it syncs the login item.
    launchAtLogin: {
      enabled: () => host.engine.config().config.desktop.launchAtLogin,
      set: (enabled) => {
        const { config } = host.engine.config();
        void host.service.saveSettings({ ...config, desktop: { ...config.desktop, launchAtLogin: enabled } });
      },
    },
  };
}

/**
 * Holds every quit (menu, tray, Cmd+Q, SIGINT/SIGTERM) until the engine has stopped its modules within
 * their grace period and finished its writes, then lets it through. Returns the context's `quit`.
 */
export function setupQuit(host: EngineHost): () => Promise<void> {
  let stopped = false;
  let stopping: Promise<void> | null = null;
  const stop = (): Promise<void> =>
    (stopping ??= host
      .close()
      .catch((error: Error) => console.error(`Sentinel: stopping the engine failed: ${error.message}`))
      .finally(() => {
        stopped = true;
      }));
  app.on('before-quit', (event) => {
    if (stopped) return;
    event.preventDefault();
    void stop().then(() => app.quit());
  });
  // Without these, Ctrl-C in a terminal would end the process before the modules are stopped.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => app.quit());
  return () => {
    app.quit();
    return stop();
  };
}

/** A second launch (or a dock click on macOS) opens the dashboard of the running app. */
export function setupSecondInstance(ctx: AppContext): void {
  app.on('second-instance', () => ctx.openDashboard());
  app.on('activate', () => ctx.openDashboard());
}

/** Shows why the app could not start, then exits with code 1 (the engine, if any, stopped first). */
export async function failToStart(error: unknown, host: EngineHost | null): Promise<void> {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`Sentinel could not start: ${message}`);
  await host?.close().catch(() => undefined);
  dialog.showErrorBox('Sentinel could not start', message);
  app.exit(1);
}
