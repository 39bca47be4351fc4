// Long-running manager operations (bulk abort, resume from server) are named by the renderer with an operationId so
// it can cancel them and match their progress events before the command answers (shared/ipc/command-payloads.ts).
import { AppError } from '../../shared/ipc/app-error';

function canceled(message: string): AppError {
  return new AppError({ code: 'Canceled', message, retryable: true });
}

/** AbortControllers of the operations running now, by id. */
export class OperationRegistry {
  readonly #running = new Map<string, AbortController>();

  /** Runs `task` under `operationId`; refuses an id already running (OperationInProgress). */
  async run<T>(operationId: string, task: (signal: AbortSignal) => Promise<T>): Promise<T> {
    if (this.#running.has(operationId)) {
      throw new AppError({ code: 'OperationInProgress', message: 'An operation with this id is already running.', retryable: false });
    }
    const controller = new AbortController();
    this.#running.set(operationId, controller);
    try {
      return await task(controller.signal);
    } finally {
      this.#running.delete(operationId);
    }
  }

  /**
   * Cancels an operation; nothing happens when it is not running (it may just have finished). The abort reason is
   * an AppError, so an operation that rejects with its signal's reason answers `Canceled`, not InternalError.
   */
  cancel(operationId: string): void {
    this.#running.get(operationId)?.abort(canceled('Canceled.'));
  }

  /** Cancels every operation (shutdown). */
  cancelAll(): void {
    for (const controller of this.#running.values()) controller.abort(canceled('Canceled: the app is shutting down.'));
  }
}
