// Builds the renderer into out/renderer. `base: './'` because the desktop app loads it from files.
import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

const here = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));

export default defineConfig({
  root: here('.'),
  base: './',
  plugins: [svelte()],
  resolve: {
    // Type imports only cross into electron/shared; the alias keeps them short and greppable.
    alias: { $shared: here('../electron/shared') },
  },
  build: {
    outDir: here('../out/renderer'),
    emptyOutDir: true,
    // No inline assets: the CSP allows img-src data:, but scripts and styles must be files.
    assetsInlineLimit: 0,
    sourcemap: true,
  },
});
