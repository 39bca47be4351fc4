import { describe, expect, it } from 'vitest';
import { ProgressMeter } from './progress-meter';

const KiB = 1024;
const MiB = 1024 * KiB;

function setup(): { meter: ProgressMeter; advance: (ms: number) => void; send: (bytesPerSecond: number, durationMs: number) => void } {
  let time = 10_000;
  const meter = new ProgressMeter({ now: () => time });
  const advance = (ms: number): void => {
    time += ms;
  };
  /** Sends at a steady rate in 50 ms chunks. */
  const send = (bytesPerSecond: number, durationMs: number): void => {
    for (let elapsed = 0; elapsed < durationMs; elapsed += 50) {
      advance(50);
      meter.addBytes((bytesPerSecond * 50) / 1000);
    }
  };
  return { meter, advance, send };
}

describe('ProgressMeter', () => {
  it('reads 0 and gives no ETA before any bytes', () => {
    const { meter } = setup();
    expect(meter.bytesPerSecond()).toBe(0);
    expect(meter.etaSeconds(MiB)).toBeUndefined();
  });

  it('measures a steady rate', () => {
    const { meter, send } = setup();
    send(MiB, 5_000);
    expect(Math.abs(meter.bytesPerSecond() / MiB - 1)).toBeLessThan(0.001);
  });

  it('follows a change of speed with a time constant of about 3 s', () => {
    const { meter, send } = setup();
    send(MiB, 10_000);
    send(2 * MiB, 3_000);
    const afterOneTau = (meter.bytesPerSecond() - MiB) / MiB;
    expect(afterOneTau).toBeGreaterThan(0.55);
    expect(afterOneTau).toBeLessThan(0.72); // 1 − 1/e ≈ 0.63
    send(2 * MiB, 9_000);
    expect(meter.bytesPerSecond()).toBeGreaterThan(1.98 * MiB);
  });

  it('smooths bursts: a part landing at once does not spike the speed', () => {
    const { meter, advance } = setup();
    for (let i = 0; i < 20; i += 1) {
      advance(1_000);
      meter.addBytes(i % 2 === 0 ? 2 * MiB : 0.0001); // alternating bursts, 1 MiB/s on average
    }
    const speed = meter.bytesPerSecond();
    expect(speed).toBeGreaterThan(0.6 * MiB);
    expect(speed).toBeLessThan(1.4 * MiB);
  });

  it('decays towards 0 while nothing is sent', () => {
    const { meter, send, advance } = setup();
    send(MiB, 10_000);
    advance(3_000);
    expect(meter.bytesPerSecond() / MiB).toBeCloseTo(Math.exp(-1), 1);
    advance(60_000);
    expect(meter.bytesPerSecond()).toBeLessThan(1);
    expect(meter.etaSeconds(MiB)).toBeUndefined();
  });

  it('gives an ETA after the warm-up, rounded up, never negative or infinite', () => {
    const { meter, send } = setup();
    send(MiB, 500);
    expect(meter.etaSeconds(10 * MiB)).toBeUndefined(); // warming up
    send(MiB, 4_500);
    expect(meter.etaSeconds(10 * MiB)).toBe(10);
    expect(meter.etaSeconds(10.5 * MiB)).toBe(11);
    expect(meter.etaSeconds(0)).toBe(0);
    expect(meter.etaSeconds(-5)).toBeUndefined();
    expect(meter.etaSeconds(Number.NaN)).toBeUndefined();
    expect(meter.etaSeconds(Number.POSITIVE_INFINITY)).toBeUndefined();
  });

  it('forgets everything on reset', () => {
    const { meter, send } = setup();
    send(MiB, 5_000);
    meter.reset();
    expect(meter.bytesPerSecond()).toBe(0);
    expect(meter.etaSeconds(MiB)).toBeUndefined();
  });
});
