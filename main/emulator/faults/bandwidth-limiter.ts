// The link model's bandwidth half: a per-connection cap, as one TCP stream over a long path gets (the other half,
// latency, is a fixed delay per request in request-handler.ts). Each connection owns one limiter shared by both
// directions (HTTP/1.1 carries one exchange at a time, so a request body and a response body never compete). The
// rate is read on every call, so a runtime change through the admin route applies to connections already open.
//
// How it paces: a schedule, `nextFreeAtMs`, the time at which the link has delivered every byte consumed so far.
// Each chunk moves it on by bytes / rate, and the caller sleeps only when it runs ahead by MIN_WAIT_MS or more
// (coarse ticks: a few timers a second per connection, not one per chunk). Falling behind the schedule is handled
// as a real link would:
// - by up to SLACK_MS (the server spent time writing or hashing a chunk, or a timer fired late), the schedule is
//   kept: a real link goes on delivering into the socket buffer meanwhile, so the time is not lost;
// - by more (the connection sat idle between requests), the link starts afresh from now with no credit, so an idle
//   connection can never burst above its rate.
// Over any transfer the bytes let through stay within rate × elapsed + MIN_WAIT_MS × rate. The previous model reset
// the schedule on every late chunk, so each chunk's disk write and timer lateness came on top of its transfer time,
// and the link delivered far less than its rate (48.6 MiB/s for 8 connections at 16 MiB/s in bench/upload.ts).
import { setTimeout as sleep } from 'node:timers/promises';

/** Shortest sleep: a smaller lead over the schedule is carried over to the next chunk instead. */
export const MIN_WAIT_MS = 10;
/** How far behind its schedule a transferring link may fall and still catch up (see the header). */
export const SLACK_MS = 25;

/** Paces byte transfers to at most `rate()` bytes per second (0 = unlimited). */
export class BandwidthLimiter {
  private nextFreeAtMs = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly rate: () => number,
    private readonly clock: () => number = () => performance.now(),
    private readonly wait: (ms: number) => Promise<unknown> = (ms) => sleep(ms),
  ) {}

  /** Waits until `bytes` more bytes fit under the cap. */
  async consume(bytes: number): Promise<void> {
    const rate = this.rate();
    if (rate <= 0 || bytes <= 0) return;
    const now = this.clock();
    const start = now - this.nextFreeAtMs <= SLACK_MS ? this.nextFreeAtMs : now;
    this.nextFreeAtMs = start + (bytes * 1000) / rate;
    const waitMs = this.nextFreeAtMs - now;
    if (waitMs >= MIN_WAIT_MS) await this.wait(waitMs);
  }

  /** A slice size for writing a body so that pacing stays smooth (about 20 slices a second, 1 B..64 KiB). */
  sliceBytes(): number {
    const rate = this.rate();
    if (rate <= 0) return 64 * 1024;
    return Math.max(1, Math.min(64 * 1024, Math.floor(rate / 20)));
  }
}
