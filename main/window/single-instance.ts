// One running app per user (issue 5 item 5): two instances would share one journal and one secrets file. A second
// launch exits at once and the first one comes to the front.
import type { App } from 'electron';

/**
 * Takes the single-instance lock. False means another instance holds it (this one should quit without opening
 * anything); true means this is the first, and `onSecondInstance` runs each time another launch is attempted.
 */
export function claimSingleInstance(app: Pick<App, 'requestSingleInstanceLock' | 'on'>, onSecondInstance: () => void): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', () => onSecondInstance());
  return true;
}
