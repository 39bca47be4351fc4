import { describe, expect, it } from 'vitest';
import { parseObjectRecord } from './parse-object-record';

const meta = {
  key: 'dir/a.bin',
  size: 10,
  etag: '"0123456789ABCDEF0123456789ABCDEF"',
  crc64: '12345',
  contentType: 'application/octet-stream',
  lastModifiedMs: 1_700_000_000_000,
  objectType: 'Normal',
  userMeta: { 'x-oss-meta-a': 'b' },
};

describe('parseObjectRecord', () => {
  it('reads a current record as it is', () => {
    const record = { version: 2, ...meta, segments: [{ file: 'abc.parts/part-1-x.data', size: 4 }, { file: 'abc.parts/part-2-y.data', size: 6 }] };
    expect(parseObjectRecord(record)).toEqual(record);
  });

  it('upgrades a version 1 record (one dataFile, no version) to a single segment', () => {
    expect(parseObjectRecord({ ...meta, dataFile: '0123456789abcdef-lq2-aabbccddeeff.data' })).toEqual({
      version: 2,
      ...meta,
      segments: [{ file: '0123456789abcdef-lq2-aabbccddeeff.data', size: 10 }],
    });
  });

  it('refuses segment paths that could leave objects/, sizes that do not add up, and other shapes', () => {
    const withSegments = (segments: unknown): unknown => ({ version: 2, ...meta, segments });
    expect(parseObjectRecord(withSegments([{ file: '../escape.data', size: 10 }]))).toBeUndefined();
    expect(parseObjectRecord(withSegments([{ file: 'a.parts/../../b', size: 10 }]))).toBeUndefined();
    expect(parseObjectRecord(withSegments([{ file: '/abs.data', size: 10 }]))).toBeUndefined();
    expect(parseObjectRecord(withSegments([{ file: 'a/b/c.data', size: 10 }]))).toBeUndefined();
    expect(parseObjectRecord(withSegments([{ file: 'a.data', size: 9 }]))).toBeUndefined();
    expect(parseObjectRecord(withSegments([]))).toBeUndefined();
    expect(parseObjectRecord({ ...meta, dataFile: '../x.data' })).toBeUndefined();
    expect(parseObjectRecord({ version: 3, ...meta, segments: [{ file: 'a.data', size: 10 }] })).toBeUndefined();
    expect(parseObjectRecord(undefined)).toBeUndefined();
  });
});
