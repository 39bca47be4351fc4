import { describe, expect, it } from 'vitest';
import { EmulatorError } from './emulator-error';
import { parseQuery } from './request-query';
import { isPathStyleHost, resolveRequestTarget } from './request-target';

describe('resolveRequestTarget (oss-protocol.md §2)', () => {
  it.each([
    ['127.0.0.1:9000', '/bucket/dir/a%20b%2B1.bin?uploads', 'path-style', 'bucket', 'dir/a b+1.bin', 'uploads'],
    ['localhost:9000', '/bucket', 'path-style', 'bucket', '', ''],
    ['LOCALHOST', '/bucket/', 'path-style', 'bucket', '', ''],
    ['[::1]:9000', '/bucket/k', 'path-style', 'bucket', 'k', ''],
    ['127.0.0.1:9000', '/', 'path-style', '', '', ''],
    ['bucket.oss-cn-hangzhou.aliyuncs.com', '/dir/key+1', 'virtual-hosted', 'bucket', 'dir/key+1', ''],
    ['bucket.oss-cn-hangzhou.aliyuncs.com:80', '/?uploads&prefix=a', 'virtual-hosted', 'bucket', '', 'uploads&prefix=a'],
    ['bucket.oss-cn-hangzhou.aliyuncs.com', "/!'()*%F0%9F%98%80", 'virtual-hosted', 'bucket', "!'()*😀", ''],
  ])('%s %s', (host, url, style, bucket, key, rawQuery) => {
    expect(resolveRequestTarget(host, url)).toEqual({ style, bucket, key, rawQuery });
  });

  it('keeps a doubled slash in the key (so InvalidObjectName can be answered)', () => {
    expect(resolveRequestTarget('127.0.0.1', '/bucket//abs').key).toBe('/abs');
  });

  it('refuses a path that does not decode', () => {
    expect(() => resolveRequestTarget('127.0.0.1', '/bucket/%E0%A4%A')).toThrow(EmulatorError);
  });

  it('treats a missing Host as path-style', () => {
    expect(isPathStyleHost(undefined)).toBe(true);
    expect(isPathStyleHost('example.com')).toBe(false);
  });
});

describe('parseQuery', () => {
  it('decodes names and values, keeps bare parameters as empty values, reads + as space', () => {
    expect(parseQuery('uploads&prefix=a%2Fb&max-uploads=10&x=&key-marker=a+b%2Bc&&')).toEqual([
      ['uploads', ''],
      ['prefix', 'a/b'],
      ['max-uploads', '10'],
      ['x', ''],
      ['key-marker', 'a b+c'],
    ]);
  });
});
