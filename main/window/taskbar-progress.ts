// Taskbar (Windows, Linux Unity launchers) and dock (macOS) progress for all active uploads (issue 5 item 5).
import type { BrowserWindow } from 'electron';
import type { ActivitySummary, AppCore } from '../app/app-core-types';

/** What `BrowserWindow.setProgressBar(progress, { mode })` is given. */
export interface TaskbarProgress {
  /** 0..1; -1 removes the bar (https://www.electronjs.org/docs/latest/api/browser-window#winsetprogressbarprogress-options). */
  readonly progress: number;
  readonly mode: 'none' | 'normal' | 'indeterminate' | 'error' | 'paused';
}

/** Smallest bar shown for waiting jobs, so a red or paused bar is seen even before their first byte went up. */
const MIN_WAITING_PROGRESS = 0.05;

function fraction(done: number, total: number): number {
  return Math.min(1, Math.max(0, done / total));
}

/**
 * The bar for `summary`. While jobs run: bytes done of the active jobs, red (error) when some other job failed so
 * the user sees it without opening the window, indeterminate while no size is known yet. Nothing running: bytes
 * done of the jobs that wait for the user, in red while one of them failed, paused (yellow on Windows) while they
 * are all paused; none when idle.
 */
export function computeTaskbarProgress(summary: ActivitySummary): TaskbarProgress {
  if (summary.activeJobs > 0) {
    if (summary.bytesTotal <= 0) return { progress: 2, mode: 'indeterminate' };
    return { progress: fraction(summary.bytesDone, summary.bytesTotal), mode: summary.failedJobs > 0 ? 'error' : 'normal' };
  }
  if (summary.failedJobs === 0 && summary.pausedJobs === 0) return { progress: -1, mode: 'none' };
  const done = summary.waitingBytesTotal > 0 ? fraction(summary.waitingBytesDone, summary.waitingBytesTotal) : 1;
  return { progress: Math.max(MIN_WAITING_PROGRESS, done), mode: summary.failedJobs > 0 ? 'error' : 'paused' };
}

/** Keeps the bar of the window `getWindow` returns in step with the core's activity; returns the unsubscribe. */
export function bindTaskbarProgress(
  core: Pick<AppCore<unknown>, 'activity' | 'onActivity'>,
  getWindow: () => Pick<BrowserWindow, 'setProgressBar' | 'isDestroyed'> | undefined,
): () => void {
  const apply = (summary: ActivitySummary): void => {
    const window = getWindow();
    if (window === undefined || window.isDestroyed()) return;
    const { progress, mode } = computeTaskbarProgress(summary);
    window.setProgressBar(progress, { mode });
  };
  apply(core.activity());
  return core.onActivity(apply);
}
