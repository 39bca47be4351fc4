// Quitting (or closing the last window) with uploads running (issue 5 item 5): ask first unless the user chose
// "pause" in the settings, then pause every job, wait until the pause is on disk, stop the core, and only then let
// Electron exit. `before-quit` is prevented until that is done, because Electron does not wait for a promise there.
import type { App, BrowserWindow, Dialog, MessageBoxOptions } from 'electron';
import type { ActivitySummary, AppCore } from '../app/app-core-types';
import type { QuitBehaviour } from '../../shared/ipc/app-settings';

/** What happens when the user quits: exit at once, ask first, or pause without asking. */
export type QuitDecision = 'quit' | 'ask' | 'pause';

/** The decision for `activity` and the user's onQuit setting. */
export function decideQuit(activity: ActivitySummary, onQuit: QuitBehaviour): QuitDecision {
  if (activity.activeJobs === 0) return 'quit';
  return onQuit === 'pause' ? 'pause' : 'ask';
}

/** The quit prompt; the first button (index 0) pauses and quits, the second cancels. */
export function buildQuitPrompt(activeJobs: number): MessageBoxOptions {
  const uploads = activeJobs === 1 ? '1 upload is' : `${activeJobs} uploads are`;
  return {
    type: 'question',
    buttons: ['Pause and quit', 'Cancel'],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
    message: `${uploads} still running.`,
    detail: 'They will be paused and saved, and come back the next time you open the app (paused, or resumed if your settings say so).',
  };
}

/** What the guard needs from Electron and the core. */
export interface QuitGuardOptions {
  readonly app: Pick<App, 'on' | 'quit'>;
  readonly dialog: Pick<Dialog, 'showMessageBox'>;
  readonly core: Pick<AppCore<unknown>, 'activity' | 'settings' | 'pauseAll' | 'shutdown'>;
  readonly getWindow: () => BrowserWindow | undefined;
  readonly log: (line: string) => void;
}

/** Where the guard stands: running, asking or stopping the core, or done (the next quit goes through). */
export type QuitState = 'running' | 'asking' | 'stopping' | 'done';

/** Installs the before-quit guard; returns a getter of its state (a window's close handler reads it). */
export function installQuitGuard(options: QuitGuardOptions): () => QuitState {
  const { app, core, log } = options;
  let state: QuitState = 'running';

  const ask = async (activeJobs: number): Promise<boolean> => {
    const window = options.getWindow();
    const prompt = buildQuitPrompt(activeJobs);
    const answer = window === undefined || window.isDestroyed()
      ? await options.dialog.showMessageBox(prompt)
      : await options.dialog.showMessageBox(window, prompt);
    return answer.response === 0;
  };

  const stop = async (): Promise<void> => {
    const decision = decideQuit(core.activity(), core.settings().onQuit);
    if (decision === 'ask') {
      state = 'asking';
      if (!(await ask(core.activity().activeJobs))) {
        state = 'running';
        return;
      }
    }
    state = 'stopping';
    // Jobs that settled while the prompt was up are skipped by pauseAll; it waits until the journal has the pause.
    if (decision !== 'quit') await core.pauseAll().catch((error: unknown) => log(`Pausing before quit failed: ${String(error)}`));
    await core.shutdown().catch((error: unknown) => log(`Stopping the core failed: ${String(error)}`));
    state = 'done';
    app.quit();
  };

  app.on('before-quit', (event) => {
    if (state === 'done') return;
    event.preventDefault();
    if (state !== 'running') return;
    stop().catch((error: unknown) => {
      log(`Quitting failed: ${String(error)}`);
      state = 'done';
      app.quit();
    });
  });
  return () => state;
}
