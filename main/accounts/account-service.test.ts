import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isAppError } from '../../shared/ipc/app-error';
import type { AccountDraft, AccountView } from '../../shared/models/account';
import { AccountService } from './account-service';
import { ACCOUNTS_FILE_NAME, AccountStore } from './account-store';
import { SafeStorageSecretStore } from './safe-storage-secret-store';
import { FakeSafeStorage, filesContaining } from './test-support/secret-scan';

const SECRET = 'kS8-account-service-secret-Q2';
const TOKEN = 'CAIS-account-service-token-Z7';
const DRAFT: AccountDraft = {
  name: ' Work ',
  endpoint: 'https://oss-cn-hangzhou.aliyuncs.com',
  region: 'cn-hangzhou',
  buckets: ['photos', 'backups'],
  signatureVersion: 'v4',
  addressing: 'virtual-hosted',
  accessKeyId: 'LTAI5tAbCdEfGhIjKlMnabcd',
  accessKeySecret: SECRET,
  securityToken: TOKEN,
};

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  return isAppError(error) ? error.code : `not an AppError: ${String(error)}`;
}

describe('AccountService', () => {
  let dataDir: string;
  let safeStorage: FakeSafeStorage;
  let events: (readonly AccountView[])[];
  let ids: number;

  async function openService(): Promise<AccountService> {
    const store = await AccountStore.open({ dataDir });
    const secrets = await SafeStorageSecretStore.open({ dataDir, safeStorage, platform: 'linux' });
    const service = new AccountService({ store, secrets, now: () => 5000, newId: () => `acc-${(ids += 1)}` });
    service.onChange((accounts) => events.push(accounts));
    return service;
  }

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'account-service-'));
    safeStorage = new FakeSafeStorage();
    events = [];
    ids = 0;
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('adds an account: the renderer sees a masked view, the disk never sees the secret in clear', async () => {
    const service = await openService();
    const view = await service.add(DRAFT);
    expect(view).toEqual({
      id: 'acc-1',
      name: 'Work',
      endpoint: 'https://oss-cn-hangzhou.aliyuncs.com',
      region: 'cn-hangzhou',
      buckets: ['photos', 'backups'],
      signatureVersion: 'v4',
      addressing: 'virtual-hosted',
      maskedAccessKeyId: 'LTAI****abcd',
      hasSecret: true,
      hasSecurityToken: true,
      isLocalEmulator: false,
    });
    expect(service.list()).toEqual([view]);
    expect(events).toEqual([[view]]);
    for (const secret of [SECRET, TOKEN]) {
      expect(await filesContaining(dataDir, secret)).toEqual([]);
      expect(JSON.stringify([view, events, service.list(), service.secretStorageStatus()])).not.toContain(secret);
    }
    expect(await readFile(join(dataDir, ACCOUNTS_FILE_NAME), 'utf8')).toContain('"accessKeyId": "LTAI5tAbCdEfGhIjKlMnabcd"');
    expect(service.secretsForRedaction()).toEqual(expect.arrayContaining([SECRET, TOKEN]));
  });

  it('persists accounts and secrets across a restart and signs with them', async () => {
    const first = await openService();
    const { id } = await first.add(DRAFT);
    await first.add({ ...DRAFT, name: 'Second', securityToken: undefined }, { isLocalEmulator: true });
    const second = await openService();
    expect(second.list().map((a) => [a.name, a.isLocalEmulator, a.hasSecurityToken])).toEqual([
      ['Work', false, true],
      ['Second', true, false],
    ]);
    await expect(second.getCredentialProvider(id).getCredentials()).resolves.toEqual({
      accessKeyId: DRAFT.accessKeyId,
      accessKeySecret: SECRET,
      securityToken: TOKEN,
    });
  });

  it('saves nothing when the keyring is missing and the user has not consented', async () => {
    safeStorage.available = false;
    const service = await openService();
    expect(service.secretStorageStatus()).toMatchObject({ kind: 'unavailable', canStore: false });
    expect(await codeOf(service.add(DRAFT))).toBe('SecretStorageUnavailable');
    expect(service.list()).toEqual([]);
    expect(events).toEqual([]);
    expect(await filesContaining(dataDir, SECRET)).toEqual([]);
    expect((await openService()).list()).toEqual([]);
  });

  it('refuses an unusable endpoint or bucket name before saving anything', async () => {
    const service = await openService();
    expect(await codeOf(service.add({ ...DRAFT, endpoint: 'ftp://example.com' }))).toBe('InvalidAccount');
    expect(await codeOf(service.add({ ...DRAFT, endpoint: 'https://user:pw@example.com' }))).toBe('InvalidAccount');
    expect(await codeOf(service.add({ ...DRAFT, addressing: 'virtual-hosted', endpoint: 'http://[::1]:9000' }))).toBe('InvalidAccount');
    expect(service.list()).toEqual([]);
  });

  it('updates fields, requires the secret with a new key id, and removes a token on null', async () => {
    const service = await openService();
    const { id } = await service.add(DRAFT);
    const renamed = await service.update(id, { name: 'Renamed', region: 'cn-shanghai', endpoint: 'https://OSS-cn-hangzhou.aliyuncs.com:443/' });
    expect(renamed).toMatchObject({ name: 'Renamed', region: 'cn-shanghai', hasSecret: true, hasSecurityToken: true });

    expect(await codeOf(service.update(id, { accessKeyId: 'LTAI-other-key-id' }))).toBe('SecretRequired');
    expect(await codeOf(service.update(id, { endpoint: 'ftp://x' }))).toBe('InvalidAccount');
    expect(service.get(id).region).toBe('cn-shanghai');

    const rekeyed = await service.update(id, { accessKeyId: 'LTAI-other-key-id', accessKeySecret: 'new-secret-value', securityToken: null });
    expect(rekeyed).toMatchObject({ maskedAccessKeyId: 'LTAI****y-id', hasSecurityToken: false });
    await expect(service.getCredentialProvider(id).getCredentials()).resolves.toEqual({
      accessKeyId: 'LTAI-other-key-id',
      accessKeySecret: 'new-secret-value',
    });
    expect(await filesContaining(dataDir, 'new-secret-value')).toEqual([]);
    expect((await openService()).get(id)).toEqual(rekeyed);
  });

  it('sends a saved secret only to the endpoint it was entered for', async () => {
    const service = await openService();
    const { id } = await service.add(DRAFT);
    for (const endpoint of ['https://evil.example', 'http://oss-cn-hangzhou.aliyuncs.com', 'https://oss-cn-hangzhou.aliyuncs.com:8443']) {
      expect(await codeOf(service.update(id, { endpoint })), endpoint).toBe('SecretRequired');
      expect(await codeOf(service.testConnection({ accountId: id, patch: { endpoint } })), endpoint).toBe('SecretRequired');
    }
    expect(service.get(id).endpoint).toBe(DRAFT.endpoint);
    const moved = await service.update(id, { endpoint: 'https://oss-cn-shanghai.aliyuncs.com', region: 'cn-shanghai', accessKeySecret: SECRET });
    expect(moved).toMatchObject({ endpoint: 'https://oss-cn-shanghai.aliyuncs.com', hasSecurityToken: true });
  });

  it('lets a new secret repair one the keyring can no longer read', async () => {
    const service = await openService();
    const { id } = await service.add(DRAFT);
    safeStorage.failDecrypt = true;
    const reopened = await openService();
    expect(await codeOf(reopened.getCredentialProvider(id).getCredentials())).toBe('SecretUnreadable');
    safeStorage.failDecrypt = false;
    await reopened.update(id, { accessKeySecret: 'repaired-secret' });
    await expect(reopened.getCredentialProvider(id).getCredentials()).resolves.toMatchObject({ accessKeySecret: 'repaired-secret' });
  });

  it('removes an account with its secret', async () => {
    const service = await openService();
    const { id } = await service.add(DRAFT);
    await service.remove(id);
    expect(service.list()).toEqual([]);
    expect(events.at(-1)).toEqual([]);
    expect(await codeOf(service.remove(id))).toBe('AccountNotFound');
    expect(await codeOf(service.getCredentialProvider(id).getCredentials())).toBe('AccountNotFound');
    expect(() => service.createClient(id)).toThrow('That account no longer exists.');
    const secrets = await SafeStorageSecretStore.open({ dataDir, safeStorage, platform: 'linux' });
    await expect(secrets.get(id)).resolves.toBeUndefined();
    expect(await filesContaining(dataDir, SECRET)).toEqual([]);
  });

  it('reports an unparsable endpoint in a draft test as an endpoint failure', async () => {
    const service = await openService();
    const result = await service.testConnection({ draft: { ...DRAFT, endpoint: 'ftp://x' } });
    expect(result).toMatchObject({ ok: false, checks: [{ name: 'endpoint', status: 'failed', code: 'InvalidArgument' }] });
    expect(service.list()).toEqual([]);
  });
});
