// Launch at login: the config's `desktop.launchAtLogin` (the settings screen and the tray menu change it),
// mirrored into the settings store and applied with app.setLoginItemSettings at start and on each change.
import { app } from 'electron';
import type { Engine } from '../engine/supervisor/engine.js';
import type { SettingsStore } from './settings-store.js';

/** The argument a login launch passes, so the app starts in the tray without opening a window. */
export const HIDDEN_ARG = '--hidden';

/** Applies the setting now and on each change; returns the unsubscribe function. */
export function setupLoginItem(settings: SettingsStore, engine: Engine): () => void {
  const apply = (openAtLogin: boolean): void => {
    // From source, the login item would be the bare Electron binary without this app: do nothing.
    if (!app.isPackaged) return;
    try {
      // Windows and macOS only; Linux has no login items in Electron (use the desktop's autostart).
      app.setLoginItemSettings({ openAtLogin, args: [HIDDEN_ARG] });
    } catch (error) {
      console.error(`Sentinel: could not change launch at login: ${(error as Error).message}`);
    }
  };
  const sync = (): void => {
    const wanted = engine.config().config.desktop.launchAtLogin;
    if (settings.launchAtLogin() !== wanted) settings.setLaunchAtLogin(wanted);
  };
  apply(settings.launchAtLogin());
  const stopApplying = settings.onLaunchAtLoginChange(apply);
  sync();
  const stopSyncing = engine.subscribe((event) => {
    if (event.type === 'config') sync();
  });
  return () => {
    stopSyncing();
    stopApplying();
  };
}
