/**
 * A short form of an upload id for a narrow column: OSS upload ids are 32 hex characters (and other servers' ids can be
 * longer), so the head and tail are kept, which is enough to tell two uploads of one key apart at a glance.
 */
export function shortenUploadId(uploadId: string, keep = 6): string {
  if (uploadId.length <= keep * 2 + 1) return uploadId;
  return `${uploadId.slice(0, keep)}…${uploadId.slice(-keep)}`;
}
