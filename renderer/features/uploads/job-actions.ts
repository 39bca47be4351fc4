// Which per-row actions a job offers, from its status alone (mirrors the engine's state machine,
// main/uploads/job-status.ts: pause from queued/preparing/uploading, cancel until completing, remove when idle).
import type { JobSnapshot, JobStatus } from '../../../shared/models/job';

/** The row actions. */
export interface JobActions {
  readonly pause: boolean;
  readonly resume: boolean;
  readonly retry: boolean;
  readonly cancel: boolean;
  readonly remove: boolean;
  readonly copyLink: boolean;
}

const PAUSABLE: readonly JobStatus[] = ['queued', 'preparing', 'uploading'];
const CANCELABLE: readonly JobStatus[] = ['queued', 'preparing', 'uploading', 'paused', 'failed'];
const REMOVABLE: readonly JobStatus[] = ['paused', 'failed', 'completed', 'canceled'];

/** The actions `job` allows now. */
export function jobActions(job: Pick<JobSnapshot, 'status'>): JobActions {
  return {
    pause: PAUSABLE.includes(job.status),
    resume: job.status === 'paused',
    retry: job.status === 'failed',
    cancel: CANCELABLE.includes(job.status),
    remove: REMOVABLE.includes(job.status),
    copyLink: job.status === 'completed',
  };
}

/**
 * True when removing must ask what happens to the upload on the server: a paused or failed job that initiated a
 * multipart upload still holds its parts there (the engine refuses to guess: ServerChoiceRequired).
 */
export function removeNeedsServerChoice(job: Pick<JobSnapshot, 'status' | 'uploadId'>): boolean {
  return (job.status === 'paused' || job.status === 'failed') && job.uploadId !== undefined;
}

/** The file name of a job, for row labels and dialogs (the last segment of its local path, either separator). */
export function jobFileName(job: Pick<JobSnapshot, 'localPath' | 'destination'>): string {
  const segments = job.localPath.split(/[\\/]/);
  const last = segments[segments.length - 1];
  return last === undefined || last === '' ? job.destination.key : last;
}
