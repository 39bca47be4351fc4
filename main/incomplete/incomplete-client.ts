// The part of the OSS client the incomplete-upload manager uses. Narrowed so tests can hand in a fake, and so a
// reader sees at a glance which OSS operations this folder performs.
import type { OssClient } from '../oss/oss-client';

/** The OSS operations the manager calls (all of them are OssClient methods). */
export type IncompleteClient = Pick<
  OssClient,
  'listMultipartUploads' | 'listParts' | 'abortMultipartUpload' | 'uploadPart' | 'completeMultipartUpload' | 'headObject'
>;

/** Picks the client of an account; `undefined` means the caller's only (or default) account. */
export type IncompleteClientResolver = (accountId: string | undefined) => IncompleteClient;

/** Names one incomplete upload of one account. */
export interface UploadRef {
  readonly accountId?: string | undefined;
  readonly bucket: string;
  readonly key: string;
  readonly uploadId: string;
}
