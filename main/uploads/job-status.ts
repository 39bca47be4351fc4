import type { JobStatus } from '../../shared/models/job';
import { TERMINAL_JOB_STATUSES } from '../../shared/models/job';
import { assertNever } from './assert-never';

// Issue 3 item 1: a job is an explicit state machine. Every status change goes through transitionJob, so an
// impossible move (say, "verified" while paused) is a loud bug rather than a silently wrong row in the UI.
//
//   queued ─start→ preparing ─prepared(multipart)→ uploading ─partsFinished→ completing ─completeSucceeded→
//   verifying ─verified→ completed;  preparing ─prepared(single)→ completing (one PutObject, no parts)
//   pause:  queued | preparing | uploading → paused;     resume: paused → queued
//   fail:   preparing | uploading | completing | verifying | canceling → failed;     retry: failed → queued
//   cancel: queued | preparing | uploading | paused | failed → canceling ─canceled→ canceled
//   restore (after a restart): see restoredStatus below.

/** Every job status, in the order a job normally passes through them (for tests, filters and schemas). */
export const JOB_STATUSES = [
  'queued',
  'preparing',
  'uploading',
  'paused',
  'completing',
  'verifying',
  'completed',
  'failed',
  'canceling',
  'canceled',
] as const satisfies readonly JobStatus[];

// Compile-time proof that JOB_STATUSES lists every member of JobStatus.
type MissingStatus = Exclude<JobStatus, (typeof JOB_STATUSES)[number]>;
const everyStatusListed: MissingStatus extends never ? true : never = true;
void everyStatusListed;

/** Something that happens to a job; transitionJob says where it leads. */
export type JobEvent =
  /** The scheduler granted a file slot. */
  | { readonly type: 'start' }
  /** Parts planned and the upload initiated or reconciled; a file that fits in one part goes straight to its PutObject. */
  | { readonly type: 'prepared'; readonly mode: 'single' | 'multipart' }
  /** Every part is done; CompleteMultipartUpload is next. */
  | { readonly type: 'partsFinished' }
  /** Complete (or the single PutObject) succeeded; the CRC-64 check is next. */
  | { readonly type: 'completeSucceeded' }
  /** The object's CRC-64 matched. */
  | { readonly type: 'verified' }
  | { readonly type: 'pause' }
  | { readonly type: 'resume' }
  /** Out of retries, a permanent error, a changed file or a CRC-64 mismatch. */
  | { readonly type: 'fail' }
  | { readonly type: 'retry' }
  /** The user asked to cancel: abort the multipart upload on the server. */
  | { readonly type: 'cancel' }
  /** The abort went through (or there was nothing on the server to abort). */
  | { readonly type: 'canceled' }
  /** The job was read back from the journal after a restart. */
  | { readonly type: 'restore' };

/** The tag of a JobEvent. */
export type JobEventType = JobEvent['type'];

/** Thrown by transitionJob for a move the state machine does not allow; names both ends. */
export class IllegalTransitionError extends Error {
  readonly code = 'IllegalTransition';
  readonly from: JobStatus;
  readonly event: JobEventType;

  constructor(from: JobStatus, event: JobEventType) {
    super(`Illegal job transition: event "${event}" is not allowed while the job is ${from}`);
    this.name = 'IllegalTransitionError';
    this.from = from;
    this.event = event;
  }
}

const PAUSABLE: readonly JobStatus[] = ['queued', 'preparing', 'uploading'];
const FAILABLE: readonly JobStatus[] = ['preparing', 'uploading', 'completing', 'verifying', 'canceling'];
const CANCELABLE: readonly JobStatus[] = ['queued', 'preparing', 'uploading', 'paused', 'failed'];

/**
 * Where a persisted status leads after a restart. Work that was in progress (preparing … verifying) goes back to
 * the queue and starts again with preparing, which reconciles with ListParts (issue 3 item 7). A job persisted
 * while completing or verifying may in fact be complete on the server; preparing must allow for that.
 * A canceling job stays canceling so the engine finishes the abort rather than orphaning parts (item 6).
 */
export function restoredStatus(persisted: JobStatus): JobStatus {
  switch (persisted) {
    case 'queued':
    case 'preparing':
    case 'uploading':
    case 'completing':
    case 'verifying':
      return 'queued';
    case 'paused':
    case 'failed':
    case 'canceling':
    case 'completed':
    case 'canceled':
      return persisted;
    default:
      return assertNever(persisted, 'job status');
  }
}

function nextStatus(from: JobStatus, event: JobEvent): JobStatus | undefined {
  switch (event.type) {
    case 'start':
      return from === 'queued' ? 'preparing' : undefined;
    case 'prepared':
      if (from !== 'preparing') return undefined;
      return event.mode === 'single' ? 'completing' : 'uploading';
    case 'partsFinished':
      return from === 'uploading' ? 'completing' : undefined;
    case 'completeSucceeded':
      return from === 'completing' ? 'verifying' : undefined;
    case 'verified':
      return from === 'verifying' ? 'completed' : undefined;
    case 'pause':
      return PAUSABLE.includes(from) ? 'paused' : undefined;
    case 'resume':
      return from === 'paused' ? 'queued' : undefined;
    case 'fail':
      return FAILABLE.includes(from) ? 'failed' : undefined;
    case 'retry':
      return from === 'failed' ? 'queued' : undefined;
    case 'cancel':
      return CANCELABLE.includes(from) ? 'canceling' : undefined;
    case 'canceled':
      return from === 'canceling' ? 'canceled' : undefined;
    case 'restore':
      return restoredStatus(from);
    default:
      return assertNever(event, 'job event');
  }
}

/** The status after `event`; throws IllegalTransitionError when the move is not allowed from `from`. */
export function transitionJob(from: JobStatus, event: JobEvent): JobStatus {
  const to = nextStatus(from, event);
  if (to === undefined) throw new IllegalTransitionError(from, event.type);
  return to;
}

/** Whether `event` is allowed from `from` (transitionJob would not throw). */
export function canTransition(from: JobStatus, event: JobEvent): boolean {
  return nextStatus(from, event) !== undefined;
}

/** Nothing more happens to the job on its own, and no user action other than remove applies. */
export function isTerminal(status: JobStatus): boolean {
  return TERMINAL_JOB_STATUSES.includes(status);
}

/**
 * The job holds one of the scheduler's file slots. Canceling does not: an abort is one control request and must
 * not wait behind other files' uploads for a slot.
 */
export function isActive(status: JobStatus): boolean {
  return status === 'preparing' || status === 'uploading' || status === 'completing' || status === 'verifying';
}

/** The UI may offer Pause. */
export function canPause(status: JobStatus): boolean {
  return canTransition(status, { type: 'pause' });
}

/** The UI may offer Resume. */
export function canResume(status: JobStatus): boolean {
  return canTransition(status, { type: 'resume' });
}

/** The UI may offer Retry (continues with the same uploadId, issue 3 item 5). */
export function canRetry(status: JobStatus): boolean {
  return canTransition(status, { type: 'retry' });
}

/** The UI may offer Cancel. */
export function canCancel(status: JobStatus): boolean {
  return canTransition(status, { type: 'cancel' });
}

/**
 * The UI may offer Remove: the job is idle. Removing a paused or failed job that has an uploadId needs an explicit
 * choice between keeping the upload on the server and aborting it (issue 3 item 6); the caller asks for it.
 */
export function canRemove(status: JobStatus): boolean {
  return status === 'paused' || status === 'failed' || isTerminal(status);
}

const LABELS: Readonly<Record<JobStatus, string>> = {
  queued: 'Queued',
  preparing: 'Preparing',
  uploading: 'Uploading',
  paused: 'Paused',
  completing: 'Completing',
  verifying: 'Verifying',
  completed: 'Completed',
  failed: 'Failed',
  canceling: 'Canceling',
  canceled: 'Canceled',
};

/** A short English label for the status (the renderer has its own translated strings; this is for the CLI and logs). */
export function describeJobStatus(status: JobStatus): string {
  return LABELS[status];
}
