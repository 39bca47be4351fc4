import { describe, expect, it } from 'vitest';
import type { BucketInfo, ListUploadsPage } from '../oss/oss-types';
import { OssError } from '../oss/oss-error';
import { runConnectionTest, type ConnectionProbeClient } from './run-connection-test';

const options = { host: 'h', signatureVersion: 'v4' as const, now: () => Date.UTC(2025, 0, 1) };

/** A client whose answers are scripted per operation and bucket, in call order. */
function scripted(script: Record<string, (OssError | 'ok')[]>): ConnectionProbeClient & { calls: string[] } {
  const calls: string[] = [];
  const next = (op: string, bucket: string): Promise<never> | Promise<unknown> => {
    calls.push(`${op} ${bucket}`);
    const answer = script[`${op} ${bucket}`]?.shift() ?? 'ok';
    return answer === 'ok' ? Promise.resolve({}) : Promise.reject(answer);
  };
  return {
    calls,
    getBucketInfo: (args) => next('info', args.bucket) as Promise<BucketInfo>,
    listMultipartUploads: (args) => next('list', args.bucket) as Promise<ListUploadsPage>,
  };
}

const oss = (code: string, extra: Partial<ConstructorParameters<typeof OssError>[0]> = {}): OssError =>
  new OssError({ code, status: 403, message: code, retryable: false, ...extra });

describe('runConnectionTest', () => {
  it('passes everything for a good account, two requests per bucket', async () => {
    const client = scripted({});
    const result = await runConnectionTest(client, { ...options, buckets: ['b1', 'b2'] });
    expect(result.ok).toBe(true);
    expect(result.checks.map((c) => `${c.name}${c.bucket === undefined ? '' : `:${c.bucket}`}=${c.status}`)).toEqual([
      'endpoint=passed',
      'credentials=passed',
      'clock=passed',
      'bucket:b1=passed',
      'listUploads:b1=passed',
      'bucket:b2=passed',
      'listUploads:b2=passed',
    ]);
    expect(client.calls).toEqual(['info b1', 'list b1', 'info b2', 'list b2']);
  });

  it('warns about a skewed clock and carries on with the corrected one', async () => {
    const skew = oss('RequestTimeTooSkewed', { retryable: true, details: { RequestTime: '2025-01-01T00:00:00Z', ServerTime: '2025-01-01T01:00:00Z' } });
    const client = scripted({ 'info b1': [skew] });
    const result = await runConnectionTest(client, { ...options, buckets: ['b1'] });
    expect(result.ok).toBe(true);
    expect(result.checks.find((c) => c.name === 'clock')).toMatchObject({ status: 'warning', code: 'RequestTimeTooSkewed' });
    expect(client.calls).toEqual(['info b1', 'info b1', 'list b1']);
  });

  it('stops at a credentials failure and skips the rest', async () => {
    const client = scripted({ 'info b1': [oss('InvalidAccessKeyId', { requestId: 'R9' })] });
    const result = await runConnectionTest(client, { ...options, buckets: ['b1', 'b2'] });
    expect(result.ok).toBe(false);
    expect(result.checks.map((c) => c.status)).toEqual(['passed', 'failed', 'skipped', 'skipped', 'skipped', 'skipped', 'skipped']);
    expect(result.checks[1]).toMatchObject({ name: 'credentials', code: 'InvalidAccessKeyId', requestId: 'R9' });
    expect(client.calls).toEqual(['info b1']);
  });

  it('reports an unreachable endpoint once', async () => {
    const client = scripted({ 'info b1': [oss('NetworkError', { status: 0, retryable: true })] });
    const result = await runConnectionTest(client, { ...options, buckets: ['b1'] });
    expect(result.checks.map((c) => `${c.name}=${c.status}`)).toEqual(['endpoint=failed', 'credentials=skipped', 'clock=skipped', 'bucket=skipped', 'listUploads=skipped']);
  });

  it('checks each bucket on its own: a missing one fails, the others pass', async () => {
    const client = scripted({ 'info gone': [oss('NoSuchBucket', { status: 404 })], 'list b2': [oss('AccessDenied')] });
    const result = await runConnectionTest(client, { ...options, buckets: ['gone', 'b2'] });
    expect(result.ok).toBe(false);
    expect(result.checks.map((c) => `${c.name}${c.bucket === undefined ? '' : `:${c.bucket}`}=${c.status}`)).toEqual([
      'endpoint=passed',
      'credentials=passed',
      'clock=passed',
      'bucket:gone=failed',
      'listUploads:gone=skipped',
      'bucket:b2=passed',
      'listUploads:b2=warning',
    ]);
  });

  it('cannot vouch for the credentials when no bucket answered past authentication', async () => {
    const client = scripted({ 'info gone': [oss('NoSuchBucket', { status: 404 })] });
    const result = await runConnectionTest(client, { ...options, buckets: ['gone'] });
    expect(result.checks[1]).toMatchObject({ name: 'credentials', status: 'skipped' });
    expect(result.checks[2]).toMatchObject({ name: 'clock', status: 'skipped' });
  });

  it('lets a non-OSS error through: it is a bug, not a finding about the account', async () => {
    const client: ConnectionProbeClient = {
      getBucketInfo: () => Promise.reject(new TypeError('boom')),
      listMultipartUploads: () => Promise.reject(new TypeError('boom')),
    };
    await expect(runConnectionTest(client, { ...options, buckets: ['b1'] })).rejects.toThrow('boom');
  });
});
