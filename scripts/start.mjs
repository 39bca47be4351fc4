#!/usr/bin/env node
// `npm start`: builds the app and runs it in Electron (`electron-vite preview`). `npm install` runs no download step
// (npm does not run electron's install script here, and the project asks for none), so the first `npm start` fetches
// the Electron binary with electron's own installer. Where that cannot work (no network, a proxy, a platform without
// builds), it says so and starts the browser harness instead (`npm run dev:web`): the same app served on 127.0.0.1.
//
// The binary is looked up the way node_modules/electron/index.js does (path.txt names it inside dist/), without
// requiring that module: requiring it with the binary missing starts a download.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

/** The Electron executable `npx electron` would run, or undefined when it is not installed. */
function electronBinary() {
  const pkg = join(root, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const base = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(pkg, 'dist');
  const binary = join(base, relative);
  return existsSync(binary) ? binary : undefined;
}

function run(command, args) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

/** Runs electron's installer (node_modules/electron/install.js) once; true when the binary is there afterwards. */
function fetchElectron() {
  const installer = join(root, 'node_modules', 'electron', 'install.js');
  if (!existsSync(installer)) return false;
  console.log('Fetching the Electron binary (first start only)…');
  const result = spawnSync(process.execPath, [installer], { cwd: join(root, 'node_modules', 'electron'), stdio: 'inherit', timeout: 10 * 60_000 });
  if (result.status !== 0) console.log('Could not fetch Electron (see the error above).');
  return electronBinary() !== undefined;
}

const extra = process.argv.slice(2);
if (electronBinary() !== undefined || (process.env.OSS_UPLOAD_NO_ELECTRON_FETCH !== '1' && fetchElectron())) {
  run(join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'electron-vite.cmd' : 'electron-vite'), ['preview', ...extra]);
} else {
  console.log('The Electron binary is not installed here and could not be fetched, so the desktop window cannot open.');
  console.log('Starting the browser harness instead: the same app, served on 127.0.0.1 (see README, "Browser harness").');
  console.log('To get the desktop app: `npx install-electron` (needs access to github.com), then `npm start` again.\n');
  run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'dev:web', '--', ...(extra.length > 0 ? extra : ['--port', process.env.PORT ?? '0'])]);
}
