import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobId } from '../../shared/models/job';
import { JobJournal } from './job-journal';
import type { JournalRecord } from './journal-record';
import { CrashableDispatcher, crashableWriter } from './test-support/crash-switch';
import { SMALL_PART, TEST_ACCOUNT, TEST_BUCKET, TEST_SETTINGS, startEngineFixture, type EngineFixture } from './test-support/engine-fixture';
import { compareObjectWithFile } from './test-support/object-bytes';
import { waitUntil } from './test-support/wait-until';

let world: EngineFixture;

beforeAll(async () => {
  world = await startEngineFixture();
});

afterAll(async () => {
  await world.dispose();
});

const destination = (key: string): { accountId: string; bucket: string; key: string } => ({ accountId: TEST_ACCOUNT, bucket: TEST_BUCKET, key });

async function journalRecord(jobId: JobId): Promise<JournalRecord | undefined> {
  const { records, problems } = await new JobJournal({ directory: world.stateDir }).loadAll();
  expect(problems).toEqual([]);
  return records.find((record) => record.jobId === jobId);
}

async function expectByteExact(key: string, path: string): Promise<void> {
  expect((await compareObjectWithFile(world.client, TEST_BUCKET, key, path)).equal).toBe(true);
}

describe('UploadEngine restore', () => {
  it('resumes after a crash mid-upload, re-sending at most parallel × part size', async () => {
    const parallel = 4;
    const size = 40 * SMALL_PART + 12_345;
    const key = 'crash/big.bin';
    const path = await world.file(key, size, 7);
    const dispatcher = new CrashableDispatcher();
    const writer = crashableWriter();
    world.emulator.setFaults({ latencyMs: 10 });
    const first = world.engine({
      client: world.makeClient({ dispatcher }),
      journalWriteFile: writer.write,
      // The journal then lags far behind the server: every part done before the crash must be recovered from
      // ListParts and a local MD5 check, not from the journal.
      journalWriteIntervalMs: 60_000,
      settings: { ...TEST_SETTINGS, maxRequests: parallel },
    });
    const [id] = first.addFiles([{ localPath: path, destination: destination(key) }]);
    if (id === undefined) throw new Error('no job');
    await waitUntil('20 parts are done', () => (first.get(id)?.partsDone ?? 0) >= 20);
    writer.crash();
    dispatcher.crash();
    const doneAtCrash = first.getParts(id).filter((part) => part.state.kind === 'done');
    const uploadId = first.get(id)?.uploadId;
    const bytesDoneAtCrash = doneAtCrash.reduce((sum, part) => sum + part.size, 0);
    await new Promise((resolve) => setTimeout(resolve, 100)); // let the cut-off connections reach the emulator
    world.emulator.setFaults({ latencyMs: 0 });
    world.emulator.resetStats();

    const persisted = await journalRecord(id);
    expect(persisted?.uploadId).toBe(uploadId);
    expect(persisted?.parts.length ?? 0).toBeLessThan(doneAtCrash.length);

    const second = world.engine({ settings: { ...TEST_SETTINGS, maxRequests: parallel, resumeOnStart: true } });
    const restored = await second.restore();
    expect(restored.jobIds).toEqual([id]);
    await second.waitForIdle();
    const job = second.get(id);
    expect(job?.status, JSON.stringify(job?.error)).toBe('completed');
    expect(job?.uploadId).toBe(uploadId);
    await expectByteExact(key, path);

    const stats = world.emulator.stats();
    expect(stats.requests['InitiateMultipartUpload'] ?? 0).toBe(0);
    expect(stats.requests['ListParts'] ?? 0).toBeGreaterThanOrEqual(1);
    for (const part of doneAtCrash) expect(stats.uploadPartAttemptsByPart[`${uploadId}/${part.partNumber}`]).toBeUndefined();
    expect(stats.uploadPartBytesReceived).toBeLessThanOrEqual(size - bytesDoneAtCrash + parallel * SMALL_PART);
    expect(await world.listUploads('crash/')).toEqual([]);
  });

  it('brings jobs back paused after a shutdown, and finishes them on resume', async () => {
    const key = 'restart/paused.bin';
    const path = await world.file(key, 12 * SMALL_PART, 8);
    world.emulator.setFaults({ latencyMs: 10 });
    const first = world.engine({ settings: { ...TEST_SETTINGS, maxRequests: 2 } });
    const [id] = first.addFiles([{ localPath: path, destination: destination(key) }]);
    if (id === undefined) throw new Error('no job');
    await waitUntil('3 parts are done', () => (first.get(id)?.partsDone ?? 0) >= 3);
    await first.shutdown();
    world.emulator.setFaults({ latencyMs: 0 });
    const persisted = await journalRecord(id);
    // Shutdown does not pause: the record keeps the running status, and the next start decides.
    expect(persisted?.status).toBe('uploading');
    expect(persisted?.parts.length).toBe(first.get(id)?.partsDone);

    const second = world.engine();
    await second.restore();
    expect(second.get(id)?.status).toBe('paused');
    expect(second.get(id)?.partsDone).toBe(persisted?.parts.length);
    await second.resume(id);
    await second.waitForIdle();
    expect(second.get(id)?.status).toBe('completed');
    await expectByteExact(key, path);
    await second.clearFinished();
    expect(await journalRecord(id)).toBeUndefined();
  });

  it('accepts an object that a Complete finished just before a crash (NoSuchUpload, matching CRC-64)', async () => {
    const key = 'restart/completed-before-crash.bin';
    const path = await world.file(key, 3 * SMALL_PART + 17, 9);
    const engine = world.engine();
    const [done] = engine.addFiles([{ localPath: path, destination: destination(key) }]);
    if (done === undefined) throw new Error('no job');
    await engine.waitForIdle();
    const finished = await journalRecord(done);
    expect(finished?.status).toBe('completed');
    await engine.remove(done);
    // The state a crash between Complete's answer and the journal write leaves: completing, every part recorded.
    const crashed = { ...(finished as JournalRecord), jobId: 'crashed-while-completing' as JobId, status: 'completing' as const };
    await new JobJournal({ directory: world.stateDir }).saveNow(crashed.jobId, crashed);
    world.emulator.resetStats();

    const second = world.engine({ settings: { ...TEST_SETTINGS, resumeOnStart: true } });
    await second.restore();
    await second.waitForIdle();
    const job = second.get(crashed.jobId);
    expect(job?.status, JSON.stringify(job?.error)).toBe('completed');
    expect(job?.verifiedBy).toBe('md5+crc64');
    const stats = world.emulator.stats();
    expect(stats.requests['UploadPart'] ?? 0).toBe(0);
    expect(stats.requests['CompleteMultipartUpload'] ?? 0).toBe(0);
    expect(stats.requests['HeadObject']).toBe(1);
    await second.remove(crashed.jobId);
  });
});
