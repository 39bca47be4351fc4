// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { okResult } from '../../shared/ipc/result';
import type { JobId, PartSnapshot } from '../../shared/models/job';
import { createFakeUploader, installUploader, type FakeUploader } from '../bridge/fake-uploader';
import { selectStatusCounts, selectVisibleJobIds } from './job-selectors';
import { resetJobsStore, useJobsStore } from './jobs-store';
import { useNoticesStore } from './notices-store';
import { makeJob, makePart } from './test-jobs';

const id = (value: string) => value as JobId;
let fake: FakeUploader;
let uninstall: () => void;

beforeEach(() => {
  resetJobsStore();
  useNoticesStore.getState().clear();
  fake = createFakeUploader({ 'uploads.list': () => okResult([makeJob('a'), makeJob('b')]) });
  uninstall = installUploader(fake.api);
});

afterEach(() => {
  resetJobsStore();
  uninstall();
});

describe('jobs store', () => {
  it('loads the list and applies each batch in exactly one store update', async () => {
    await useJobsStore.getState().load();
    expect(useJobsStore.getState().order).toEqual(['a', 'b']);
    let updates = 0;
    const stop = useJobsStore.subscribe(() => {
      updates += 1;
    });
    fake.emit('uploads.changed', {
      jobs: [makeJob('a', { bytesDone: 5 }), makeJob('c')],
      removedJobIds: [id('b')],
      parts: [{ jobId: id('a'), part: makePart(1) }],
    });
    stop();
    expect(updates).toBe(1);
    const state = useJobsStore.getState();
    expect(state.order).toEqual(['a', 'c']);
    expect(state.jobs['a']?.bytesDone).toBe(5);
    // No job is open, so part changes are not kept.
    expect(state.parts).toBeUndefined();
  });

  it('reports a failed list instead of swallowing it', async () => {
    fake.answer({ 'uploads.list': () => ({ ok: false, error: { code: 'IpcUnavailable', message: 'gone', retryable: true } }) });
    await useJobsStore.getState().load();
    expect(useNoticesStore.getState().notices.map((notice) => [notice.command, notice.error.code])).toEqual([['uploads.list', 'IpcUnavailable']]);
  });

  it('loads parts only for the open job and keeps them current from batches', async () => {
    fake.answer({ 'uploads.getParts': ({ jobId }) => okResult(jobId === 'a' ? [makePart(1), makePart(2)] : []) });
    await useJobsStore.getState().load();
    await useJobsStore.getState().openJob(id('a'));
    expect(fake.argsOf('uploads.getParts')).toEqual([{ jobId: 'a' }]);
    expect(useJobsStore.getState().parts?.length).toBe(2);

    fake.emit('uploads.changed', {
      jobs: [],
      removedJobIds: [],
      parts: [
        { jobId: id('a'), part: makePart(2, { kind: 'inFlight', bytesSent: 100, attempt: 1 }) },
        { jobId: id('b'), part: makePart(1, { kind: 'done', etag: '"x"', crc64: '1', attempts: 1 }) },
      ],
    });
    const parts = useJobsStore.getState().parts;
    expect(parts?.[1]?.state).toEqual({ kind: 'inFlight', bytesSent: 100, attempt: 1 });
    expect(parts?.[0]?.state.kind).toBe('pending');

    await useJobsStore.getState().openJob(undefined);
    expect(useJobsStore.getState().parts).toBeUndefined();
  });

  it('applies part updates that arrive while the parts are loading, never undoing a done part', async () => {
    let release: (parts: readonly PartSnapshot[]) => void = () => undefined;
    fake.answer({
      'uploads.getParts': () =>
        new Promise((resolve) => {
          release = (parts) => resolve(okResult(parts));
        }),
    });
    await useJobsStore.getState().load();
    const opening = useJobsStore.getState().openJob(id('a'));
    await Promise.resolve();
    fake.emit('uploads.changed', {
      jobs: [],
      removedJobIds: [],
      parts: [
        { jobId: id('a'), part: makePart(1, { kind: 'inFlight', bytesSent: 1, attempt: 1 }) },
        { jobId: id('a'), part: makePart(2, { kind: 'inFlight', bytesSent: 7, attempt: 2 }) },
      ],
    });
    release([makePart(1, { kind: 'done', etag: '"e"', crc64: '9', attempts: 1 }), makePart(2)]);
    await opening;
    const parts = useJobsStore.getState().parts;
    expect(parts?.[0]?.state.kind).toBe('done');
    expect(parts?.[1]?.state).toEqual({ kind: 'inFlight', bytesSent: 7, attempt: 2 });
  });

  it('closes the detail when the open job is removed', async () => {
    fake.answer({ 'uploads.getParts': () => okResult([makePart(1)]) });
    await useJobsStore.getState().load();
    await useJobsStore.getState().openJob(id('a'));
    fake.emit('uploads.changed', { jobs: [], removedJobIds: [id('a')], parts: [] });
    expect(useJobsStore.getState().openJobId).toBeUndefined();
    expect(useJobsStore.getState().parts).toBeUndefined();
  });
});

describe('job selectors', () => {
  it('counts jobs per status group', () => {
    useJobsStore.setState({
      ...useJobsStore.getState(),
      jobs: {
        a: makeJob('a', { status: 'uploading' }),
        b: makeJob('b', { status: 'queued' }),
        c: makeJob('c', { status: 'paused' }),
        d: makeJob('d', { status: 'failed' }),
        e: makeJob('e', { status: 'completed' }),
        f: makeJob('f', { status: 'canceled' }),
        g: makeJob('g', { status: 'verifying' }),
      },
      order: ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map(id),
    });
    expect(selectStatusCounts(useJobsStore.getState())).toEqual({ all: 7, active: 3, paused: 1, failed: 1, completed: 1, canceled: 1 });
  });

  it('filters visible ids and returns the order itself for "all"', () => {
    const state = {
      jobs: { a: makeJob('a', { status: 'paused' }), b: makeJob('b', { status: 'uploading' }) },
      order: [id('a'), id('b')],
    };
    expect(selectVisibleJobIds({ ...state, filter: 'all' })).toBe(state.order);
    expect(selectVisibleJobIds({ ...state, filter: 'paused' })).toEqual(['a']);
    expect(selectVisibleJobIds({ ...state, filter: 'failed' })).toEqual([]);
  });
});
