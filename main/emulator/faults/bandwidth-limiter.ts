// A per-connection bandwidth cap: each connection owns one limiter shared by both directions (HTTP/1.1 carries one
// exchange at a time, so a request body and a response body never compete). The rate is read on every call, so a
// runtime change through the admin route applies to connections already open.
import { setTimeout as sleep } from 'node:timers/promises';

/** Paces byte transfers to at most `rate()` bytes per second (0 = unlimited). */
export class BandwidthLimiter {
  private nextFreeAtMs = 0;

  constructor(
    private readonly rate: () => number,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  /** Waits until `bytes` more bytes fit under the cap. */
  async consume(bytes: number): Promise<void> {
    const rate = this.rate();
    if (rate <= 0 || bytes <= 0) return;
    const now = this.clock();
    this.nextFreeAtMs = Math.max(now, this.nextFreeAtMs) + (bytes * 1000) / rate;
    const waitMs = this.nextFreeAtMs - now;
    if (waitMs >= 1) await sleep(waitMs);
  }

  /** A slice size for writing a body so that pacing stays smooth (about 20 slices a second, 1 B..64 KiB). */
  sliceBytes(): number {
    const rate = this.rate();
    if (rate <= 0) return 64 * 1024;
    return Math.max(1, Math.min(64 * 1024, Math.floor(rate / 20)));
  }
}
