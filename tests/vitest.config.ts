// Two projects: the Node side (engine, hosts, server, CLI) and the renderer's logic, which needs the
// Svelte plugin so runes in *.svelte.ts behave as in the browser. Playwright specs (tests/e2e) run apart.
import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

const here = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));

export default defineConfig({
  test: {
    root: here('..'),
    // Tests spawn real processes and measure them; two cores, so two files at a time.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: { name: 'node', include: ['tests/**/*.test.ts'], exclude: ['tests/renderer/**', '**/node_modules/**'] },
      },
      {
        extends: true,
        plugins: [svelte({ configFile: here('../renderer/svelte.config.js') })],
        resolve: { alias: { $shared: here('../electron/shared') }, conditions: ['browser'] },
        test: { name: 'renderer', include: ['tests/renderer/**/*.test.ts'], environment: 'node' },
      },
    ],
  },
});
