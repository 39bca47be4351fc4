import type { JobId } from '../../shared/models/job';

// Issue 3 item 3: ONE scheduler for all jobs, in the shape of Uppy's RateLimitedQueue (@uppy/utils) — per-job
// objects do their own bookkeeping, this class alone decides what runs next.
// - File slots (default 3) bound how many jobs are between preparing and verifying at once.
// - Request slots (default 8) bound HTTP requests in flight over all jobs. Waiters are served by class:
//   'control' (Complete, Abort, ListParts: small, and they finish or free whole uploads), then 'part' (uploads
//   already started: work in progress drains first), then 'initiate' (new uploads); FIFO within a class.
// - AIMD on throttling: a 503/429/SlowDown halves the effective request limit (at most once per cooldown, so one
//   burst of throttled answers counts once), and every `successesPerStep` successes raise it by one, back up to
//   the configured maximum. ossbrowser adapts every 5 s by throughput (oss-protocol.md §10); halving reacts
//   within one round trip, which is what a throttling server asks for.

/** Priority class of a request; see the file comment for the order. */
export type RequestKind = 'control' | 'part' | 'initiate';

/** Gives a slot back. Calling it more than once is harmless. */
export type Release = () => void;

const KINDS_BY_PRIORITY: readonly RequestKind[] = ['control', 'part', 'initiate'];

/** Options of RequestScheduler; only `now` is required. */
export interface RequestSchedulerOptions {
  readonly maxRequests?: number;
  readonly maxFiles?: number;
  readonly now: () => number;
  /** Minimum time between two halvings. */
  readonly throttleCooldownMs?: number;
  /** Successes needed for each +1 step back up. */
  readonly successesPerStep?: number;
}

/** Counters for tests and the UI. */
export interface SchedulerStats {
  readonly maxRequests: number;
  /** The limit in force now, lowered by throttling. */
  readonly effectiveMaxRequests: number;
  readonly requestsInFlight: number;
  readonly requestsWaiting: Readonly<Record<RequestKind, number>>;
  readonly maxFiles: number;
  readonly filesInFlight: number;
  readonly filesWaiting: number;
  /** Throttle reports that lowered the limit (reports inside the cooldown are not counted). */
  readonly throttleDecreases: number;
}

interface Waiter {
  readonly grant: () => void;
}

/** Default request limit (issue 3 item 3). */
export const DEFAULT_MAX_REQUESTS = 8;
/** Default file limit (issue 3 item 3). */
export const DEFAULT_MAX_FILES = 3;

function assertLimit(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a whole number ≥ 1, got ${value}`);
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted', 'AbortError');
}

/** The global limiter of files and requests in flight, with priorities and adaptive concurrency. */
export class RequestScheduler {
  private maxRequests: number;
  private maxFiles: number;
  private effectiveMaxRequests: number;
  private requestsInFlight = 0;
  private readonly requestQueues: Record<RequestKind, Waiter[]> = { control: [], part: [], initiate: [] };
  private readonly fileHolders = new Set<JobId>();
  private readonly fileQueue: { readonly jobId: JobId; readonly waiter: Waiter }[] = [];
  private readonly now: () => number;
  private readonly throttleCooldownMs: number;
  private readonly successesPerStep: number;
  private lastDecreaseAtMs: number | undefined;
  private successesSinceChange = 0;
  private throttleDecreases = 0;

  constructor(options: RequestSchedulerOptions) {
    this.maxRequests = options.maxRequests ?? DEFAULT_MAX_REQUESTS;
    this.maxFiles = options.maxFiles ?? DEFAULT_MAX_FILES;
    assertLimit('maxRequests', this.maxRequests);
    assertLimit('maxFiles', this.maxFiles);
    this.effectiveMaxRequests = this.maxRequests;
    this.now = options.now;
    this.throttleCooldownMs = options.throttleCooldownMs ?? 2_000;
    this.successesPerStep = options.successesPerStep ?? 4;
  }

  /**
   * Waits for one of the file slots. A job asks once, before preparing, and releases when it leaves the active
   * statuses. Asking again while holding or waiting for a slot is a bug and rejects.
   */
  acquireFileSlot(jobId: JobId, signal?: AbortSignal): Promise<Release> {
    if (this.fileHolders.has(jobId) || this.fileQueue.some((entry) => entry.jobId === jobId)) {
      return Promise.reject(new Error(`Job ${jobId} already holds or awaits a file slot`));
    }
    // An already-aborted caller gets no slot, free or not: it would hold it for work it will not do.
    if (signal?.aborted === true) return Promise.reject(abortReason(signal));
    const release = once(() => {
      this.fileHolders.delete(jobId);
      this.dispatch();
    });
    if (this.fileHolders.size < this.maxFiles && this.fileQueue.length === 0) {
      this.fileHolders.add(jobId);
      return Promise.resolve(release);
    }
    return this.enqueue(signal, release, (waiter) => this.fileQueue.push({ jobId, waiter }), (waiter) => {
      removeWhere(this.fileQueue, (entry) => entry.waiter === waiter);
    }, () => this.fileHolders.add(jobId));
  }

  /** Waits for a request slot of class `kind`. An aborted signal rejects with its reason and leaves no waiter behind. */
  acquire(kind: RequestKind, signal?: AbortSignal): Promise<Release> {
    if (signal?.aborted === true) return Promise.reject(abortReason(signal));
    const release = once(() => {
      this.requestsInFlight -= 1;
      this.dispatch();
    });
    if (this.requestsInFlight < this.effectiveMaxRequests && this.waitingRequests() === 0) {
      this.requestsInFlight += 1;
      return Promise.resolve(release);
    }
    const queue = this.requestQueues[kind];
    return this.enqueue(signal, release, (waiter) => queue.push(waiter), (waiter) => {
      removeWhere(queue, (entry) => entry === waiter);
    }, () => {
      this.requestsInFlight += 1;
    });
  }

  /**
   * Runs `task` in a request slot of class `kind`, releasing the slot however the task ends. The task gets the
   * release too, to give the slot back as soon as its request is over when local work follows (a part's hashes are
   * checked after its answer arrived: no request is in flight meanwhile).
   */
  async run<T>(kind: RequestKind, signal: AbortSignal | undefined, task: (release: Release) => Promise<T>): Promise<T> {
    const release = await this.acquire(kind, signal);
    try {
      return await task(release);
    } finally {
      release();
    }
  }

  /** The server throttled a request: halve the effective limit (min 1), at most once per cooldown. */
  reportThrottle(): void {
    const now = this.now();
    if (this.lastDecreaseAtMs !== undefined && now - this.lastDecreaseAtMs < this.throttleCooldownMs) return;
    this.lastDecreaseAtMs = now;
    this.successesSinceChange = 0;
    this.effectiveMaxRequests = Math.max(1, Math.floor(this.effectiveMaxRequests / 2));
    this.throttleDecreases += 1;
  }

  /** A request succeeded: after enough of them, allow one more request in flight (up to the configured maximum). */
  reportSuccess(): void {
    if (this.effectiveMaxRequests >= this.maxRequests) return;
    this.successesSinceChange += 1;
    if (this.successesSinceChange < this.successesPerStep) return;
    this.successesSinceChange = 0;
    this.effectiveMaxRequests += 1;
    this.dispatch();
  }

  /** Applies new settings at run time; lowering a limit never interrupts work already granted. */
  setLimits(limits: { readonly maxRequests?: number; readonly maxFiles?: number }): void {
    if (limits.maxRequests !== undefined) {
      assertLimit('maxRequests', limits.maxRequests);
      const throttled = this.effectiveMaxRequests < this.maxRequests;
      this.maxRequests = limits.maxRequests;
      this.effectiveMaxRequests = throttled ? Math.min(this.effectiveMaxRequests, this.maxRequests) : this.maxRequests;
    }
    if (limits.maxFiles !== undefined) {
      assertLimit('maxFiles', limits.maxFiles);
      this.maxFiles = limits.maxFiles;
    }
    this.dispatch();
  }

  /** A snapshot of the counters. */
  stats(): SchedulerStats {
    return {
      maxRequests: this.maxRequests,
      effectiveMaxRequests: this.effectiveMaxRequests,
      requestsInFlight: this.requestsInFlight,
      requestsWaiting: {
        control: this.requestQueues.control.length,
        part: this.requestQueues.part.length,
        initiate: this.requestQueues.initiate.length,
      },
      maxFiles: this.maxFiles,
      filesInFlight: this.fileHolders.size,
      filesWaiting: this.fileQueue.length,
      throttleDecreases: this.throttleDecreases,
    };
  }

  private waitingRequests(): number {
    return KINDS_BY_PRIORITY.reduce((sum, kind) => sum + this.requestQueues[kind].length, 0);
  }

  /** Queues a waiter whose promise settles when granted (after `onGrant` books the slot) or aborted. */
  private enqueue(
    signal: AbortSignal | undefined,
    release: Release,
    push: (waiter: Waiter) => void,
    remove: (waiter: Waiter) => void,
    onGrant: () => void,
  ): Promise<Release> {
    if (signal?.aborted === true) return Promise.reject(abortReason(signal));
    return new Promise<Release>((resolve, reject) => {
      let onAbort: (() => void) | undefined;
      const waiter: Waiter = {
        grant: () => {
          if (onAbort !== undefined) signal?.removeEventListener('abort', onAbort);
          onGrant();
          resolve(release);
        },
      };
      if (signal !== undefined) {
        onAbort = () => {
          remove(waiter);
          reject(abortReason(signal));
        };
        signal.addEventListener('abort', onAbort, { once: true });
      }
      push(waiter);
    });
  }

  /** Grants whatever the limits now allow, highest class first. */
  private dispatch(): void {
    while (this.fileHolders.size < this.maxFiles) {
      const next = this.fileQueue.shift();
      if (next === undefined) break;
      next.waiter.grant();
    }
    while (this.requestsInFlight < this.effectiveMaxRequests) {
      const kind = KINDS_BY_PRIORITY.find((candidate) => this.requestQueues[candidate].length > 0);
      if (kind === undefined) break;
      this.requestQueues[kind].shift()?.grant();
    }
  }
}

function once(action: () => void): Release {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    action();
  };
}

function removeWhere<T>(list: T[], predicate: (item: T) => boolean): void {
  const index = list.findIndex(predicate);
  if (index >= 0) list.splice(index, 1);
}
