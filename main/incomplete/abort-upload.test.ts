import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobId, JobStatus } from '../../shared/models/job';
import { abortUpload } from './abort-upload';
import { IncompleteUploadManager } from './incomplete-upload-manager';
import type { LocalUploadOwnership } from './local-upload-ownership';
import { fakeClient, NO_WAIT_RETRY, serverError } from './test-support/fake-client';
import { startIncompleteFixture, TEST_BUCKET, type IncompleteFixture } from './test-support/incomplete-fixtures';

const JOB = 'job-1' as JobId;

/** The engine as a fake: it owns one upload with `status`, and its cancel records the call, then does `onCancel`. */
function fakeOwnership(owned: { key: string; uploadId: string }, status: JobStatus, onCancel: () => Promise<void>) {
  const calls: string[] = [];
  const ownership: LocalUploadOwnership = {
    findJobByUpload: (bucket, key, uploadId) =>
      bucket === TEST_BUCKET && key === owned.key && uploadId === owned.uploadId ? { id: JOB, status } : undefined,
    cancel: async (jobId) => {
      calls.push(`cancel ${jobId}`);
      await onCancel();
      calls.push('canceled');
    },
  };
  return { ownership, calls };
}

describe('abortUpload (fake client)', () => {
  const target = { key: 'k', uploadId: 'U' };

  it('reports NoSuchUpload as alreadyGone, not as a failure', async () => {
    const client = fakeClient({ abortMultipartUpload: () => Promise.reject(serverError('NoSuchUpload', 404)) });
    expect(await abortUpload(client, 'b', target, { ownership: undefined, retry: NO_WAIT_RETRY })).toEqual({
      key: 'k',
      uploadId: 'U',
      outcome: 'alreadyGone',
    });
  });

  it('reports a permanent error with its code, message and request id, and never throws', async () => {
    const client = fakeClient({ abortMultipartUpload: () => Promise.reject(serverError('AccessDenied', 403, 'REQ-9')) });
    expect(await abortUpload(client, 'b', target, { ownership: undefined, retry: NO_WAIT_RETRY })).toEqual({
      key: 'k',
      uploadId: 'U',
      outcome: 'failed',
      error: { code: 'AccessDenied', message: 'AccessDenied from the fake server', requestId: 'REQ-9' },
    });
  });

  it('retries a transient error', async () => {
    let calls = 0;
    const client = fakeClient({
      abortMultipartUpload: () => (calls++ < 2 ? Promise.reject(serverError('ServiceUnavailable', 503)) : Promise.resolve({ requestId: 'R' })),
    });
    const result = await abortUpload(client, 'b', target, { ownership: undefined, retry: NO_WAIT_RETRY });
    expect(result.outcome).toBe('aborted');
    expect(calls).toBe(3);
  });

  it('reports a failing cancel of the owning job as a failure', async () => {
    const client = fakeClient({});
    const ownership: LocalUploadOwnership = {
      findJobByUpload: () => ({ id: JOB, status: 'uploading' }),
      cancel: () => Promise.reject(new Error('engine is shutting down')),
    };
    expect(await abortUpload(client, 'b', target, { ownership, retry: NO_WAIT_RETRY })).toMatchObject({
      outcome: 'failed',
      error: { code: 'Error', message: 'engine is shutting down' },
    });
  });
});

describe('aborting an upload a local job owns (emulator)', () => {
  let f: IncompleteFixture;
  beforeAll(async () => {
    f = await startIncompleteFixture();
  });
  afterAll(async () => {
    await f.dispose();
  });

  async function uploadWithPart(key: string): Promise<string> {
    const { uploadId } = await f.client.initiateMultipartUpload({ bucket: TEST_BUCKET, key });
    const body = Buffer.alloc(1024, 7);
    await f.client.uploadPart({ bucket: TEST_BUCKET, key, uploadId, partNumber: 1, body, contentLength: body.length });
    return uploadId;
  }

  async function isGone(key: string, uploadId: string): Promise<boolean> {
    const listed = await f.client.listMultipartUploads({ bucket: TEST_BUCKET, prefix: key });
    const parts = await f.client.listParts({ bucket: TEST_BUCKET, key, uploadId }).catch((error: unknown) => error);
    return listed.uploads.every((u) => u.uploadId !== uploadId) && (parts as { code?: string }).code === 'NoSuchUpload';
  }

  it('cancels the job through the engine first, and nothing of the upload is left', async () => {
    const key = 'owned/running.bin';
    const uploadId = await uploadWithPart(key);
    const aborts: number[] = [];
    const { ownership, calls } = fakeOwnership({ key, uploadId }, 'uploading', async () => {
      aborts.push(f.t.emulator.stats().requests['AbortMultipartUpload'] ?? 0);
      await f.client.abortMultipartUpload({ bucket: TEST_BUCKET, key, uploadId }); // what the engine's cancel does
    });
    const manager = new IncompleteUploadManager({ clients: () => f.client, now: Date.now, ownership, sleep: () => Promise.resolve() });
    const result = await manager.abortUpload({ bucket: TEST_BUCKET, key, uploadId });
    expect(result).toEqual({ key, uploadId, outcome: 'aborted', viaJobId: JOB });
    expect(calls).toEqual([`cancel ${JOB}`, 'canceled']);
    // No Abort of ours went out before the job was canceled.
    expect(aborts).toEqual([0]);
    expect(await isGone(key, uploadId)).toBe(true);
  });

  it('aborts what a canceled job left behind (a part that landed during its abort)', async () => {
    const key = 'owned/leftover.bin';
    const uploadId = await uploadWithPart(key);
    const { ownership, calls } = fakeOwnership({ key, uploadId }, 'paused', () => Promise.resolve());
    const manager = new IncompleteUploadManager({ clients: () => f.client, now: Date.now, ownership });
    expect(await manager.abortUpload({ bucket: TEST_BUCKET, key, uploadId })).toMatchObject({ outcome: 'aborted', viaJobId: JOB });
    expect(calls).toEqual([`cancel ${JOB}`, 'canceled']);
    expect(await isGone(key, uploadId)).toBe(true);
  });

  it('does not go through a job that has already finished', async () => {
    const key = 'owned/finished-job.bin';
    const uploadId = await uploadWithPart(key);
    const { ownership, calls } = fakeOwnership({ key, uploadId }, 'canceled', () => Promise.resolve());
    const manager = new IncompleteUploadManager({ clients: () => f.client, now: Date.now, ownership });
    const page = await manager.browseUploads({ bucket: TEST_BUCKET, prefix: key });
    expect(page.uploads[0]?.ownedByJobId).toBeUndefined();
    expect(await manager.abortUpload({ bucket: TEST_BUCKET, key, uploadId })).toEqual({ key, uploadId, outcome: 'aborted' });
    expect(calls).toEqual([]);
    expect(await manager.abortUpload({ bucket: TEST_BUCKET, key, uploadId })).toEqual({ key, uploadId, outcome: 'alreadyGone' });
  });

  it('shows the owner in browse and inspect', async () => {
    const key = 'owned/shown.bin';
    const uploadId = await uploadWithPart(key);
    const { ownership } = fakeOwnership({ key, uploadId }, 'uploading', () => Promise.resolve());
    const manager = new IncompleteUploadManager({ clients: () => f.client, now: Date.now, ownership });
    const page = await manager.browseUploads({ bucket: TEST_BUCKET, prefix: key });
    expect(page.uploads.map((u) => u.ownedByJobId)).toEqual([JOB]);
    const details = await manager.inspectUpload({ bucket: TEST_BUCKET, key, uploadId });
    expect(details.owner).toEqual({ jobId: JOB, status: 'uploading' });
    expect(details).toMatchObject({ partCount: 1, bytesStored: 1024 });
    expect(details.parts[0]).toMatchObject({ partNumber: 1, sizeBytes: 1024 });
    expect(details.parts[0]?.crc64).toMatch(/^\d+$/);
  });
});
