import type { UploadSelection } from '../../../shared/models/remote-upload';

/**
 * The identity of one incomplete upload in the browser. A key may have several uploads and an upload id is only unique
 * within its key (oss-protocol.md §6.6 lists both as the cursor pair), so the row key joins the two with a character
 * no upload id contains (upload ids are printable ASCII, shared/ipc/schema-primitives.ts).
 */
export function uploadRowKey(upload: UploadSelection): string {
  return `${upload.uploadId}\n${upload.key}`;
}
