import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/ipc/app-settings';
import { SETTINGS_FILE_NAME, toEngineSettingsUpdate } from './app-settings-store';
import { MemoryLog, removeDir, startCore } from './test-support/core-fixture';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await removeDir(dir);
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'app-core-settings-'));
  dirs.push(dir);
  return dir;
}

describe('settings', () => {
  it('maps the user settings onto the engine settings', () => {
    expect(toEngineSettingsUpdate({ ...DEFAULT_SETTINGS, maxAttempts: 3, onStart: 'resume', bandwidthBytesPerSecond: 1000 })).toEqual({
      partSizeBytes: DEFAULT_SETTINGS.partSizeBytes,
      maxRequests: DEFAULT_SETTINGS.maxRequests,
      maxFiles: DEFAULT_SETTINGS.maxFiles,
      bandwidthBytesPerSecond: 1000,
      retry: { maxAttempts: 3 },
      resumeOnStart: true,
    });
  });

  it('are persisted, announced, and in force again after a restart', async () => {
    const dataDir = await tempDir();
    const first = await startCore(dataDir, { embeddedEmulator: false });
    expect(await first.ok('settings.get', undefined)).toEqual(DEFAULT_SETTINGS);
    const patch = { maxRequests: 5, maxFiles: 2, maxAttempts: 4, partSizeBytes: 200 * 1024, onStart: 'resume', theme: 'dark' } as const;
    const updated = await first.ok('settings.update', patch);
    expect(updated).toEqual({ ...DEFAULT_SETTINGS, ...patch });
    expect(first.events).toContainEqual({ name: 'settings.changed', payload: updated });
    expect(first.core.settings()).toEqual(updated);
    await first.core.shutdown();

    const second = await startCore(dataDir);
    expect(await second.ok('settings.get', undefined)).toEqual(updated);
    // The engine runs with them: a job added now is planned with the saved part size.
    const file = join(dataDir, 'probe.txt');
    await writeFile(file, 'probe');
    second.core.pathGrants.grant([file]);
    const [account] = await second.ok('accounts.list', undefined);
    await second.ok('uploads.addPaths', { paths: [file], destination: { accountId: account?.id ?? '', bucket: 'local', prefix: '' } });
    const [job] = await second.ok('uploads.list', undefined);
    expect(job?.partSizeBytes).toBe(200 * 1024);
    await second.core.shutdown();
  });

  it('falls back to the defaults when the file is corrupt, moving it aside and logging it', async () => {
    const dataDir = await tempDir();
    await writeFile(join(dataDir, SETTINGS_FILE_NAME), '{ "version": 1, "settings": { "maxRequests": -4 ');
    const log = new MemoryLog();
    const { core, ok } = await startCore(dataDir, { embeddedEmulator: false, log });
    expect(await ok('settings.get', undefined)).toEqual(DEFAULT_SETTINGS);
    expect(log.lines.some((line) => line.startsWith('WARN') && line.includes(SETTINGS_FILE_NAME))).toBe(true);
    expect((await readdir(dataDir)).some((name) => name.startsWith(`${SETTINGS_FILE_NAME}.corrupt-`))).toBe(true);
    await core.shutdown();
  });

  it('refuses out-of-range values without changing anything', async () => {
    const dataDir = await tempDir();
    const { core, call, ok } = await startCore(dataDir, { embeddedEmulator: false });
    const result = await call('settings.update', { maxRequests: 0 });
    expect(result.ok).toBe(false);
    expect(await ok('settings.get', undefined)).toEqual(DEFAULT_SETTINGS);
    await core.shutdown();
  });
});
