import { describe, expect, it } from 'vitest';
import { OssError } from '../oss/oss-error';
import { toJobError } from './job-error';
import { RequestFailedError } from './request-retry';

describe('toJobError', () => {
  it('says a job that ran out of attempts can be retried, with the request id and advice', () => {
    const cause = new OssError({ code: 'InternalError', status: 500, retryable: true, message: 'boom', requestId: 'R1' });
    expect(toJobError(new RequestFailedError('exhausted', 8, cause))).toEqual({
      code: 'InternalError',
      message: 'boom (gave up after 8 attempts)',
      retryable: true,
      requestId: 'R1',
      advice: expect.stringContaining('retried automatically'),
    });
  });

  it('turns NoSuchUpload into "aborted elsewhere" with what to do', () => {
    const cause = new OssError({ code: 'NoSuchUpload', status: 404, retryable: false, message: 'The specified upload does not exist.', details: { UploadId: 'U9' } });
    const error = toJobError(new RequestFailedError('permanent', 1, cause));
    expect(error).toMatchObject({ code: 'NoSuchUpload', retryable: false, message: 'the upload was aborted elsewhere: OSS no longer knows upload U9' });
    expect(error.advice).toContain('add the file again');
  });

  it('gives the engine\'s own codes advice, and keeps other errors\' codes', () => {
    const changed = new OssError({ code: 'SourceChanged', status: 0, retryable: false, message: 'file changed since the upload started: /f' });
    expect(toJobError(changed)).toMatchObject({ code: 'SourceChanged', retryable: false, advice: expect.stringContaining('add the file again') });
    const denied = new OssError({ code: 'AccessDenied', status: 403, retryable: false, message: 'no' });
    expect(toJobError(new RequestFailedError('permanent', 1, denied)).advice).toContain('RAM policy');
    expect(toJobError(Object.assign(new Error('disk gone'), { code: 'EIO' }))).toMatchObject({ code: 'EIO', message: 'disk gone', retryable: false });
    expect(toJobError('weird')).toMatchObject({ code: 'UnexpectedError', message: 'weird' });
  });
});
