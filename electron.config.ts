// Build configuration of the three Electron targets (electron-vite), plus the Node entries of the
// web host and the CLI, which share the main target: same code, same externals, one build.
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // better-sqlite3 and zod stay in node_modules: a native module cannot be bundled.
      externalizeDeps: true,
      rolldownOptions: {
        input: {
          index: resolve(root, 'src-main/electron/main.ts'),
          web: resolve(root, 'src-main/web/main.ts'),
          cli: resolve(root, 'src-main/cli/main.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require anything: one self-contained CommonJS file.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(root, 'src-main/electron/preload.ts') },
        output: { format: 'cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src-renderer'),
    plugins: [svelte({ configFile: resolve(root, 'svelte.config.js') })],
    build: {
      outDir: resolve(root, 'out/renderer'),
      emptyOutDir: true,
      // The app is offline and its CSP allows only 'self': no inline module preload polyfill.
      modulePreload: { polyfill: false },
      minify: true,
      rolldownOptions: { input: resolve(root, 'src-renderer/index.html') },
    },
  },
});
