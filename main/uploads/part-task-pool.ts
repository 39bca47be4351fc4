// The part tasks of one multipart run, at most `limit()` of them in their request phase at a time (issue 3 items 3
// and 4). A task counts from its launch until it says its request is over (`share.letGo()`, once the part's answer
// is in), and again while a retry sends the part (`share.hold()`). What a task does after its request (hashing the
// last queued MiBs of the part, a stat) then runs beside the next part's request instead of holding a connection
// idle at every part boundary: on loopback that idle time was ~0.1-0.4 s per GiB with four connections.
//
// This bound is per job; the engine's one scheduler bounds requests over all jobs. A part whose request is over is
// on the server, so a crash still loses at most `limit()` parts in flight (reconciliation finds the others).
import { abortReasonOf } from './request-retry';

/** A task's place among the requests of its run. Both calls are idempotent. */
export interface RequestShare {
  /** The task sends again (a retry's attempt): it counts against the limit until letGo(). */
  hold(): void;
  /** The task's request is over: the next part may start. */
  letGo(): void;
}

/** What runPartTasks needs. */
export interface PartTaskPoolOptions {
  /** Parts in their request phase at most; read again whenever a request ends and on pump(). */
  readonly limit: () => number;
  /** The next part to send, or undefined when none is left (claimed parts are not offered again). */
  readonly claimNext: () => number | undefined;
  /** Sends one part, with retries; the share is held when it is called. */
  readonly runPart: (partNumber: number, share: RequestShare, signal: AbortSignal) => Promise<void>;
  readonly signal: AbortSignal;
  /** Receives the pool's pump while it runs (to apply a new limit at once), and undefined when it is done. */
  readonly onPump?: ((pump: (() => void) | undefined) => void) | undefined;
}

/**
 * Runs part tasks until every part is claimed and every task has settled. The first task that fails aborts the
 * others (their signal) and is thrown once all have settled; an aborted `signal` rejects with its reason.
 */
export async function runPartTasks(options: PartTaskPoolOptions): Promise<void> {
  const { signal } = options;
  const local = new AbortController();
  const forward = (): void => local.abort(abortReasonOf(signal));
  signal.addEventListener('abort', forward, { once: true });
  if (signal.aborted) forward();
  let failure: { readonly error: unknown } | undefined;
  let tasks = 0;
  let requesting = 0;
  try {
    await new Promise<void>((resolve) => {
      const pump = (): void => {
        while (!local.signal.aborted && requesting < options.limit()) {
          const partNumber = options.claimNext();
          if (partNumber === undefined) break;
          tasks += 1;
          requesting += 1;
          let holding = true;
          const share: RequestShare = {
            hold: () => {
              if (holding) return;
              holding = true;
              requesting += 1;
            },
            letGo: () => {
              if (!holding) return;
              holding = false;
              requesting -= 1;
              pump();
            },
          };
          const run = async (): Promise<void> => options.runPart(partNumber, share, local.signal);
          run()
            .catch((error: unknown) => {
              if (failure === undefined && !signal.aborted) {
                failure = { error };
                local.abort(error);
              }
            })
            .finally(() => {
              tasks -= 1;
              if (holding) {
                holding = false;
                requesting -= 1;
              }
              pump();
            });
        }
        if (tasks === 0) resolve();
      };
      options.onPump?.(pump);
      pump();
    });
  } finally {
    options.onPump?.(undefined);
    signal.removeEventListener('abort', forward);
  }
  if (signal.aborted) throw abortReasonOf(signal);
  if (failure !== undefined) throw failure.error;
}
