import type { EngineChangeBatch, JobId, JobSnapshot, PartSnapshot } from '../../shared/models/job';
import { ChangeBatcher } from './change-batcher';
import type { Timers } from './timers';

// Issue 3 item 8: one batched change event at most every 200 ms (change-batcher.ts). Jobs report a change on every
// chunk of every part (64 KiB), which would mean building thousands of snapshots a second for nothing; instead the
// first change of a job (or part) in a batch hands the batcher a snapshot, later ones only note that it is marked,
// and when the batch goes out every entry is replaced by the state at that moment. A batch thus carries the
// latest state of everything that changed, built once per job and part per batch.

/** Where events get current state from. */
export interface LiveState {
  jobSnapshot(jobId: JobId): JobSnapshot | undefined;
  partSnapshot(jobId: JobId, partNumber: number): PartSnapshot | undefined;
}

/** Receives batches. */
export type ChangeListener = (batch: EngineChangeBatch) => void;

/** The engine's change notifications, batched and coalesced. */
export class EngineEvents {
  private readonly batcher: ChangeBatcher;
  private readonly live: LiveState;
  private readonly listeners = new Set<ChangeListener>();
  private readonly markedJobs = new Set<JobId>();
  private readonly markedParts = new Map<JobId, Set<number>>();

  constructor(live: LiveState, timers: Timers, intervalMs?: number) {
    this.live = live;
    this.batcher = new ChangeBatcher({ emit: (batch) => this.emit(batch), timers, intervalMs });
  }

  /** Adds a listener; returns the function that removes it. */
  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** A job changed (cheap to call on every byte chunk). */
  jobChanged(jobId: JobId): void {
    if (this.markedJobs.has(jobId)) return;
    const snapshot = this.live.jobSnapshot(jobId);
    if (snapshot === undefined) return;
    this.markedJobs.add(jobId);
    this.batcher.jobChanged(snapshot);
  }

  /** A part of a job changed; the job's row (bytes, parts done) changes with it. */
  partChanged(jobId: JobId, partNumber: number): void {
    this.jobChanged(jobId);
    let parts = this.markedParts.get(jobId);
    if (parts === undefined) {
      parts = new Set();
      this.markedParts.set(jobId, parts);
    }
    if (parts.has(partNumber)) return;
    const snapshot = this.live.partSnapshot(jobId, partNumber);
    if (snapshot === undefined) return;
    parts.add(partNumber);
    this.batcher.partChanged(jobId, snapshot);
  }

  /** A job is gone. */
  jobRemoved(jobId: JobId): void {
    this.markedJobs.delete(jobId);
    this.markedParts.delete(jobId);
    this.batcher.jobRemoved(jobId);
  }

  /** Sends whatever is pending now. */
  flush(): void {
    this.batcher.flush();
  }

  private emit(batch: EngineChangeBatch): void {
    this.markedJobs.clear();
    this.markedParts.clear();
    const fresh: EngineChangeBatch = {
      jobs: batch.jobs.map((job) => this.live.jobSnapshot(job.id) ?? job),
      removedJobIds: batch.removedJobIds,
      parts: batch.parts.map(({ jobId, part }) => ({ jobId, part: this.live.partSnapshot(jobId, part.partNumber) ?? part })),
    };
    for (const listener of [...this.listeners]) {
      try {
        listener(fresh);
      } catch {
        // A throwing listener must not keep the others (or the engine) from their events.
      }
    }
  }
}
