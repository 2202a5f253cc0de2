// The tray icon: colour and tooltip from the engine's state, a context menu of actions. Thin Electron
// skin over tray-controller, which decides everything.
import path from 'node:path';
import { app, Menu, nativeImage, Tray, type MenuItemConstructorOptions, type NativeImage } from 'electron';
import type { AppContext } from '../app-context.js';
import { isTrayAction, type MenuItemModel, type TrayAction } from './menu-model.js';
import { createTrayController, runTrayAction } from './tray-controller.js';
import { trayIconFile } from './tray-icons.js';
import type { TrayColour, TrayState } from './tray-state.js';

/** What the _electron tests read through `electronApp.evaluate` (only with SENTINEL_TEST_HOOKS=1). */
export interface SentinelTrayHook {
  state(): TrayState;
  colours(): TrayColour[];
  /** Runs a menu action as if it had been clicked; false for an unknown action. */
  dispatch(action: string): boolean;
}

declare global {
  var __sentinelTray: SentinelTrayHook | undefined;
}

/** What setupTray returns: the state, and a way to remove the tray. */
export interface TrayHandle {
  state(): TrayState;
  /** Removes the icon and stops listening to the engine. */
  dispose(): void;
}

/** Options of setupTray, for tests and unusual layouts. */
export interface TrayOptions {
  /** Where the icons are; default `<app path>/resources`, which electron-builder packs with the app. */
  resourcesDir?: string;
}

/** Shows the tray icon and keeps it in step with the engine. Call after `app.whenReady()`. */
export function setupTray(ctx: AppContext, options: TrayOptions = {}): TrayHandle {
  const resourcesDir = options.resourcesDir ?? path.join(app.getAppPath(), 'resources');
  const images = new Map<string, NativeImage>();
  const imageFor = (colour: TrayColour): NativeImage => {
    const file = trayIconFile(colour, process.platform);
    let image = images.get(file);
    if (!image) {
      image = nativeImage.createFromPath(path.join(resourcesDir, file));
      if (image.isEmpty()) console.error(`Sentinel: tray icon ${path.join(resourcesDir, file)} could not be loaded`);
      if (process.platform === 'darwin') image.setTemplateImage(true);
      images.set(file, image);
    }
    return image;
  };

  // Grey until the controller's first render, a moment later. The subscription's closure holds the
  // tray, so it is not garbage-collected (and does not vanish) while the engine lives.
  const tray = new Tray(imageFor('grey'));
  const controller = createTrayController({
    engine: ctx.engine,
    ...(ctx.launchAtLogin ? { launchAtLogin: ctx.launchAtLogin } : {}),
    render(state, menu) {
      tray.setImage(imageFor(state.colour));
      tray.setToolTip(state.tooltip);
      tray.setContextMenu(Menu.buildFromTemplate(menu.map((item) => toElectronItem(item, act))));
    },
  });
  // A declaration, not a const: the first render (inside createTrayController) already hands it to the menu.
  function act(action: TrayAction): void {
    runTrayAction(ctx, action);
    // The only change that comes from here rather than from the engine: redraw the checkbox.
    if (action === 'toggle-launch-at-login') controller.refresh();
  }
  // On Windows and most Linux panels a left click means "show me"; macOS opens the menu instead.
  if (process.platform !== 'darwin') tray.on('click', () => act('open-dashboard'));

  if (process.env.SENTINEL_TEST_HOOKS === '1') {
    globalThis.__sentinelTray = {
      state: controller.state,
      colours: controller.colours,
      dispatch(action) {
        if (!isTrayAction(action)) return false;
        act(action);
        return true;
      },
    };
  }
  return {
    state: controller.state,
    dispose() {
      controller.dispose();
      if (!tray.isDestroyed()) tray.destroy();
      if (globalThis.__sentinelTray?.state === controller.state) globalThis.__sentinelTray = undefined;
    },
  };
}

function toElectronItem(item: MenuItemModel, act: (action: TrayAction) => void): MenuItemConstructorOptions {
  switch (item.kind) {
    case 'status':
      return { label: item.label, enabled: false };
    case 'separator':
      return { type: 'separator' };
    case 'action':
      return { label: item.label, click: () => act(item.action) };
    case 'toggle':
      return { label: item.label, type: 'checkbox', checked: item.checked, click: () => act(item.action) };
  }
}
