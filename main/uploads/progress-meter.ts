// Issue 3 item 8: per-job speed and ETA. Speed is an exponentially weighted moving average of the byte rate with a
// time constant of about 3 s: short enough to follow a real change of link speed within a few seconds, long
// enough that 8 MiB parts finishing in bursts (and retried parts) do not make the number jump. The weight of each
// interval is 1 − e^(−Δt/τ), the continuous-time form, so irregular sample times are handled correctly.

/** Options of ProgressMeter. */
export interface ProgressMeterOptions {
  readonly now: () => number;
  /** τ of the moving average. */
  readonly timeConstantMs?: number;
  /** Bytes are folded into the average in intervals of at least this length (shorter ones are pure noise). */
  readonly minIntervalMs?: number;
  /** No ETA until bytes have flowed for this long: the first second of an upload says little about the rest. */
  readonly warmupMs?: number;
}

/** Below this rate an ETA would be meaningless (days for a gigabyte), so none is given. */
const MIN_RATE_FOR_ETA = 1;

/** Smoothed transfer speed and ETA of one job. */
export class ProgressMeter {
  private readonly now: () => number;
  private readonly timeConstantMs: number;
  private readonly minIntervalMs: number;
  private readonly warmupMs: number;
  private rate: number | undefined;
  private pendingBytes = 0;
  private intervalStartMs: number | undefined;
  private firstByteAtMs: number | undefined;

  constructor(options: ProgressMeterOptions) {
    this.now = options.now;
    this.timeConstantMs = options.timeConstantMs ?? 3_000;
    this.minIntervalMs = options.minIntervalMs ?? 100;
    this.warmupMs = options.warmupMs ?? 1_000;
  }

  /** Records bytes that went over the wire (bytes of a failed attempt count too: they were real traffic). */
  addBytes(bytes: number): void {
    if (!(bytes > 0)) return;
    const now = this.now();
    if (this.intervalStartMs === undefined) {
      // The first chunk only marks the start: it was sent before `now`, over a time we did not see, and
      // counting it would inflate the first readings.
      this.intervalStartMs = now;
      this.firstByteAtMs = now;
      return;
    }
    this.pendingBytes += bytes;
    this.fold(now);
  }

  /** Smoothed bytes per second; decays towards 0 while nothing is sent. */
  bytesPerSecond(): number {
    this.fold(this.now());
    return this.rate ?? 0;
  }

  /**
   * Seconds until `remainingBytes` are sent at the smoothed speed, rounded up; undefined during the warm-up or
   * while the speed is (near) zero. Never negative, never Infinity.
   */
  etaSeconds(remainingBytes: number): number | undefined {
    if (!(remainingBytes > 0)) return remainingBytes === 0 ? 0 : undefined;
    const now = this.now();
    if (this.firstByteAtMs === undefined || now - this.firstByteAtMs < this.warmupMs) return undefined;
    const rate = this.bytesPerSecond();
    if (rate < MIN_RATE_FOR_ETA) return undefined;
    const eta = Math.ceil(remainingBytes / rate);
    return Number.isFinite(eta) ? eta : undefined;
  }

  /** Forgets all history (on pause: a resumed job measures afresh instead of showing a stale speed). */
  reset(): void {
    this.rate = undefined;
    this.pendingBytes = 0;
    this.intervalStartMs = undefined;
    this.firstByteAtMs = undefined;
  }

  private fold(now: number): void {
    if (this.intervalStartMs === undefined) return;
    const elapsedMs = now - this.intervalStartMs;
    if (elapsedMs < this.minIntervalMs) return;
    const instantRate = (this.pendingBytes * 1000) / elapsedMs;
    // The first interval seeds the average; starting from 0 would bias every early reading low.
    this.rate =
      this.rate === undefined
        ? instantRate
        : this.rate + (1 - Math.exp(-elapsedMs / this.timeConstantMs)) * (instantRate - this.rate);
    this.pendingBytes = 0;
    this.intervalStartMs = now;
  }
}
