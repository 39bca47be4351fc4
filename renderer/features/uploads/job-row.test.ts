// @vitest-environment happy-dom
import { act, cleanup, render } from '@testing-library/react';
import { createElement, Profiler } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { okResult } from '../../../shared/ipc/result';
import type { JobId } from '../../../shared/models/job';
import { createFakeUploader, installUploader, type FakeUploader } from '../../bridge/fake-uploader';
import { resetJobsStore, useJobsStore } from '../../state/jobs-store';
import { makeJob } from '../../state/test-jobs';
import { JobRow } from './job-row';

const id = (value: string) => value as JobId;
let fake: FakeUploader;
let uninstall: () => void;

beforeEach(async () => {
  resetJobsStore();
  fake = createFakeUploader({ 'uploads.list': () => okResult([makeJob('a'), makeJob('b')]) });
  uninstall = installUploader(fake.api);
  await useJobsStore.getState().load();
});

afterEach(() => {
  cleanup();
  resetJobsStore();
  uninstall();
});

describe('JobRow', () => {
  it('re-renders only for its own job', () => {
    const renders: Record<string, number> = { a: 0, b: 0 };
    const count = (profilerId: string) => {
      renders[profilerId] = (renders[profilerId] ?? 0) + 1;
    };
    const onRequestRemove = () => undefined;
    render(
      createElement(
        'div',
        null,
        createElement(Profiler, { id: 'a', onRender: count }, createElement(JobRow, { jobId: id('a'), onRequestRemove })),
        createElement(Profiler, { id: 'b', onRender: count }, createElement(JobRow, { jobId: id('b'), onRequestRemove })),
      ),
    );
    const before = { ...renders };

    act(() => fake.emit('uploads.changed', { jobs: [makeJob('b', { bytesDone: 1024 })], removedJobIds: [], parts: [] }));
    expect(renders['a']).toBe(before['a']);
    expect(renders['b']).toBe((before['b'] ?? 0) + 1);

    act(() => fake.emit('uploads.changed', { jobs: [makeJob('a', { bytesDone: 2048 })], removedJobIds: [], parts: [] }));
    expect(renders['a']).toBe((before['a'] ?? 0) + 1);
    expect(renders['b']).toBe((before['b'] ?? 0) + 1);
  });

  it('shows progress, status and only the actions the status allows', () => {
    useJobsStore.getState().applyBatch({
      jobs: [makeJob('a', { status: 'paused', sizeBytes: 1000, bytesDone: 420 })],
      removedJobIds: [],
      parts: [],
    });
    const view = render(createElement(JobRow, { jobId: id('a'), onRequestRemove: () => undefined }));
    expect(view.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('42');
    expect(view.getByText('Paused')).toBeTruthy();
    expect(view.getByRole('button', { name: 'Resume' })).toBeTruthy();
    expect(view.getByRole('button', { name: 'Remove' })).toBeTruthy();
    expect(view.queryByRole('button', { name: 'Pause' })).toBeNull();
    expect(view.queryByRole('button', { name: 'Retry' })).toBeNull();
  });
});
