// Test support: job and part snapshots with sensible defaults. Not imported by the app.
import type { JobId, JobSnapshot, PartSnapshot, PartState } from '../../shared/models/job';

/** A job snapshot; `overrides` replace the defaults. */
export function makeJob(id: string, overrides: Partial<JobSnapshot> = {}): JobSnapshot {
  return {
    id: id as JobId,
    localPath: `/data/${id}.bin`,
    destination: { accountId: 'acc-1', bucket: 'bucket-1', key: `uploads/${id}.bin` },
    status: 'uploading',
    sizeBytes: 100 * 1024 * 1024,
    bytesDone: 0,
    partSizeBytes: 8 * 1024 * 1024,
    partCount: 13,
    partsDone: 0,
    uploadId: `upload-${id}`,
    bytesPerSecond: 0,
    etaSeconds: undefined,
    retries: 0,
    createdAtMs: 1_000,
    updatedAtMs: 1_000,
    error: undefined,
    verifiedBy: undefined,
    ...overrides,
  };
}

/** A part snapshot of 8 MiB parts. */
export function makePart(partNumber: number, state: PartState = { kind: 'pending' }): PartSnapshot {
  const size = 8 * 1024 * 1024;
  return { partNumber, offset: (partNumber - 1) * size, size, state };
}
