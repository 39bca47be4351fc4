import { describe, expect, it } from 'vitest';
import { JOB_ID_PATTERN } from '../../shared/ipc/schema-primitives';
import { OssError } from '../oss/oss-error';
import { EngineError } from '../uploads/engine-error';
import { InvalidSettingsError } from '../uploads/engine-settings';
import { IllegalTransitionError } from '../uploads/job-status';
import { isValidJobId } from '../uploads/journal-record';
import { RequestFailedError } from '../uploads/request-retry';
import { INTERNAL_ERROR, MAX_WIRE_MESSAGE_CHARS, toWireError } from './to-wire-error';

const options = { now: () => Date.UTC(2025, 0, 1, 12, 0, 0), redact: (t: string) => t.replace('SECRET', '[redacted]') };

describe('toWireError', () => {
  it('gives clock-skew advice computed from the error', () => {
    const skew = new OssError({
      code: 'RequestTimeTooSkewed',
      status: 403,
      message: 'The difference between the request time and the current time is too large.',
      retryable: true,
      requestId: 'R1',
      details: { RequestTime: '2025-01-01T12:00:00.000Z', ServerTime: '2025-01-01T11:30:00.000Z' },
    });
    const { wire, unexpected } = toWireError(skew, options);
    expect(unexpected).toBe(false);
    expect(wire).toMatchObject({ code: 'RequestTimeTooSkewed', retryable: true, requestId: 'R1' });
    expect(wire.advice).toContain('30 minutes (ahead of OSS');
  });

  it('unwraps an OssError cause (the engine gives up with RequestFailedError)', () => {
    const cause = new OssError({ code: 'NoSuchBucket', status: 404, message: 'The specified bucket does not exist.', retryable: false });
    expect(toWireError(new RequestFailedError('permanent', 1, cause), options).wire).toMatchObject({ code: 'NoSuchBucket', retryable: false });
  });

  it('keeps the engine’s own codes and job advice', () => {
    const jobError = { code: 'AccessDenied', message: 'denied', retryable: false, requestId: 'R2', advice: 'Check the RAM policy.' };
    expect(toWireError(new EngineError('JobFailed', 'Abort failed', jobError), options).wire).toEqual({
      code: 'JobFailed',
      message: 'Abort failed',
      retryable: false,
      requestId: 'R2',
      advice: 'Check the RAM policy.',
    });
    expect(toWireError(new InvalidSettingsError('maxFiles', 'too big'), options).wire.code).toBe('InvalidSettings');
    expect(toWireError(new IllegalTransitionError('completed', 'pause'), options).wire.code).toBe('IllegalTransition');
  });

  it('clips and redacts messages, and hides anything unexpected', () => {
    const long = new OssError({ code: 'X', status: 400, message: `SECRET ${'y'.repeat(10_000)}`, retryable: false });
    const { wire } = toWireError(long, options);
    expect(wire.message.length).toBeLessThanOrEqual(MAX_WIRE_MESSAGE_CHARS);
    expect(wire.message.startsWith('[redacted] y')).toBe(true);
    expect(toWireError(new Error('ENOENT /home/u/x'), options)).toEqual({ wire: INTERNAL_ERROR, unexpected: true });
    expect(toWireError(undefined, options)).toEqual({ wire: INTERNAL_ERROR, unexpected: true });
  });
});

describe('job id format', () => {
  it('is the one the journal accepts', () => {
    for (const id of ['a', 'job_1-A', 'x'.repeat(128), 'x'.repeat(129), '../x', 'a b', '', 'é']) {
      expect(JOB_ID_PATTERN.test(id), id).toBe(isValidJobId(id));
    }
  });
});
