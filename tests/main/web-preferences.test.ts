// Reads the windows' webPreferences without loading electron: web-preferences.ts imports only types from it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/server/reply.js';
import { permissionAllowed, RENDERER_CSP, SECURE_WEB_PREFERENCES } from '../../electron/main/web-preferences.js';

describe('the windows’ webPreferences', () => {
  it('isolate the renderer: context isolation and the sandbox on, Node off', () => {
    expect(SECURE_WEB_PREFERENCES.contextIsolation).toBe(true);
    expect(SECURE_WEB_PREFERENCES.sandbox).toBe(true);
    expect(SECURE_WEB_PREFERENCES.nodeIntegration).toBe(false);
    expect(SECURE_WEB_PREFERENCES.nodeIntegrationInWorker).toBe(false);
    expect(SECURE_WEB_PREFERENCES.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keep web security on and every riskier feature off', () => {
    expect(SECURE_WEB_PREFERENCES.webSecurity).not.toBe(false);
    expect(SECURE_WEB_PREFERENCES.allowRunningInsecureContent).toBe(false);
    expect(SECURE_WEB_PREFERENCES.webviewTag).toBe(false);
    expect(SECURE_WEB_PREFERENCES.experimentalFeatures).toBe(false);
    expect(SECURE_WEB_PREFERENCES.navigateOnDragDrop).toBe(false);
    expect(SECURE_WEB_PREFERENCES.disableBlinkFeatures).toContain('Auxclick');
  });

  it('put the renderer under the HTTP server’s own CSP, which allows no inline or remote code', () => {
    expect(RENDERER_CSP).toBe(CONTENT_SECURITY_POLICY);
    expect(RENDERER_CSP).toContain("default-src 'none'");
    expect(RENDERER_CSP).toContain("script-src 'self';");
    expect(RENDERER_CSP).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });

  it('is also in the page itself, for file:// loads that carry no response headers', () => {
    const html = readFileSync(new URL('../../renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    // frame-ancestors is the one directive a <meta> policy cannot carry.
    expect(meta).toBe(RENDERER_CSP.replace("; frame-ancestors 'none'", ''));
  });
});

describe('web content permissions', () => {
  it('allows only writing to the clipboard, for the log viewer’s Copy button', () => {
    expect(permissionAllowed('clipboard-sanitized-write')).toBe(true);
    for (const permission of ['clipboard-read', 'notifications', 'media', 'geolocation', 'openExternal', 'fullscreen', '']) {
      expect(permissionAllowed(permission)).toBe(false);
    }
  });
});
