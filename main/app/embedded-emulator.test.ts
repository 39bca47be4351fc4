import { mkdtemp } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LOCAL_EMULATOR_ACCOUNT_NAME, LOCAL_EMULATOR_BUCKET } from './embedded-emulator';
import { embeddedCredentials, removeDir, startCore, type CoreFixture } from './test-support/core-fixture';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'app-core-emulator-'));
  cleanups.push(() => removeDir(dir));
  return dir;
}

async function start(dataDir: string): Promise<CoreFixture> {
  const fixture = await startCore(dataDir);
  cleanups.push(() => fixture.core.shutdown());
  return fixture;
}

function listen(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

describe('the embedded emulator', () => {
  it('adds "Local emulator" on a first start, and the emulator answers for it', async () => {
    const dataDir = await tempDir();
    const { core, ok } = await start(dataDir);
    const accounts = await ok('accounts.list', undefined);
    expect(accounts).toHaveLength(1);
    const [account] = accounts;
    expect(account).toMatchObject({
      name: LOCAL_EMULATOR_ACCOUNT_NAME,
      isLocalEmulator: true,
      region: 'cn-hangzhou',
      addressing: 'path-style',
      signatureVersion: 'v4',
      buckets: [LOCAL_EMULATOR_BUCKET],
      endpoint: core.emulatorUrl,
    });
    expect(core.emulatorUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const report = await ok('accounts.test', { accountId: account?.id ?? '' });
    expect(report.ok).toBe(true);
    // The secret was generated for this installation and is known to the redactor, never shown.
    const { accessKeySecret } = await embeddedCredentials(dataDir);
    expect(accessKeySecret.length).toBeGreaterThanOrEqual(30);
    expect(core.knownSecrets()).toContain(accessKeySecret);
    expect(JSON.stringify(accounts)).not.toContain(accessKeySecret);
  });

  it('keeps port and credentials across restarts and adds no second account', async () => {
    const dataDir = await tempDir();
    const first = await startCore(dataDir);
    const firstUrl = first.core.emulatorUrl;
    const firstCredentials = await embeddedCredentials(dataDir);
    const [firstAccount] = await first.ok('accounts.list', undefined);
    await first.core.shutdown();

    const second = await start(dataDir);
    expect(second.core.emulatorUrl).toBe(firstUrl);
    expect(await embeddedCredentials(dataDir)).toEqual(firstCredentials);
    const accounts = await second.ok('accounts.list', undefined);
    expect(accounts.map((a) => a.id)).toEqual([firstAccount?.id]);
    expect((await second.ok('accounts.test', { accountId: firstAccount?.id ?? '' })).ok).toBe(true);
  });

  it('moves to a free port when the remembered one is taken, and updates the account', async () => {
    const dataDir = await tempDir();
    const first = await startCore(dataDir);
    const port = Number(new URL(first.core.emulatorUrl ?? '').port);
    await first.core.shutdown();
    const squatter = await listen(port);
    cleanups.push(() => new Promise((resolve) => squatter.close(() => resolve())));

    const second = await start(dataDir);
    expect(second.core.emulatorUrl).not.toBe(`http://127.0.0.1:${port}`);
    const [account] = await second.ok('accounts.list', undefined);
    expect(account?.endpoint).toBe(second.core.emulatorUrl);
    expect((await second.ok('accounts.test', { accountId: account?.id ?? '' })).ok).toBe(true);
  });

  it('does not re-add the account, nor start the emulator, after the user removed it', async () => {
    const dataDir = await tempDir();
    const first = await startCore(dataDir);
    const [account] = await first.ok('accounts.list', undefined);
    await first.ok('accounts.remove', { accountId: account?.id ?? '' });
    expect(first.core.emulatorUrl).toBeUndefined();
    expect(first.events.some((e) => e.name === 'accounts.changed' && e.payload.length === 0)).toBe(true);
    await first.core.shutdown();

    const second = await start(dataDir);
    expect(await second.ok('accounts.list', undefined)).toEqual([]);
    expect(second.core.emulatorUrl).toBeUndefined();
  });

  it('does not add the account when the user already has accounts of their own', async () => {
    const dataDir = await tempDir();
    const setup = await startCore(dataDir, { embeddedEmulator: false });
    await setup.ok('accounts.add', {
      name: 'Mine',
      endpoint: 'https://oss-cn-hangzhou.aliyuncs.com',
      region: 'cn-hangzhou',
      buckets: ['my-bucket'],
      signatureVersion: 'v4',
      addressing: 'virtual-hosted',
      accessKeyId: 'LTAI5tExampleId',
      accessKeySecret: 'example-secret-value',
    });
    await setup.core.shutdown();
    const { core, ok } = await start(dataDir);
    expect((await ok('accounts.list', undefined)).map((a) => a.name)).toEqual(['Mine']);
    expect(core.emulatorUrl).toBeUndefined();
  });
});
