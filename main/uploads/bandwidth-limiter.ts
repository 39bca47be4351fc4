import { setTimeout as delay } from 'node:timers/promises';

// Issue 3 item 9: one global bandwidth limit over every part stream, off by default. A token bucket refilled at
// `bytesPerSecond`, holding at most one second of traffic (but never less than 256 KiB, so a slow limit still
// passes whole read-stream chunks of 64 KiB without stuttering). Part bodies consult it per chunk inside their read
// path (part-runner.ts), and only while a limit is set. Takers are served strictly in arrival order by a
// single pump with at most one pending sleep, so a thousand waiting chunks cost one timer, and a change of the
// limit (or an abort) wakes the pump to recompute at once instead of finishing a sleep computed for the old rate.

/** Smallest bucket size, whatever the rate. */
export const MIN_BURST_BYTES = 256 * 1024;

/** Options of BandwidthLimiter; `now` and `sleep` default to the real clock. */
export interface BandwidthLimiterOptions {
  /** Bytes per second over all streams; 0 or undefined turns the limit off. */
  readonly bytesPerSecond?: number | undefined;
  readonly now?: () => number;
  /** Resolves after `ms`, or early (resolving or rejecting) when `signal` aborts. */
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

interface Taker {
  readonly bytes: number;
  readonly grant: () => void;
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted', 'AbortError');
}

function normalizeRate(bytesPerSecond: number | undefined): number | undefined {
  if (bytesPerSecond === undefined || bytesPerSecond === 0) return undefined;
  if (!Number.isFinite(bytesPerSecond) || bytesPerSecond < 0) {
    throw new RangeError(`bytesPerSecond must be a positive number, 0 or undefined, got ${bytesPerSecond}`);
  }
  return bytesPerSecond;
}

/** A global token bucket shared by every part stream. */
export class BandwidthLimiter {
  private rate: number | undefined;
  private tokens = 0;
  private lastRefillMs: number;
  private readonly queue: Taker[] = [];
  private pumping = false;
  private wake = new AbortController();
  private readonly now: () => number;
  private readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;

  constructor(options: BandwidthLimiterOptions = {}) {
    this.now = options.now ?? (() => performance.now());
    this.sleep = options.sleep ?? ((ms, signal) => delay(ms, undefined, { signal }));
    this.rate = normalizeRate(options.bytesPerSecond);
    this.lastRefillMs = this.now();
    this.tokens = this.burstBytes;
  }

  /** Whether a limit is in force. */
  get enabled(): boolean {
    return this.rate !== undefined;
  }

  /** The limit in force, or undefined when off. */
  get bytesPerSecond(): number | undefined {
    return this.rate;
  }

  /** Bucket capacity: one second of traffic, at least MIN_BURST_BYTES. */
  get burstBytes(): number {
    return Math.max(this.rate ?? 0, MIN_BURST_BYTES);
  }

  /** Changes the limit at run time (0 or undefined = off); waiting streams continue at the new rate at once. */
  setBytesPerSecond(bytesPerSecond: number | undefined): void {
    const rate = normalizeRate(bytesPerSecond);
    const wasEnabled = this.enabled;
    this.refill();
    this.rate = rate;
    // Coming back from "off" starts with a full bucket, as a fresh limiter would.
    this.tokens = wasEnabled ? Math.min(this.tokens, this.burstBytes) : this.burstBytes;
    this.interruptSleep();
  }

  /**
   * Waits until `bytes` may be sent. A chunk larger than the bucket waits for a full bucket and then leaves a
   * debt that later takers pay off, so the long-run rate holds for any chunk size. Rejects with the signal's
   * reason when aborted, and then consumes nothing.
   */
  take(bytes: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted === true) return Promise.reject(abortReason(signal));
    if (this.rate === undefined || bytes <= 0) return Promise.resolve();
    this.refill();
    if (this.queue.length === 0 && this.tokens >= Math.min(bytes, this.burstBytes)) {
      this.tokens -= bytes;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      let onAbort: (() => void) | undefined;
      const taker: Taker = {
        bytes,
        grant: () => {
          if (onAbort !== undefined) signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      if (signal !== undefined) {
        onAbort = () => {
          const index = this.queue.indexOf(taker);
          if (index >= 0) this.queue.splice(index, 1);
          reject(abortReason(signal));
          this.interruptSleep(); // the pump may have been sleeping for this taker
        };
        signal.addEventListener('abort', onAbort, { once: true });
      }
      this.queue.push(taker);
      void this.pump();
    });
  }

  private refill(): void {
    const now = this.now();
    const elapsedMs = Math.max(0, now - this.lastRefillMs);
    this.lastRefillMs = now;
    if (this.rate !== undefined) this.tokens = Math.min(this.burstBytes, this.tokens + (elapsedMs / 1000) * this.rate);
  }

  private interruptSleep(): void {
    const current = this.wake;
    this.wake = new AbortController();
    current.abort();
  }

  /** Serves the queue head by head; only one pump runs at a time. */
  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      for (let head = this.queue[0]; head !== undefined; head = this.queue[0]) {
        this.refill();
        if (this.rate === undefined) {
          this.queue.shift();
          head.grant();
          continue;
        }
        const needed = Math.min(head.bytes, this.burstBytes);
        if (this.tokens >= needed) {
          this.tokens -= head.bytes;
          this.queue.shift();
          head.grant();
          continue;
        }
        const waitMs = Math.max(1, Math.ceil(((needed - this.tokens) / this.rate) * 1000));
        // An interrupted sleep may reject (AbortError); either way the loop recomputes from the clock.
        await this.sleep(waitMs, this.wake.signal).catch(() => undefined);
      }
    } finally {
      this.pumping = false;
    }
  }
}
