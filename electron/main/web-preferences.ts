// The renderer's sandbox, kept apart from windows.ts so a test can read it without loading electron
// (the `import type` below is erased at run time).
import type { WebPreferences } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../server/reply.js';

/**
 * Every window: isolated world, OS sandbox, no Node, web security on, no webview, no insecure
 * content, no middle-click window opening. The preload (built as CommonJS, which the sandbox
 * requires) is the only bridge.
 */
export const SECURE_WEB_PREFERENCES = {
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
} as const satisfies WebPreferences;

/**
 * What a window's webPreferences must be: exactly SECURE_WEB_PREFERENCES plus the preload. windows.ts
 * writes them out literally at `new BrowserWindow` (so static scanners such as electronegativity see
 * the values where the window is made) and `satisfies` this type, so the two cannot differ.
 */
export type WindowWebPreferences = typeof SECURE_WEB_PREFERENCES & { preload: string };

/** The same policy as the HTTP server's, so the renderer runs under one CSP in both hosts. */
export const RENDERER_CSP = CONTENT_SECURITY_POLICY;

/**
 * The one permission web content may have: writing to the clipboard, for the log viewer's Copy button.
 * No camera, notification (they come from main), clipboard reading or anything else.
 */
export function permissionAllowed(permission: string): boolean {
  return permission === 'clipboard-sanitized-write';
}
