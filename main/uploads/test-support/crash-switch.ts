// TEST-ONLY: what a crash looks like from inside one process. An engine given these pieces can be "killed": from
// then on its requests never reach the server (those in flight are cut off) and its journal writes never reach the
// disk, exactly as if the process had died at that instant; a second engine on the same state directory then plays
// the restarted process. (A real SIGKILL of a child process is the CLI's test.)
import { Agent, Dispatcher } from 'undici';
import writeFileAtomic from 'write-file-atomic';

/**
 * A dispatcher that forwards to a keep-alive Agent until crash(), and then answers nothing, ever. `onDispatch`
 * sees every request on its way out (tests use it to put requests and journal writes on one time line).
 */
export class CrashableDispatcher extends Dispatcher {
  private readonly agent = new Agent();
  private readonly onDispatch: ((options: Dispatcher.DispatchOptions) => void) | undefined;
  private crashed = false;

  constructor(onDispatch?: (options: Dispatcher.DispatchOptions) => void) {
    super();
    this.onDispatch = onDispatch;
  }

  override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    this.onDispatch?.(options);
    if (this.crashed) {
      // A dead process sends nothing and hears nothing. The body is destroyed (no leaked file handle), and an abort
      // of the request still settles it, so the abandoned engine can be shut down when the test is over.
      const body = options.body;
      if (body !== null && typeof body === 'object' && 'destroy' in body && typeof body.destroy === 'function') body.destroy();
      handler.onConnect?.((error) => handler.onError?.(error ?? new Error('aborted')));
      return true;
    }
    return this.agent.dispatch(options, handler);
  }

  /** From now on nothing is sent; requests in flight are cut off. */
  crash(): void {
    this.crashed = true;
    void this.agent.destroy();
  }

  override close(): Promise<void>;
  override close(callback: () => void): void;
  override close(callback?: () => void): Promise<void> | void {
    const closing = this.agent.close();
    if (callback === undefined) return closing;
    void closing.then(callback);
  }
}

/**
 * A journal writer (atomic, like the real one) that stops writing at crash(): later writes fail without touching
 * the disk (failing rather than hanging lets the abandoned engine be shut down at the end of the test).
 */
export function crashableWriter(): { readonly write: (path: string, data: string) => Promise<void>; crash(): void } {
  let crashed = false;
  return {
    write: (path, data) => (crashed ? Promise.reject(new Error('crashed')) : writeFileAtomic(path, data, { fsync: true })),
    crash: () => {
      crashed = true;
    },
  };
}
