import path from 'node:path';
import { expect, test } from '@playwright/test';
import { SCREENSHOTS, serve } from './serve-fixture.js';

interface Settings {
  config: { detector: { threshold: number } };
}

test('a threshold changed in settings applies at once and survives a restart', async ({ page }) => {
  const first = await serve({ args: ['--interval', '1h'] });
  try {
    await page.goto(`${first.url}#/settings`);
    const threshold = page.getByLabel('Threshold (%)').first();
    await expect(threshold).toHaveValue('25');
    await threshold.fill('30');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: /(^|\s)Saved$/ })).toBeVisible();
    // Applied without a restart: the running engine already judges with 30 %.
    const applied = await first.api<Settings>('/api/settings');
    expect(applied.config.detector.threshold).toBeCloseTo(0.3);
    const state = await first.api<{ thresholds: Record<string, Record<string, number>> }>('/api/state');
    expect(state.thresholds.collector?.runtime).toBeCloseTo(0.3);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'settings-saved.png'), fullPage: true });
  } finally {
    await first.stop();
  }
  const second = await serve({ dataDir: first.dataDir, args: ['--interval', '1h'] });
  try {
    await page.goto(`${second.url}#/settings`);
    await expect(page.getByLabel('Threshold (%)').first()).toHaveValue('30');
  } finally {
    await second.stop();
  }
});

test('a bad value gets a message in words and is not saved', async ({ page }) => {
  const served = await serve({ args: ['--interval', '1h'] });
  try {
    await page.goto(`${served.url}#/settings`);
    const threshold = page.getByLabel('Threshold (%)').first();
    await threshold.fill('-5');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('alert').first()).toContainText(/threshold/i);
    const settings = await served.api<Settings>('/api/settings');
    expect(settings.config.detector.threshold).toBeCloseTo(0.25);
  } finally {
    await served.stop();
  }
});
