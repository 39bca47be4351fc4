// Builds what the specs serve, once per run: the renderer (out/renderer) and the harness bridge (out/harness/bridge.js),
// by starting the harness once WITH its build step (main/harness/build-harness-assets.ts rebuilds only what is older
// than its sources) and stopping it; every spec then starts the harness with --no-build. When an Electron binary
// exists, the Electron bundles (out/main, out/preload) are built too, with `electron-vite build`.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findElectron } from './support/find-electron';
import { PROJECT_ROOT, startHarnessProcess } from './support/harness-process';

/** Playwright's global setup. */
export default async function globalSetup(): Promise<void> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'e2e-build-'));
  try {
    const started = Date.now();
    const harness = await startHarnessProcess({ dataDir, port: 0, build: true });
    await harness.stop();
    console.log(`[e2e] renderer and harness bridge are current (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
  if (findElectron().found) {
    const result = spawnSync('npx', ['electron-vite', 'build'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`electron-vite build failed (exit ${String(result.status)})`);
  }
}
