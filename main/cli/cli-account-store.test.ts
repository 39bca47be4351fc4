import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JobJournal } from '../uploads/job-journal';
import { accountIdOf, ACCOUNTS_FILE_NAME, loadAccounts, saveAccount } from './cli-account-store';
import type { EndpointSettings } from './connection-options';

const LOCAL: EndpointSettings = { endpoint: 'http://127.0.0.1:9000', region: 'cn-hangzhou', addressing: 'path-style', signatureVersion: 'v4' };
const REMOTE: EndpointSettings = { endpoint: 'oss-cn-beijing.aliyuncs.com', region: 'cn-beijing', addressing: undefined, signatureVersion: 'v1' };

describe('CLI account store', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'oss-cli-accounts-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('derives stable, distinct ids from the endpoint settings', () => {
    expect(accountIdOf(LOCAL)).toBe(accountIdOf({ ...LOCAL }));
    expect(accountIdOf(LOCAL)).not.toBe(accountIdOf({ ...LOCAL, signatureVersion: 'v1' }));
    expect(accountIdOf(LOCAL)).toMatch(/^cli-[0-9a-f]{16}$/);
  });

  it('saves accounts side by side and reads them back', async () => {
    expect(await loadAccounts(dir)).toEqual(new Map());
    const localId = await saveAccount(dir, LOCAL);
    const remoteId = await saveAccount(dir, REMOTE);
    expect(await loadAccounts(dir)).toEqual(new Map([[localId, LOCAL], [remoteId, REMOTE]]));
  });

  it('never stores anything but endpoint settings', async () => {
    await saveAccount(dir, LOCAL);
    const text = await readFile(join(dir, ACCOUNTS_FILE_NAME), 'utf8');
    expect(Object.keys((JSON.parse(text) as { accounts: Record<string, object> }).accounts[accountIdOf(LOCAL)] ?? {}).sort()).toEqual([
      'addressing',
      'endpoint',
      'region',
      'signatureVersion',
    ]);
  });

  it('is ignored by the job journal sharing the directory', async () => {
    await saveAccount(dir, LOCAL);
    const loaded = await new JobJournal({ directory: dir }).loadAll();
    expect(loaded).toEqual({ records: [], problems: [] });
    expect(await loadAccounts(dir)).toHaveProperty('size', 1);
  });

  it('refuses an invalid file with a message that says where it is', async () => {
    await writeFile(join(dir, ACCOUNTS_FILE_NAME), '{"version":2}');
    await expect(loadAccounts(dir)).rejects.toThrow(ACCOUNTS_FILE_NAME);
  });
});
