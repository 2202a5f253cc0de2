// Entry of the desktop app's main process: one setupX() per feature, in order. Sentinel lives in the
// tray: closing every window keeps it running, and quitting stops the modules gracefully first.
import { app } from 'electron';
import { EVENT_CHANNEL } from '../shared/ipc.js';
import { createAppContext, failToStart, setupQuit, setupSecondInstance } from './app-lifecycle.js';
import { appPaths } from './app-paths.js';
import { dataFolder } from './data-folder.js';
import { setupEngineHost, type EngineHost } from './engine-host.js';
import { setupIpc } from './ipc.js';
import { setupLiveSamples } from './live-samples.js';
import { HIDDEN_ARG, setupLoginItem } from './login-item.js';
import { setupNotifications } from './notifications/setup-notifications.js';
import { setupSessionSecurity } from './security.js';
import { setupTray } from './tray/setup-tray.js';
import { setupWindows } from './windows.js';

let host: EngineHost | null = null;

async function start(): Promise<void> {
  const paths = appPaths(app.getAppPath());
  const dataDir = dataFolder({
    isPackaged: app.isPackaged,
    appPath: app.getAppPath(),
    userDataPath: app.getPath('userData'),
    override: process.env.SENTINEL_DATA_DIR,
  });
  setupSessionSecurity();
  host = await setupEngineHost(dataDir, paths);
  const windows = setupWindows(paths);
  const ctx = createAppContext(host, windows, dataDir, setupQuit(host));
  setupIpc(ctx, windows);
  setupLiveSamples({ engine: host.engine, emit: (sample) => windows.broadcast(EVENT_CHANNEL, sample) });
  setupTray(ctx);
  setupNotifications(ctx);
  setupLoginItem(host.settings, host.engine);
  setupSecondInstance(ctx);
  host.engine.start();
  if (!process.argv.includes(HIDDEN_ARG)) ctx.openDashboard();
}

// Every renderer sandboxed, whatever a window's own settings say.
app.enableSandbox();
if (!app.requestSingleInstanceLock()) {
  // Another Sentinel runs: its 'second-instance' handler opens its dashboard; this one leaves.
  app.quit();
} else {
  // A tray app: no window is not a reason to quit.
  app.on('window-all-closed', () => {});
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => failToStart(error, host));
}
