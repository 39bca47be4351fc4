import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Account } from './account';
import { ACCOUNTS_FILE_NAME, AccountStore } from './account-store';

function account(id: string, overrides: Partial<Account> = {}): Account {
  return {
    id,
    name: `Account ${id}`,
    endpoint: 'http://127.0.0.1:9000',
    region: 'cn-hangzhou',
    buckets: ['bucket-one'],
    signatureVersion: 'v4',
    addressing: 'path-style',
    accessKeyId: `key-${id}`,
    hasSecret: true,
    hasSecurityToken: false,
    isLocalEmulator: false,
    createdAtMs: 1000,
    updatedAtMs: 1000,
    ...overrides,
  };
}

describe('AccountStore', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'accounts-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('starts empty, and persists puts and removes across a reopen', async () => {
    const store = await AccountStore.open({ dataDir });
    expect(store.list()).toEqual([]);
    expect(store.loadProblem).toBeUndefined();
    await store.put(account('a1'));
    await store.put(account('a2'));
    await store.put(account('a1', { name: 'Renamed' }));
    await expect(store.remove('a2')).resolves.toBe(true);
    await expect(store.remove('a2')).resolves.toBe(false);
    const reopened = await AccountStore.open({ dataDir });
    expect(reopened.list()).toEqual([account('a1', { name: 'Renamed' })]);
    expect(reopened.get('a1')?.name).toBe('Renamed');
    expect((await stat(join(dataDir, ACCOUNTS_FILE_NAME))).mode & 0o777).toBe(0o600);
  });

  it('writes only the account fields, whatever else the object carries', async () => {
    const store = await AccountStore.open({ dataDir });
    const withSecret = { ...account('a1'), accessKeySecret: 'must-not-be-written' } as Account;
    await store.put(withSecret);
    expect(await readFile(join(dataDir, ACCOUNTS_FILE_NAME), 'utf8')).not.toContain('must-not-be-written');
    expect(store.get('a1')).toEqual(account('a1'));
  });

  it('keeps overlapping writes in order', async () => {
    const store = await AccountStore.open({ dataDir });
    await Promise.all(Array.from({ length: 8 }, (_, i) => store.put(account(`a${i}`))));
    expect((await AccountStore.open({ dataDir })).list().map((a) => a.id)).toEqual(['a0', 'a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7']);
  });

  it('moves an unreadable or invalid file aside and reports it', async () => {
    for (const content of ['not json', JSON.stringify({ version: 1, accounts: [{ id: 'x' }] }), JSON.stringify({ version: 2, accounts: [] })]) {
      await writeFile(join(dataDir, ACCOUNTS_FILE_NAME), content);
      const store = await AccountStore.open({ dataDir, now: () => 7 });
      expect(store.list()).toEqual([]);
      expect(store.loadProblem?.movedTo).toBe(join(dataDir, `${ACCOUNTS_FILE_NAME}.corrupt-7`));
      expect(await readdir(dataDir)).toEqual([`${ACCOUNTS_FILE_NAME}.corrupt-7`]);
      await rm(join(dataDir, `${ACCOUNTS_FILE_NAME}.corrupt-7`));
    }
  });
});
