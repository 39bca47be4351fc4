// `npm run build:app` (electron-vite build): the three Electron bundles under out/.
// - main:     main/index.ts → out/main/index.js (CommonJS, the package's "main").
// - preload:  main/preload/index.ts → out/preload/index.js, ONE CommonJS file: a sandboxed preload can require only
//             `electron` and a few Node polyfills, never a local file (https://www.electronjs.org/docs/latest/tutorial/sandbox#preload-scripts).
// - renderer: renderer/index.html → out/renderer/ (the renderer's own renderer/vite.config.ts is reused when present).
// Main's npm dependencies (undici, zod, fast-xml-parser, write-file-atomic) are bundled into out/main/index.js
// rather than shipped as node_modules: the package then holds out/** and package.json only, with no chance of a dev
// dependency slipping in (checked by main/window/package-dir.test.ts).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type RendererViteConfig, type UserConfig } from 'electron-vite';
import { loadConfigFromFile, mergeConfig } from 'vite';

const root = __dirname;
const rendererRoot = resolve(root, 'renderer');
const rendererViteConfig = resolve(rendererRoot, 'vite.config.ts');

/** The renderer's own Vite settings (plugins, aliases), with root, input and output fixed for the Electron build. */
async function rendererConfig(mode: string): Promise<RendererViteConfig> {
  const own = existsSync(rendererViteConfig)
    ? ((await loadConfigFromFile({ command: 'build', mode }, rendererViteConfig, rendererRoot))?.config ?? {})
    : {};
  const fixed: RendererViteConfig = {
    root: rendererRoot,
    // Relative asset URLs: the built page is loaded from a file: URL inside app.asar.
    base: './',
    build: {
      outDir: resolve(root, 'out/renderer'),
      emptyOutDir: true,
      rollupOptions: { input: resolve(rendererRoot, 'index.html') },
    },
  };
  // electron-vite's `renderer` field takes a Vite config; the renderer's own file is a plain Vite config.
  return mergeConfig(own as RendererViteConfig, fixed);
}

export default defineConfig(async ({ mode }): Promise<UserConfig> => ({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      externalizeDeps: false,
      sourcemap: false,
      rollupOptions: { input: { index: resolve(root, 'main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      externalizeDeps: false,
      sourcemap: false,
      rollupOptions: { input: { index: resolve(root, 'main/preload/index.ts') }, output: { format: 'cjs', inlineDynamicImports: true } },
    },
  },
  renderer: await rendererConfig(mode),
}));
