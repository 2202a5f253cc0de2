// The app's two windows, the dashboard and the log viewer: one of each, focused when asked for again.
// Every window is sandboxed (web-preferences.ts), shows only our renderer file, and can neither
// navigate away nor open other windows.
import { BrowserWindow, type WebContents, type WebFrameMain } from 'electron';
import { isRendererUrl, type AppPaths } from './app-paths.js';
import type { WindowWebPreferences } from './web-preferences.js';

/** The windows the app creates. */
export type WindowKind = 'dashboard' | 'logs';

const LOOK: Record<WindowKind, { title: string; width: number; height: number }> = {
  dashboard: { title: 'Sentinel', width: 1280, height: 860 },
  logs: { title: 'Sentinel: logs', width: 1100, height: 760 },
};

/** The open windows, and the checks IPC makes against them. */
export interface AppWindows {
  /** Opens the window of `kind` at `route` (e.g. `#/module/collector`), or shows and focuses the open one there. */
  open(kind: WindowKind, route: string): void;
  /** Sends to every open window of ours. */
  broadcast(channel: string, payload: unknown): void;
  /** True when `frame` is the top frame of one of our windows and shows our renderer file. */
  isOurFrame(sender: WebContents, frame: WebFrameMain | null): boolean;
}

/** Refuses every navigation away from the loaded page and every window.open / target=_blank. */
export function guardNavigation(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** A route as loadFile's `hash` takes it: `/module/x` for `#/module/x`. */
function hashOf(route: string): string {
  return route.startsWith('#') ? route.slice(1) : route;
}

/** Creates a sandboxed window of `kind` showing the renderer at `route`. */
export function createAppWindow(kind: WindowKind, route: string, paths: AppPaths): BrowserWindow {
  const look = LOOK[kind];
  const window = new BrowserWindow({
    title: look.title,
    width: look.width,
    height: look.height,
    minWidth: 640,
    minHeight: 480,
    show: false,
    autoHideMenuBar: true,
    // SECURE_WEB_PREFERENCES, written out (see WindowWebPreferences): `satisfies` makes tsc reject any difference.
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      preload: paths.preload,
    } satisfies WindowWebPreferences,
  });
  guardNavigation(window.webContents);
  window.once('ready-to-show', () => window.show());
  window.loadFile(paths.rendererIndex, { hash: hashOf(route) }).catch((error: Error) => {
    console.error(`Sentinel: the ${kind} window could not load ${paths.rendererIndex}: ${error.message}`);
  });
  return window;
}

/** Keeps one window per kind. */
export function setupWindows(paths: AppPaths): AppWindows {
  const open = new Map<WindowKind, BrowserWindow>();
  const live = (): BrowserWindow[] => [...open.values()].filter((window) => !window.isDestroyed());
  return {
    open(kind, route) {
      const existing = open.get(kind);
      if (existing && !existing.isDestroyed()) {
        // Same document, new hash: the renderer's router follows without a reload.
        if (route) void existing.webContents.loadFile(paths.rendererIndex, { hash: hashOf(route) }).catch(() => undefined);
        if (existing.isMinimized()) existing.restore();
        existing.show();
        existing.focus();
        return;
      }
      const window = createAppWindow(kind, route, paths);
      open.set(kind, window);
      window.on('closed', () => {
        if (open.get(kind) === window) open.delete(kind);
      });
    },
    broadcast(channel, payload) {
      for (const window of live()) {
        if (!window.webContents.isDestroyed()) window.webContents.send(channel, payload);
      }
    },
    isOurFrame(sender, frame) {
      try {
        if (frame === null || frame.parent !== null) return false;
        const window = BrowserWindow.fromWebContents(sender);
        if (window === null || !live().includes(window)) return false;
        return isRendererUrl(frame.url, paths.rendererUrl);
      } catch {
        // A frame that was destroyed or navigated while the message was in flight is not trusted.
        return false;
      }
    },
  };
}
