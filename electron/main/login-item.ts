// Launch at login: the `launchAtLogin` setting of the settings store, applied with
// app.setLoginItemSettings at start and whenever it changes. The setting is changed through
// AppContext.launchAtLogin (the tray menu can offer it); the renderer's settings screen does not show it.
import { app } from 'electron';
import type { SettingsStore } from './settings-store.js';

/** The argument a login launch passes, so the app starts in the tray without opening a window. */
export const HIDDEN_ARG = '--hidden';

/** Applies the setting now and on each change; returns the unsubscribe function. */
export function setupLoginItem(settings: SettingsStore): () => void {
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
  apply(settings.launchAtLogin());
  return settings.onLaunchAtLoginChange(apply);
}
