// Taskbar (Windows, Linux Unity launchers) and dock (macOS) progress for all active uploads (issue 5 item 5).
import type { BrowserWindow } from 'electron';
import type { ActivitySummary, AppCore } from '../app/app-core-types';

/** What `BrowserWindow.setProgressBar(progress, { mode })` is given. */
export interface TaskbarProgress {
  /** 0..1; -1 removes the bar (https://www.electronjs.org/docs/latest/api/browser-window#winsetprogressbarprogress-options). */
  readonly progress: number;
  readonly mode: 'none' | 'normal' | 'indeterminate' | 'error' | 'paused';
}

/**
 * The bar for `summary`. While jobs run: bytes done of the active jobs, red (error) when some other job failed so
 * the user sees it without opening the window, indeterminate while no size is known yet. Nothing running: a full
 * red bar while failed jobs wait for the user, a full paused (yellow on Windows) bar while paused jobs wait, none
 * when idle. Paused and failed jobs have no byte counts in the summary, hence the full bar.
 */
export function computeTaskbarProgress(summary: ActivitySummary): TaskbarProgress {
  if (summary.activeJobs > 0) {
    if (summary.bytesTotal <= 0) return { progress: 2, mode: 'indeterminate' };
    const progress = Math.min(1, Math.max(0, summary.bytesDone / summary.bytesTotal));
    return { progress, mode: summary.failedJobs > 0 ? 'error' : 'normal' };
  }
  if (summary.failedJobs > 0) return { progress: 1, mode: 'error' };
  if (summary.pausedJobs > 0) return { progress: 1, mode: 'paused' };
  return { progress: -1, mode: 'none' };
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
