import { describe, expect, it } from 'vitest';
import { parseGetBucketInfo } from './parse-get-bucket-info';

const meta = { requestId: 'R3', headers: {} };

describe('parseGetBucketInfo', () => {
  it('reads the Bucket child of BucketInfo', () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?>\n<BucketInfo>\n  <Bucket>\n    <AccessMonitor>Disabled</AccessMonitor>\n' +
      '    <CreationDate>2013-07-31T10:56:21.000Z</CreationDate>\n    <ExtranetEndpoint>oss-cn-hangzhou.aliyuncs.com</ExtranetEndpoint>\n' +
      '    <IntranetEndpoint>oss-cn-hangzhou-internal.aliyuncs.com</IntranetEndpoint>\n    <Location>oss-cn-hangzhou</Location>\n' +
      '    <StorageClass>Standard</StorageClass>\n    <Name>oss-example</Name>\n    <Owner><DisplayName>u</DisplayName><ID>1</ID></Owner>\n' +
      '  </Bucket>\n</BucketInfo>';
    expect(parseGetBucketInfo(xml, meta)).toEqual({
      requestId: 'R3',
      name: 'oss-example',
      location: 'oss-cn-hangzhou',
      creationDate: '2013-07-31T10:56:21.000Z',
      storageClass: 'Standard',
      extranetEndpoint: 'oss-cn-hangzhou.aliyuncs.com',
      intranetEndpoint: 'oss-cn-hangzhou-internal.aliyuncs.com',
    });
  });

  it('leaves optional fields undefined', () => {
    const xml = '<BucketInfo><Bucket><Name>b</Name><Location>oss-cn-beijing</Location><CreationDate>2024-01-01T00:00:00Z</CreationDate></Bucket></BucketInfo>';
    expect(parseGetBucketInfo(xml, meta)).toMatchObject({ storageClass: undefined, extranetEndpoint: undefined, intranetEndpoint: undefined });
  });

  it.each([
    ['no Bucket child', '<BucketInfo></BucketInfo>', 'BucketInfo: missing <Bucket>'],
    ['no Name', '<BucketInfo><Bucket><Location>l</Location><CreationDate>c</CreationDate></Bucket></BucketInfo>', 'BucketInfo/Bucket: missing <Name>'],
    ['the wrong root', '<ListAllMyBucketsResult/>', '<BucketInfo>'],
  ])('rejects %s', (_label, xml, fragment) => {
    expect(() => parseGetBucketInfo(xml, meta)).toThrow(
      expect.objectContaining({ code: 'MalformedResponse', message: expect.stringContaining(fragment) as unknown }),
    );
  });

  it('throws AccessDenied from an <Error> body', () => {
    const xml = '<Error xmlns="http://doc.oss-cn-hangzhou.aliyuncs.com"><Code>AccessDenied</Code><Message>You have no right to access this object.</Message></Error>';
    expect(() => parseGetBucketInfo(xml, meta)).toThrow(expect.objectContaining({ code: 'AccessDenied', retryable: false }));
  });
});
