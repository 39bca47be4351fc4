// A hand-driven AppCore for the window/ tests: activity, batches and settings are set by the test, and every call
// the shell makes (pauseAll, shutdown, published events) is recorded.
import { DEFAULT_SETTINGS, type AppSettings } from '../../../shared/ipc/app-settings';
import type { ActivitySummary, AppCore, BatchOutcome } from '../../app/app-core-types';
import { createEventPublisher, type EventPublisher } from '../../ipc/event-publisher';

/** Idle: nothing running, paused or failed. */
export const IDLE: ActivitySummary = Object.freeze({ activeJobs: 0, pausedJobs: 0, failedJobs: 0, bytesDone: 0, bytesTotal: 0, waitingBytesDone: 0, waitingBytesTotal: 0 });

/** The parts of AppCore the shell's desktop integration uses, driven by the test. */
export class FakeAppCore implements Pick<AppCore<unknown>, 'settings' | 'activity' | 'onActivity' | 'onBatchFinished' | 'pauseAll' | 'shutdown' | 'events'> {
  readonly calls: string[] = [];
  readonly events: EventPublisher = createEventPublisher({ log: { warn: () => undefined } });
  current: ActivitySummary = IDLE;
  currentSettings: AppSettings = DEFAULT_SETTINGS;
  readonly #activity = new Set<(summary: ActivitySummary) => void>();
  readonly #batches = new Set<(outcome: BatchOutcome) => void>();

  settings(): AppSettings {
    return this.currentSettings;
  }

  activity(): ActivitySummary {
    return this.current;
  }

  onActivity(listener: (summary: ActivitySummary) => void): () => void {
    this.#activity.add(listener);
    return () => this.#activity.delete(listener);
  }

  onBatchFinished(listener: (outcome: BatchOutcome) => void): () => void {
    this.#batches.add(listener);
    return () => this.#batches.delete(listener);
  }

  /** Sets the activity and tells the listeners, as the core does after an engine batch. */
  setActivity(patch: Partial<ActivitySummary>): void {
    this.current = { ...IDLE, ...patch };
    for (const listener of this.#activity) listener(this.current);
  }

  finishBatch(outcome: BatchOutcome): void {
    for (const listener of this.#batches) listener(outcome);
  }

  async pauseAll(): Promise<void> {
    this.calls.push('pauseAll');
    const { activeJobs, bytesDone, bytesTotal } = this.current;
    this.current = {
      ...this.current,
      pausedJobs: this.current.pausedJobs + activeJobs,
      activeJobs: 0,
      bytesDone: 0,
      bytesTotal: 0,
      waitingBytesDone: this.current.waitingBytesDone + bytesDone,
      waitingBytesTotal: this.current.waitingBytesTotal + bytesTotal,
    };
  }

  async shutdown(): Promise<void> {
    this.calls.push('shutdown');
  }
}
