// Any error as the plain fields a per-item abort result carries (code, message, request id): OssErrors keep their
// own, other errors (a local job's cancel failing, a bug) get their errno-style code or `Error`.
import type { AbortFailure } from '../../shared/models/remote-upload';
import { isOssError } from '../oss/oss-error';

/** The code, message and request id of `error`. */
export function toAbortFailure(error: unknown): AbortFailure {
  if (isOssError(error)) return { code: error.code, message: error.message, requestId: error.requestId };
  if (error instanceof Error) {
    const code = 'code' in error && typeof error.code === 'string' ? error.code : 'Error';
    return { code, message: error.message, requestId: undefined };
  }
  return { code: 'Error', message: String(error), requestId: undefined };
}
