import { describe, expect, it } from 'vitest';
import type { EngineChangeBatch, JobId, JobSnapshot, PartSnapshot, PartState } from '../../shared/models/job';
import { ChangeBatcher } from './change-batcher';
import type { Timers } from './timers';

/** Hand-driven timers: nothing runs until advance() says time has passed. */
function manualTimers(): { timers: Timers; advance: (ms: number) => void; now: () => number; pending: () => number } {
  let time = 0;
  let nextId = 1;
  const due = new Map<number, { atMs: number; callback: () => void }>();
  return {
    timers: {
      setTimeout: (callback, ms) => {
        const id = nextId++;
        due.set(id, { atMs: time + ms, callback });
        return id;
      },
      clearTimeout: (handle) => {
        due.delete(handle as number);
      },
    },
    advance: (ms) => {
      const end = time + ms;
      for (;;) {
        const next = [...due].filter(([, timer]) => timer.atMs <= end).sort((a, b) => a[1].atMs - b[1].atMs)[0];
        if (next === undefined) break;
        due.delete(next[0]);
        time = next[1].atMs;
        next[1].callback();
      }
      time = end;
    },
    now: () => time,
    pending: () => due.size,
  };
}

const jobId = (id: string): JobId => id as JobId;

function snapshot(id: string, bytesDone: number): JobSnapshot {
  return {
    id: jobId(id),
    localPath: `/tmp/${id}`,
    destination: { accountId: 'acc', bucket: 'bucket', key: id },
    status: 'uploading',
    sizeBytes: 100,
    bytesDone,
    partSizeBytes: 10,
    partCount: 10,
    partsDone: 0,
    uploadId: 'upload',
    bytesPerSecond: 0,
    etaSeconds: undefined,
    retries: 0,
    createdAtMs: 0,
    updatedAtMs: 0,
    error: undefined,
    verifiedBy: undefined,
  };
}

function part(partNumber: number, state: PartState): PartSnapshot {
  return { partNumber, offset: (partNumber - 1) * 10, size: 10, state };
}

function setup(): { batcher: ChangeBatcher; batches: { atMs: number; batch: EngineChangeBatch }[]; clock: ReturnType<typeof manualTimers> } {
  const clock = manualTimers();
  const batches: { atMs: number; batch: EngineChangeBatch }[] = [];
  const batcher = new ChangeBatcher({ emit: (batch) => batches.push({ atMs: clock.now(), batch }), timers: clock.timers });
  return { batcher, batches, clock };
}

describe('ChangeBatcher', () => {
  it('emits nothing and arms no timer while nothing changes', () => {
    const { batcher, batches, clock } = setup();
    clock.advance(10_000);
    batcher.flush();
    expect(batches).toEqual([]);
    expect(clock.pending()).toBe(0);
  });

  it('coalesces changes into one batch 200 ms after the first, keeping the latest snapshot per job', () => {
    const { batcher, batches, clock } = setup();
    batcher.jobChanged(snapshot('a', 1));
    clock.advance(150);
    batcher.jobChanged(snapshot('a', 2));
    batcher.jobChanged(snapshot('b', 5));
    clock.advance(49);
    expect(batches).toEqual([]);
    clock.advance(1);
    expect(batches).toHaveLength(1);
    expect(batches[0]?.atMs).toBe(200);
    expect(batches[0]?.batch.jobs.map((job) => [job.id, job.bytesDone])).toEqual([
      ['a', 2],
      ['b', 5],
    ]);
  });

  it('never emits two batches less than 200 ms apart, however changes arrive', () => {
    const { batcher, batches, clock } = setup();
    for (let i = 0; i < 1_000; i += 1) {
      batcher.jobChanged(snapshot('a', i));
      clock.advance(7);
    }
    clock.advance(1_000);
    const times = batches.map((entry) => entry.atMs);
    expect(times.length).toBeGreaterThan(10);
    for (let i = 1; i < times.length; i += 1) expect((times[i] ?? 0) - (times[i - 1] ?? 0)).toBeGreaterThanOrEqual(200);
    expect(batches.at(-1)?.batch.jobs[0]?.bytesDone).toBe(999);
  });

  it('turns 10,000 parts finishing in a burst into one batch of 10,000 part entries', () => {
    const { batcher, batches, clock } = setup();
    for (let n = 1; n <= 10_000; n += 1) {
      batcher.partChanged(jobId('big'), part(n, { kind: 'inFlight', bytesSent: 5, attempt: 1 }));
      batcher.partChanged(jobId('big'), part(n, { kind: 'done', etag: `"${n}"`, crc64: String(n), attempts: 1 }));
      batcher.jobChanged(snapshot('big', n * 10));
    }
    clock.advance(200);
    expect(batches).toHaveLength(1);
    const batch = batches[0]?.batch;
    expect(batch?.parts).toHaveLength(10_000);
    expect(batch?.parts.every((entry) => entry.part.state.kind === 'done')).toBe(true);
    expect(batch?.jobs).toHaveLength(1);
  });

  it('drops pending changes of a removed job and reports the removal', () => {
    const { batcher, batches, clock } = setup();
    batcher.jobChanged(snapshot('gone', 1));
    batcher.partChanged(jobId('gone'), part(1, { kind: 'pending' }));
    batcher.jobChanged(snapshot('kept', 1));
    batcher.jobRemoved(jobId('gone'));
    clock.advance(200);
    expect(batches[0]?.batch).toEqual({ jobs: [snapshot('kept', 1)], removedJobIds: ['gone'], parts: [] });
    batcher.jobRemoved(jobId('back'));
    batcher.jobChanged(snapshot('back', 3)); // re-added within the same batch: it exists, so it is not removed
    clock.advance(200);
    expect(batches[1]?.batch).toEqual({ jobs: [snapshot('back', 3)], removedJobIds: [], parts: [] });
  });

  it('flushes at once and disarms its timer', () => {
    const { batcher, batches, clock } = setup();
    batcher.partChanged(jobId('a'), part(2, { kind: 'pending' }));
    batcher.flush();
    expect(batches).toHaveLength(1);
    expect(batches[0]?.batch.parts).toEqual([{ jobId: 'a', part: part(2, { kind: 'pending' }) }]);
    expect(clock.pending()).toBe(0);
    expect(batcher.hasPending).toBe(false);
    clock.advance(1_000);
    expect(batches).toHaveLength(1);
  });

  it('stays usable after a listener throws', () => {
    const clock = manualTimers();
    let calls = 0;
    const batcher = new ChangeBatcher({
      emit: () => {
        calls += 1;
        if (calls === 1) throw new Error('listener bug');
      },
      timers: clock.timers,
    });
    batcher.jobChanged(snapshot('a', 1));
    expect(() => batcher.flush()).toThrow('listener bug');
    batcher.jobChanged(snapshot('a', 2));
    clock.advance(200);
    expect(calls).toBe(2);
  });
});
