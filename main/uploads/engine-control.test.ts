import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobId } from '../../shared/models/job';
import { EngineError } from './engine-error';
import { JobJournal } from './job-journal';
import { SMALL_PART, TEST_ACCOUNT, TEST_BUCKET, TEST_SETTINGS, startEngineFixture, type EngineFixture } from './test-support/engine-fixture';
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

const destination = (key: string): { accountId: string; bucket: string; key: string } => ({ accountId: TEST_ACCOUNT, bucket: TEST_BUCKET, key });

/** Adds one file of `parts` small parts and waits until `doneParts` of them are done. */
async function startUpload(engine: UploadEngine, key: string, parts: number, doneParts: number): Promise<{ id: JobId; path: string }> {
  const path = await world.file(key, parts * SMALL_PART - 999, parts);
  const [id] = engine.addFiles([{ localPath: path, destination: destination(key) }]);
  if (id === undefined) throw new Error('no job');
  await waitUntil(`${doneParts} parts of ${key} are done`, () => (engine.get(id)?.partsDone ?? 0) >= doneParts);
  return { id, path };
}

function attemptsOf(uploadId: string | undefined, partNumbers: readonly number[]): number[] {
  const attempts = world.emulator.stats().uploadPartAttemptsByPart;
  return partNumbers.map((n) => attempts[`${uploadId}/${n}`] ?? 0);
}

async function journalStatus(id: JobId): Promise<string | undefined> {
  const { records } = await new JobJournal({ directory: world.stateDir }).loadAll();
  return records.find((record) => record.jobId === id)?.status;
}

describe('UploadEngine pause, resume, cancel, remove', () => {
  it('pauses without losing finished parts and resumes without re-sending them', async () => {
    const engine = world.engine({ settings: { ...TEST_SETTINGS, maxRequests: 2 } });
    const { id, path } = await startUpload(engine, 'control/pause.bin', 16, 4);
    await engine.pause(id);
    expect(await journalStatus(id)).toBe('paused');
    await engine.waitForIdle();
    const paused = engine.get(id);
    expect(paused?.status).toBe('paused');
    expect(paused?.uploadId).toBeDefined();
    const parts = engine.getParts(id);
    // Nothing is left in flight or waiting; what finished stays finished.
    expect(parts.every((part) => part.state.kind === 'done' || part.state.kind === 'pending')).toBe(true);
    const done = parts.filter((part) => part.state.kind === 'done').map((part) => part.partNumber);
    expect(done.length).toBe(paused?.partsDone);
    const attemptsBefore = attemptsOf(paused?.uploadId, done);

    await engine.resume(id);
    await engine.waitForIdle();
    expect(engine.get(id)?.status).toBe('completed');
    expect(attemptsOf(paused?.uploadId, done)).toEqual(attemptsBefore);
    expect((await compareObjectWithFile(world.client, TEST_BUCKET, 'control/pause.bin', path)).equal).toBe(true);
  });

  it('cancels: the upload is aborted on the server and nothing is left', async () => {
    const engine = world.engine({ settings: { ...TEST_SETTINGS, maxRequests: 4 } });
    const aborts = world.emulator.stats().requests['AbortMultipartUpload'] ?? 0;
    const { id } = await startUpload(engine, 'control/cancel.bin', 30, 3);
    await engine.cancel(id);
    expect(engine.get(id)?.status).toBe('canceled');
    expect(await journalStatus(id)).toBe('canceled');
    expect(await world.listUploads('control/cancel')).toEqual([]);
    // Once at once, once more after the in-flight parts settled.
    expect((world.emulator.stats().requests['AbortMultipartUpload'] ?? 0) - aborts).toBe(2);
    await engine.remove(id);
    expect(engine.get(id)).toBeUndefined();
  });

  it('removes a paused job only with an explicit choice: keep leaves the upload on the server', async () => {
    const engine = world.engine();
    const { id } = await startUpload(engine, 'control/keep.bin', 12, 2);
    await expect(engine.remove(id)).rejects.toMatchObject({ code: 'JobBusy' });
    await engine.pause(id);
    const uploadId = engine.get(id)?.uploadId;
    await expect(engine.remove(id)).rejects.toBeInstanceOf(EngineError);
    await expect(engine.remove(id)).rejects.toMatchObject({ code: 'ServerChoiceRequired' });
    await engine.remove(id, { server: 'keep' });
    expect(engine.list().some((job) => job.id === id)).toBe(false);
    expect(await journalStatus(id)).toBeUndefined();
    expect((await world.listUploads('control/keep')).map((upload) => upload.uploadId)).toEqual([uploadId]);
    await world.client.abortMultipartUpload({ bucket: TEST_BUCKET, key: 'control/keep.bin', uploadId: uploadId ?? '' });
  });

  it('removes a paused job with abort: the upload is gone from the server', async () => {
    const engine = world.engine();
    const { id } = await startUpload(engine, 'control/abort.bin', 12, 2);
    await engine.pause(id);
    await engine.remove(id, { server: 'abort' });
    expect(engine.get(id)).toBeUndefined();
    expect(await journalStatus(id)).toBeUndefined();
    expect(await world.listUploads('control/abort')).toEqual([]);
  });

  it('fails a part that runs out of attempts, keeps the uploadId, and Retry continues where it stopped', async () => {
    const engine = world.engine({ settings: { ...TEST_SETTINGS, maxRequests: 1, retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5 } } });
    const { id, path } = await startUpload(engine, 'control/retry.bin', 6, 2);
    world.emulator.failNext({ operation: 'UploadPart', code: 'InternalError', status: 500, count: 3, keyPrefix: 'control/retry' });
    await engine.waitForIdle();
    const failed = engine.get(id);
    expect(failed?.status).toBe('failed');
    expect(failed?.error).toMatchObject({ code: 'InternalError', retryable: true });
    expect(failed?.error?.message).toContain('gave up after 3 attempts');
    expect(failed?.uploadId).toBeDefined();
    const failedPart = engine.getParts(id).find((part) => part.state.kind === 'failed');
    expect(failedPart?.state).toMatchObject({ kind: 'failed', attempts: 3, errorCode: 'InternalError' });
    expect(await journalStatus(id)).toBe('failed');
    const done = engine.getParts(id).filter((part) => part.state.kind === 'done').map((part) => part.partNumber);
    const attemptsBefore = attemptsOf(failed?.uploadId, done);

    await engine.retry(id);
    await engine.waitForIdle();
    const finished = engine.get(id);
    expect(finished?.status).toBe('completed');
    expect(finished?.uploadId).toBe(failed?.uploadId);
    expect(attemptsOf(failed?.uploadId, done)).toEqual(attemptsBefore);
    expect((await compareObjectWithFile(world.client, TEST_BUCKET, 'control/retry.bin', path)).equal).toBe(true);
  });

  it('refuses commands that the state machine does not allow', async () => {
    const engine = world.engine();
    const path = await world.file('control/small.bin', 10, 1);
    const [id] = engine.addFiles([{ localPath: path, destination: destination('control/small.bin') }]);
    if (id === undefined) throw new Error('no job');
    await engine.waitForIdle();
    await expect(engine.pause(id)).rejects.toMatchObject({ code: 'IllegalTransition' });
    await expect(engine.cancel(id)).rejects.toMatchObject({ code: 'IllegalTransition' });
    await expect(engine.resume('nope' as JobId)).rejects.toMatchObject({ code: 'JobNotFound' });
    expect(() => engine.addFiles([{ localPath: path, destination: destination('/leading-slash') }])).toThrow(EngineError);
    expect(() => engine.addFiles([{ localPath: path, destination: destination('k'), partSizeBytes: 1000 }])).toThrow(/Part size/);
  });
});
