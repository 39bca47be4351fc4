import { describe, expect, it } from 'vitest';
import type { JobStatus } from '../../shared/models/job';
import { assertNever } from './assert-never';
import {
  IllegalTransitionError,
  JOB_STATUSES,
  canCancel,
  canPause,
  canRemove,
  canResume,
  canRetry,
  canTransition,
  describeJobStatus,
  isActive,
  isTerminal,
  transitionJob,
  type JobEvent,
} from './job-status';

const EVENTS: readonly JobEvent[] = [
  { type: 'start' },
  { type: 'prepared', mode: 'multipart' },
  { type: 'prepared', mode: 'single' },
  { type: 'partsFinished' },
  { type: 'completeSucceeded' },
  { type: 'verified' },
  { type: 'pause' },
  { type: 'resume' },
  { type: 'fail' },
  { type: 'retry' },
  { type: 'cancel' },
  { type: 'canceled' },
  { type: 'restore' },
];

function label(event: JobEvent): string {
  return event.type === 'prepared' ? `prepared(${event.mode})` : event.type;
}

// Every legal move, written out by hand from issue 3 item 1 and the brief; everything else must throw.
const LEGAL: Readonly<Record<string, JobStatus>> = {
  'queued start': 'preparing',
  'preparing prepared(multipart)': 'uploading',
  'preparing prepared(single)': 'completing',
  'uploading partsFinished': 'completing',
  'completing completeSucceeded': 'verifying',
  'verifying verified': 'completed',
  'queued pause': 'paused',
  'preparing pause': 'paused',
  'uploading pause': 'paused',
  'paused resume': 'queued',
  'preparing fail': 'failed',
  'uploading fail': 'failed',
  'completing fail': 'failed',
  'verifying fail': 'failed',
  'canceling fail': 'failed',
  'failed retry': 'queued',
  'queued cancel': 'canceling',
  'preparing cancel': 'canceling',
  'uploading cancel': 'canceling',
  'paused cancel': 'canceling',
  'failed cancel': 'canceling',
  'canceling canceled': 'canceled',
  'queued restore': 'queued',
  'preparing restore': 'queued',
  'uploading restore': 'queued',
  'completing restore': 'queued',
  'verifying restore': 'queued',
  'paused restore': 'paused',
  'failed restore': 'failed',
  'canceling restore': 'canceling',
  'completed restore': 'completed',
  'canceled restore': 'canceled',
};

describe('transitionJob', () => {
  it('walks a multipart job from queued to completed', () => {
    const path: JobEvent[] = [
      { type: 'start' },
      { type: 'prepared', mode: 'multipart' },
      { type: 'partsFinished' },
      { type: 'completeSucceeded' },
      { type: 'verified' },
    ];
    const seen = path.reduce<JobStatus[]>((statuses, event) => [...statuses, transitionJob(statuses.at(-1) ?? 'queued', event)], ['queued']);
    expect(seen).toEqual(['queued', 'preparing', 'uploading', 'completing', 'verifying', 'completed']);
  });

  it('sends a single-PutObject job from preparing straight to completing', () => {
    expect(transitionJob('preparing', { type: 'prepared', mode: 'single' })).toBe('completing');
  });

  for (const from of JOB_STATUSES) {
    for (const event of EVENTS) {
      const key = `${from} ${label(event)}`;
      const expected = LEGAL[key];
      it(`${key} → ${expected ?? 'IllegalTransitionError'}`, () => {
        if (expected === undefined) {
          expect(() => transitionJob(from, event)).toThrow(IllegalTransitionError);
          expect(canTransition(from, event)).toBe(false);
        } else {
          expect(transitionJob(from, event)).toBe(expected);
          expect(canTransition(from, event)).toBe(true);
        }
      });
    }
  }

  it('names both the status and the event in the error', () => {
    let caught: unknown;
    try {
      transitionJob('completed', { type: 'pause' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(IllegalTransitionError);
    const error = caught as IllegalTransitionError;
    expect(error.from).toBe('completed');
    expect(error.event).toBe('pause');
    expect(error.code).toBe('IllegalTransition');
    expect(error.message).toContain('completed');
    expect(error.message).toContain('pause');
  });
});

describe('status predicates', () => {
  const expectations: Record<JobStatus, [terminal: boolean, active: boolean, pause: boolean, resume: boolean, retry: boolean, cancel: boolean, remove: boolean]> = {
    queued: [false, false, true, false, false, true, false],
    preparing: [false, true, true, false, false, true, false],
    uploading: [false, true, true, false, false, true, false],
    paused: [false, false, false, true, false, true, true],
    completing: [false, true, false, false, false, false, false],
    verifying: [false, true, false, false, false, false, false],
    completed: [true, false, false, false, false, false, true],
    failed: [false, false, false, false, true, true, true],
    canceling: [false, false, false, false, false, false, false],
    canceled: [true, false, false, false, false, false, true],
  };
  for (const status of JOB_STATUSES) {
    it(`${status}`, () => {
      expect([
        isTerminal(status),
        isActive(status),
        canPause(status),
        canResume(status),
        canRetry(status),
        canCancel(status),
        canRemove(status),
      ]).toEqual(expectations[status]);
    });
  }

  it('gives every status a distinct English label', () => {
    const labels = JOB_STATUSES.map(describeJobStatus);
    expect(new Set(labels).size).toBe(JOB_STATUSES.length);
    expect(describeJobStatus('canceling')).toBe('Canceling');
  });
});

describe('assertNever', () => {
  it('throws with the unexpected value', () => {
    expect(() => assertNever('bogus' as never, 'job status')).toThrow('Unexpected job status: "bogus"');
  });
});
