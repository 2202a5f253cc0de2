// Electron cannot run on the machines this suite runs on (see ../../../shared/ENVIRONMENT.md), so this
// one file stands a small recording Electron in for the real one, to run setup-tray's glue for real:
// icons, tooltip, menu, clicks and the test hook, over a real engine. The desktop suite (tests/electron)
// runs the same code in Electron itself wherever a binary can be had.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppContext } from '../../../electron/main/app-context.js';
import { trayIconFile } from '../../../electron/main/tray/tray-icons.js';
import type { TrayColour } from '../../../electron/main/tray/tray-state.js';
import { controlledModule, harness, type Harness } from '../../engine/supervisor/engine-harness.js';

interface FakeMenuItem {
  label?: string;
  type?: string;
  enabled?: boolean;
  checked?: boolean;
  click?: () => void;
}

const electron = vi.hoisted(() => {
  const trays: FakeTray[] = [];
  class FakeTray {
    image: { file: string };
    tooltip = '';
    menu: FakeMenuItem[] = [];
    destroyed = false;
    listeners = new Map<string, () => void>();
    constructor(image: { file: string }) {
      this.image = image;
      trays.push(this);
    }
    setImage(image: { file: string }) {
      this.image = image;
    }
    setToolTip(text: string) {
      this.tooltip = text;
    }
    setContextMenu(menu: { items: FakeMenuItem[] }) {
      this.menu = menu.items;
    }
    on(event: string, listener: () => void) {
      this.listeners.set(event, listener);
    }
    isDestroyed() {
      return this.destroyed;
    }
    destroy() {
      this.destroyed = true;
    }
  }
  return {
    trays,
    module: {
      app: { getAppPath: () => '/app' },
      Tray: FakeTray,
      Menu: { buildFromTemplate: (items: FakeMenuItem[]) => ({ items }) },
      nativeImage: {
        createFromPath: (file: string) => ({ file, isEmpty: () => false, setTemplateImage: () => undefined }),
      },
    },
  };
});
vi.mock('electron', () => electron.module);

const { setupTray } = await import('../../../electron/main/tray/setup-tray.js');
const RESOURCES = fileURLToPath(new URL('../../../resources/', import.meta.url));

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
  delete process.env.SENTINEL_TEST_HOOKS;
  globalThis.__sentinelTray = undefined;
  electron.trays.length = 0;
});

async function appWithTray(options: { launchAtLogin?: boolean } = {}) {
  const h: Harness = await harness({ modules: [controlledModule('collector')] });
  const calls: string[] = [];
  let atLogin = options.launchAtLogin ?? false;
  const ctx: AppContext = {
    engine: h.engine,
    service: undefined as unknown as AppContext['service'],
    dataDir: h.dataDir,
    openDashboard: (route) => void calls.push(`dashboard${route ? ` ${route}` : ''}`),
    openLogViewer: () => void calls.push('log viewer'),
    notificationsEnabled: () => true,
    quit: async () => void calls.push('quit'),
    ...(options.launchAtLogin === undefined ? {} : { launchAtLogin: { enabled: () => atLogin, set: (enabled: boolean) => void (atLogin = enabled) } }),
  };
  const handle = setupTray(ctx, { resourcesDir: RESOURCES });
  cleanups.push(async () => {
    handle.dispose();
    await h.engine.stop();
    await rm(h.dataDir, { recursive: true, force: true });
  });
  const tray = electron.trays[0];
  if (!tray) throw new Error('no tray was created');
  const click = (label: string) => {
    const item = tray.menu.find((candidate) => candidate.label === label);
    if (!item?.click) throw new Error(`no clickable "${label}" in ${JSON.stringify(tray.menu.map((i) => i.label))}`);
    item.click();
  };
  return { h, tray, calls, click, handle, atLogin: () => atLogin };
}

const iconName = (tray: { image: { file: string } }) => path.basename(tray.image.file);

describe('setupTray', () => {
  it('shows the grey icon and "Starting…" at once, then the green icon after an iteration', async () => {
    const { h, tray } = await appWithTray();
    const platformIcon = (colour: TrayColour) => trayIconFile(colour, process.platform);
    expect(iconName(tray)).toBe(platformIcon('grey'));
    expect(tray.tooltip).toBe('Sentinel — Starting…');
    expect(tray.menu[0]).toEqual({ label: 'Starting…', enabled: false });
    await h.engine.runIteration();
    expect(iconName(tray)).toBe(platformIcon('green'));
    expect(tray.tooltip).toBe('Sentinel — Performance OK');
    expect(path.dirname(tray.image.file)).toBe(path.resolve(RESOURCES));
  });

  it('wires each menu item to the app: windows, run now, pause and resume, quit', async () => {
    const { h, tray, calls, click } = await appWithTray();
    click('Open dashboard');
    click('Open log viewer');
    click('Pause');
    expect(h.engine.paused()).toBe(true);
    expect(tray.menu.map((item) => item.label ?? item.type)).toEqual(['Starting…', 'Open dashboard', 'Open log viewer', 'Run pipeline now', 'Resume', 'separator', 'Quit']);
    click('Resume');
    expect(h.engine.paused()).toBe(false);
    click('Run pipeline now');
    await expect.poll(() => tray.tooltip, { timeout: 20_000 }).toBe('Sentinel — Performance OK');
    click('Quit');
    expect(calls).toEqual(['dashboard', 'log viewer', 'quit']);
    if (process.platform !== 'darwin') {
      tray.listeners.get('click')?.();
      expect(calls.at(-1)).toBe('dashboard');
    }
  });

  it('offers launch at login as a checkbox when the app has the setting, and flips it', async () => {
    const { tray, click, atLogin } = await appWithTray({ launchAtLogin: false });
    expect(tray.menu.find((item) => item.label === 'Launch at login')).toMatchObject({ type: 'checkbox', checked: false });
    click('Launch at login');
    expect(atLogin()).toBe(true);
    expect(tray.menu.find((item) => item.label === 'Launch at login')).toMatchObject({ checked: true });
  });

  it('exposes the state to the desktop tests only when SENTINEL_TEST_HOOKS=1', async () => {
    await appWithTray();
    expect(globalThis.__sentinelTray).toBeUndefined();
    process.env.SENTINEL_TEST_HOOKS = '1';
    electron.trays.length = 0;
    const { h } = await appWithTray();
    const hook = globalThis.__sentinelTray;
    expect(hook?.state().colour).toBe('grey');
    expect(hook?.dispatch('pause')).toBe(true);
    expect(h.engine.paused()).toBe(true);
    expect(hook?.dispatch('format-disk')).toBe(false);
    expect(hook?.colours()).toEqual(['grey']);
  });

  it('removes the icon and stops following the engine once disposed', async () => {
    const { h, tray, handle } = await appWithTray();
    handle.dispose();
    expect(tray.destroyed).toBe(true);
    await h.engine.runIteration();
    expect(tray.tooltip).toBe('Sentinel — Starting…');
  });
});
