// "Test connection" and credential providers against the real emulator over 127.0.0.1.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountDraft, ConnectionTestResult } from '../../shared/models/account';
import { startEmulator } from '../emulator/emulator-server';
import type { RunningEmulator } from '../emulator/emulator-types';
import { unusedPort } from '../oss/test-support/local-servers';
import { AccountService } from './account-service';
import { AccountStore } from './account-store';
import { SafeStorageSecretStore } from './safe-storage-secret-store';
import { FakeSafeStorage, filesContaining } from './test-support/secret-scan';

const GOOD = { accessKeyId: 'good-key-id', accessKeySecret: 'good-secret-Vq3xT9' };
const NO_LIST = { accessKeyId: 'no-list-key-id', accessKeySecret: 'no-list-secret-Lm2', denyListUploads: true };
const BUCKET = 'bucket-one';

function summary(result: ConnectionTestResult): string[] {
  return result.checks.map((c) => `${c.name}${c.bucket === undefined ? '' : `:${c.bucket}`}=${c.status}${c.code === undefined ? '' : `(${c.code})`}`);
}

describe('AccountService against the emulator', () => {
  let root: string;
  let emulator: RunningEmulator;
  let skewedEmulator: RunningEmulator;
  let service: AccountService;
  let draft: AccountDraft;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'account-connection-'));
    const options = { port: 0, buckets: [BUCKET], credentials: [GOOD, NO_LIST], region: 'cn-hangzhou' };
    emulator = await startEmulator({ ...options, dataDir: join(root, 'emulator') });
    // A server whose clock runs 40 minutes ahead of ours.
    skewedEmulator = await startEmulator({ ...options, dataDir: join(root, 'skewed'), now: () => Date.now() + 40 * 60_000 });
    const dataDir = join(root, 'app');
    const store = await AccountStore.open({ dataDir });
    const secrets = await SafeStorageSecretStore.open({ dataDir, safeStorage: new FakeSafeStorage(), platform: 'linux' });
    service = new AccountService({ store, secrets });
    draft = {
      name: 'Emulator',
      endpoint: emulator.url,
      region: 'cn-hangzhou',
      buckets: [BUCKET],
      signatureVersion: 'v4',
      addressing: 'path-style',
      ...GOOD,
    };
  });
  afterAll(async () => {
    await emulator.close();
    await skewedEmulator.close();
    await rm(root, { recursive: true, force: true });
  });

  it.each(['v1', 'v4'] as const)('passes every check with good %s credentials', async (signatureVersion) => {
    const result = await service.testConnection({ draft: { ...draft, signatureVersion } });
    expect(summary(result)).toEqual(['endpoint=passed', 'credentials=passed', 'clock=passed', `bucket:${BUCKET}=passed`, `listUploads:${BUCKET}=passed`]);
    expect(result.ok).toBe(true);
  });

  it('names a wrong secret, without repeating it', async () => {
    const result = await service.testConnection({ draft: { ...draft, accessKeySecret: 'wrong-secret-Zz9' } });
    expect(result.ok).toBe(false);
    expect(summary(result).slice(0, 2)).toEqual(['endpoint=passed', 'credentials=failed(SignatureDoesNotMatch)']);
    expect(result.checks[1]?.advice).toContain('check the secret');
    expect(result.checks[1]?.requestId).toMatch(/^[0-9A-F]{24}$/);
    expect(JSON.stringify(result)).not.toContain('wrong-secret-Zz9');
  });

  it('names a wrong key id', async () => {
    const result = await service.testConnection({ draft: { ...draft, accessKeyId: 'nobody-knows-me' } });
    expect(summary(result)[1]).toBe('credentials=failed(InvalidAccessKeyId)');
    expect(result.checks[1]?.advice).toContain('does not know this AccessKey ID');
  });

  it('names a missing bucket and still checks the others', async () => {
    const result = await service.testConnection({ draft: { ...draft, buckets: ['no-such-bucket', BUCKET] } });
    expect(result.ok).toBe(false);
    expect(summary(result)).toEqual([
      'endpoint=passed',
      'credentials=passed',
      'clock=passed',
      'bucket:no-such-bucket=failed(NoSuchBucket)',
      'listUploads:no-such-bucket=skipped',
      `bucket:${BUCKET}=passed`,
      `listUploads:${BUCKET}=passed`,
    ]);
    expect(result.checks[3]?.advice).toContain('Bucket "no-such-bucket" does not exist');
  });

  it('warns, without failing, when the key may not list incomplete uploads', async () => {
    const result = await service.testConnection({ draft: { ...draft, ...NO_LIST } });
    expect(result.ok).toBe(true);
    expect(summary(result).at(-1)).toBe(`listUploads:${BUCKET}=warning(AccessDenied)`);
    expect(result.checks.at(-1)?.advice).toContain('oss:ListMultipartUploads');
  });

  it('names a region the endpoint does not serve (V4)', async () => {
    const result = await service.testConnection({ draft: { ...draft, region: 'cn-beijing' } });
    expect(summary(result)[0]).toBe('endpoint=failed(InvalidArgument)');
    expect(result.checks[0]?.advice).toContain('region does not match the endpoint');
  });

  it('warns about a skewed clock and tests the rest with the corrected one', async () => {
    const result = await service.testConnection({ draft: { ...draft, endpoint: skewedEmulator.url } });
    expect(summary(result)).toEqual([
      'endpoint=passed',
      'credentials=passed',
      'clock=warning(RequestTimeTooSkewed)',
      `bucket:${BUCKET}=passed`,
      `listUploads:${BUCKET}=passed`,
    ]);
    expect(result.checks[2]?.advice).toMatch(/off by (39|40|41) minutes \(behind OSS/);
    expect(result.ok).toBe(true);
  });

  it('names an endpoint nothing listens on', async () => {
    const result = await service.testConnection({ draft: { ...draft, endpoint: `http://127.0.0.1:${await unusedPort()}` } });
    expect(summary(result)).toEqual(['endpoint=failed(NetworkError)', 'credentials=skipped', 'clock=skipped', `bucket:${BUCKET}=skipped`, `listUploads:${BUCKET}=skipped`]);
  });

  it('tests unsaved edits of a saved account without saving them, and uploads with a saved one', async () => {
    const saved = await service.add(draft);
    const edited = await service.testConnection({ accountId: saved.id, patch: { accessKeySecret: 'typo-secret' } });
    expect(summary(edited)[1]).toBe('credentials=failed(SignatureDoesNotMatch)');
    expect((await service.testConnection({ accountId: saved.id })).ok).toBe(true);

    const client = service.createClient(saved.id);
    try {
      const put = await client.putObject({ bucket: BUCKET, key: 'hello.txt', body: Buffer.from('hello'), contentLength: 5 });
      expect(put.etag).toBe('"5D41402ABC4B2A76B9719D911017C592"');
    } finally {
      await client.close();
    }
    expect(await filesContaining(join(root, 'app'), GOOD.accessKeySecret)).toEqual([]);
    await service.remove(saved.id);
  });
});
