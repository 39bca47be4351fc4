import { describe, expect, it } from 'vitest';
import { OssError } from '../oss-error';
import { malformedResponse } from './malformed-response';
import { readHeader, withResponseContext } from './response-context';

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('readHeader', () => {
  it('finds a header whatever its case', () => {
    expect(readHeader({ 'x-oss-request-id': 'a' }, 'X-OSS-Request-Id')).toBe('a');
    expect(readHeader({ ETag: '"x"' }, 'etag')).toBe('"x"');
    expect(readHeader({}, 'etag')).toBeUndefined();
    expect(readHeader({}, 'constructor')).toBeUndefined();
  });
});

describe('withResponseContext', () => {
  it('returns the parser result', () => {
    expect(withResponseContext('R', () => 42)).toBe(42);
  });

  it('stamps status 200 and the request id on a MalformedResponse, keeping its cause', () => {
    const cause = new Error('root cause');
    const error = thrown(() =>
      withResponseContext('R', () => {
        throw malformedResponse('bad', { cause });
      }),
    );
    expect(error).toBeInstanceOf(OssError);
    expect(error).toMatchObject({ code: 'MalformedResponse', status: 200, requestId: 'R', retryable: true, message: 'bad', cause });
  });

  it('leaves other errors untouched', () => {
    const original = new OssError({ code: 'NoSuchUpload', status: 200, message: 'gone', retryable: false, requestId: 'S' });
    expect(thrown(() => withResponseContext('R', () => { throw original; }))).toBe(original);
    const plain = new TypeError('bug');
    expect(thrown(() => withResponseContext('R', () => { throw plain; }))).toBe(plain);
  });

  it('does not invent an empty request id', () => {
    expect(thrown(() => withResponseContext('', () => { throw malformedResponse('bad'); }))).toMatchObject({ requestId: undefined });
  });
});
