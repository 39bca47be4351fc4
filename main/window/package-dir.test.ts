// `npm run package:dir` end to end: builds the app with electron-vite, packs it with electron-builder into a temp
// folder and reads the resulting app.asar. There is no Electron binary on this machine, so ELECTRON_DIST points at a
// FAKE Electron dist (a dummy `electron` file, LICENSE and version): electron-builder only copies that folder and
// renames the executable, so what the test checks (the asar's contents) is exactly what a real dist would get.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractFile, listPackage } from '@electron/asar';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');
const tmp = mkdtempSync(join(tmpdir(), 'package-dir-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// electron-builder names the unpacked folder per platform; the layout checked below is Linux's.
const onLinux = process.platform === 'linux';
if (!onLinux) console.log(`package-dir.test.ts: skipped on ${process.platform}; it reads release/linux-unpacked, which only a Linux build makes.`);

describe.skipIf(!onLinux)('npm run package:dir', () => {
  it('packs out/main, out/preload and out/renderer, and no source, map or dependency', () => {
    const dist = join(tmp, 'fake-electron-dist');
    mkdirSync(dist);
    writeFileSync(join(dist, 'electron'), '#!/bin/sh\necho "fake Electron for package:dir tests"\n');
    chmodSync(join(dist, 'electron'), 0o755);
    writeFileSync(join(dist, 'LICENSE'), 'fake\n');
    writeFileSync(join(dist, 'version'), '45.4.1');
    const output = join(tmp, 'release');

    const run = spawnSync(process.execPath, [join(root, 'scripts', 'package-dir.mjs'), `-c.directories.output=${output}`], {
      cwd: root,
      env: { ...process.env, ELECTRON_DIST: dist },
      encoding: 'utf8',
    });
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);

    const unpacked = join(output, 'linux-unpacked');
    const archive = join(unpacked, 'resources', 'app.asar');
    const files = listPackage(archive, { isPack: false }).map((p) => p.replaceAll('\\', '/'));
    expect(files).toEqual(expect.arrayContaining(['/package.json', '/out/main/index.js', '/out/preload/index.js', '/out/renderer/index.html']));
    // The fake dist's executable was copied and renamed after linux.executableName.
    expect(readFileSync(join(unpacked, 'oss-upload-manager'), 'utf8')).toContain('fake Electron');

    // Main's dependencies are bundled (electron.vite.config.ts), so the package holds no node_modules at all, and in
    // particular none of the dev dependencies.
    const devDependencies = Object.keys(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies as Record<string, string>);
    expect(devDependencies).toEqual(expect.arrayContaining(['vitest', 'ali-oss', 'typescript', 'eslint', 'electron-builder', 'electron']));
    expect(files.filter((f) => f.includes('/node_modules/'))).toEqual([]);
    for (const name of devDependencies) expect(files.filter((f) => f.includes(`/${name}/`))).toEqual([]);
    expect(files.filter((f) => /\.(ts|tsx|map)$/.test(f) || f.includes('.test.'))).toEqual([]);
    expect(files.every((f) => f === '/package.json' || f === '/out' || f.startsWith('/out/main') || f.startsWith('/out/preload') || f.startsWith('/out/renderer'))).toBe(true);

    const packaged = JSON.parse(extractFile(archive, 'package.json').toString('utf8')) as { main: string; productName: string };
    expect(packaged.main).toBe('out/main/index.js');
    expect(packaged.productName).toBe('OSS Upload Manager');
  }, 300_000);
});
