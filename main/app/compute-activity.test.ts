import { describe, expect, it } from 'vitest';
import type { JobId, JobSnapshot, JobStatus } from '../../shared/models/job';
import { ActivityTracker } from './activity-tracker';
import type { BatchOutcome } from './app-core-types';
import { computeActivity, computeBatchOutcome } from './compute-activity';

function job(id: string, status: JobStatus, bytesDone = 0, sizeBytes = 100): JobSnapshot {
  return {
    id: id as JobId,
    localPath: `/tmp/${id}`,
    destination: { accountId: 'a', bucket: 'b', key: id },
    status,
    sizeBytes,
    bytesDone,
    partSizeBytes: 102_400,
    partCount: 1,
    partsDone: 0,
    uploadId: undefined,
    bytesPerSecond: 0,
    etaSeconds: undefined,
    retries: 0,
    createdAtMs: 0,
    updatedAtMs: 0,
    error: undefined,
    verifiedBy: undefined,
  };
}

describe('computeActivity', () => {
  it('is all zero without jobs', () => {
    expect(computeActivity([])).toEqual({ activeJobs: 0, pausedJobs: 0, failedJobs: 0, bytesDone: 0, bytesTotal: 0, waitingBytesDone: 0, waitingBytesTotal: 0 });
  });

  it('counts active, paused and failed jobs and sums bytes of active and of waiting (paused, failed) ones', () => {
    const summary = computeActivity([
      job('q', 'queued', 0, 10),
      job('p', 'preparing', 0, 20),
      job('u', 'uploading', 5, 40),
      job('c', 'completing', 80, 80),
      job('v', 'verifying', 7, 7),
      job('z', 'paused', 50, 1000),
      job('f', 'failed', 3, 999),
      job('d', 'completed', 100, 100),
      job('x', 'canceled', 0, 100),
      job('k', 'canceling', 0, 100),
    ]);
    expect(summary).toEqual({ activeJobs: 5, pausedJobs: 1, failedJobs: 1, bytesDone: 92, bytesTotal: 157, waitingBytesDone: 53, waitingBytesTotal: 1999 });
  });
});

describe('computeBatchOutcome', () => {
  it('counts only finished, failed and canceled jobs', () => {
    expect(computeBatchOutcome([job('a', 'completed'), job('b', 'completed'), job('c', 'failed'), job('d', 'canceled'), job('e', 'paused')])).toEqual({
      completed: 2,
      failed: 1,
      canceled: 1,
    });
  });
});

describe('ActivityTracker', () => {
  function tracked(): { tracker: ActivityTracker; outcomes: BatchOutcome[]; activeCounts: number[] } {
    const tracker = new ActivityTracker((error) => {
      throw error;
    });
    const outcomes: BatchOutcome[] = [];
    const activeCounts: number[] = [];
    tracker.onBatchFinished((o) => outcomes.push(o));
    tracker.onActivity((s) => activeCounts.push(s.activeJobs));
    return { tracker, outcomes, activeCounts };
  }
  const batch = (jobs: JobSnapshot[], removed: string[] = []): Parameters<ActivityTracker['apply']>[0] => ({
    jobs,
    removedJobIds: removed as JobId[],
    parts: [],
  });

  it('fires once per batch when the last active job settles, with the batch counts', () => {
    const { tracker, outcomes } = tracked();
    tracker.apply(batch([job('a', 'queued'), job('b', 'queued')]));
    tracker.apply(batch([job('a', 'uploading', 50)]));
    tracker.apply(batch([job('a', 'completed', 100)]));
    expect(outcomes).toEqual([]); // b is still queued
    tracker.apply(batch([job('b', 'failed')]));
    expect(outcomes).toEqual([{ completed: 1, failed: 1, canceled: 0 }]);
    tracker.apply(batch([job('a', 'completed', 100)])); // a repeat of a settled job is not a new batch
    expect(outcomes).toHaveLength(1);
    tracker.apply(batch([job('c', 'uploading')]));
    tracker.apply(batch([job('c', 'canceled')]));
    expect(outcomes).toEqual([
      { completed: 1, failed: 1, canceled: 0 },
      { completed: 0, failed: 0, canceled: 1 },
    ]);
  });

  it('does not announce a batch that was only paused', () => {
    const { tracker, outcomes } = tracked();
    tracker.apply(batch([job('a', 'uploading')]));
    tracker.apply(batch([job('a', 'paused')]));
    expect(outcomes).toEqual([]);
    expect(tracker.summary().pausedJobs).toBe(1);
  });

  it('notifies activity only when the numbers change, and forgets removed jobs', () => {
    const { tracker, activeCounts } = tracked();
    tracker.apply(batch([job('a', 'uploading', 10)]));
    tracker.apply(batch([job('a', 'uploading', 10)]));
    tracker.apply(batch([job('a', 'uploading', 20)]));
    tracker.apply(batch([], ['a']));
    expect(activeCounts).toEqual([1, 1, 0]);
    expect(tracker.summary()).toEqual(computeActivity([]));
  });

  it('keeps notifying the other listeners when one throws', () => {
    const errors: unknown[] = [];
    const tracker = new ActivityTracker((error) => errors.push(error));
    const seen: number[] = [];
    tracker.onActivity(() => {
      throw new Error('host bug');
    });
    tracker.onActivity((s) => seen.push(s.activeJobs));
    tracker.apply(batch([job('a', 'queued')]));
    expect(seen).toEqual([1]);
    expect(errors).toHaveLength(1);
  });
});

describe('ActivityTracker with jobs that settle between batches', () => {
  const batch = (jobs: JobSnapshot[]): Parameters<ActivityTracker['apply']>[0] => ({ jobs, removedJobIds: [], parts: [] });

  it('counts a job first seen already completed, but not jobs restored from an earlier session', () => {
    const tracker = new ActivityTracker((error) => {
      throw error;
    });
    const outcomes: BatchOutcome[] = [];
    tracker.onBatchFinished((o) => outcomes.push(o));
    tracker.seed([job('old', 'completed'), job('older', 'failed')]);
    tracker.apply(batch([job('old', 'completed'), job('older', 'failed')]));
    expect(outcomes).toEqual([]);
    tracker.apply(batch([job('quick', 'completed'), job('slow', 'uploading')]));
    tracker.apply(batch([job('slow', 'failed')]));
    expect(outcomes).toEqual([{ completed: 1, failed: 1, canceled: 0 }]);
  });
});
