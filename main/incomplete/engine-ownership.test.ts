// Issue 4 item 3 with the real upload engine as the manager's `ownership`: an upload a running or paused job owns is
// listed as owned, and aborting it cancels the job through the engine before anything is aborted behind its back.
import { access } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobId } from '../../shared/models/job';
import { isOssError } from '../oss/oss-error';
import {
  SMALL_PART,
  TEST_ACCOUNT,
  TEST_BUCKET,
  TEST_SETTINGS,
  startEngineFixture,
  type EngineFixture,
} from '../uploads/test-support/engine-fixture';
import { waitUntil } from '../uploads/test-support/wait-until';
import type { UploadEngine } from '../uploads/upload-engine';
import { IncompleteUploadManager } from './incomplete-upload-manager';
import { NO_WAIT_RETRY } from './test-support/fake-client';

let world: EngineFixture;

beforeAll(async () => {
  // A slow link (per connection) keeps a 30-part upload running for many seconds, long enough to browse and abort it.
  world = await startEngineFixture({ emulator: { faults: { latencyMs: 5, bandwidthBytesPerSecond: 400 * 1024 } } });
});

afterAll(async () => {
  await world.dispose();
});

function managerFor(engine: UploadEngine): IncompleteUploadManager {
  return new IncompleteUploadManager({
    clients: () => world.client,
    now: Date.now,
    ownership: engine,
    retryPolicy: NO_WAIT_RETRY.policy,
    sleep: NO_WAIT_RETRY.sleep,
  });
}

/** Adds a `parts`-part file and waits until the job has an uploadId and at least `doneParts` parts on the server. */
async function startUpload(engine: UploadEngine, key: string, parts: number, doneParts: number): Promise<{ id: JobId; uploadId: string }> {
  const path = await world.file(key, parts * SMALL_PART - 123, parts);
  const [id] = engine.addFiles([{ localPath: path, destination: { accountId: TEST_ACCOUNT, bucket: TEST_BUCKET, key } }]);
  if (id === undefined) throw new Error('addFiles returned no job');
  await waitUntil(`${doneParts} parts of ${key} are done`, () => (engine.get(id)?.partsDone ?? 0) >= doneParts);
  const uploadId = engine.get(id)?.uploadId;
  if (uploadId === undefined) throw new Error('a job with finished parts has no uploadId');
  return { id, uploadId };
}

/** True when the emulator still keeps a directory for the upload (its record and part files live there). */
async function uploadDirExists(uploadId: string): Promise<boolean> {
  // The fixture keeps the emulator's data next to the state dir (engine-fixture.ts: temp/emulator, temp/state);
  // the emulator stores an upload under buckets/<bucket>/uploads/<uploadId> (emulator/store/store-paths.ts).
  const dir = join(dirname(world.stateDir), 'emulator', 'buckets', TEST_BUCKET, 'uploads', uploadId);
  return access(dir).then(
    () => true,
    () => false,
  );
}

async function listPartsError(key: string, uploadId: string): Promise<unknown> {
  return world.client.listParts({ bucket: TEST_BUCKET, key, uploadId }).then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe('the incomplete-upload manager with the real engine as owner', () => {
  it('lists a running job’s upload as owned, and aborting it cancels the job first and leaves nothing', async () => {
    const engine = world.engine({ settings: { ...TEST_SETTINGS, maxRequests: 2 } });
    const manager = managerFor(engine);
    const key = 'owned/running.bin';
    const { id, uploadId } = await startUpload(engine, key, 30, 2);

    const page = await manager.browseUploads({ bucket: TEST_BUCKET, prefix: 'owned/running' });
    expect(page.uploads.map((u) => [u.key, u.uploadId, u.ownedByJobId])).toEqual([[key, uploadId, id]]);
    expect(engine.get(id)?.status).toBe('uploading');

    const result = await manager.abortUpload({ bucket: TEST_BUCKET, key, uploadId });
    expect(result).toEqual({ key, uploadId, outcome: 'aborted', viaJobId: id });
    // Canceled, not failed: had the upload been aborted behind the job's back, its next part would have failed
    // with NoSuchUpload and the job would have ended `failed`.
    expect(engine.get(id)?.status).toBe('canceled');
    await engine.waitForIdle();
    expect(engine.get(id)?.status).toBe('canceled');

    expect(await world.listUploads('owned/running')).toEqual([]);
    const error = await listPartsError(key, uploadId);
    expect(isOssError(error) && error.code).toBe('NoSuchUpload');
    expect(await uploadDirExists(uploadId)).toBe(false);
  });

  it('lists a paused job’s upload as owned (with its status), and aborting it cancels that job', async () => {
    const engine = world.engine({ settings: { ...TEST_SETTINGS, maxRequests: 2 } });
    const manager = managerFor(engine);
    const key = 'owned/paused.bin';
    const { id, uploadId } = await startUpload(engine, key, 20, 1);
    await engine.pause(id);
    await engine.waitForIdle();
    expect(engine.get(id)?.status).toBe('paused');

    const page = await manager.browseUploads({ bucket: TEST_BUCKET, prefix: 'owned/' });
    expect(page.uploads.map((u) => [u.key, u.ownedByJobId])).toEqual([[key, id]]);
    const details = await manager.inspectUpload({ bucket: TEST_BUCKET, key, uploadId });
    expect(details.owner).toEqual({ jobId: id, status: 'paused' });
    expect(details.partCount).toBeGreaterThanOrEqual(1);

    expect(await manager.abortUpload({ bucket: TEST_BUCKET, key, uploadId })).toMatchObject({ outcome: 'aborted', viaJobId: id });
    expect(engine.get(id)?.status).toBe('canceled');
    expect(await world.listUploads('owned/')).toEqual([]);
    expect(await uploadDirExists(uploadId)).toBe(false);
  });
});
