import { describe, expect, it } from 'vitest';
import { parseInitiateMultipartUpload } from './parse-initiate-multipart-upload';

const meta = { requestId: 'REQ-1', headers: { 'x-oss-request-id': 'REQ-1' } };

describe('parseInitiateMultipartUpload', () => {
  it('parses the documented sample (oss-protocol.md §6.1)', () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?>\n<InitiateMultipartUploadResult>\n  <Bucket>oss-example</Bucket>\n' +
      '  <Key>multipart.data</Key>\n  <UploadId>0004B9894A22E5B1888A1E29F823****</UploadId>\n</InitiateMultipartUploadResult>';
    expect(parseInitiateMultipartUpload(xml, meta)).toEqual({
      requestId: 'REQ-1',
      bucket: 'oss-example',
      key: 'multipart.data',
      uploadId: '0004B9894A22E5B1888A1E29F823****',
    });
  });

  it('URL-decodes Key under encoding-type=url and keeps numeric-looking ids as strings', () => {
    const xml =
      '<InitiateMultipartUploadResult><EncodingType>url</EncodingType><Bucket>b</Bucket>' +
      '<Key>dir%2Fbig%20file%2B1.bin%0A</Key><UploadId>00123</UploadId></InitiateMultipartUploadResult>';
    const result = parseInitiateMultipartUpload(xml, meta);
    expect(result.key).toBe('dir/big file+1.bin\n');
    expect(result.uploadId).toBe('00123');
  });

  it('leaves Key alone without EncodingType', () => {
    const xml = '<InitiateMultipartUploadResult><Bucket>b</Bucket><Key>100%25 a+b</Key><UploadId>1e5</UploadId></InitiateMultipartUploadResult>';
    expect(parseInitiateMultipartUpload(xml, meta)).toMatchObject({ key: '100%25 a+b', uploadId: '1e5' });
  });

  it.each([
    ['missing UploadId', '<InitiateMultipartUploadResult><Bucket>b</Bucket><Key>k</Key></InitiateMultipartUploadResult>', 'missing <UploadId>'],
    ['empty UploadId', '<InitiateMultipartUploadResult><Bucket>b</Bucket><Key>k</Key><UploadId/></InitiateMultipartUploadResult>', '<UploadId> is empty'],
    ['wrong root', '<ListPartsResult><Bucket>b</Bucket></ListPartsResult>', '<ListPartsResult>'],
    ['truncated', '<InitiateMultipartUploadResult><Bucket>b</Bucket><Key>k</Ke', 'not well-formed'],
    ['a bad escape', '<InitiateMultipartUploadResult><EncodingType>url</EncodingType><Bucket>b</Bucket><Key>%zz</Key><UploadId>u</UploadId></InitiateMultipartUploadResult>', 'malformed URL escape'],
  ])('rejects %s with a MalformedResponse carrying the request id', (_label, xml, fragment) => {
    expect(() => parseInitiateMultipartUpload(xml, meta)).toThrow(
      expect.objectContaining({
        code: 'MalformedResponse',
        status: 200,
        requestId: 'REQ-1',
        retryable: true,
        message: expect.stringContaining(fragment) as unknown,
      }),
    );
  });

  it('throws an <Error> document as the OSS error it is', () => {
    const xml = '<Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist.</Message><RequestId>R9</RequestId></Error>';
    expect(() => parseInitiateMultipartUpload(xml, meta)).toThrow(
      expect.objectContaining({ code: 'NoSuchBucket', status: 200, requestId: 'R9', retryable: false }),
    );
  });
});
