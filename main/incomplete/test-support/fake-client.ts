// TEST-ONLY: an IncompleteClient whose methods are whatever a test supplies; the rest fail loudly if called.
import type { IncompleteClient } from '../incomplete-client';
import { OssError } from '../../oss/oss-error';

/** A client made of the given methods. */
export function fakeClient(methods: Partial<IncompleteClient>): IncompleteClient {
  const missing = (name: string) => (): Promise<never> => Promise.reject(new Error(`fake client: ${name} was not expected`));
  return {
    listMultipartUploads: methods.listMultipartUploads ?? missing('listMultipartUploads'),
    listParts: methods.listParts ?? missing('listParts'),
    abortMultipartUpload: methods.abortMultipartUpload ?? missing('abortMultipartUpload'),
    uploadPart: methods.uploadPart ?? missing('uploadPart'),
    completeMultipartUpload: methods.completeMultipartUpload ?? missing('completeMultipartUpload'),
    headObject: methods.headObject ?? missing('headObject'),
  };
}

/** An OssError as the server would send it. */
export function serverError(code: string, status: number, requestId = 'REQ-1'): OssError {
  return new OssError({ code, status, message: `${code} from the fake server`, requestId, retryable: status >= 500 });
}

/** Retry options that never wait. */
export const NO_WAIT_RETRY = {
  policy: { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 1 },
  sleep: (): Promise<void> => Promise.resolve(),
  random: (): number => 0,
} as const;
