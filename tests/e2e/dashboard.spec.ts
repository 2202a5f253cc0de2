import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './axe.js';
import { SCREENSHOTS, serve, type Served } from './serve-fixture.js';

interface State {
  status: string;
  openAnomalies: Array<{ module: string; metric: string }>;
  modules: Array<{ name: string; status: { lastRun: { metrics: Record<string, number | null> } | null } }>;
}

let served: Served;

// The example pipeline with the demo's fault switch on: the collector's 8th run meets a slow feed.
test.beforeAll(async () => {
  served = await serve({ args: ['--interval', '200ms', '--demo-faults'] });
});
test.afterAll(() => served.stop());

const banner = (page: Page) => page.getByRole('status').filter({ hasText: /Performance OK|Anomaly detected/ }).first();
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });

test('shows all three modules of the example with non-zero figures', async ({ page }) => {
  await page.goto(served.url);
  for (const name of ['collector', 'signal_generator', 'backtester']) {
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
    await expect(row).toContainText(/\d+(\.\d+)? s/);
    await expect(row).toContainText(/\d+(\.\d+)? %/);
    await expect(row).toContainText(/\d+(\.\d+)? MB/);
  }
  const state = await served.api<State>('/api/state');
  for (const module of state.modules) {
    const metrics = module.status.lastRun?.metrics ?? {};
    expect(metrics.runtime).toBeGreaterThan(0);
    expect(metrics.cpu).toBeGreaterThan(0);
    expect(metrics.memory).toBeGreaterThan(0);
  }
  await expect(page.getByRole('row').filter({ hasText: 'collector' }).first()).toContainText(/\d\.\d+ s/);
  await shot(page, 'dashboard');
  await expectAccessible(page);
});

test('shows an anomaly live and then its recovery, agreeing with the engine', async ({ page }) => {
  await page.goto(served.url);
  await expect(banner(page)).toContainText(/Anomaly detected: \d+ anomal/, { timeout: 60_000 });
  await shot(page, 'dashboard-anomaly');
  await page.goto(`${served.url.split('#')[0]}#/anomalies`);
  const open = page.getByRole('region', { name: /^Open \(/ });
  // On a loaded machine noise can open another anomaly as well; the demo's own must be among them.
  await expect(open.getByRole('row').filter({ hasText: 'collector' }).filter({ hasText: 'API latency' }).first()).toBeVisible();
  await shot(page, 'anomalies');
  await expectAccessible(page);
  // The engine recovers the feed slowdown on the next run; the history shows it without a reload.
  const history = page.getByRole('region', { name: /^History \(/ });
  await expect(history.getByRole('row').filter({ hasText: 'Recovered' }).filter({ hasText: 'collector' }).filter({ hasText: 'API latency' }).first()).toBeVisible({ timeout: 60_000 });
  // The banner and the open list say what the engine says, once it has settled between runs.
  await expect(async () => {
    const state = await served.api<State>('/api/state');
    await expect(banner(page)).toContainText(state.status, { timeout: 1000 });
    await expect(open.getByRole('row')).toHaveCount(state.openAnomalies.length === 0 ? 0 : state.openAnomalies.length + 1, { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
});

test('opens a module with its charts and runs', async ({ page }) => {
  await page.goto(`${served.url.split('#')[0]}#/module/collector`);
  await expect(page.getByRole('heading', { name: 'collector', level: 1 })).toBeVisible();
  await expect(page.locator('.uplot').first()).toBeVisible();
  await page.getByRole('button', { name: /^Run \d+ details$/ }).first().click();
  await expect(page.getByRole('heading', { name: /API requests/ })).toBeVisible();
  await shot(page, 'module-detail');
  await expectAccessible(page);
});

test('filters and searches the logs', async ({ page }) => {
  await page.goto(`${served.url.split('#')[0]}#/logs`);
  await page.getByLabel('Source').selectOption('supervisor');
  const count = page.getByRole('status').filter({ hasText: / of .* lines/ });
  await expect(count).toContainText(/[1-9][\d,]* of [\d,]+ lines/);
  // Live tail: the pipeline keeps iterating, so the supervisor log grows without a reload.
  const total = async () => Number((/of ([\d,]+) lines/.exec((await count.textContent()) ?? '')?.[1] ?? '0').replace(/,/g, ''));
  const before = await total();
  await expect.poll(total, { timeout: 30_000 }).toBeGreaterThan(before);
  await page.getByLabel('Search').fill('Performance OK');
  await expect(count).toContainText(/[1-9][\d,]* of [\d,]+ lines/);
  const rows = page.locator('.rows .row');
  await expect(rows.first()).toContainText('Performance OK');
  for (const text of await rows.allInnerTexts()) expect(text).toContain('Performance OK');
  await page.getByLabel('Search').fill('');
  // By now anomalies.log holds the collector's anomaly and its recovery, so the event filter has both.
  await page.getByLabel('Source').selectOption('anomalies');
  await page.getByLabel('Event').selectOption('recovered');
  await expect(count).toContainText(/[1-9][\d,]* of [\d,]+ lines/);
  await expect(rows.first()).toContainText('event=recovered');
  for (const text of await rows.allInnerTexts()) expect(text).toContain('event=recovered');
  await shot(page, 'logs');
  await expectAccessible(page);
});

test('settings and every other screen pass the accessibility check', async ({ page }) => {
  await page.goto(`${served.url.split('#')[0]}#/settings`);
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await expect(page.getByLabel('Threshold (%)').first()).toBeVisible();
  await shot(page, 'settings');
  await expectAccessible(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(served.url);
  await expect(page.getByRole('link', { name: 'collector', exact: true })).toBeVisible();
  await shot(page, 'dashboard-dark');
  await expectAccessible(page);
});
