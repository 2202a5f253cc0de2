// Builds the desktop app's main process (ESM, out/main/index.js) and preload (CommonJS,
// out/preload/index.cjs, which the sandbox requires). The renderer is built apart by `npm run build`
// (renderer/vite.config.ts) into out/renderer, which the windows load from disk.
// Run from the repository: `electron-vite build --config electron/electron.vite.config.ts`.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';

const here = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));

export default defineConfig({
  main: {
    build: {
      outDir: here('../out/main'),
      emptyOutDir: true,
      sourcemap: true,
      // Dependencies stay in node_modules and load at run time (electron-store, systeminformation, ...).
      externalizeDeps: true,
      rolldownOptions: {
        input: { index: here('main/index.ts') },
        output: { format: 'es', entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: here('../out/preload'),
      emptyOutDir: true,
      sourcemap: true,
      externalizeDeps: true,
      rolldownOptions: {
        input: { index: here('preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
});
