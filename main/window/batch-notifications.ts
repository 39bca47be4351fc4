// A native notification when a batch of uploads finishes or fails, if the user wants them (settings.notifications,
// issue 5 item 5). Main shows it, so the page needs no notification permission (harden-session.ts denies it).
import type { AppCore, BatchOutcome } from '../app/app-core-types';

/** Title and body of a notification. */
export interface NotificationText {
  readonly title: string;
  readonly body: string;
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The notification for `outcome`: "finished" when nothing failed, otherwise "finished with failures". */
export function describeBatchOutcome(outcome: BatchOutcome): NotificationText {
  const parts = [
    outcome.completed > 0 ? `${count(outcome.completed, 'file', 'files')} uploaded` : undefined,
    outcome.failed > 0 ? `${outcome.failed} failed` : undefined,
    outcome.canceled > 0 ? `${outcome.canceled} canceled` : undefined,
  ].filter((part): part is string => part !== undefined);
  const title = outcome.failed > 0 ? 'Uploads finished with failures' : 'Uploads finished';
  return { title, body: `${parts.join(', ')}.` };
}

/** How a notification is shown (Electron's Notification in the app, a fake in tests). */
export interface Notifier {
  isSupported(): boolean;
  show(text: NotificationText): void;
}

/** Shows a notification for every finished batch while settings().notifications is on; returns the unsubscribe. */
export function bindBatchNotifications(core: Pick<AppCore<unknown>, 'settings' | 'onBatchFinished'>, notifier: Notifier): () => void {
  return core.onBatchFinished((outcome) => {
    if (!core.settings().notifications || !notifier.isSupported()) return;
    notifier.show(describeBatchOutcome(outcome));
  });
}
