import { describe, expect, it } from 'vitest';
import type { JobId } from '../../shared/models/job';
import { JOURNAL_VERSION, JournalRecordError, decodeJournalRecord, encodeJournalRecord, type JournalRecord } from './journal-record';

const MiB = 1024 * 1024;

/** A realistic record with `partCount` finished parts of 8 MiB (ETags as OSS returns them: quoted MD5 hex). */
function sampleRecord(overrides: Partial<JournalRecord> = {}, partCount = 3): JournalRecord {
  return {
    jobId: 'job-1' as JobId,
    localPath: '/data/videos/holiday 2024.mp4',
    sizeBytes: 80 * 1024 * MiB,
    mtimeMs: 1_700_000_000_123.456,
    accountId: 'acc-1',
    bucket: 'my-bucket',
    key: 'videos/holiday 2024.mp4',
    partSizeBytes: 8 * MiB,
    mode: 'multipart',
    uploadId: '0004B9894A22E5B1888A1E29F823****',
    parts: Array.from({ length: partCount }, (_, index) => ({
      partNumber: index + 1,
      etag: `"${(index * 2_654_435_761).toString(16).padStart(32, 'A').toUpperCase().slice(0, 32)}"`,
      crc64: String(18_446_744_073_709_551_615n - BigInt(index)),
      size: 8 * MiB,
    })),
    status: 'uploading',
    createdAtMs: 1_700_000_000_000,
    updatedAtMs: 1_700_000_100_000,
    ...overrides,
  };
}

function roundTrip(record: JournalRecord): ReturnType<typeof decodeJournalRecord> {
  return decodeJournalRecord(JSON.parse(JSON.stringify(encodeJournalRecord(record))) as unknown);
}

describe('journal record encoding', () => {
  it('round-trips a record through JSON', () => {
    const record = sampleRecord({ error: { code: 'InternalError', message: 'We encountered an internal error', retryable: true, requestId: 'req-1' } });
    expect(roundTrip(record)).toEqual({ ok: true, record });
  });

  it('still loads records written with the retired keepOnServer field', () => {
    const record = sampleRecord({});
    const disk = { ...encodeJournalRecord(record), keepOnServer: true };
    expect(decodeJournalRecord(JSON.parse(JSON.stringify(disk)) as unknown)).toEqual({ ok: true, record });
  });

  it('stores parts as ascending [partNumber, etag, crc64, size] tuples', () => {
    const record = sampleRecord({
      parts: [
        { partNumber: 2, etag: '"B"', crc64: undefined, size: 5 },
        { partNumber: 1, etag: '"A"', crc64: '123', size: 8 * MiB },
      ],
    });
    const disk = encodeJournalRecord(record);
    expect(disk.version).toBe(JOURNAL_VERSION);
    expect(disk.parts).toEqual([
      [1, '"A"', '123', 8 * MiB],
      [2, '"B"', null, 5],
    ]);
    const decoded = roundTrip(record);
    expect(decoded.ok && decoded.record.parts[1]).toEqual({ partNumber: 2, etag: '"B"', crc64: undefined, size: 5 });
  });

  it('keeps a single-PutObject record without uploadId or parts', () => {
    const record = sampleRecord({ mode: 'single', uploadId: undefined, parts: [], sizeBytes: 10 }, 0);
    expect(roundTrip(record)).toEqual({ ok: true, record });
  });

  it('keeps a 10,000-part record compact (well under 1 MB)', () => {
    const text = JSON.stringify(encodeJournalRecord(sampleRecord({}, 10_000)));
    expect(text.length / 10_000).toBeLessThan(80);
    expect(text.length).toBeLessThan(1_000_000);
  });

  it.each<[string, Partial<JournalRecord>]>([
    ['duplicate part numbers', { parts: [{ partNumber: 1, etag: '"A"', crc64: '1', size: 1 }, { partNumber: 1, etag: '"B"', crc64: '2', size: 1 }] }],
    ['a CRC-64 over 64 bits', { parts: [{ partNumber: 1, etag: '"A"', crc64: '18446744073709551616', size: 1 }] }],
    ['a CRC-64 that is not decimal', { parts: [{ partNumber: 1, etag: '"A"', crc64: '0x1F', size: 1 }] }],
    ['a part number over 10,000', { parts: [{ partNumber: 10_001, etag: '"A"', crc64: '1', size: 1 }] }],
    ['a single-mode job with an uploadId', { mode: 'single' }],
    ['an unsafe job id', { jobId: '../escape' as JobId }],
    ['a part size under 100 KB', { partSizeBytes: 1000 }],
  ])('refuses to encode %s', (_name, overrides) => {
    expect(() => encodeJournalRecord(sampleRecord(overrides))).toThrow(JournalRecordError);
  });

  it('refuses unknown versions and malformed data with a reason', () => {
    const disk = encodeJournalRecord(sampleRecord());
    expect(decodeJournalRecord({ ...disk, version: 2 })).toEqual({ ok: false, message: 'unknown journal version 2' });
    expect(decodeJournalRecord(null)).toMatchObject({ ok: false, message: 'unknown journal version undefined' });
    const missing = decodeJournalRecord({ ...disk, bucket: undefined });
    expect(missing.ok).toBe(false);
    expect(!missing.ok && missing.message).toContain('bucket');
    expect(decodeJournalRecord({ ...disk, status: 'exploded' }).ok).toBe(false);
  });
});
