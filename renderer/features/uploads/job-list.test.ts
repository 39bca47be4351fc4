// @vitest-environment happy-dom
import { act, cleanup, render } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { okResult } from '../../../shared/ipc/result';
import { createFakeUploader, installUploader, type FakeUploader } from '../../bridge/fake-uploader';
import { resetJobsStore, useJobsStore } from '../../state/jobs-store';
import { makeJob } from '../../state/test-jobs';
import { JobList } from './job-list';

// JobList calls useVisibleJobIds exactly once per render: counting the calls counts its renders.
const listRenders = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../state/job-selectors', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../state/job-selectors')>();
  return {
    ...actual,
    useVisibleJobIds: () => {
      listRenders.count += 1;
      return actual.useVisibleJobIds();
    },
  };
});

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

describe('JobList', () => {
  it('is not re-rendered by progress, only by a change of the visible ids', () => {
    const view = render(createElement(JobList, { onRequestRemove: () => undefined, initialRect: { width: 1000, height: 600 } }));
    expect(view.getAllByRole('listitem').map((item) => item.getAttribute('aria-label'))).toEqual(['a.bin', 'b.bin']);
    const before = listRenders.count;

    act(() => fake.emit('uploads.changed', { jobs: [makeJob('b', { bytesDone: 4096 })], removedJobIds: [], parts: [] }));
    expect(listRenders.count).toBe(before);

    act(() => fake.emit('uploads.changed', { jobs: [makeJob('c')], removedJobIds: [], parts: [] }));
    expect(listRenders.count).toBeGreaterThan(before);
    expect(view.getAllByRole('listitem')).toHaveLength(3);
  });
});
