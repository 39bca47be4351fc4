// TEST-ONLY: JobSnapshot values for reporter tests.
import type { JobId, JobSnapshot } from '../../../shared/models/job';

const MiB = 1024 * 1024;

/** A snapshot of a 100 MiB upload of /work/data/a.bin to oss://bucket/in/a.bin, with `overrides` applied. */
export function jobSnapshot(overrides: Partial<JobSnapshot> = {}): JobSnapshot {
  return {
    id: 'job-1' as JobId,
    localPath: '/work/data/a.bin',
    destination: { accountId: 'cli-test', bucket: 'bucket', key: 'in/a.bin' },
    status: 'uploading',
    sizeBytes: 100 * MiB,
    bytesDone: 0,
    partSizeBytes: 8 * MiB,
    partCount: 13,
    partsDone: 0,
    uploadId: 'upload-1',
    bytesPerSecond: 0,
    etaSeconds: undefined,
    retries: 0,
    createdAtMs: 0,
    updatedAtMs: 0,
    error: undefined,
    verifiedBy: undefined,
    ...overrides,
  };
}
