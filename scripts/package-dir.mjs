#!/usr/bin/env node
// `ELECTRON_DIST=/path/to/unpacked/electron npm run package:dir [-- <electron-builder options>]`: builds the app
// (electron-vite) and packs it into an unpacked app folder (`electron-builder --dir`) with a local Electron dist
// instead of a downloaded one, for machines that cannot download Electron. Extra arguments go to electron-builder,
// e.g. `-c.directories.output=/tmp/pkg`; `--skip-build` reuses the current out/.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const skipBuild = args.includes('--skip-build');
const builderArgs = args.filter((arg) => arg !== '--skip-build');

const dist = process.env.ELECTRON_DIST;
if (!dist || !existsSync(dist) || !statSync(dist).isDirectory()) {
  console.error('package:dir needs ELECTRON_DIST, the folder of an unpacked Electron release (the one with the electron executable).');
  console.error('Example: ELECTRON_DIST=~/Downloads/electron-v45.4.1-linux-x64 npm run package:dir');
  process.exit(2);
}

function run(command, commandArgs) {
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const bin = (name) => resolve(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
if (!skipBuild) run(bin('electron-vite'), ['build']);
run(bin('electron-builder'), ['--dir', `-c.electronDist=${resolve(dist)}`, ...builderArgs]);
