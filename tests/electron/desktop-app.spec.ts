import { rm } from 'node:fs/promises';
import { expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { launchDesktopApp, moduleProcesses } from './desktop-app.js';

test.describe.configure({ mode: 'serial' });

let app: ElectronApplication | null = null;
let dataDir: string | null = null;
let before = new Set<number>();

test.beforeAll(async () => {
  before = await moduleProcesses();
  const launch = await launchDesktopApp();
  if (!launch.ok) {
    // Said plainly in the run's output as well as in the skip: this suite proves nothing here.
    process.stderr.write(`SKIPPED: ${launch.reason}.\n`);
    test.skip(true, launch.reason);
    return;
  }
  ({ app, dataDir } = launch);
});

test.afterAll(async () => {
  await app?.close().catch(() => undefined);
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const running = (): ElectronApplication => {
  if (!app) throw new Error('the app did not start');
  return app;
};
const trayColours = () => running().evaluate(() => globalThis.__sentinelTray?.colours() ?? []);
const dispatch = (action: string) => running().evaluate((_electron, name) => globalThis.__sentinelTray?.dispatch(name) ?? false, action);

/** The app's window whose URL matches, once it has one. */
async function windowAt(pattern: RegExp): Promise<Page> {
  let found: Page | undefined;
  await expect.poll(() => (found = running().windows().find((page) => pattern.test(page.url()))) !== undefined, { timeout: 30_000 }).toBe(true);
  return found as Page;
}

test('the tray turns red on the demo anomaly, then green once it recovers', async () => {
  await expect
    .poll(
      async () => {
        const colours = await trayColours();
        const red = colours.indexOf('red');
        return red >= 0 && colours.slice(red + 1).includes('green');
      },
      { timeout: 150_000, intervals: [250] },
    )
    .toBe(true);
  const colours = await trayColours();
  // Grey while starting, then green, before any red.
  expect(colours.slice(0, 2)).toEqual(['grey', 'green']);
  const state = await running().evaluate(() => globalThis.__sentinelTray?.state());
  expect(state?.tooltip).toMatch(/^Sentinel — /);
});

test('a notification was raised for the anomaly, naming its module', async () => {
  const hook = await running().evaluate(() => globalThis.__sentinelNotifications);
  expect(hook?.raised ?? 0).toBeGreaterThanOrEqual(1);
  expect(['collector', 'signal_generator']).toContain(hook?.last?.module);
});

test('the dashboard and the log viewer open from the tray, and the dashboard shows the modules', async () => {
  expect(await dispatch('open-dashboard')).toBe(true);
  const dashboard = await windowAt(/#\/?$|index\.html$/);
  await dashboard.waitForLoadState('domcontentloaded');
  for (const name of ['collector', 'signal_generator', 'backtester']) {
    await expect(dashboard.getByRole('link', { name, exact: true })).toBeVisible();
  }
  expect(await dispatch('open-log-viewer')).toBe(true);
  const logs = await windowAt(/#\/logs$/);
  await expect(logs.getByRole('status').filter({ hasText: / of .* lines/ })).toBeVisible();
});

test('quitting from the tray leaves no module process behind', async () => {
  const app = running();
  // Quit while a module runs, if one can be caught running, so its process has to be stopped.
  await expect.poll(async () => [...(await moduleProcesses())].some((pid) => !before.has(pid)), { timeout: 10_000, intervals: [20] }).toBe(true).catch(() => undefined);
  const exited = new Promise<void>((resolve) => {
    if (app.process().exitCode !== null) resolve();
    else app.process().once('exit', () => resolve());
  });
  expect(await dispatch('quit')).toBe(true);
  await exited;
  await expect.poll(async () => [...(await moduleProcesses())].filter((pid) => !before.has(pid)), { timeout: 2_000 }).toEqual([]);
});
