import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { expectAccessible } from './axe.js';
import { SCREENSHOTS, serve, type Served } from './serve-fixture.js';

const HOSTILE = '<img src=x onerror=alert(1)>';
const HTML_ERROR = '<b>bold</b><img src=y onerror=alert(2)> failed';
const LOG_LINES = 100_000;

let served: Served;

test.beforeAll(async () => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'sentinel-e2e-hostile-'));
  const modulePath = path.join(dataDir, 'hostile.mjs');
  await writeFile(modulePath, `export default async function run(ctx) { ctx.log.info(${JSON.stringify(`log ${HOSTILE}`)}); throw new Error(${JSON.stringify(HTML_ERROR)}); }\n`);
  // A long module log: the log viewer must stay usable on 100,000 lines.
  await mkdir(path.join(dataDir, 'logs'), { recursive: true });
  const lines = Array.from({ length: LOG_LINES }, (_, i) => `2026-01-01T00:00:00.000Z stdout line ${i + 1} of the big log`);
  await writeFile(path.join(dataDir, 'logs', 'big.log'), `${lines.join('\n')}\n`);
  served = await serve({
    dataDir,
    args: ['--interval', '1h'],
    config: {
      git: { enabled: false },
      modules: [
        { name: HOSTILE, path: modulePath },
        { name: 'big', command: ['true'] },
      ],
    },
  });
});
test.afterAll(() => served.stop());

test('a hostile module name and an HTML error message render as text', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await page.goto(served.url);
  await expect(page.getByRole('link', { name: HOSTILE, exact: true })).toBeVisible();
  await page.getByRole('link', { name: HOSTILE, exact: true }).click();
  await page.getByRole('button', { name: /^Run \d+ details$/ }).first().click();
  await expect(page.getByText(HTML_ERROR).first()).toBeVisible();
  expect(await page.locator('img[src="x"], img[src="y"], b').count()).toBe(0);
  await page.goto(`${served.url}#/logs`);
  await page.getByLabel('Source').selectOption(`module:${HOSTILE}`);
  await expect(page.locator('.rows .row').filter({ hasText: `log ${HOSTILE}` })).toBeVisible();
  expect(await page.locator('img[src="x"], img[src="y"], b').count()).toBe(0);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'hostile-text.png'), fullPage: true });
  expect(dialogs).toEqual([]);
});

test('the log viewer keeps 100,000 lines virtualised and searchable', async ({ page }) => {
  await page.goto(`${served.url}#/logs`);
  await page.getByLabel('Source').selectOption('module:big');
  const count = page.getByRole('status').filter({ hasText: / of .* lines/ });
  await expect(count).toContainText('100,000 of 100,000 lines');
  // Only the visible window (plus overscan) is in the DOM.
  expect(await page.locator('.rows .row').count()).toBeLessThan(200);
  await page.getByLabel('Search').fill('line 99999 of');
  await expect(count).toContainText('1 of 100,000 lines');
  await expect(page.locator('.rows .row').first()).toContainText('line 99999 of the big log');
  await expectAccessible(page);
});
