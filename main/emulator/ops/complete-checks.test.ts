import { describe, expect, it } from 'vitest';
import { EmulatorError } from '../emulator-error';
import type { PartRecord } from '../store/store-records';
import { selectCompleteParts } from './complete-checks';
import { parseCompleteRequest } from './complete-request';

function part(partNumber: number, size: number): PartRecord {
  return { partNumber, size, md5Hex: partNumber.toString(16).toUpperCase().padStart(32, '0'), crc64: '0', lastModifiedMs: 0, dataFile: 'x' };
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof EmulatorError ? error.code : 'not an EmulatorError';
  }
  return undefined;
}

describe('selectCompleteParts (§6.3)', () => {
  const stored = new Map([1, 2, 5].map((n) => [n, part(n, n === 5 ? 10 : 102400)]));
  const want = (n: number) => ({ partNumber: n, etag: `"${part(n, 0).md5Hex}"` });

  it('accepts ascending existing parts with gaps; only the last may be small', () => {
    expect(selectCompleteParts([want(1), want(5)], stored).map((p) => p.partNumber)).toEqual([1, 5]);
  });

  it.each([
    [[want(2), want(1)], 'InvalidPartOrder'],
    [[want(1), want(1)], 'InvalidPartOrder'],
    [[want(1), want(3)], 'InvalidPart'],
    [[{ partNumber: 1, etag: '"0000"' }], 'InvalidPart'],
    [[want(5), want(1)], 'InvalidPartOrder'],
  ])('%j → %s', (list, code) => {
    expect(codeOf(() => selectCompleteParts(list, stored))).toBe(code);
  });

  it('checks order before existence, existence before size', () => {
    const small = new Map([[1, part(1, 100)], [2, part(2, 100)]]);
    expect(codeOf(() => selectCompleteParts([want(9), want(2)], small))).toBe('InvalidPartOrder');
    expect(codeOf(() => selectCompleteParts([want(1), want(9)], small))).toBe('InvalidPart');
    expect(codeOf(() => selectCompleteParts([want(1), want(2)], small))).toBe('EntityTooSmall');
  });
});

describe('parseCompleteRequest', () => {
  it('reads parts, ETags verbatim (quotes included, entities decoded), with or without a namespace', () => {
    const xml =
      '<?xml version="1.0"?><CompleteMultipartUpload xmlns="http://doc.oss-cn-hangzhou.aliyuncs.com">\n' +
      '<Part><PartNumber> 1 </PartNumber><ETag>&#34;AB&#x22;</ETag></Part><Part><PartNumber>3</PartNumber><ETag>&quot;CD"</ETag></Part>' +
      '</CompleteMultipartUpload>';
    expect(parseCompleteRequest(xml)).toEqual([
      { partNumber: 1, etag: '"AB"' },
      { partNumber: 3, etag: '"CD"' },
    ]);
  });

  it.each([
    '',
    '<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>"A"</ETag></Part>',
    '<CompleteMultipartUpload><Part><PartNumber>x</PartNumber><ETag>"A"</ETag></Part></CompleteMultipartUpload>',
    '<CompleteMultipartUpload><Part><ETag>"A"</ETag></Part></CompleteMultipartUpload>',
    '<CompleteMultipartUpload><Part><PartNumber>1</PartNumber></Part></CompleteMultipartUpload>',
  ])('refuses %j as MalformedXML', (xml) => {
    expect(codeOf(() => parseCompleteRequest(xml))).toBe('MalformedXML');
  });
});
