// Session-wide protections, on top of each window's own: the renderer's CSP as a response header,
// no permission ever granted to web content, and the navigation guard on any web contents at all.
import { app, session } from 'electron';
import { permissionAllowed, RENDERER_CSP } from './web-preferences.js';
import { guardNavigation } from './windows.js';

/** Applies the protections to the default session. Call once, after `ready`. */
export function setupSessionSecurity(): void {
  const defaultSession = session.defaultSession;
  // The page's <meta> CSP covers file:// loads, where Chromium may not report response headers.
  defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [RENDERER_CSP] } });
  });
  defaultSession.setPermissionRequestHandler((_contents, permission, callback) => callback(permissionAllowed(permission)));
  defaultSession.setPermissionCheckHandler((_contents, permission) => permissionAllowed(permission));
  // Windows we create are guarded in windows.ts; this also covers any other web contents.
  app.on('web-contents-created', (_event, contents) => guardNavigation(contents));
}
