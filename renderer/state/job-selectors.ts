// Narrow subscriptions to the jobs store. Each hook re-renders its component only when what it shows changed: a
// row when its own job changed, the list when the visible ids changed, the chips when a count changed.
import { useShallow } from 'zustand/react/shallow';
import type { JobId, JobSnapshot } from '../../shared/models/job';
import { countByStatus, matchesFilter, type StatusCounts } from './job-status-groups';
import { useJobsStore, type JobsState } from './jobs-store';

/** One job's snapshot (undefined once removed). */
export function useJob(jobId: JobId): JobSnapshot | undefined {
  return useJobsStore((state) => state.jobs[jobId]);
}

/** The ids the current filter shows, in order. */
export function selectVisibleJobIds(state: Pick<JobsState, 'jobs' | 'order' | 'filter'>): readonly JobId[] {
  if (state.filter === 'all') return state.order;
  return state.order.filter((id) => {
    const job = state.jobs[id];
    return job !== undefined && matchesFilter(job.status, state.filter);
  });
}

/** The ids the current filter shows; stable while they stay the same ids in the same order. */
export function useVisibleJobIds(): readonly JobId[] {
  return useJobsStore(useShallow(selectVisibleJobIds));
}

/** Jobs per status filter. */
export function selectStatusCounts(state: Pick<JobsState, 'jobs' | 'order'>): StatusCounts {
  const jobs: JobSnapshot[] = [];
  for (const id of state.order) {
    const job = state.jobs[id];
    if (job !== undefined) jobs.push(job);
  }
  return countByStatus(jobs);
}

/** Jobs per status filter; re-renders only when a count changes. */
export function useStatusCounts(): StatusCounts {
  return useJobsStore(useShallow(selectStatusCounts));
}
