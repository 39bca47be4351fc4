import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PLAINTEXT_SECRETS_FILE_NAME, PlaintextFileSecretStore } from './plaintext-file-secret-store';

describe('PlaintextFileSecretStore', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'plain-secrets-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('is marked as plain text in its kind, status, file name and content', async () => {
    const store = await PlaintextFileSecretStore.open({ dataDir });
    expect(store.kind).toBe('plaintext-file');
    expect(store.status()).toMatchObject({ kind: 'plaintext-file', canStore: true, plaintext: true });
    await store.set('a1', { accessKeySecret: 'harness-secret' });
    expect(PLAINTEXT_SECRETS_FILE_NAME).toMatch(/PLAINTEXT/);
    const file = join(dataDir, PLAINTEXT_SECRETS_FILE_NAME);
    const content = JSON.parse(await readFile(file, 'utf8')) as { kind: string; warning: string };
    expect(content.kind).toBe('plaintext-file');
    expect(content.warning).toMatch(/WITHOUT encryption/);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('round-trips, deletes and keeps overlapping writes', async () => {
    const store = await PlaintextFileSecretStore.open({ dataDir });
    await Promise.all([
      store.set('a1', { accessKeySecret: 's1', securityToken: 't1' }),
      store.set('a2', { accessKeySecret: 's2' }),
      store.set('a3', { accessKeySecret: 's3' }),
    ]);
    await store.delete('a2');
    const reopened = await PlaintextFileSecretStore.open({ dataDir });
    await expect(reopened.get('a1')).resolves.toEqual({ accessKeySecret: 's1', securityToken: 't1' });
    await expect(reopened.get('a2')).resolves.toBeUndefined();
    await expect(reopened.get('a3')).resolves.toEqual({ accessKeySecret: 's3' });
    await expect(reopened.get('toString')).resolves.toBeUndefined();
  });
});
