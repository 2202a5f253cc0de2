// What needs Electron to run is checked in the source text: the navigation guards of every window and
// that IPC handlers are registered only through createIpcHandlers (whose sender check runs, in Node,
// in ipc-handlers.test.ts), with the trust decision made from the sender's window and frame.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SECURE_WEB_PREFERENCES } from '../../electron/main/web-preferences.js';

const source = (name: string): string => readFileSync(fileURLToPath(new URL(`../../electron/main/${name}`, import.meta.url)), 'utf8');
// Comments removed, so a commented-out call cannot pass for a real one.
const code = (name: string): string => source(name).replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '').replace(/\s\/\/.*$/gm, '');

describe('windows.ts', () => {
  const windows = code('windows.ts');

  it('cancels every navigation away from the renderer and every window.open', () => {
    expect(windows).toMatch(/contents\.on\('will-navigate', \(event\) => event\.preventDefault\(\)\)/);
    expect(windows).toMatch(/contents\.on\('will-redirect', \(event\) => event\.preventDefault\(\)\)/);
    expect(windows).toMatch(/contents\.setWindowOpenHandler\(\(\) => \(\{ action: 'deny' \}\)\)/);
    expect(windows).not.toMatch(/action: 'allow'/);
  });

  it('guards the web contents of the one window it creates, which loads only the renderer file', () => {
    expect(windows.match(/new BrowserWindow\(/g)).toHaveLength(1);
    const create = windows.slice(windows.indexOf('export function createAppWindow'), windows.indexOf('export function setupWindows'));
    expect(create).toContain('guardNavigation(window.webContents)');
    expect(create).toContain('window.loadFile(paths.rendererIndex');
    expect(windows).not.toMatch(/loadURL\(/);
  });

  it('writes out exactly SECURE_WEB_PREFERENCES at the window, checked by `satisfies`', () => {
    const prefs = /webPreferences: \{([\s\S]*?)\} satisfies WindowWebPreferences/.exec(windows)?.[1] ?? '';
    for (const [key, value] of Object.entries(SECURE_WEB_PREFERENCES)) {
      expect(prefs).toContain(`${key}: ${JSON.stringify(value).replace(/"/g, "'")},`);
    }
    expect(prefs).toContain('preload: paths.preload');
  });

  it('trusts a frame only when it is the top frame of one of its live windows and shows the renderer file', () => {
    const check = windows.slice(windows.indexOf('isOurFrame(sender, frame) {'));
    expect(check).toContain('frame === null || frame.parent !== null');
    expect(check).toContain('BrowserWindow.fromWebContents(sender)');
    expect(check).toContain('!live().includes(window)');
    expect(check).toContain('isRendererUrl(frame.url, paths.rendererUrl)');
  });
});

describe('ipc.ts', () => {
  const ipc = code('ipc.ts');

  it('registers every invoke handler from createIpcHandlers, and no other handler or listener', () => {
    expect(ipc).toContain('const handlers = createIpcHandlers(ctx.service, trusted);');
    expect(ipc).toContain('for (const [channel, handler] of handlers) ipcMain.handle(channel, handler);');
    expect(ipc.match(/ipcMain\.(handle|handleOnce|on|once|addListener)\(/g)).toEqual(['ipcMain.handle(']);
  });

  it("decides trust from the sender's window and frame", () => {
    expect(ipc).toContain('windows.isOurFrame(event.sender, event.senderFrame)');
  });

  it("removes electron-store's unauthenticated listener, which answers any renderer", () => {
    expect(ipc).toContain('ipcMain.removeAllListeners(ELECTRON_STORE_CHANNEL)');
    expect(ipc).toContain("'electron-store-get-data'");
  });
});

describe('no other main-process or preload file', () => {
  const files = readdirSync(fileURLToPath(new URL('../../electron', import.meta.url)), { recursive: true, encoding: 'utf8' })
    .filter((file) => /^(main|preload)[\\/].*\.ts$/.test(file) && !/^main[\\/]ipc\.ts$/.test(file));

  it.each(files)('%s registers no IPC handler or listener of its own', (file) => {
    const text = readFileSync(fileURLToPath(new URL(`../../electron/${file}`, import.meta.url)), 'utf8');
    expect(text).not.toMatch(/ipcMain\.(handle|handleOnce|on|once|addListener)\(/);
  });
});

describe('security.ts', () => {
  const security = code('security.ts');

  it('decides every permission request and check by permissionAllowed, and guards all web contents', () => {
    expect(security).toContain('setPermissionRequestHandler((_contents, permission, callback) => callback(permissionAllowed(permission)))');
    expect(security).toContain('setPermissionCheckHandler((_contents, permission) => permissionAllowed(permission))');
    expect(security).toContain("app.on('web-contents-created', (_event, contents) => guardNavigation(contents))");
    expect(security).toContain("'Content-Security-Policy': [RENDERER_CSP]");
  });
});
