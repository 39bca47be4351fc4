import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isAppError } from '../../shared/ipc/app-error';
import { SafeStorageSecretStore, SECRETS_FILE_NAME, type SafeStorageSecretStoreOptions } from './safe-storage-secret-store';
import { FakeSafeStorage, filesContaining, filesUnder } from './test-support/secret-scan';

const SECRET = 'Xy9-very-secret-AccessKeySecret';
const TOKEN = 'CAIS-sts-token+/=';

describe('SafeStorageSecretStore', () => {
  let dataDir: string;
  let safeStorage: FakeSafeStorage;
  const open = (options: Partial<SafeStorageSecretStoreOptions> = {}): Promise<SafeStorageSecretStore> =>
    SafeStorageSecretStore.open({ dataDir, safeStorage, platform: 'linux', ...options });

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'secrets-'));
    safeStorage = new FakeSafeStorage();
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('encrypts with the keyring, reads back after a restart, and never writes the secret in clear', async () => {
    const store = await open();
    expect(store.kind).toBe('os-encrypted');
    expect(store.status()).toEqual({ kind: 'os-encrypted', canStore: true, plaintext: false });
    await store.set('a1', { accessKeySecret: SECRET, securityToken: TOKEN });
    await store.set('a2', { accessKeySecret: 'other-secret-value' });
    expect(await filesContaining(dataDir, SECRET)).toEqual([]);
    expect(await filesContaining(dataDir, TOKEN)).toEqual([]);
    expect(await filesUnder(dataDir)).toEqual([join(dataDir, SECRETS_FILE_NAME)]);
    expect((await stat(join(dataDir, SECRETS_FILE_NAME))).mode & 0o777).toBe(0o600);

    const reopened = await open();
    await expect(reopened.get('a1')).resolves.toEqual({ accessKeySecret: SECRET, securityToken: TOKEN });
    await expect(reopened.get('a2')).resolves.toEqual({ accessKeySecret: 'other-secret-value' });
    await expect(reopened.get('missing')).resolves.toBeUndefined();
    await expect(reopened.get('__proto__')).resolves.toBeUndefined();
  });

  it('deletes, and keeps every entry when sets overlap', async () => {
    const store = await open();
    await Promise.all(Array.from({ length: 10 }, (_, i) => store.set(`a${i}`, { accessKeySecret: `secret-${i}` })));
    await store.delete('a3');
    await store.delete('never-there');
    const reopened = await open();
    for (let i = 0; i < 10; i += 1) {
      await expect(reopened.get(`a${i}`)).resolves.toEqual(i === 3 ? undefined : { accessKeySecret: `secret-${i}` });
    }
  });

  it('refuses to store anything without a keyring, and says so', async () => {
    safeStorage.available = false;
    const store = await open();
    expect(store.status()).toMatchObject({ kind: 'unavailable', canStore: false, plaintext: true });
    expect(store.status().message).toContain('No system keyring');
    const failure = await store.set('a1', { accessKeySecret: SECRET }).catch((e: unknown) => e);
    expect(isAppError(failure) && failure.code).toBe('SecretStorageUnavailable');
    expect(String(failure)).not.toContain(SECRET);
    expect(await filesUnder(dataDir)).toEqual([]);
  });

  it('treats Linux basic_text (a hard-coded password) as no keyring, but not on other platforms', async () => {
    safeStorage.backend = 'basic_text';
    expect((await open()).kind).toBe('unavailable');
    expect((await open({ platform: 'darwin' })).kind).toBe('os-encrypted');
    safeStorage.backend = 'kwallet6';
    expect((await open()).kind).toBe('os-encrypted');
  });

  it('stores in plain text only after explicit consent, marks itself so, and remembers the consent', async () => {
    safeStorage.available = false;
    const withOption = await open({ allowPlaintext: true });
    expect(withOption.status()).toMatchObject({ kind: 'plaintext-consented', canStore: true, plaintext: true });

    const store = await open();
    expect(store.kind).toBe('unavailable');
    await store.recordPlaintextConsent();
    expect(store.kind).toBe('plaintext-consented');
    await store.set('a1', { accessKeySecret: SECRET });
    const file = JSON.parse(await readFile(join(dataDir, SECRETS_FILE_NAME), 'utf8')) as { plaintextConsent: boolean };
    expect(file.plaintextConsent).toBe(true);
    expect(await filesContaining(dataDir, SECRET)).toHaveLength(1); // what the user agreed to

    const reopened = await open();
    expect(reopened.kind).toBe('plaintext-consented');
    await expect(reopened.get('a1')).resolves.toEqual({ accessKeySecret: SECRET });
  });

  it('encrypts secrets saved in plain text once a keyring appears', async () => {
    safeStorage.available = false;
    const before = await open({ allowPlaintext: true });
    await before.set('a1', { accessKeySecret: SECRET });
    safeStorage.available = true;
    const after = await open();
    await after.set('a2', { accessKeySecret: 'second-secret' });
    expect(await filesContaining(dataDir, SECRET)).toEqual([]);
    await expect((await open()).get('a1')).resolves.toEqual({ accessKeySecret: SECRET });
  });

  it('reports a secret it cannot decrypt as SecretUnreadable, without the ciphertext or secret', async () => {
    const store = await open();
    await store.set('a1', { accessKeySecret: SECRET });
    safeStorage.failDecrypt = true;
    const failure = await store.get('a1').catch((e: unknown) => e);
    expect(isAppError(failure) && failure.code).toBe('SecretUnreadable');
    expect(isAppError(failure) && failure.advice).toContain('enter its AccessKey secret again');
  });

  it('moves a damaged file aside and starts empty', async () => {
    await writeFile(join(dataDir, SECRETS_FILE_NAME), '{"version":1,"entries":');
    const store = await open({ now: () => 42 });
    await expect(store.get('a1')).resolves.toBeUndefined();
    expect((await filesUnder(dataDir)).map((f) => f.slice(dataDir.length + 1))).toEqual([`${SECRETS_FILE_NAME}.corrupt-42`]);
  });

  it('refuses empty secrets', async () => {
    const store = await open();
    await expect(store.set('a1', { accessKeySecret: '' })).rejects.toThrow(TypeError);
    await expect(store.set('a1', { accessKeySecret: 'x', securityToken: '' })).rejects.toThrow(TypeError);
  });
});
