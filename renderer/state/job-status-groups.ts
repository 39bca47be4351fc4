// The status filters of the uploads view and the counts shown on them. Groups rather than raw statuses: a user
// filters by "active" or "failed", not by "preparing" versus "verifying".
import type { JobSnapshot, JobStatus } from '../../shared/models/job';

/** The filter chips, in display order. */
export const STATUS_FILTERS = ['all', 'active', 'paused', 'failed', 'completed', 'canceled'] as const;
/** One of STATUS_FILTERS. */
export type StatusFilter = (typeof STATUS_FILTERS)[number];
/** A filter that is a group of statuses. */
export type StatusGroup = Exclude<StatusFilter, 'all'>;

const GROUP_OF: Readonly<Record<JobStatus, StatusGroup>> = {
  queued: 'active',
  preparing: 'active',
  uploading: 'active',
  completing: 'active',
  verifying: 'active',
  // Canceling is still work in progress (the abort request is in flight).
  canceling: 'active',
  paused: 'paused',
  failed: 'failed',
  completed: 'completed',
  canceled: 'canceled',
};

/** The group a status belongs to. */
export function groupOf(status: JobStatus): StatusGroup {
  return GROUP_OF[status];
}

/** True when a job with `status` is shown under `filter`. */
export function matchesFilter(status: JobStatus, filter: StatusFilter): boolean {
  return filter === 'all' || GROUP_OF[status] === filter;
}

/** Jobs per filter. */
export type StatusCounts = Readonly<Record<StatusFilter, number>>;

/** Counts jobs per filter (`all` is the total). */
export function countByStatus(jobs: Iterable<JobSnapshot>): StatusCounts {
  const counts = { all: 0, active: 0, paused: 0, failed: 0, completed: 0, canceled: 0 };
  for (const job of jobs) {
    counts.all += 1;
    counts[GROUP_OF[job.status]] += 1;
  }
  return counts;
}
