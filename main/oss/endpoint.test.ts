import { describe, expect, it } from 'vitest';
import { buildRequestUrl, encodeQuery, resolveEndpoint, type EndpointConfig, type RequestTarget } from './endpoint';
import { isOssError } from './oss-error';

function url(config: EndpointConfig, target: RequestTarget): { origin: string; path: string; host: string } {
  const { origin, path, host } = buildRequestUrl(resolveEndpoint(config), target);
  return { origin, path, host };
}

function invalidArgumentOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (isOssError(error) && error.code === 'InvalidArgument' && error.status === 0 && !error.retryable) return error.message;
    throw error;
  }
  throw new Error('expected InvalidArgument');
}

describe('resolveEndpoint', () => {
  it.each([
    ['https://oss-cn-hangzhou.aliyuncs.com', 'https:', 'oss-cn-hangzhou.aliyuncs.com', 'virtual-hosted', false],
    ['oss-cn-hangzhou.aliyuncs.com', 'https:', 'oss-cn-hangzhou.aliyuncs.com', 'virtual-hosted', false],
    ['https://OSS-cn-hangzhou.aliyuncs.com/', 'https:', 'oss-cn-hangzhou.aliyuncs.com', 'virtual-hosted', false],
    ['http://oss-cn-hangzhou-internal.aliyuncs.com', 'http:', 'oss-cn-hangzhou-internal.aliyuncs.com', 'virtual-hosted', false],
    ['https://oss-cn-hangzhou.aliyuncs.com:443', 'https:', 'oss-cn-hangzhou.aliyuncs.com', 'virtual-hosted', false],
    ['http://127.0.0.1:9000', 'http:', '127.0.0.1:9000', 'path-style', true],
    ['http://localhost:9000', 'http:', 'localhost:9000', 'path-style', true],
    ['http://[::1]:9000', 'http:', '[::1]:9000', 'path-style', true],
    ['127.0.0.1:9000', 'https:', '127.0.0.1:9000', 'path-style', true],
  ] as const)('%s', (endpoint, protocol, host, addressing, isLocal) => {
    expect(resolveEndpoint({ endpoint })).toMatchObject({ protocol, host, addressing, isLocal });
  });

  it('keeps an explicit addressing style', () => {
    expect(resolveEndpoint({ endpoint: 'http://127.0.0.1:9000', addressing: 'virtual-hosted' }).addressing).toBe('virtual-hosted');
    expect(resolveEndpoint({ endpoint: 'https://oss-cn-hangzhou.aliyuncs.com', addressing: 'path-style' }).addressing).toBe('path-style');
    expect(resolveEndpoint({ endpoint: 'https://files.example.com', addressing: 'cname' }).addressing).toBe('cname');
  });

  it.each([
    ['', /empty/],
    ['   ', /empty/],
    ['ftp://oss-cn-hangzhou.aliyuncs.com', /http/],
    ['https://user:pw@oss-cn-hangzhou.aliyuncs.com', /credentials/],
    ['https://oss-cn-hangzhou.aliyuncs.com/bucket', /no path/],
    ['https://oss-cn-hangzhou.aliyuncs.com/?x=1', /query/],
    ['https://oss-cn-hangzhou.aliyuncs.com/#frag', /query or fragment/],
    ['https://exa mple.com', /not a URL/],
    ['http://', /not a URL|no host/],
  ])('rejects %j', (endpoint, message) => {
    expect(invalidArgumentOf(() => resolveEndpoint({ endpoint }))).toMatch(message);
  });

  it('names the endpoint in its error, but never a password in it', () => {
    expect(invalidArgumentOf(() => resolveEndpoint({ endpoint: 'ftp://oss.example.com' }))).toContain('ftp://oss.example.com');
    const message = invalidArgumentOf(() => resolveEndpoint({ endpoint: 'https://ak:s3cret@oss.example.com' }));
    expect(message).not.toContain('s3cret');
    expect(message).toContain('https://***@oss.example.com');
  });

  it('refuses virtual-hosted addressing on an IPv6 literal', () => {
    expect(invalidArgumentOf(() => resolveEndpoint({ endpoint: 'http://[::1]:9000', addressing: 'virtual-hosted' }))).toMatch(/path-style/);
  });
});

describe('buildRequestUrl', () => {
  const aliyun = { endpoint: 'https://oss-cn-hangzhou.aliyuncs.com' };
  const local = { endpoint: 'http://127.0.0.1:9000' };
  const cname = { endpoint: 'https://static.example.com', addressing: 'cname' } as const;

  it('virtual-hosted: bucket in the host, key in the path', () => {
    expect(url(aliyun, { bucket: 'my-bucket', key: 'dir/a.bin', query: [['uploads', '']] })).toEqual({
      origin: 'https://my-bucket.oss-cn-hangzhou.aliyuncs.com',
      path: '/dir/a.bin?uploads',
      host: 'my-bucket.oss-cn-hangzhou.aliyuncs.com',
    });
  });

  it('virtual-hosted bucket-level request', () => {
    expect(url(aliyun, { bucket: 'my-bucket', query: [['uploads', ''], ['encoding-type', 'url']] })).toEqual({
      origin: 'https://my-bucket.oss-cn-hangzhou.aliyuncs.com',
      path: '/?uploads&encoding-type=url',
      host: 'my-bucket.oss-cn-hangzhou.aliyuncs.com',
    });
  });

  it('internal and accelerate endpoints are virtual-hosted too', () => {
    expect(url({ endpoint: 'oss-cn-shanghai-internal.aliyuncs.com' }, { bucket: 'b12', key: 'k' }).origin).toBe(
      'https://b12.oss-cn-shanghai-internal.aliyuncs.com',
    );
    expect(url({ endpoint: 'https://oss-accelerate.aliyuncs.com' }, { bucket: 'b12', key: 'k' }).host).toBe('b12.oss-accelerate.aliyuncs.com');
  });

  it('keeps a non-default port in origin and Host', () => {
    expect(url({ endpoint: 'http://oss.example.com:8080' }, { bucket: 'bkt', key: 'k' })).toEqual({
      origin: 'http://bkt.oss.example.com:8080',
      path: '/k',
      host: 'bkt.oss.example.com:8080',
    });
  });

  it('path-style for a local endpoint: /bucket/key', () => {
    expect(url(local, { bucket: 'bkt', key: 'a/b c.txt', query: [['partNumber', '3'], ['uploadId', 'U1']] })).toEqual({
      origin: 'http://127.0.0.1:9000',
      path: '/bkt/a/b%20c.txt?partNumber=3&uploadId=U1',
      host: '127.0.0.1:9000',
    });
    expect(url({ endpoint: 'http://localhost:9000' }, { bucket: 'bkt' }).path).toBe('/bkt/');
  });

  it('path-style on a public endpoint when asked', () => {
    expect(url({ ...aliyun, addressing: 'path-style' }, { bucket: 'bkt', key: 'k' })).toEqual({
      origin: 'https://oss-cn-hangzhou.aliyuncs.com',
      path: '/bkt/k',
      host: 'oss-cn-hangzhou.aliyuncs.com',
    });
  });

  it('virtual-hosted on a local endpoint connects to the endpoint and names the bucket in Host', () => {
    expect(url({ ...local, addressing: 'virtual-hosted' }, { bucket: 'bkt', key: 'k' })).toEqual({
      origin: 'http://127.0.0.1:9000',
      path: '/k',
      host: 'bkt.127.0.0.1:9000',
    });
  });

  it('cname: the custom domain, the key alone in the path', () => {
    expect(url(cname, { bucket: 'bkt', key: 'img/logo.png' })).toEqual({
      origin: 'https://static.example.com',
      path: '/img/logo.png',
      host: 'static.example.com',
    });
  });

  it('service-level request', () => {
    expect(url(aliyun, {})).toEqual({ origin: 'https://oss-cn-hangzhou.aliyuncs.com', path: '/', host: 'oss-cn-hangzhou.aliyuncs.com' });
  });

  it.each([
    ['a b', '/bkt/a%20b'],
    ['a+b', '/bkt/a%2Bb'],
    ['100%', '/bkt/100%25'],
    ['x#y', '/bkt/x%23y'],
    ['what?', '/bkt/what%3F'],
    ['文件/照片.jpg', '/bkt/%E6%96%87%E4%BB%B6/%E7%85%A7%E7%89%87.jpg'],
    ['a/b/c/d/e/f/g/h.bin', '/bkt/a/b/c/d/e/f/g/h.bin'],
    ["it's (1)*!", '/bkt/it%27s%20%281%29%2A%21'],
    ['a/../b/./c', '/bkt/a/../b/./c'],
    ['dir/', '/bkt/dir/'],
    ['tab\there', '/bkt/tab%09here'],
  ])('encodes key %j', (key, path) => {
    expect(url(local, { bucket: 'bkt', key }).path).toBe(path);
  });

  it('encodes query names and values with %20, never +', () => {
    expect(encodeQuery([['prefix', 'a b+c/d'], ['key-marker', '100%&x=y'], ['uploads', '']])).toBe(
      'prefix=a%20b%2Bc%2Fd&key-marker=100%25%26x%3Dy&uploads',
    );
  });

  it.each([['ab'], ['-bucket'], ['bucket-'], ['Bucket'], ['my_bucket'], ['a'.repeat(64)], ['my.bucket']])(
    'rejects bucket name %j',
    (bucket) => {
      expect(invalidArgumentOf(() => url(aliyun, { bucket, key: 'k' }))).toMatch(/bucket name/);
    },
  );

  it('accepts bucket names at the length limits', () => {
    expect(url(local, { bucket: 'abc', key: 'k' }).path).toBe('/abc/k');
    expect(url(local, { bucket: 'a'.repeat(63) }).path).toBe(`/${'a'.repeat(63)}/`);
  });

  it.each([
    ['/leading-slash', /start with/],
    ['\\leading-backslash', /start with/],
    ['x'.repeat(1024), /1024 bytes/],
    ['文'.repeat(342), /1026 bytes/],
    ['bad\uD800surrogate', /surrogate/],
  ])('rejects key %#', (key, message) => {
    expect(invalidArgumentOf(() => url(local, { bucket: 'bkt', key }))).toMatch(message);
  });

  it('accepts a key of exactly 1023 UTF-8 bytes', () => {
    expect(url(local, { bucket: 'bkt', key: '文'.repeat(341) }).path.startsWith('/bkt/%E6%96%87')).toBe(true);
  });

  it('a key needs a bucket', () => {
    expect(invalidArgumentOf(() => url(local, { key: 'k' }))).toMatch(/needs a bucket/);
  });
});
