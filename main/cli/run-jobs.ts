// Drives the jobs of one `oss-upload` run to their end, feeding the progress reporter, and stops early on SIGINT or
// SIGTERM. Which jobs to start and what to do afterwards (exit status, journal clean-up) is the caller's business.
import type { EngineChangeBatch, JobId, JobSnapshot, JobStatus } from '../../shared/models/job';
import type { ProgressReporter } from './progress-reporter';

/** What runJobs needs of the upload engine. */
export interface RunnableEngine {
  list(): readonly JobSnapshot[];
  onChange(listener: (batch: EngineChangeBatch) => void): () => void;
}

/**
 * Longest wait between two looks at the jobs when no change batch arrives. Batches come every 200 ms while anything
 * changes (change-batcher.ts); this only bounds the wait if the last one is missed.
 */
const POLL_INTERVAL_MS = 1_000;

/** How runJobs ended. */
export type RunOutcome =
  | { readonly kind: 'finished'; readonly jobs: readonly JobSnapshot[] }
  | { readonly kind: 'interrupted'; readonly signal: NodeJS.Signals };

/** Statuses in which a job makes no more progress of its own. */
const SETTLED: ReadonlySet<JobStatus> = new Set(['completed', 'failed', 'canceled', 'paused']);

/** The watched jobs, in the order given (a job that vanished from the engine is left out). */
export function snapshotsOf(engine: RunnableEngine, ids: readonly JobId[]): JobSnapshot[] {
  const byId = new Map(engine.list().map((job) => [job.id, job]));
  return ids.flatMap((id) => {
    const job = byId.get(id);
    return job === undefined ? [] : [job];
  });
}

/**
 * Waits until every job in `ids` has settled (completed, failed, canceled or paused) or `interrupted` resolves,
 * showing progress on `reporter` meanwhile. The final snapshots are shown too, so a job that finished between two
 * change batches still gets its done or failure line.
 */
export async function runJobs(
  engine: RunnableEngine,
  ids: readonly JobId[],
  reporter: ProgressReporter,
  interrupted: Promise<NodeJS.Signals>,
): Promise<RunOutcome> {
  const watched = new Set(ids);
  let changed: () => void = () => undefined;
  const unsubscribe = engine.onChange((batch) => {
    const ours = batch.jobs.filter((job) => watched.has(job.id));
    if (ours.length > 0) reporter.update(ours);
    changed();
  });
  let signal: NodeJS.Signals | undefined;
  void interrupted.then((s) => {
    signal = s;
    changed();
  });
  try {
    reporter.update(snapshotsOf(engine, ids));
    for (;;) {
      if (signal !== undefined) return { kind: 'interrupted', signal };
      const jobs = snapshotsOf(engine, ids);
      if (jobs.every((job) => SETTLED.has(job.status))) {
        reporter.update(jobs);
        return { kind: 'finished', jobs };
      }
      // Wake on the next change batch, a signal, or the poll interval, whichever comes first; then look again.
      let timer: NodeJS.Timeout | undefined;
      await new Promise<void>((resolve) => {
        changed = resolve;
        timer = setTimeout(resolve, POLL_INTERVAL_MS);
      });
      clearTimeout(timer);
      changed = () => undefined;
    }
  } finally {
    unsubscribe();
  }
}
