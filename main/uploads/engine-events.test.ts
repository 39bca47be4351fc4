import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineChangeBatch } from '../../shared/models/job';
import { SMALL_PART, TEST_ACCOUNT, TEST_BUCKET, TEST_SETTINGS, startEngineFixture, type EngineFixture } from './test-support/engine-fixture';
import { waitUntil } from './test-support/wait-until';
import type { Timers } from './timers';

let world: EngineFixture;

beforeAll(async () => {
  world = await startEngineFixture({ emulator: { faults: { latencyMs: 20 } } });
});

afterAll(async () => {
  await world.dispose();
});

const destination = (key: string): { accountId: string; bucket: string; key: string } => ({ accountId: TEST_ACCOUNT, bucket: TEST_BUCKET, key });

/** Timers that fire only when the test says so. */
function manualTimers(): Timers & { fireAll(): void; pending(): number } {
  const callbacks = new Map<number, () => void>();
  let next = 0;
  return {
    setTimeout: (callback) => {
      next += 1;
      callbacks.set(next, callback);
      return next;
    },
    clearTimeout: (handle) => {
      callbacks.delete(handle as number);
    },
    fireAll: () => {
      const due = [...callbacks.values()];
      callbacks.clear();
      for (const callback of due) callback();
    },
    pending: () => callbacks.size,
  };
}

describe('UploadEngine change events', () => {
  it('coalesces every change between two batches into one entry per job and part, with the latest state', async () => {
    const timers = manualTimers();
    const engine = world.engine({ timers, settings: { ...TEST_SETTINGS, maxRequests: 4 } });
    const batches: EngineChangeBatch[] = [];
    engine.onChange((batch) => batches.push(batch));
    const path = await world.file('events/coalesced.bin', 30 * SMALL_PART, 41);
    const [id] = engine.addFiles([{ localPath: path, destination: destination('events/coalesced.bin') }]);
    if (id === undefined) throw new Error('no job');
    await waitUntil('the upload completes', () => engine.get(id)?.status === 'completed');
    // Hundreds of byte-progress and state changes, and not one batch yet: the batch timer has not fired.
    expect(batches).toEqual([]);
    timers.fireAll();
    expect(batches).toHaveLength(1);
    const [batch] = batches;
    expect(batch?.jobs.map((job) => [job.id, job.status, job.bytesDone])).toEqual([[id, 'completed', 30 * SMALL_PART]]);
    expect(batch?.parts.map((entry) => entry.part.partNumber)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(batch?.parts.every((entry) => entry.jobId === id && entry.part.state.kind === 'done')).toBe(true);
    await engine.shutdown();
  });

  it('sends batches at most every 200 ms while a many-part upload runs', async () => {
    const engine = world.engine({ settings: { ...TEST_SETTINGS, maxRequests: 2 } });
    const arrivals: { atMs: number; batch: EngineChangeBatch }[] = [];
    engine.onChange((batch) => arrivals.push({ atMs: performance.now(), batch }));
    const path = await world.file('events/timed.bin', 40 * SMALL_PART, 42);
    const [id] = engine.addFiles([{ localPath: path, destination: destination('events/timed.bin') }]);
    if (id === undefined) throw new Error('no job');
    await waitUntil('the upload completes', () => engine.get(id)?.status === 'completed');
    await new Promise((resolve) => setTimeout(resolve, 300)); // the trailing batch
    expect(arrivals.length).toBeGreaterThan(2);
    for (let i = 1; i < arrivals.length; i += 1) {
      const gap = (arrivals[i]?.atMs ?? 0) - (arrivals[i - 1]?.atMs ?? 0);
      expect(gap).toBeGreaterThanOrEqual(195); // Node may fire a timer up to ~1 ms early
    }
    for (const { batch } of arrivals) {
      const keys = batch.parts.map((entry) => `${entry.jobId}/${entry.part.partNumber}`);
      expect(new Set(keys).size).toBe(keys.length);
    }
    expect(arrivals.at(-1)?.batch.jobs.at(-1)?.status).toBe('completed');
    // Progress reached listeners in between: some batch showed the job uploading with part of the bytes done, and
    // a measured speed.
    const midway = arrivals.flatMap(({ batch }) => batch.jobs).filter((job) => job.status === 'uploading' && job.bytesDone > 0 && job.bytesDone < job.sizeBytes);
    expect(midway.length).toBeGreaterThan(0);
    expect(midway.some((job) => job.bytesPerSecond > 0)).toBe(true);
  });
});
