// Where the Electron binary of node_modules/electron is, WITHOUT `require('electron')`: since Electron 3x that require
// downloads the binary when it is missing (node_modules/electron/index.js → install.js), which on a machine without
// network hangs on, then throws. The same lookup is done here read-only, so a missing binary becomes a skip reason.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from './harness-process';

/** The binary to launch, or why there is none. */
export type ElectronLookup = { readonly found: true; readonly path: string } | { readonly found: false; readonly reason: string };

/**
 * ELECTRON_PATH (an executable) first, then ELECTRON_OVERRIDE_DIST_PATH (a dist folder, as electron's own index.js
 * honours it), then node_modules/electron/dist/<path.txt>.
 */
export function findElectron(env: NodeJS.ProcessEnv = process.env): ElectronLookup {
  const explicit = env.ELECTRON_PATH;
  if (explicit !== undefined && explicit !== '') {
    return existsSync(explicit) ? { found: true, path: explicit } : { found: false, reason: `ELECTRON_PATH=${explicit} does not exist` };
  }
  const packageDir = path.join(PROJECT_ROOT, 'node_modules', 'electron');
  const pathFile = path.join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  const dist = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (dist !== undefined && dist !== '') {
    const candidate = path.join(dist, relative ?? 'electron');
    return existsSync(candidate) ? { found: true, path: candidate } : { found: false, reason: `ELECTRON_OVERRIDE_DIST_PATH has no ${candidate}` };
  }
  if (relative === undefined) {
    return {
      found: false,
      reason: 'node_modules/electron was installed without its binary (no path.txt; the download needs network). Set ELECTRON_PATH or ELECTRON_OVERRIDE_DIST_PATH to a local Electron 45.',
    };
  }
  const candidate = path.join(packageDir, 'dist', relative);
  return existsSync(candidate) ? { found: true, path: candidate } : { found: false, reason: `${candidate} does not exist` };
}
