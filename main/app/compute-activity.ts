// Where uploads stand, for the host's dock/taskbar progress, sleep prevention and quit prompt (issue 5 item 5). Pure
// functions of job snapshots, so the numbers the host shows are testable without an engine.
import type { JobSnapshot, JobStatus } from '../../shared/models/job';
import type { ActivitySummary, BatchOutcome } from './app-core-types';

/** Statuses in which a job is working (or about to): the ones that keep the machine awake and the quit prompt up. */
export const ACTIVE_JOB_STATUSES: readonly JobStatus[] = ['queued', 'preparing', 'uploading', 'completing', 'verifying'];

/** True when `status` is one of ACTIVE_JOB_STATUSES. */
export function isActiveStatus(status: JobStatus): boolean {
  return ACTIVE_JOB_STATUSES.includes(status);
}

/** The summary of a set of jobs: counts by kind, bytes done/total of the active ones and of the waiting ones. */
export function computeActivity(jobs: Iterable<JobSnapshot>): ActivitySummary {
  let activeJobs = 0;
  let pausedJobs = 0;
  let failedJobs = 0;
  let bytesDone = 0;
  let bytesTotal = 0;
  let waitingBytesDone = 0;
  let waitingBytesTotal = 0;
  for (const job of jobs) {
    if (isActiveStatus(job.status)) {
      activeJobs += 1;
      bytesDone += job.bytesDone;
      bytesTotal += job.sizeBytes;
    } else if (job.status === 'paused' || job.status === 'failed') {
      if (job.status === 'paused') pausedJobs += 1;
      else failedJobs += 1;
      waitingBytesDone += job.bytesDone;
      waitingBytesTotal += job.sizeBytes;
    }
  }
  return { activeJobs, pausedJobs, failedJobs, bytesDone, bytesTotal, waitingBytesDone, waitingBytesTotal };
}

/** True when two summaries hold the same numbers. */
export function sameActivity(a: ActivitySummary, b: ActivitySummary): boolean {
  return (
    a.activeJobs === b.activeJobs &&
    a.pausedJobs === b.pausedJobs &&
    a.failedJobs === b.failedJobs &&
    a.bytesDone === b.bytesDone &&
    a.bytesTotal === b.bytesTotal &&
    a.waitingBytesDone === b.waitingBytesDone &&
    a.waitingBytesTotal === b.waitingBytesTotal
  );
}

/**
 * How the jobs of a finished batch ended. Jobs that went paused (or were removed) count in none of the three: the
 * batch did not finish them.
 */
export function computeBatchOutcome(jobs: Iterable<JobSnapshot>): BatchOutcome {
  let completed = 0;
  let failed = 0;
  let canceled = 0;
  for (const job of jobs) {
    if (job.status === 'completed') completed += 1;
    else if (job.status === 'failed') failed += 1;
    else if (job.status === 'canceled') canceled += 1;
  }
  return { completed, failed, canceled };
}
