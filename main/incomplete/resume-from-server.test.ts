// Issue 4 item 5 against the emulator: resume an upload from the parts the server holds and a local file.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { JobId } from '../../shared/models/job';
import type { ResumeRemoteProgress } from '../../shared/models/remote-upload';
import { crc64 } from '../oss/crc64';
import { IncompleteUploadManager } from './incomplete-upload-manager';
import { startIncompleteFixture, TEST_BUCKET, type IncompleteFixture } from './test-support/incomplete-fixtures';

const PART = 100 * 1024;
/** Six parts: five of 100 KiB and a 1,234-byte tail. */
const FILE_SIZE = 5 * PART + 1_234;

describe('resume from the server', () => {
  let f: IncompleteFixture;
  let dir: string;
  let file: Buffer;
  let filePath: string;
  let manager: IncompleteUploadManager;

  beforeAll(async () => {
    f = await startIncompleteFixture();
    dir = await mkdtemp(join(tmpdir(), 'resume-remote-'));
    file = randomBytes(FILE_SIZE);
    filePath = join(dir, 'source.bin');
    await writeFile(filePath, file);
    manager = new IncompleteUploadManager({ clients: () => f.client, now: Date.now, sleep: () => Promise.resolve() });
  });

  afterAll(async () => {
    await f.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  beforeEach(() => {
    f.t.emulator.resetStats();
  });

  function slice(partNumber: number, source: Buffer = file): Buffer {
    return source.subarray((partNumber - 1) * PART, Math.min(partNumber * PART, source.length));
  }

  /** An upload holding `parts` (number → bytes) as if a crashed uploader had sent them. */
  async function uploadWith(key: string, parts: ReadonlyMap<number, Buffer>): Promise<string> {
    const { uploadId } = await f.client.initiateMultipartUpload({ bucket: TEST_BUCKET, key });
    for (const [partNumber, body] of parts) {
      await f.client.uploadPart({ bucket: TEST_BUCKET, key, uploadId, partNumber, body, contentLength: body.length });
    }
    f.t.emulator.resetStats();
    return uploadId;
  }

  async function readObject(key: string): Promise<Buffer> {
    const res = await f.client.getObject({ bucket: TEST_BUCKET, key });
    const chunks: Buffer[] = [];
    for await (const chunk of res.body) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  it('sends only the mismatched and the missing part, completes, and the object is byte-exact', async () => {
    const key = 'resume/exact.bin';
    const wrong = Buffer.from(slice(2)).fill(0x5a, 0, 100); // same size, different bytes
    const held = new Map([1, 2, 4, 5, 6].map((n) => [n, n === 2 ? wrong : slice(n)]));
    const uploadId = await uploadWith(key, held);
    const progress: ResumeRemoteProgress[] = [];

    const result = await manager.resumeFromServer({ bucket: TEST_BUCKET, key, uploadId, filePath, onProgress: (p) => progress.push(p) });

    expect(result).toEqual({
      outcome: 'completed',
      partSizeBytes: PART,
      partCount: 6,
      partsKept: 4,
      partsSent: 2,
      bytesSent: 2 * PART,
      crc64: crc64(file).toString(),
      verified: true,
    });
    const stats = f.t.emulator.stats();
    expect(stats.requests['UploadPart']).toBe(2);
    expect(Object.keys(stats.uploadPartAttemptsByPart).sort()).toEqual([`${uploadId}/2`, `${uploadId}/3`]);
    expect(stats.uploadPartBytesReceived).toBe(2 * PART);
    expect(stats.requests['CompleteMultipartUpload']).toBe(1);
    expect((await readObject(key)).equals(file)).toBe(true);
    expect([...new Set(progress.map((p) => p.phase))]).toEqual(['checking', 'sending', 'completing', 'verifying']);
    expect(progress.filter((p) => p.phase === 'sending').at(-1)).toEqual({
      phase: 'sending',
      partsSent: 2,
      partsToSend: 2,
      bytesSent: 2 * PART,
      bytesToSend: 2 * PART,
    });
  });

  it('uploads every part of an upload that has none yet', async () => {
    const key = 'resume/empty-upload.bin';
    const uploadId = await uploadWith(key, new Map());
    const result = await manager.resumeFromServer({ bucket: TEST_BUCKET, key, uploadId, filePath });
    expect(result).toMatchObject({ outcome: 'completed', partsKept: 0, partsSent: 1, bytesSent: FILE_SIZE, verified: true });
    expect((await readObject(key)).equals(file)).toBe(true);
  });

  async function expectUnchanged(key: string, uploadId: string, partNumbers: number[]): Promise<void> {
    const stats = f.t.emulator.stats();
    expect(stats.requests['UploadPart'] ?? 0).toBe(0);
    expect(stats.requests['CompleteMultipartUpload'] ?? 0).toBe(0);
    expect(stats.requests['AbortMultipartUpload'] ?? 0).toBe(0);
    const page = await f.client.listParts({ bucket: TEST_BUCKET, key, uploadId });
    expect(page.parts.map((p) => p.partNumber)).toEqual(partNumbers);
  }

  it('refuses a file too small for the parts on the server, changing nothing', async () => {
    const key = 'resume/too-small.bin';
    const uploadId = await uploadWith(key, new Map([1, 2, 3].map((n) => [n, slice(n)])));
    const small = join(dir, 'small.bin');
    await writeFile(small, file.subarray(0, 2 * PART + 10));
    const result = await manager.resumeFromServer({ bucket: TEST_BUCKET, key, uploadId, filePath: small });
    expect(result).toMatchObject({ outcome: 'refused', reason: 'layoutMismatch' });
    await expectUnchanged(key, uploadId, [1, 2, 3]);
  });

  it('refuses a file whose bytes differ from most server parts, changing nothing', async () => {
    const key = 'resume/other-file.bin';
    const uploadId = await uploadWith(key, new Map([1, 2, 3].map((n) => [n, slice(n)])));
    const other = join(dir, 'other.bin');
    await writeFile(other, randomBytes(FILE_SIZE));
    const result = await manager.resumeFromServer({ bucket: TEST_BUCKET, key, uploadId, filePath: other });
    expect(result).toMatchObject({ outcome: 'refused', reason: 'mostPartsMismatch' });
    if (result.outcome === 'refused') expect(result.message).toMatch(/3 of the 3 parts/);
    await expectUnchanged(key, uploadId, [1, 2, 3]);
  });

  it('refuses a missing file and an upload a local job owns', async () => {
    const key = 'resume/refusals.bin';
    const uploadId = await uploadWith(key, new Map([[1, slice(1)]]));
    const missing = await manager.resumeFromServer({ bucket: TEST_BUCKET, key, uploadId, filePath: join(dir, 'nope.bin') });
    expect(missing).toMatchObject({ outcome: 'refused', reason: 'fileUnreadable', message: expect.stringMatching(/ENOENT/) });
    const owned = new IncompleteUploadManager({
      clients: () => f.client,
      now: Date.now,
      ownership: { findJobByUpload: () => ({ id: 'job-7' as JobId, status: 'paused' }), cancel: () => Promise.resolve() },
    });
    const result = await owned.resumeFromServer({ bucket: TEST_BUCKET, key, uploadId, filePath });
    expect(result).toMatchObject({ outcome: 'refused', reason: 'ownedByLocalJob', message: expect.stringMatching(/job-7/) });
    await expectUnchanged(key, uploadId, [1]);
  });

  it('fails with NoSuchUpload for an upload that is gone', async () => {
    const key = 'resume/gone.bin';
    const uploadId = await uploadWith(key, new Map());
    await f.client.abortMultipartUpload({ bucket: TEST_BUCKET, key, uploadId });
    await expect(manager.resumeFromServer({ bucket: TEST_BUCKET, key, uploadId, filePath })).rejects.toMatchObject({ code: 'NoSuchUpload' });
  });
});
