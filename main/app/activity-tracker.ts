// Follows the engine's change batches to tell the host when the activity changes and when a batch of uploads ends
// (issue 5 item 5: taskbar progress, sleep prevention, "batch finished" notifications). A batch is every job seen
// active since the active count last left zero; it ends when the count is back at zero.
import type { EngineChangeBatch, JobId, JobSnapshot } from '../../shared/models/job';
import type { ActivitySummary, BatchOutcome } from './app-core-types';
import { computeActivity, computeBatchOutcome, isActiveStatus, sameActivity } from './compute-activity';

/** Listener registry with error isolation: one throwing host listener must not stop the others or the engine. */
class Listeners<T> {
  readonly #set = new Set<(value: T) => void>();

  constructor(private readonly onError: (error: unknown) => void) {}

  add(listener: (value: T) => void): () => void {
    this.#set.add(listener);
    return () => {
      this.#set.delete(listener);
    };
  }

  emit(value: T): void {
    for (const listener of [...this.#set]) {
      try {
        listener(value);
      } catch (error) {
        this.onError(error);
      }
    }
  }
}

/** Keeps the latest snapshot of every job and derives the activity and batch outcomes from them. */
export class ActivityTracker {
  readonly #jobs = new Map<JobId, JobSnapshot>();
  readonly #batch = new Set<JobId>();
  readonly #activity: Listeners<ActivitySummary>;
  readonly #finished: Listeners<BatchOutcome>;
  #summary: ActivitySummary = computeActivity([]);

  constructor(onListenerError: (error: unknown) => void) {
    this.#activity = new Listeners(onListenerError);
    this.#finished = new Listeners(onListenerError);
  }

  /** The activity after the last batch applied. */
  summary(): ActivitySummary {
    return this.#summary;
  }

  /** Listens to activity changes; returns the unsubscribe function. */
  onActivity(listener: (summary: ActivitySummary) => void): () => void {
    return this.#activity.add(listener);
  }

  /** Listens to finished batches; returns the unsubscribe function. */
  onBatchFinished(listener: (outcome: BatchOutcome) => void): () => void {
    return this.#finished.add(listener);
  }

  /**
   * Takes the jobs the engine restored as already known, so their first batch (completed jobs of an earlier
   * session among them) does not read as work finished now.
   */
  seed(jobs: Iterable<JobSnapshot>): void {
    for (const job of jobs) if (!this.#jobs.has(job.id)) this.#jobs.set(job.id, job);
    this.#update();
  }

  /** Applies one engine batch; notifies activity listeners on a change, batch listeners when the batch ended. */
  apply(batch: EngineChangeBatch): void {
    for (const jobId of batch.removedJobIds) this.#jobs.delete(jobId);
    for (const job of batch.jobs) {
      const previous = this.#jobs.get(job.id);
      this.#jobs.set(job.id, job);
      // A batch carries only each job's latest state, so a small file can go from added to completed between two
      // batches without ever showing as active: a job new to the tracker that already settled belongs to the batch.
      const settledUnseen = previous === undefined && (job.status === 'completed' || job.status === 'failed' || job.status === 'canceled');
      if (isActiveStatus(job.status) || (previous !== undefined && isActiveStatus(previous.status)) || settledUnseen) this.#batch.add(job.id);
    }
    this.#update();
  }

  #update(): void {
    const next = computeActivity(this.#jobs.values());
    const changed = !sameActivity(next, this.#summary);
    this.#summary = next;
    if (changed) this.#activity.emit(next);
    if (next.activeJobs === 0 && this.#batch.size > 0) {
      const members = [...this.#batch].flatMap((jobId) => {
        const job = this.#jobs.get(jobId);
        return job === undefined ? [] : [job];
      });
      this.#batch.clear();
      const outcome = computeBatchOutcome(members);
      // Pausing everything also brings the count to zero; with nothing finished there is nothing to announce.
      if (outcome.completed + outcome.failed + outcome.canceled > 0) this.#finished.emit(outcome);
    }
  }
}
