import { describe, expect, it } from 'vitest';
import { parseOssObjectUrl, parseOssUrl } from './parse-oss-url';

describe('parseOssUrl', () => {
  it.each([
    ['oss://my-bucket', 'my-bucket', ''],
    ['oss://my-bucket/', 'my-bucket', ''],
    ['oss://my-bucket/dir/', 'my-bucket', 'dir/'],
    ['oss://my-bucket/dir/a b+c%20.bin', 'my-bucket', 'dir/a b+c%20.bin'],
    ['OSS://abc/x', 'abc', 'x'],
    ['oss://abc/目录/文件', 'abc', '目录/文件'],
  ])('%s → bucket %s, key %s', (text, bucket, key) => {
    expect(parseOssUrl(text)).toEqual({ bucket, key });
  });

  it.each([
    ['s3://bucket/key', /Expected oss:\/\//],
    ['bucket/key', /Expected oss:\/\//],
    ['oss://', /Invalid bucket name/],
    ['oss://Upper/key', /Invalid bucket name/],
    ['oss://ab/key', /Invalid bucket name/],
    ['oss://-bucket/key', /Invalid bucket name/],
    ['oss://bucket//key', /must not start with "\/"/],
    [`oss://bucket/${'k'.repeat(1024)}`, /longer than 1023 bytes/],
  ])('refuses %s', (text, message) => {
    expect(() => parseOssUrl(text)).toThrow(message);
  });

  it('parseOssObjectUrl needs a key that names one object', () => {
    expect(parseOssObjectUrl('oss://bucket/a/b.bin')).toEqual({ bucket: 'bucket', key: 'a/b.bin' });
    expect(() => parseOssObjectUrl('oss://bucket/')).toThrow(RangeError);
    expect(() => parseOssObjectUrl('oss://bucket/dir/')).toThrow(/naming one object/);
  });
});
