// "Test connection" (issue 5 item 3): GetBucketInfo on each bucket, then ListMultipartUploads with max-uploads 1, and
// one report line per check. Two requests per bucket, nothing written.
import type { ConnectionCheck, ConnectionTestResult } from '../../shared/models/account';
import type { OssClient } from '../oss/oss-client';
import { isOssError, type OssError } from '../oss/oss-error';
import { describeOssError } from '../oss/responses/describe-oss-error';
import { classifyProbeError, NO_LIST_PERMISSION_ADVICE, type ProbeContext, type ProbeFailure } from './classify-probe-error';

/** The client calls a connection test makes. */
export type ConnectionProbeClient = Pick<OssClient, 'getBucketInfo' | 'listMultipartUploads'>;

/** What runConnectionTest needs besides the client. */
export interface ConnectionTestOptions extends Omit<ProbeContext, 'bucket'> {
  readonly buckets: readonly string[];
}

type Outcome = { readonly ok: true } | { readonly ok: false; readonly error: OssError };

// Only OssErrors describe the account; anything else is a bug and propagates.
async function attempt(call: () => Promise<unknown>): Promise<Outcome> {
  try {
    await call();
    return { ok: true };
  } catch (error) {
    if (isOssError(error)) return { ok: false, error };
    throw error;
  }
}

function lineOf(name: ConnectionCheck['name'], f: ProbeFailure, bucket?: string): ConnectionCheck {
  return { name, status: f.status, ...(bucket === undefined ? {} : { bucket }), code: f.code, requestId: f.requestId, advice: f.advice };
}

const skipped = (name: ConnectionCheck['name'], bucket?: string): ConnectionCheck => ({
  name,
  status: 'skipped',
  ...(bucket === undefined ? {} : { bucket }),
});

function credentialsLine(blocking: ProbeFailure | undefined, authPassed: boolean): ConnectionCheck {
  if (blocking?.check === 'credentials') return lineOf('credentials', blocking);
  if (blocking !== undefined) return skipped('credentials');
  if (authPassed) return { name: 'credentials', status: 'passed' };
  return { ...skipped('credentials'), advice: 'Not checked: no bucket could be reached to check it with.' };
}

/**
 * Tests an account through `client`. The report lists `endpoint`, `credentials` and `clock` once, then `bucket` and
 * `listUploads` per bucket. A clock off by more than 15 minutes is a warning: the client corrects its signing time from
 * the RequestTimeTooSkewed answer (main/oss/oss-request-executor.ts), so the test goes on with the corrected clock.
 */
export async function runConnectionTest(client: ConnectionProbeClient, options: ConnectionTestOptions): Promise<ConnectionTestResult> {
  let blocking: ProbeFailure | undefined; // an endpoint or credentials failure: nothing else can be tested
  let skew: ProbeFailure | undefined;
  let authPassed = false;
  const bucketLines: ConnectionCheck[] = [];

  for (const bucket of options.buckets) {
    if (blocking !== undefined) {
      bucketLines.push(skipped('bucket', bucket), skipped('listUploads', bucket));
      continue;
    }
    const ctx: ProbeContext = { ...options, bucket };
    let info = await attempt(() => client.getBucketInfo({ bucket }));
    if (!info.ok && info.error.code === 'RequestTimeTooSkewed') {
      skew ??= { ...classifyProbeError(info.error, ctx), status: 'warning' };
      info = await attempt(() => client.getBucketInfo({ bucket }));
    }
    let bucketUsable = true;
    if (info.ok) {
      authPassed = true;
      bucketLines.push({ name: 'bucket', status: 'passed', bucket });
    } else {
      const f = classifyProbeError(info.error, ctx);
      if (f.check !== 'bucket') {
        blocking = f;
        bucketLines.push(skipped('bucket', bucket), skipped('listUploads', bucket));
        continue;
      }
      authPassed ||= f.authPassed;
      bucketUsable = f.status === 'warning';
      bucketLines.push(lineOf('bucket', f, bucket));
    }
    if (!bucketUsable) {
      bucketLines.push(skipped('listUploads', bucket));
      continue;
    }
    const list = await attempt(() => client.listMultipartUploads({ bucket, maxUploads: 1 }));
    if (list.ok) {
      authPassed = true;
      bucketLines.push({ name: 'listUploads', status: 'passed', bucket });
    } else if (list.error.code === 'AccessDenied') {
      authPassed = true;
      const requestId = list.error.requestId === '' ? undefined : list.error.requestId;
      bucketLines.push({ name: 'listUploads', status: 'warning', bucket, code: 'AccessDenied', requestId, advice: NO_LIST_PERMISSION_ADVICE });
    } else {
      const requestId = list.error.requestId === '' ? undefined : list.error.requestId;
      const advice = describeOssError(list.error, options.now).advice;
      bucketLines.push({ name: 'listUploads', status: 'failed', bucket, code: list.error.code, requestId, advice });
    }
  }

  const head: ConnectionCheck[] = [
    blocking?.check === 'endpoint' ? lineOf('endpoint', blocking) : { name: 'endpoint', status: 'passed' },
    credentialsLine(blocking, authPassed),
    // A clock still refused after the correction (the server's own clock jumping) blocks; a corrected one warns.
    blocking?.check === 'clock' ? lineOf('clock', blocking) : skew !== undefined ? lineOf('clock', skew) : authPassed ? { name: 'clock', status: 'passed' } : skipped('clock'),
  ];
  const checks = [...head, ...bucketLines];
  return { ok: checks.every((c) => c.status !== 'failed'), checks };
}
