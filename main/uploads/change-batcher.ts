import type { EngineChangeBatch, JobId, JobSnapshot, PartSnapshot } from '../../shared/models/job';
import type { Timers } from './timers';

// Issue 3 item 8: one batched change event at most every 200 ms, carrying every job and part change since the
// last one. About five updates a second keeps a progress bar and its numbers moving smoothly, while IPC traffic and
// renderer work stay bounded whatever the engine does. Uppy core learned the same lesson: it throttles its
// total-progress update (`#updateTotalProgressThrottled`, lodash throttle, 500 ms) because unthrottled progress
// made browsers lag on long uploads. 200 ms is affordable here because a batch carries only what changed.
// Only the latest state per job and per (job, part) is kept, so 10,000 parts finishing in one burst become one
// batch with at most 10,000 part entries rather than 10,000 events. The timer is trailing: the first change arms
// it and everything up to its expiry rides along, which is what makes that burst a single batch.

/** Default minimum time between two batches. */
export const DEFAULT_BATCH_INTERVAL_MS = 200;

/** Options of ChangeBatcher. */
export interface ChangeBatcherOptions {
  /** Receives each batch. If it throws, the batch is lost but the batcher stays usable. */
  readonly emit: (batch: EngineChangeBatch) => void;
  /** Injected so tests control time; systemTimers in production. */
  readonly timers: Timers;
  readonly intervalMs?: number;
}

/** Collects engine changes and emits them as one EngineChangeBatch per interval. */
export class ChangeBatcher {
  private readonly emit: (batch: EngineChangeBatch) => void;
  private readonly timers: Timers;
  private readonly intervalMs: number;
  private jobs = new Map<JobId, JobSnapshot>();
  private removed = new Set<JobId>();
  private parts = new Map<JobId, Map<number, PartSnapshot>>();
  private timer: unknown;
  private armed = false;

  constructor(options: ChangeBatcherOptions) {
    this.emit = options.emit;
    this.timers = options.timers;
    this.intervalMs = options.intervalMs ?? DEFAULT_BATCH_INTERVAL_MS;
  }

  /** A job's snapshot changed; only the latest one is sent. */
  jobChanged(snapshot: JobSnapshot): void {
    this.removed.delete(snapshot.id);
    this.jobs.set(snapshot.id, snapshot);
    this.arm();
  }

  /** A job is gone; its pending snapshot and part changes are dropped. */
  jobRemoved(jobId: JobId): void {
    this.jobs.delete(jobId);
    this.parts.delete(jobId);
    this.removed.add(jobId);
    this.arm();
  }

  /** A part of a job changed; only the latest state per (job, part) is sent. */
  partChanged(jobId: JobId, part: PartSnapshot): void {
    let jobParts = this.parts.get(jobId);
    if (jobParts === undefined) {
      jobParts = new Map();
      this.parts.set(jobId, jobParts);
    }
    jobParts.set(part.partNumber, part);
    this.arm();
  }

  /** Whether changes are waiting for the next batch. */
  get hasPending(): boolean {
    return this.jobs.size > 0 || this.removed.size > 0 || this.parts.size > 0;
  }

  /** Emits pending changes now (at shutdown, or before a final state must be visible) and disarms the timer. */
  flush(): void {
    if (this.armed) {
      this.timers.clearTimeout(this.timer);
      this.armed = false;
      this.timer = undefined;
    }
    if (!this.hasPending) return;
    const batch: EngineChangeBatch = {
      jobs: [...this.jobs.values()],
      removedJobIds: [...this.removed],
      parts: [...this.parts].flatMap(([jobId, jobParts]) => [...jobParts.values()].map((part) => ({ jobId, part }))),
    };
    // Reset before emitting so a throwing listener cannot leave the batcher with stale state.
    this.jobs = new Map();
    this.removed = new Set();
    this.parts = new Map();
    this.emit(batch);
  }

  private arm(): void {
    if (this.armed) return;
    this.armed = true;
    this.timer = this.timers.setTimeout(() => {
      this.armed = false;
      this.timer = undefined;
      this.flush();
    }, this.intervalMs);
  }
}
