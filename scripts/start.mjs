#!/usr/bin/env node
// `npm start`: builds the app and runs it in Electron (`electron-vite preview`). Where the Electron binary is missing
// (an install with ELECTRON_SKIP_BINARY_DOWNLOAD, or a machine that cannot download it), it says so and starts the
// browser harness instead (`npm run dev:web`), which serves the same app on 127.0.0.1.
//
// The binary is looked up the way node_modules/electron/index.js does (path.txt names it inside dist/), without
// requiring that module: requiring it with the binary missing starts a download.
import { spawn } from 'node:child_process';
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

const extra = process.argv.slice(2);
if (electronBinary() !== undefined) {
  run(join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'electron-vite.cmd' : 'electron-vite'), ['preview', ...extra]);
} else {
  console.log('The Electron binary is not installed here (node_modules/electron has no dist/), so the desktop window cannot open.');
  console.log('Starting the browser harness instead: the same app, served on 127.0.0.1 (see README, "Browser harness").');
  console.log('To get the desktop app: `npx install-electron` (needs network), then `npm start` again.\n');
  run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'dev:web', '--', ...(extra.length > 0 ? extra : ['--port', process.env.PORT ?? '0'])]);
}
