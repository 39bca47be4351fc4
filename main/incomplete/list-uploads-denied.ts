// Issue 4 item 6: an account whose RAM policy lacks oss:ListMultipartUploads gets 403 AccessDenied from the listing
// (oss-protocol.md §8.2). That is a normal situation, not a crash: uploading still works, only this screen cannot.
import { isOssError, OssError } from '../oss/oss-error';

/** What to tell a person when the listing is denied. */
export const LIST_UPLOADS_DENIED_ADVICE =
  'This account may not list incomplete uploads (its RAM policy lacks oss:ListMultipartUploads). ' +
  'Uploading still works; ask the account owner for that permission to browse and clean up incomplete uploads.';

/**
 * An AccessDenied from ListMultipartUploads. Still an OssError with code AccessDenied (so retry classification and
 * the IPC error envelope treat it as what it is), with a message that says what it means for this feature.
 */
export class ListUploadsDeniedError extends OssError {
  /** Tag for narrowing without instanceof (errors cross module copies and process boundaries). */
  readonly reason = 'listUploadsDenied';
  readonly advice = LIST_UPLOADS_DENIED_ADVICE;

  constructor(cause: OssError) {
    super(
      {
        code: cause.code,
        status: cause.status,
        retryable: false,
        requestId: cause.requestId,
        ec: cause.ec,
        message: LIST_UPLOADS_DENIED_ADVICE,
      },
      { cause },
    );
  }
}

/** True for the error {@link translateListError} produces. */
export function isListUploadsDenied(error: unknown): error is ListUploadsDeniedError {
  return isOssError(error) && 'reason' in error && error.reason === 'listUploadsDenied';
}

/** Turns an AccessDenied from ListMultipartUploads into a ListUploadsDeniedError; other errors pass unchanged. */
export function translateListError(error: unknown): unknown {
  if (isOssError(error) && error.code === 'AccessDenied' && !isListUploadsDenied(error)) return new ListUploadsDeniedError(error);
  return error;
}
