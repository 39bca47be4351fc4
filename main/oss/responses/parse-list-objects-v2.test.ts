import { describe, expect, it } from 'vitest';
import { parseListObjectsV2 } from './parse-list-objects-v2';

const meta = { requestId: 'R4', headers: {} };

describe('parseListObjectsV2', () => {
  it('parses a page with one object and one prefix, decoding encoded fields', () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?>\n<ListBucketResult>\n  <Name>examplebucket</Name>\n  <Prefix>dir%2F</Prefix>\n' +
      '  <MaxKeys>100</MaxKeys>\n  <Delimiter>%2F</Delimiter>\n  <EncodingType>url</EncodingType>\n  <IsTruncated>true</IsTruncated>\n' +
      '  <NextContinuationToken>CgJiYw--</NextContinuationToken>\n  <KeyCount>2</KeyCount>\n  <Contents>\n' +
      '    <Key>dir%2Fbig%20file%2B1.bin</Key>\n    <LastModified>2020-06-22T11:42:32.000Z</LastModified>\n' +
      '    <ETag>"5B3C1A2E053D763E1B002CC607C5A0FE1****"</ETag>\n    <Type>Normal</Type>\n    <Size>344606</Size>\n' +
      '    <StorageClass>Standard</StorageClass>\n  </Contents>\n  <CommonPrefixes>\n    <Prefix>dir%2Fsub%0A%2F</Prefix>\n  </CommonPrefixes>\n' +
      '</ListBucketResult>';
    expect(parseListObjectsV2(xml, meta)).toEqual({
      requestId: 'R4',
      bucket: 'examplebucket',
      prefix: 'dir/',
      delimiter: '/',
      isTruncated: true,
      nextContinuationToken: 'CgJiYw--',
      objects: [{ key: 'dir/big file+1.bin', size: 344606, etag: '"5B3C1A2E053D763E1B002CC607C5A0FE1****"', lastModified: '2020-06-22T11:42:32.000Z' }],
      commonPrefixes: ['dir/sub\n/'],
    });
  });

  it('parses an empty last page', () => {
    const xml = '<ListBucketResult><Name>b</Name><Prefix></Prefix><IsTruncated>false</IsTruncated><KeyCount>0</KeyCount></ListBucketResult>';
    expect(parseListObjectsV2(xml, meta)).toMatchObject({ prefix: '', delimiter: '', nextContinuationToken: undefined, objects: [], commonPrefixes: [] });
  });

  it('keeps numeric-looking keys as strings', () => {
    const xml =
      '<ListBucketResult><Name>b</Name><IsTruncated>false</IsTruncated>' +
      '<Contents><Key>00123</Key><LastModified>t</LastModified><ETag>1e5</ETag><Size>0</Size></Contents></ListBucketResult>';
    expect(parseListObjectsV2(xml, meta).objects).toEqual([{ key: '00123', size: 0, etag: '1e5', lastModified: 't' }]);
  });

  it.each([
    ['a truncated page without a token', '<ListBucketResult><Name>b</Name><IsTruncated>true</IsTruncated></ListBucketResult>', 'no NextContinuationToken'],
    ['an object without Size', '<ListBucketResult><Name>b</Name><IsTruncated>false</IsTruncated><Contents><Key>k</Key><LastModified>t</LastModified><ETag>e</ETag></Contents></ListBucketResult>', 'Contents[1]: missing <Size>'],
  ])('rejects %s', (_label, xml, fragment) => {
    expect(() => parseListObjectsV2(xml, meta)).toThrow(
      expect.objectContaining({ code: 'MalformedResponse', message: expect.stringContaining(fragment) as unknown }),
    );
  });
});
