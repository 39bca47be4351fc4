import { describe, expect, it } from 'vitest';
import { IDLE, FakeAppCore } from './test-support/fake-app-core';
import { bindTaskbarProgress, computeTaskbarProgress, type TaskbarProgress } from './taskbar-progress';

describe('computeTaskbarProgress', () => {
  it('removes the bar when idle', () => {
    expect(computeTaskbarProgress(IDLE)).toEqual({ progress: -1, mode: 'none' });
  });

  it('shows bytes done of the active jobs', () => {
    expect(computeTaskbarProgress({ ...IDLE, activeJobs: 2, bytesDone: 250, bytesTotal: 1000 })).toEqual({ progress: 0.25, mode: 'normal' });
    expect(computeTaskbarProgress({ ...IDLE, activeJobs: 1, pausedJobs: 3, bytesDone: 10, bytesTotal: 10 })).toEqual({ progress: 1, mode: 'normal' });
  });

  it('is indeterminate while no size is known and clamps odd numbers', () => {
    expect(computeTaskbarProgress({ ...IDLE, activeJobs: 1 }).mode).toBe('indeterminate');
    expect(computeTaskbarProgress({ ...IDLE, activeJobs: 1, bytesDone: 20, bytesTotal: 10 }).progress).toBe(1);
  });

  it('turns red while a job failed, and paused while only paused jobs wait', () => {
    expect(computeTaskbarProgress({ ...IDLE, activeJobs: 1, failedJobs: 1, bytesDone: 5, bytesTotal: 10 })).toEqual({ progress: 0.5, mode: 'error' });
    const waiting = { waitingBytesDone: 300, waitingBytesTotal: 1000 };
    expect(computeTaskbarProgress({ ...IDLE, ...waiting, failedJobs: 1, pausedJobs: 1 })).toEqual({ progress: 0.3, mode: 'error' });
    expect(computeTaskbarProgress({ ...IDLE, ...waiting, pausedJobs: 2 })).toEqual({ progress: 0.3, mode: 'paused' });
  });

  it('keeps a waiting bar visible before the first byte went up, and full for empty files', () => {
    expect(computeTaskbarProgress({ ...IDLE, pausedJobs: 1, waitingBytesTotal: 1000 })).toEqual({ progress: 0.05, mode: 'paused' });
    expect(computeTaskbarProgress({ ...IDLE, failedJobs: 1 })).toEqual({ progress: 1, mode: 'error' });
  });
});

describe('bindTaskbarProgress', () => {
  it('sets the bar now and on every activity change, skipping a closed window, until unsubscribed', () => {
    const core = new FakeAppCore();
    const bars: TaskbarProgress[] = [];
    let destroyed = false;
    const window = {
      isDestroyed: () => destroyed,
      setProgressBar: (progress: number, options?: { mode?: TaskbarProgress['mode'] }) => {
        bars.push({ progress, mode: options?.mode ?? 'normal' });
      },
    };
    const unsubscribe = bindTaskbarProgress(core, () => window);
    core.setActivity({ activeJobs: 1, bytesDone: 1, bytesTotal: 4 });
    core.setActivity({});
    destroyed = true;
    core.setActivity({ activeJobs: 1, bytesDone: 2, bytesTotal: 4 });
    destroyed = false;
    unsubscribe();
    core.setActivity({ activeJobs: 1, bytesDone: 3, bytesTotal: 4 });
    expect(bars).toEqual([
      { progress: -1, mode: 'none' },
      { progress: 0.25, mode: 'normal' },
      { progress: -1, mode: 'none' },
    ]);
  });
});
