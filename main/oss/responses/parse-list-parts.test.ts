import { describe, expect, it } from 'vitest';
import { parseListParts } from './parse-list-parts';

const meta = { requestId: 'R1', headers: {} };

// oss-protocol.md §6.5 (shape of gov2 testMockListPartsSuccessCases).
const sample =
  '<?xml version="1.0" encoding="UTF-8"?>\n<ListPartsResult>\n  <EncodingType>url</EncodingType>\n  <Bucket>bucket</Bucket>\n' +
  '  <Key>demo%2Fgp-%0C%0A%0B</Key>\n  <UploadId>D4E111D4EA834F3ABCE4877B2779****</UploadId>\n  <StorageClass>Standard</StorageClass>\n' +
  '  <PartNumberMarker>0</PartNumberMarker>\n  <NextPartNumberMarker>1</NextPartNumberMarker>\n  <MaxParts>1000</MaxParts>\n' +
  '  <IsTruncated>false</IsTruncated>\n  <Part>\n    <PartNumber>1</PartNumber>\n    <LastModified>2023-11-22T05:42:34.000Z</LastModified>\n' +
  '    <ETag>"CF3F46D505093571E916FCDD4967****"</ETag>\n    <HashCrc64ecma>12066172435287683848</HashCrc64ecma>\n    <Size>96316</Size>\n' +
  '  </Part>\n</ListPartsResult>';

function page(inner: string, head = '<Bucket>b</Bucket><Key>k</Key><UploadId>u</UploadId>'): string {
  return `<ListPartsResult>${head}${inner}</ListPartsResult>`;
}

describe('parseListParts', () => {
  it('parses the documented sample: a lone <Part> is a list, the key is decoded, the CRC is exact', () => {
    expect(parseListParts(sample, meta)).toEqual({
      requestId: 'R1',
      bucket: 'bucket',
      key: 'demo/gp-\f\n\v',
      uploadId: 'D4E111D4EA834F3ABCE4877B2779****',
      partNumberMarker: 0,
      nextPartNumberMarker: 1,
      maxParts: 1000,
      isTruncated: false,
      parts: [
        {
          partNumber: 1,
          etag: '"CF3F46D505093571E916FCDD4967****"',
          size: 96316,
          lastModified: '2023-11-22T05:42:34.000Z',
          crc64: 12066172435287683848n,
        },
      ],
    });
  });

  it('reads several parts in order, a missing CRC as undefined, and a truncated page', () => {
    const xml = page(
      '<PartNumberMarker>2</PartNumberMarker><NextPartNumberMarker>5</NextPartNumberMarker><MaxParts>2</MaxParts>' +
        '<IsTruncated>true</IsTruncated>' +
        '<Part><PartNumber>3</PartNumber><LastModified>t</LastModified><ETag>"A"</ETag><Size>5368709120</Size></Part>' +
        '<Part><PartNumber>5</PartNumber><LastModified>t</LastModified><ETag>"B"</ETag><HashCrc64ecma>18446744073709551615</HashCrc64ecma><Size>1</Size></Part>',
    );
    const result = parseListParts(xml, meta);
    expect(result).toMatchObject({ partNumberMarker: 2, nextPartNumberMarker: 5, maxParts: 2, isTruncated: true });
    expect(result.parts.map((part) => [part.partNumber, part.size, part.crc64])).toEqual([
      [3, 5368709120, undefined],
      [5, 1, 18446744073709551615n],
    ]);
  });

  it('accepts an empty page with defaults for absent markers and keeps the key raw without EncodingType', () => {
    const result = parseListParts(page('<IsTruncated>false</IsTruncated>', '<Bucket>b</Bucket><Key>a%2Fb</Key><UploadId>00123</UploadId>'), meta);
    expect(result).toMatchObject({ key: 'a%2Fb', uploadId: '00123', parts: [], partNumberMarker: 0, nextPartNumberMarker: 0, maxParts: 1000 });
  });

  it.each([
    ['a part without ETag', page('<IsTruncated>false</IsTruncated><Part><PartNumber>1</PartNumber><LastModified>t</LastModified><Size>1</Size></Part>'), 'ListPartsResult/Part[1]: missing <ETag>'],
    ['a non-integer size', page('<IsTruncated>false</IsTruncated><Part><PartNumber>1</PartNumber><LastModified>t</LastModified><ETag>"A"</ETag><Size>1.5</Size></Part>'), '<Size> is not a non-negative integer'],
    ['a CRC above 2^64', page('<IsTruncated>false</IsTruncated><Part><PartNumber>1</PartNumber><LastModified>t</LastModified><ETag>"A"</ETag><HashCrc64ecma>18446744073709551616</HashCrc64ecma><Size>1</Size></Part>'), 'exceeds'],
    ['a missing IsTruncated', page(''), 'missing <IsTruncated>'],
    ['a truncated page whose marker does not advance', page('<PartNumberMarker>4</PartNumberMarker><NextPartNumberMarker>4</NextPartNumberMarker><IsTruncated>true</IsTruncated>'), 'does not advance'],
    ['a missing UploadId', page('<IsTruncated>false</IsTruncated>', '<Bucket>b</Bucket><Key>k</Key>'), 'missing <UploadId>'],
    ['a truncated document', sample.slice(0, sample.length - 20), 'not well-formed'],
  ])('rejects %s', (_label, xml, fragment) => {
    expect(() => parseListParts(xml, meta)).toThrow(
      expect.objectContaining({ code: 'MalformedResponse', requestId: 'R1', message: expect.stringContaining(fragment) as unknown }),
    );
  });
});
