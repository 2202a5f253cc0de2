// The desktop app's suite: Playwright's _electron drives the real app (`electron .`). Where no Electron
// binary can be had (as on machines that cannot download it), every spec is skipped with the reason.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  // build-config.test.ts here is a vitest test; the Playwright specs end in .spec.ts.
  testMatch: '**/*.spec.ts',
  outputDir: '../../test-results/electron',
  // One app at a time: it owns the tray, and two cores measure module runs.
  workers: 1,
  timeout: 180_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
});
