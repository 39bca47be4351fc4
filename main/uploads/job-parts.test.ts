import { describe, expect, it } from 'vitest';
import { PartTable } from './job-parts';
import { planParts } from './part-plan';

const KB100 = 100 * 1024;

function table(parts = 4, lastBytes = 10): PartTable {
  return new PartTable(planParts((parts - 1) * KB100 + lastBytes, KB100));
}

describe('PartTable', () => {
  it('hands out parts that are not done, ascending, once per run', () => {
    const t = table();
    t.markDone(2, '"E2"', 2n, 1);
    expect([t.claimNext(), t.claimNext(), t.claimNext(), t.claimNext()]).toEqual([1, 3, 4, undefined]);
    expect(t.hasUnclaimed()).toBe(false);
    t.rewind();
    expect(t.hasUnclaimed()).toBe(true);
    expect(t.claimNext()).toBe(1);
  });

  it('counts bytes of finished parts and of attempts in flight, and forgets a failed attempt\'s bytes', () => {
    const t = table();
    t.markInFlight(1, 1);
    t.addBytes(1, 60_000);
    t.markInFlight(4, 1);
    t.addBytes(4, 10);
    expect(t.bytesDone).toBe(60_010);
    expect(t.state(1)).toEqual({ kind: 'inFlight', bytesSent: 60_000, attempt: 1 });
    t.markRetrying(1, { nextTryAtMs: 5, lastErrorCode: 'NetworkError', lastRequestId: 'r1' });
    expect(t.bytesDone).toBe(10);
    expect(t.state(1)).toEqual({ kind: 'retrying', attempt: 2, nextTryAtMs: 5, lastErrorCode: 'NetworkError', lastRequestId: 'r1' });
    t.markDone(4, '"E4"', 44n, 1);
    t.markDone(4, '"E4"', 44n, 1); // idempotent
    expect(t.bytesDone).toBe(10);
    expect(t.partsDone).toBe(1);
    expect(t.state(4)).toEqual({ kind: 'done', etag: '"E4"', crc64: '44', attempts: 1 });
    t.markInFlight(1, 2);
    t.addBytes(1, KB100);
    t.markDone(1, '"E1"', 11n, 2);
    expect(t.bytesDone).toBe(KB100 + 10);
  });

  it('settles a run: parts in flight or retrying become pending, failed parts stay visible', () => {
    const t = table();
    t.markInFlight(1, 1);
    t.addBytes(1, 5);
    t.markRetrying(2, { nextTryAtMs: 1, lastErrorCode: 'X', lastRequestId: undefined });
    t.markFailed(3, { errorCode: 'InternalError', requestId: 'r3' });
    expect(t.settleActive()).toEqual([1, 2]);
    expect([t.state(1).kind, t.state(2).kind, t.state(3).kind]).toEqual(['pending', 'pending', 'failed']);
    expect(t.bytesDone).toBe(0);
    t.rewind();
    expect(t.state(3).kind).toBe('pending');
  });

  it('round-trips finished parts through the journal form, ignoring parts that do not fit the plan', () => {
    const t = table();
    t.markDone(3, '"E3"', 18_446_744_073_709_551_615n, 1);
    t.markDone(4, '"E4"', 4n, 1);
    expect(t.journalParts()).toEqual([
      { partNumber: 3, etag: '"E3"', crc64: '18446744073709551615', size: KB100 },
      { partNumber: 4, etag: '"E4"', crc64: '4', size: 10 },
    ]);
    const restored = table();
    restored.loadJournalParts([
      ...t.journalParts(),
      { partNumber: 1, etag: '"wrong size"', crc64: '1', size: 5 },
      { partNumber: 9, etag: '"past the end"', crc64: '1', size: KB100 },
      { partNumber: 2, etag: '"no crc"', crc64: undefined, size: KB100 },
    ]);
    expect(restored.doneParts().map((part) => part.partNumber)).toEqual([3, 4]);
    expect(restored.bytesDone).toBe(KB100 + 10);
    restored.clearDone();
    expect([restored.partsDone, restored.bytesDone]).toEqual([0, 0]);
  });

  it('snapshots each part with its range', () => {
    const t = table(3, 7);
    expect(t.snapshots().map(({ partNumber, offset, size }) => [partNumber, offset, size])).toEqual([
      [1, 0, KB100],
      [2, KB100, KB100],
      [3, 2 * KB100, 7],
    ]);
    expect(() => t.state(4)).toThrow(RangeError);
  });
});
