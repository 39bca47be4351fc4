// Keeps the machine from sleeping while uploads run (issue 5 item 5). 'prevent-app-suspension' keeps the system
// awake but lets the display sleep: an upload needs the network, not the screen
// (https://www.electronjs.org/docs/latest/api/power-save-blocker).
import type { PowerSaveBlocker } from 'electron';
import type { ActivitySummary, AppCore } from '../app/app-core-types';

/** Holds a blocker while `activeJobs > 0` and releases it after; returns a dispose that releases it too. */
export function bindSleepBlocker(
  core: Pick<AppCore<unknown>, 'activity' | 'onActivity'>,
  blocker: Pick<PowerSaveBlocker, 'start' | 'stop'>,
): () => void {
  let id: number | undefined;
  const release = (): void => {
    if (id === undefined) return;
    blocker.stop(id);
    id = undefined;
  };
  const apply = (summary: ActivitySummary): void => {
    if (summary.activeJobs > 0) id ??= blocker.start('prevent-app-suspension');
    else release();
  };
  apply(core.activity());
  const unsubscribe = core.onActivity(apply);
  return () => {
    unsubscribe();
    release();
  };
}
