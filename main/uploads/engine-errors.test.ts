import { appendFile, chmod, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobId, JobSnapshot } from '../../shared/models/job';
import { staticCredentials, type CredentialProvider, type Credentials } from '../oss/credentials';
import { JobJournal } from './job-journal';
import type { JournalRecord } from './journal-record';
import { SMALL_PART, TEST_ACCOUNT, TEST_BUCKET, TEST_CREDENTIALS, startEngineFixture, type EngineFixture } from './test-support/engine-fixture';
import { compareObjectWithFile } from './test-support/object-bytes';
import { waitUntil } from './test-support/wait-until';
import type { UploadEngine } from './upload-engine';

let world: EngineFixture;

beforeAll(async () => {
  world = await startEngineFixture({ emulator: { faults: { latencyMs: 10 } } });
});

afterAll(async () => {
  await world.dispose();
});

const destination = (key: string, bucket = TEST_BUCKET): { accountId: string; bucket: string; key: string } => ({ accountId: TEST_ACCOUNT, bucket, key });

async function journalRecord(stateDir: string, id: JobId): Promise<JournalRecord | undefined> {
  const { records, problems } = await new JobJournal({ directory: stateDir }).loadAll();
  expect(problems).toEqual([]);
  return records.find((record) => record.jobId === id);
}

/** The job failed with `code` and advice, and its journal record (read back from disk) says the same. */
async function expectFailed(engine: UploadEngine, id: JobId, code: string): Promise<JobSnapshot> {
  await engine.waitForIdle();
  const job = engine.get(id);
  expect(job?.status).toBe('failed');
  expect(job?.error?.code).toBe(code);
  expect(job?.error?.advice ?? '').not.toBe('');
  const record = await journalRecord(world.stateDir, id);
  expect(record?.status).toBe('failed');
  expect(record?.error).toEqual(job?.error);
  expect(record?.uploadId).toBe(job?.uploadId);
  expect(record?.parts.length).toBe(job?.uploadId === undefined ? 0 : job.partsDone);
  return job as JobSnapshot;
}

function first(ids: readonly JobId[]): JobId {
  const [id] = ids;
  if (id === undefined) throw new Error('no job');
  return id;
}

describe('UploadEngine errors', () => {
  it('fails with "file changed since the upload started" when the file changes mid-upload, and stays failed on retry', async () => {
    const engine = world.engine({ settings: { maxRequests: 2, partSizeBytes: SMALL_PART } });
    const path = await world.file('errors/changing.bin', 20 * SMALL_PART, 31);
    const id = first(engine.addFiles([{ localPath: path, destination: destination('errors/changing.bin') }]));
    await waitUntil('2 parts are done', () => (engine.get(id)?.partsDone ?? 0) >= 2);
    await appendFile(path, 'more bytes');
    const job = await expectFailed(engine, id, 'SourceChanged');
    expect(job.error?.message).toContain('file changed since the upload started');
    expect(job.uploadId).toBeDefined();
    await engine.retry(id);
    await expectFailed(engine, id, 'SourceChanged');
    await engine.remove(id, { server: 'abort' });
    expect(await world.listUploads('errors/changing')).toEqual([]);
  });

  it('fails clearly when the upload is aborted behind its back, and never starts a new one', async () => {
    const engine = world.engine({ settings: { maxRequests: 2, partSizeBytes: SMALL_PART } });
    const initiates = world.emulator.stats().requests['InitiateMultipartUpload'] ?? 0;
    const path = await world.file('errors/aborted.bin', 20 * SMALL_PART, 32);
    const id = first(engine.addFiles([{ localPath: path, destination: destination('errors/aborted.bin') }]));
    await waitUntil('2 parts are done', () => (engine.get(id)?.partsDone ?? 0) >= 2);
    await world.client.abortMultipartUpload({ bucket: TEST_BUCKET, key: 'errors/aborted.bin', uploadId: engine.get(id)?.uploadId ?? '' });
    const job = await expectFailed(engine, id, 'NoSuchUpload');
    expect(job.error?.message).toContain('aborted elsewhere');
    expect(job.error?.retryable).toBe(false);
    await engine.retry(id);
    await expectFailed(engine, id, 'NoSuchUpload');
    expect((world.emulator.stats().requests['InitiateMultipartUpload'] ?? 0) - initiates).toBe(1);
    expect(await world.listUploads('errors/aborted')).toEqual([]);
  });

  it('fails at once with advice on a wrong secret, and sends no part', async () => {
    const wrong: Credentials = { ...TEST_CREDENTIALS, accessKeySecret: 'not-the-secret' };
    const engine = world.engine({ client: world.makeClient({ credentials: staticCredentials(wrong) }) });
    const path = await world.file('errors/secret.bin', 3 * SMALL_PART, 33);
    const id = first(engine.addFiles([{ localPath: path, destination: destination('errors/secret.bin') }]));
    const job = await expectFailed(engine, id, 'SignatureDoesNotMatch');
    expect(job.error?.advice).toMatch(/secret/i);
    expect(job.error?.message).not.toContain('not-the-secret');
    expect(engine.getParts(id).every((part) => part.state.kind === 'pending')).toBe(true);
  });

  it('fails at once with advice on a missing bucket', async () => {
    const engine = world.engine();
    const path = await world.file('errors/bucket.bin', SMALL_PART + 1, 34);
    const small = await world.file('errors/bucket-small.bin', 10, 35);
    const ids = engine.addFiles([
      { localPath: path, destination: destination('x.bin', 'no-such-bucket') },
      { localPath: small, destination: destination('y.bin', 'no-such-bucket') },
    ]);
    for (const id of ids) expect((await expectFailed(engine, id, 'NoSuchBucket')).error?.advice).toMatch(/bucket/i);
  });

  it('fails with SourceUnreadable for a missing file, a directory and (when not root) a file without read permission', async () => {
    const engine = world.engine();
    const directory = join(world.filesDir, 'errors/a-directory');
    await mkdir(directory, { recursive: true });
    const locked = await world.file('errors/locked.bin', 1000, 36);
    await chmod(locked, 0o000);
    const paths = [join(world.filesDir, 'errors/missing.bin'), directory];
    // root reads any file whatever its mode, so the permission case only means something for other users.
    if (process.getuid?.() !== 0) paths.push(locked);
    const ids = engine.addFiles(paths.map((localPath, i) => ({ localPath, destination: destination(`errors/unreadable-${i}`) })));
    for (const id of ids) {
      const job = await expectFailed(engine, id, 'SourceUnreadable');
      expect(job.error?.message).toContain(job.localPath);
    }
    await chmod(locked, 0o644);
    expect(await world.listUploads('errors/unreadable')).toEqual([]);
  });
});

describe('UploadEngine self-correcting errors', () => {
  it('corrects a skewed clock from the server time and completes', async () => {
    const skewed = await startEngineFixture({ emulator: { now: () => Date.now() + 20 * 60 * 1000 } });
    try {
      const engine = skewed.engine();
      const path = await skewed.file('skew.bin', 2 * SMALL_PART + 1, 37);
      const id = first(engine.addFiles([{ localPath: path, destination: destination('skew.bin') }]));
      await engine.waitForIdle();
      expect(engine.get(id)?.status, JSON.stringify(engine.get(id)?.error)).toBe('completed');
      // The engine's client learnt the server's clock from the RequestTimeTooSkewed answer.
      expect(skewed.client.clockOffsetMs).toBeGreaterThan(19 * 60 * 1000);
      expect((await compareObjectWithFile(skewed.client, TEST_BUCKET, 'skew.bin', path)).equal).toBe(true);
    } finally {
      await skewed.dispose();
    }
  });

  it('refreshes expired STS credentials and completes', async () => {
    const expired = { accessKeyId: 'sts-old', accessKeySecret: 'sts-old-secret', securityToken: 'token-old', securityTokenExpiresAtMs: Date.now() - 1000 };
    const fresh = { accessKeyId: 'sts-new', accessKeySecret: 'sts-new-secret', securityToken: 'token-new' };
    const sts = await startEngineFixture({ extraCredentials: [expired, fresh] });
    try {
      let current: Credentials = expired;
      let refreshes = 0;
      const provider: CredentialProvider = {
        getCredentials: () => Promise.resolve(current),
        refresh: () => {
          refreshes += 1;
          current = fresh;
          return Promise.resolve(current);
        },
      };
      const engine = sts.engine({ client: sts.makeClient({ credentials: provider }) });
      const path = await sts.file('sts.bin', 3 * SMALL_PART, 38);
      const id = first(engine.addFiles([{ localPath: path, destination: destination('sts.bin') }]));
      await engine.waitForIdle();
      expect(engine.get(id)?.status, JSON.stringify(engine.get(id)?.error)).toBe('completed');
      expect(refreshes).toBeGreaterThanOrEqual(1);
      expect((await compareObjectWithFile(sts.client, TEST_BUCKET, 'sts.bin', path)).equal).toBe(true);
    } finally {
      await sts.dispose();
    }
  });
});
