import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildCompleteMultipartUploadBody } from './build-complete-body';
import { parseXmlDocument } from './xml-document';
import { readArray, readText } from './xml-accessors';

describe('buildCompleteMultipartUploadBody', () => {
  it('reproduces the 181-byte body of oss-protocol.md §5 exactly (Content-MD5 fwKIDn0JvIXEWwsjDHSgFg==)', () => {
    const body = buildCompleteMultipartUploadBody([{ partNumber: 1, etag: '"7265F4D211B56873A381D321F586E4A9"' }]);
    expect(body).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<CompleteMultipartUpload>\n<Part>\n<PartNumber>1</PartNumber>\n' +
        '<ETag>"7265F4D211B56873A381D321F586E4A9"</ETag>\n</Part>\n</CompleteMultipartUpload>',
    );
    expect(Buffer.byteLength(body)).toBe(181);
    expect(createHash('md5').update(body).digest('base64')).toBe('fwKIDn0JvIXEWwsjDHSgFg==');
  });

  it('sorts parts ascending (gaps allowed) and escapes ETags so they parse back verbatim', () => {
    const body = buildCompleteMultipartUploadBody([
      { partNumber: 8, etag: '"C"' },
      { partNumber: 1, etag: '"A&<B>"' },
      { partNumber: 5, etag: '"B"' },
    ]);
    const parts = readArray(parseXmlDocument(body, 'CompleteMultipartUpload'), 'Part');
    expect(parts.map((part) => [readText(part, 'PartNumber'), readText(part, 'ETag')])).toEqual([
      ['1', '"A&<B>"'],
      ['5', '"B"'],
      ['8', '"C"'],
    ]);
    expect(body).toContain('<ETag>"A&amp;&lt;B&gt;"</ETag>');
  });

  it('does not reorder the caller\'s array', () => {
    const parts = [
      { partNumber: 2, etag: '"B"' },
      { partNumber: 1, etag: '"A"' },
    ];
    buildCompleteMultipartUploadBody(parts);
    expect(parts.map((part) => part.partNumber)).toEqual([2, 1]);
  });

  it.each([
    ['no parts', []],
    ['a duplicate part number', [{ partNumber: 2, etag: '"A"' }, { partNumber: 1, etag: '"B"' }, { partNumber: 2, etag: '"A"' }]],
    ['part number 0', [{ partNumber: 0, etag: '"A"' }]],
    ['part number 10001', [{ partNumber: 10001, etag: '"A"' }]],
    ['a fractional part number', [{ partNumber: 1.5, etag: '"A"' }]],
    ['an empty ETag', [{ partNumber: 1, etag: '' }]],
    ['a control character in an ETag', [{ partNumber: 1, etag: '"A\u0001"' }]],
  ])('rejects %s with InvalidArgument', (_label, parts) => {
    expect(() => buildCompleteMultipartUploadBody(parts)).toThrow(expect.objectContaining({ code: 'InvalidArgument', retryable: false }));
  });
});
