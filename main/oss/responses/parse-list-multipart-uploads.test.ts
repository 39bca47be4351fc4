import { describe, expect, it } from 'vitest';
import { parseListMultipartUploads } from './parse-list-multipart-uploads';

const meta = { requestId: 'R2', headers: {} };

// oss-protocol.md §6.6.
const sample =
  '<?xml version="1.0" encoding="UTF-8"?>\n<ListMultipartUploadsResult>\n  <EncodingType>url</EncodingType>\n  <Bucket>oss-example</Bucket>\n' +
  '  <KeyMarker></KeyMarker>\n  <UploadIdMarker></UploadIdMarker>\n  <NextKeyMarker>oss.avi</NextKeyMarker>\n' +
  '  <NextUploadIdMarker>89F0105AA66942638E35300618DF****</NextUploadIdMarker>\n  <Delimiter>%2F</Delimiter>\n  <Prefix>pre</Prefix>\n' +
  '  <MaxUploads>1000</MaxUploads>\n  <IsTruncated>false</IsTruncated>\n  <Upload>\n    <Key>multipart.data</Key>\n' +
  '    <UploadId>0214A87687F040F1BA4D83AB17C9****</UploadId>\n    <StorageClass>Standard</StorageClass>\n' +
  '    <Initiated>2023-11-22T05:45:57.000Z</Initiated>\n  </Upload>\n  <CommonPrefixes>\n    <Prefix>dir%2F</Prefix>\n  </CommonPrefixes>\n' +
  '</ListMultipartUploadsResult>';

function page(inner: string): string {
  return `<ListMultipartUploadsResult><Bucket>b</Bucket>${inner}</ListMultipartUploadsResult>`;
}

const upload = (key: string, id: string, initiated = '2024-01-02T03:04:05.000Z'): string =>
  `<Upload><Key>${key}</Key><UploadId>${id}</UploadId><Initiated>${initiated}</Initiated></Upload>`;

describe('parseListMultipartUploads', () => {
  it('parses the documented sample: lone <Upload> and <CommonPrefixes> are lists, encoded fields decoded', () => {
    expect(parseListMultipartUploads(sample, meta)).toEqual({
      requestId: 'R2',
      bucket: 'oss-example',
      prefix: 'pre',
      delimiter: '/',
      keyMarker: '',
      uploadIdMarker: '',
      nextKeyMarker: 'oss.avi',
      nextUploadIdMarker: '89F0105AA66942638E35300618DF****',
      maxUploads: 1000,
      isTruncated: false,
      uploads: [
        {
          key: 'multipart.data',
          uploadId: '0214A87687F040F1BA4D83AB17C9****',
          initiated: '2023-11-22T05:45:57.000Z',
          initiatedMs: Date.UTC(2023, 10, 22, 5, 45, 57),
          storageClass: 'Standard',
        },
      ],
      commonPrefixes: ['dir/'],
    });
  });

  it('decodes keys, markers and prefixes with %2F %20 %2B %0A, keeping ids verbatim', () => {
    const xml = page(
      '<EncodingType>url</EncodingType><Prefix>a%20b%2F</Prefix><KeyMarker>a%20b%2Fk%2B1</KeyMarker><UploadIdMarker>00123</UploadIdMarker>' +
        '<NextKeyMarker>a%20b%2Fz%0A</NextKeyMarker><NextUploadIdMarker>1e5</NextUploadIdMarker><MaxUploads>2</MaxUploads><IsTruncated>true</IsTruncated>' +
        upload('a%20b%2Fk%2B1', '00124') +
        upload('a%20b%2Fz%0A', '1e5') +
        '<CommonPrefixes><Prefix>a%20b%2Fsub%2F</Prefix></CommonPrefixes><CommonPrefixes><Prefix>a%20b%2F%2B%2F</Prefix></CommonPrefixes>',
    );
    const result = parseListMultipartUploads(xml, meta);
    expect(result).toMatchObject({
      prefix: 'a b/',
      keyMarker: 'a b/k+1',
      uploadIdMarker: '00123',
      nextKeyMarker: 'a b/z\n',
      nextUploadIdMarker: '1e5',
      maxUploads: 2,
      isTruncated: true,
      commonPrefixes: ['a b/sub/', 'a b/+/'],
    });
    expect(result.uploads.map((u) => [u.key, u.uploadId, u.storageClass])).toEqual([
      ['a b/k+1', '00124', undefined],
      ['a b/z\n', '1e5', undefined],
    ]);
  });

  it('keeps fields raw without EncodingType and defaults absent ones', () => {
    const result = parseListMultipartUploads(page('<IsTruncated>false</IsTruncated>' + upload('100%25', 'u')), meta);
    expect(result).toMatchObject({ prefix: '', delimiter: '', keyMarker: '', nextKeyMarker: '', maxUploads: 1000, commonPrefixes: [] });
    expect(result.uploads[0]?.key).toBe('100%25');
  });

  it.each([
    ['an unparsable Initiated', page('<IsTruncated>false</IsTruncated>' + upload('k', 'u', 'last Tuesday')), 'ListMultipartUploadsResult/Upload[1]/Initiated is not an ISO-8601 time'],
    ['an upload without UploadId', page('<IsTruncated>false</IsTruncated><Upload><Key>k</Key><Initiated>2024-01-02T03:04:05Z</Initiated></Upload>'), 'Upload[1]: missing <UploadId>'],
    ['a truncated page without NextKeyMarker', page('<IsTruncated>true</IsTruncated>' + upload('k', 'u')), 'no NextKeyMarker'],
    ['a malformed escape in a key', page('<EncodingType>url</EncodingType><IsTruncated>false</IsTruncated>' + upload('%E4%B8', 'u')), 'malformed URL escape'],
    ['a CommonPrefixes without Prefix', page('<IsTruncated>false</IsTruncated><CommonPrefixes/>'), 'CommonPrefixes[1]: missing <Prefix>'],
    ['a missing Bucket', '<ListMultipartUploadsResult><IsTruncated>false</IsTruncated></ListMultipartUploadsResult>', 'missing <Bucket>'],
  ])('rejects %s', (_label, xml, fragment) => {
    expect(() => parseListMultipartUploads(xml, meta)).toThrow(
      expect.objectContaining({ code: 'MalformedResponse', requestId: 'R2', message: expect.stringContaining(fragment) as unknown }),
    );
  });
});
