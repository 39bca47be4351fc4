// OSS limits as named constants. Source: ../shared/oss-protocol.md §7 (UploadPart, ListParts and
// ListMultipartUploads doc pages; gov2 oss/defaults.go).

/** Smallest size of any part but the last (100 KB = 102400 bytes). */
export const MIN_PART_SIZE_BYTES = 100 * 1024;
/** Largest part, and largest single PutObject (5 GB). */
export const MAX_PART_SIZE_BYTES = 5 * 1024 * 1024 * 1024;
/** Part numbers run 1..10000. */
export const MAX_PART_COUNT = 10_000;
/** The engine's default part size (8 MiB). */
export const DEFAULT_PART_SIZE_BYTES = 8 * 1024 * 1024;
/** `max-uploads` and `max-parts` are capped at 1000 by the server. */
export const MAX_LIST_PAGE_SIZE = 1000;
/** Object keys are 1..1023 bytes of UTF-8. */
export const MAX_OBJECT_KEY_BYTES = 1023;
/** The server refuses requests more than 15 minutes from its clock. */
export const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;
/** V4 presigned URLs may live at most seven days. */
export const MAX_V4_PRESIGN_EXPIRES_SECONDS = 604_800;
