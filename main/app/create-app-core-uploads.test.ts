import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { JobId } from '../../shared/models/job';
import type { OssClient } from '../oss/oss-client';
import type { BatchOutcome } from './app-core-types';
import { embeddedClient, embeddedCredentials, emulatorAdmin, removeDir, startCore, waitForJobs, type CoreFixture } from './test-support/core-fixture';

let dataDir: string;
let filesDir: string;
let fixture: CoreFixture;
let client: OssClient;
let accountId: string;
const outcomes: BatchOutcome[] = [];

const FILES: Record<string, Buffer> = {
  'a.txt': Buffer.from('alpha'),
  'sub/b.bin': randomBytes(300 * 1024), // three 100 KiB parts
  'sub/deeper/c.txt': Buffer.from('charlie'),
};

async function readObject(key: string): Promise<Buffer> {
  const { body } = await client.getObject({ bucket: 'local', key });
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'app-core-uploads-'));
  filesDir = await mkdtemp(join(tmpdir(), 'app-core-uploads-files-'));
  for (const [relative, bytes] of Object.entries(FILES)) {
    const path = join(filesDir, 'folder', ...relative.split('/'));
    await mkdir(join(path, '..'), { recursive: true });
    await writeFile(path, bytes);
  }
  await writeFile(join(filesDir, 'big.bin'), randomBytes(20 * 1024 * 1024));
  fixture = await startCore(dataDir);
  fixture.core.onBatchFinished((outcome) => outcomes.push(outcome));
  const [account] = await fixture.ok('accounts.list', undefined);
  accountId = account?.id ?? '';
  client = await embeddedClient(dataDir, fixture.core.emulatorUrl ?? '');
  await fixture.ok('settings.update', { partSizeBytes: 100 * 1024 });
});

afterAll(async () => {
  await client.close();
  await fixture.core.shutdown();
  await removeDir(dataDir);
  await removeDir(filesDir);
});

describe('uploads end to end through dispatch', () => {
  it('uploads a granted folder with nested files under prefix/folder/…, byte for byte', async () => {
    fixture.desktop.pickAnswers.push([join(filesDir, 'folder')]);
    const { paths } = await fixture.ok('desktop.pickFolder', undefined);
    const added = await fixture.ok('uploads.addPaths', { paths, destination: { accountId, bucket: 'local', prefix: 'prefix/' } });
    expect(added.skipped).toEqual([]);
    expect(added.jobIds).toHaveLength(3);
    const jobs = await waitForJobs(fixture, (list) => list.length === 3 && list.every((j) => j.status === 'completed'));
    expect(jobs.map((j) => j.destination.key).sort()).toEqual(['prefix/folder/a.txt', 'prefix/folder/sub/b.bin', 'prefix/folder/sub/deeper/c.txt']);
    for (const [relative, bytes] of Object.entries(FILES)) expect((await readObject(`prefix/folder/${relative}`)).equals(bytes)).toBe(true);
    // The host hears of it with the engine's next batch (at most 200 ms after the jobs settled).
    await vi.waitFor(() => expect(outcomes).toEqual([{ completed: 3, failed: 0, canceled: 0 }]), { timeout: 5_000 });
    expect(fixture.core.activity()).toMatchObject({ activeJobs: 0, failedJobs: 0 });
    // Completed jobs read their files no more (the harness sweeps staged copies by this).
    expect(fixture.core.localPathsInUse().size).toBe(0);
    expect(fixture.events.some((e) => e.name === 'uploads.changed' && e.payload.jobs.some((j) => j.status === 'completed'))).toBe(true);

    // A completed job's link, copied by main.
    const [first] = jobs;
    const link = await fixture.ok('desktop.copyLink', { jobId: first?.id ?? ('' as JobId) });
    expect(link.url).toBe(`${fixture.core.emulatorUrl}/local/${first?.destination.key ?? ''}`);
    expect(fixture.desktop.copied).toEqual([link.url]);
    const presigned = await fixture.ok('desktop.copyLink', { jobId: first?.id ?? ('' as JobId), expiresSeconds: 600 });
    expect((await fetch(presigned.url)).status).toBe(200);

    await fixture.ok('uploads.clearFinished', undefined);
    expect(await fixture.ok('uploads.list', undefined)).toEqual([]);
  });

  it('shows a paused job in incomplete.browse, aborts it there and leaves nothing on the server', async () => {
    // Slow each request a little so the 205-part upload is still running when it is paused.
    await emulatorAdmin(dataDir, fixture.core.emulatorUrl ?? '', 'faults', { method: 'PUT', body: { latencyMs: 20 } });
    fixture.core.pathGrants.grant([join(filesDir, 'big.bin')]);
    const { jobIds } = await fixture.ok('uploads.addPaths', { paths: [join(filesDir, 'big.bin')], destination: { accountId, bucket: 'local', prefix: 'big/' } });
    const jobId = jobIds[0] ?? ('' as JobId);
    await waitForJobs(fixture, (list) => (list[0]?.partsDone ?? 0) >= 2);
    await fixture.ok('uploads.pause', { jobId });
    await emulatorAdmin(dataDir, fixture.core.emulatorUrl ?? '', 'faults', { method: 'PUT', body: { latencyMs: 0 } });
    const [paused] = await fixture.ok('uploads.list', undefined);
    expect(paused?.status).toBe('paused');
    expect(paused?.uploadId).toBeDefined();
    expect([...fixture.core.localPathsInUse()]).toEqual([join(filesDir, 'big.bin')]);

    const page = await fixture.ok('incomplete.browse', { accountId, bucket: 'local', prefix: '' });
    expect(page.uploads).toEqual([expect.objectContaining({ key: 'big/big.bin', uploadId: paused?.uploadId, ownedByJobId: jobId })]);
    const details = await fixture.ok('incomplete.inspect', { accountId, bucket: 'local', key: 'big/big.bin', uploadId: paused?.uploadId ?? '' });
    expect(details.partCount).toBeGreaterThanOrEqual(2);
    expect(details.owner).toEqual({ jobId, status: 'paused' });

    const aborted = await fixture.ok('incomplete.abort', { accountId, bucket: 'local', key: 'big/big.bin', uploadId: paused?.uploadId ?? '' });
    expect(aborted).toMatchObject({ outcome: 'aborted', viaJobId: jobId });
    expect((await fixture.ok('uploads.list', undefined))[0]?.status).toBe('canceled');
    expect((await fixture.ok('incomplete.browse', { accountId, bucket: 'local', prefix: '' })).uploads).toEqual([]);
    expect((await client.listMultipartUploads({ bucket: 'local' })).uploads).toEqual([]);
    await fixture.ok('uploads.remove', { jobId, server: 'keep' });
    expect(await fixture.ok('uploads.list', undefined)).toEqual([]);
  });

  it('bulk-aborts with a dry run first, then for real with progress events', async () => {
    const stale: string[] = [];
    for (const key of ['stale/1', 'stale/2', 'stale/3']) stale.push((await client.initiateMultipartUpload({ bucket: 'local', key })).uploadId);
    const target = { kind: 'filter', filter: { prefix: 'stale/' } } as const;
    const dry = await fixture.ok('incomplete.bulkAbort', { accountId, bucket: 'local', operationId: 'dry-1', target, dryRun: true });
    expect(dry.dryRun && dry.targets.map((t) => t.uploadId).sort()).toEqual([...stale].sort());
    expect((await client.listMultipartUploads({ bucket: 'local', prefix: 'stale/' })).uploads).toHaveLength(3);

    const real = await fixture.ok('incomplete.bulkAbort', { accountId, bucket: 'local', operationId: 'real-1', target, dryRun: false });
    expect(!real.dryRun && real.result.summary).toMatchObject({ total: 3, aborted: 3, failed: 0 });
    const progress = fixture.events.flatMap((e) => (e.name === 'incomplete.bulkAbortProgress' ? [e.payload] : []));
    expect(progress.map((p) => p.operationId)).toEqual(['real-1', 'real-1', 'real-1']);
    expect(progress.map((p) => p.done).sort()).toEqual([1, 2, 3]);
    expect((await client.listMultipartUploads({ bucket: 'local', prefix: 'stale/' })).uploads).toEqual([]);
  });

  it('refuses to remove an account with uploads in progress, naming them', async () => {
    await emulatorAdmin(dataDir, fixture.core.emulatorUrl ?? '', 'faults', { method: 'PUT', body: { latencyMs: 20 } });
    const { jobIds } = await fixture.ok('uploads.addPaths', { paths: [join(filesDir, 'big.bin')], destination: { accountId, bucket: 'local', prefix: 'busy/' } });
    const result = await fixture.call('accounts.remove', { accountId });
    await emulatorAdmin(dataDir, fixture.core.emulatorUrl ?? '', 'faults', { method: 'PUT', body: { latencyMs: 0 } });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('AccountInUse');
      expect(result.error.message).toContain('big.bin');
    }
    await fixture.ok('uploads.cancel', { jobId: jobIds[0] ?? ('' as JobId) });
    expect((await fixture.ok('accounts.list', undefined)).map((a) => a.id)).toEqual([accountId]);
  });

  it('resumes an upload from the server with a granted local file, reporting progress under its operation id', async () => {
    const bytes = randomBytes(250 * 1024);
    const local = join(filesDir, 'resume.bin');
    await writeFile(local, bytes);
    const { uploadId } = await client.initiateMultipartUpload({ bucket: 'local', key: 'resumed/resume.bin' });
    await client.uploadPart({ bucket: 'local', key: 'resumed/resume.bin', uploadId, partNumber: 1, body: bytes.subarray(0, 100 * 1024), contentLength: 100 * 1024 });
    await client.uploadPart({ bucket: 'local', key: 'resumed/resume.bin', uploadId, partNumber: 2, body: bytes.subarray(100 * 1024, 200 * 1024), contentLength: 100 * 1024 });
    const ref = { accountId, bucket: 'local', key: 'resumed/resume.bin', uploadId, operationId: 'resume-1', localPath: local };
    const refused = await fixture.call('incomplete.resumeFromServer', ref);
    expect(!refused.ok && refused.error.code).toBe('PathNotAllowed');

    fixture.core.pathGrants.grant([local]);
    const result = await fixture.ok('incomplete.resumeFromServer', ref);
    expect(result).toMatchObject({ outcome: 'completed', partsKept: 2, partsSent: 1, verified: true });
    expect((await readObject('resumed/resume.bin')).equals(bytes)).toBe(true);
    const progress = fixture.events.flatMap((e) => (e.name === 'incomplete.resumeProgress' ? [e.payload] : []));
    expect(progress.length).toBeGreaterThan(0);
    expect(new Set(progress.map((p) => p.operationId))).toEqual(new Set(['resume-1']));
  });

  it('moves running jobs to a new client when the endpoint of the account changes', async () => {
    await emulatorAdmin(dataDir, fixture.core.emulatorUrl ?? '', 'faults', { method: 'PUT', body: { latencyMs: 10 } });
    const { jobIds } = await fixture.ok('uploads.addPaths', { paths: [join(filesDir, 'big.bin')], destination: { accountId, bucket: 'local', prefix: 'moved/' } });
    await waitForJobs(fixture, (list) => list.some((j) => j.id === jobIds[0] && j.partsDone >= 1));
    await emulatorAdmin(dataDir, fixture.core.emulatorUrl ?? '', 'faults', { method: 'PUT', body: { latencyMs: 0 } });
    // Same server, other spelling: a new origin for the account, so a new client (the secret must come along).
    const { accessKeySecret } = await embeddedCredentials(dataDir);
    const localhostUrl = (fixture.core.emulatorUrl ?? '').replace('127.0.0.1', 'localhost');
    await fixture.ok('accounts.update', { accountId, patch: { endpoint: localhostUrl, accessKeySecret } });
    const jobs = await waitForJobs(fixture, (list) => list.some((j) => j.id === jobIds[0] && (j.status === 'completed' || j.status === 'failed')));
    expect(jobs.find((j) => j.id === jobIds[0])?.status).toBe('completed');
    expect((await readObject('moved/big.bin')).equals(await readFile(join(filesDir, 'big.bin')))).toBe(true);
    await fixture.ok('accounts.update', { accountId, patch: { endpoint: fixture.core.emulatorUrl ?? '', accessKeySecret } });
  });
});
