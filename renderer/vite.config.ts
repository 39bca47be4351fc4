// Builds the renderer on its own (`npx vite build --config renderer/vite.config.ts`): the browser harness serves
// out/renderer, and electron-vite reuses the same settings for the desktop app. `base: './'` because Electron loads
// the page from a file:// URL, where absolute /assets paths would not resolve.
// eslint-disable-next-line no-restricted-imports -- this file configures the build and runs in Node, not in the page
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../out/renderer', import.meta.url)),
    emptyOutDir: true,
    // Electron 45 ships Chromium 140; Debian's Chromium is as recent. No legacy transforms needed.
    target: 'chrome120',
    // One CSS file linked from index.html: the CSP has no 'unsafe-inline' for styles.
    cssCodeSplit: false,
    // No inline <script> for the module preload polyfill (the CSP forbids inline scripts).
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
});
