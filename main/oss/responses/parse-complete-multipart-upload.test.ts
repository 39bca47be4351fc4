import { describe, expect, it } from 'vitest';
import { isOssError } from '../oss-error';
import { parseCompleteMultipartUpload } from './parse-complete-multipart-upload';

const sample =
  '<?xml version="1.0" encoding="UTF-8"?>\n<CompleteMultipartUploadResult>\n  <EncodingType>url</EncodingType>\n' +
  '  <Location>http://oss-example.oss-cn-hangzhou.aliyuncs.com/multipart.data</Location>\n  <Bucket>oss-example</Bucket>\n' +
  '  <Key>multipart.data</Key>\n  <ETag>"097DE458AD02B5F89F9D0530231876****"</ETag>\n</CompleteMultipartUploadResult>';

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('parseCompleteMultipartUpload', () => {
  it('parses the documented sample with the CRC-64 and version headers (oss-protocol.md §6.3)', () => {
    const headers = { 'x-oss-hash-crc64ecma': '12066172435287683848', 'x-oss-version-id': 'CAEQ' };
    expect(parseCompleteMultipartUpload(sample, { requestId: 'R1', headers })).toEqual({
      requestId: 'R1',
      bucket: 'oss-example',
      key: 'multipart.data',
      etag: '"097DE458AD02B5F89F9D0530231876****"',
      location: 'http://oss-example.oss-cn-hangzhou.aliyuncs.com/multipart.data',
      crc64: 12066172435287683848n,
      versionId: 'CAEQ',
    });
  });

  it('gives undefined CRC and version when the headers are absent, and finds headers whatever their case', () => {
    expect(parseCompleteMultipartUpload(sample, { requestId: 'R1', headers: {} })).toMatchObject({ crc64: undefined, versionId: undefined });
    expect(parseCompleteMultipartUpload(sample, { requestId: 'R1', headers: { 'X-Oss-Hash-Crc64ecma': '7' } }).crc64).toBe(7n);
  });

  it('decodes an encoded key and accepts &#34;/&quot; escaped ETags', () => {
    const xml =
      '<CompleteMultipartUploadResult><EncodingType>url</EncodingType><Bucket>b</Bucket><Key>a%2Fb%20c%2Bd</Key>' +
      '<ETag>&#34;ABC-2&quot;</ETag></CompleteMultipartUploadResult>';
    expect(parseCompleteMultipartUpload(xml, { requestId: 'R', headers: {} })).toMatchObject({ key: 'a/b c+d', etag: '"ABC-2"', location: '' });
  });

  it('throws the OSS error of an <Error> body behind HTTP 200, retryable per its code', () => {
    const error = thrown(() =>
      parseCompleteMultipartUpload(
        '<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n  <Code>InternalError</Code>\n  <Message>We encountered an internal error. Please try again.</Message>\n' +
          '  <RequestId>5C3D9175B6FC201293AD****</RequestId>\n  <HostId>b.oss-cn-hangzhou.aliyuncs.com</HostId>\n  <EC>0002-00000001</EC>\n</Error>',
        { requestId: 'HDR', headers: { 'x-oss-request-id': 'HDR' } },
      ),
    );
    expect(isOssError(error)).toBe(true);
    expect(error).toMatchObject({
      code: 'InternalError',
      status: 200,
      retryable: true,
      requestId: '5C3D9175B6FC201293AD****',
      ec: '0002-00000001',
      message: 'We encountered an internal error. Please try again.',
    });

    const final = thrown(() =>
      parseCompleteMultipartUpload('<Error><Code>InvalidPart</Code><Message>One or more of the specified parts could not be found.</Message></Error>', {
        requestId: 'HDR',
        headers: { 'x-oss-request-id': 'HDR' },
      }),
    );
    expect(final).toMatchObject({ code: 'InvalidPart', status: 200, retryable: false, requestId: 'HDR' });
  });

  it.each([
    ['a truncated body', sample.slice(0, 120)],
    ['a missing ETag', '<CompleteMultipartUploadResult><Bucket>b</Bucket><Key>k</Key></CompleteMultipartUploadResult>'],
    ['an empty body', ''],
  ])('rejects %s as a retryable MalformedResponse', (_label, xml) => {
    expect(thrown(() => parseCompleteMultipartUpload(xml, { requestId: 'R', headers: {} }))).toMatchObject({
      code: 'MalformedResponse',
      retryable: true,
      requestId: 'R',
    });
  });

  it('rejects a malformed CRC-64 header', () => {
    expect(thrown(() => parseCompleteMultipartUpload(sample, { requestId: 'R', headers: { 'x-oss-hash-crc64ecma': '-5' } }))).toMatchObject({
      code: 'MalformedResponse',
    });
  });
});
